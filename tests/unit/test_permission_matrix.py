"""Every service call, by every role: the core refuses what the role may not do, whatever
the UI shows (DESIGN.md §7: permissions live in the services)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update

from desktop.domain.cases import CaseState, TransitionRefused
from desktop.domain.checklist import DocumentType
from desktop.domain.reporting import Month, Period
from desktop.domain.roles import Role
from desktop.errors import PermissionDenied, VentanillaError
from desktop.services.attentions import AttentionService
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.correction import Contact, CorrectionService
from desktop.services.document_viewer import DocumentViewerService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.receipts import ReceiptService
from desktop.services.reports import ReportService
from desktop.services.review import ReviewService
from desktop.services.staff import StaffService
from desktop.services.sync import SyncService
from desktop.services.workflow import TITULAR, Recipient, WorkflowService
from desktop.store.models import Case
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR
from tests.support.stations import free_cedulas

CREDENTIALS = {"oficinista": CLERK, "supervisor": SUPERVISOR, "administrador": ADMIN}
REFUSALS = (PermissionDenied, TransitionRefused)
MONTH = Period(Month(2026, 11), Month(2026, 11))


def _state(runtime: Any, number: str, state: CaseState) -> None:
    with runtime.db.write() as session, session.begin():
        session.execute(update(Case).where(Case.case_number == number).values(
            state=state.value))


# what each call needs: (name, roles allowed, call(runtime, actor, world))
CALLS: list[tuple[str, set[str], Callable[..., Any]]] = [
    ("registrar", {"oficinista", "supervisor"},
     lambda rt, a, w: IntakeService(rt, a).register(w["form"])),
    ("enviar a revisión", {"oficinista", "supervisor"},
     lambda rt, a, w: WorkflowService(rt, a).send_to_review(w["returned"])),
    ("corregir y reenviar", {"oficinista", "supervisor"},
     lambda rt, a, w: CorrectionService(rt, a).resubmit(
         w["returned"], Contact("otra@correo.ec", "0991234567"))),
    ("aprobar", {"supervisor"},
     lambda rt, a, w: WorkflowService(rt, a).approve(w["in_review"])),
    ("devolver", {"supervisor"},
     lambda rt, a, w: WorkflowService(rt, a).return_case(w["in_review"], "Falta firma")),
    ("anular", {"supervisor"},
     lambda rt, a, w: WorkflowService(rt, a).annul(w["in_review"], "Error de registro")),
    ("entregar acuerdo", {"oficinista", "supervisor"},
     lambda rt, a, w: WorkflowService(rt, a).deliver(w["issued"], Recipient(TITULAR))),
    ("cola de revisión", {"supervisor"}, lambda rt, a, w: ReviewService(rt, a).queue()),
    ("vista previa de pensión", {"supervisor"},
     lambda rt, a, w: ReviewService(rt, a).pension_preview(w["new"])),
    ("ver documentos", {"supervisor"},
     lambda rt, a, w: DocumentViewerService(rt, a).open(w["new"], w["sha"])),
    ("imprimir comprobante", {"oficinista", "supervisor", "administrador"},
     lambda rt, a, w: ReceiptService(rt, a).render(w["new"])),
    ("imprimir hoja de estado", {"oficinista", "supervisor", "administrador"},
     lambda rt, a, w: CaseDocumentService(rt, a).status_slip(w["new"])),
    ("reintentar sincronización", {"administrador"},
     lambda rt, a, w: SyncService(rt).retry(a, 1)),
    ("administrar personal", {"administrador"}, lambda rt, a, w: StaffService(rt, a).members()),
    ("centros para traslado", {"administrador"},
     lambda rt, a, w: StaffService(rt, a).centres()),
    # issue 13: the person at the counter, and complaints
    ("abrir atención", {"oficinista", "supervisor"},
     lambda rt, a, w: AttentionService(rt, a).open("A-1")),
    ("registrar queja", {"oficinista", "supervisor"},
     lambda rt, a, w: ComplaintService(rt, a).register(
         ComplaintForm("ventanilla", "espera", "Esperé demasiado en la fila."))),
    ("asignar queja", {"supervisor"},
     lambda rt, a, w: ComplaintService(rt, a).assign(w["complaint"], "oficinista.uio")),
    ("reporte de transparencia", {"supervisor", "administrador"},
     lambda rt, a, w: ReportService(rt, a).transparency(MONTH, a.centre_code)),
    ("reporte de pendientes", {"supervisor", "administrador"},
     lambda rt, a, w: ReportService(rt, a).backlog(MONTH, a.centre_code)),
    ("reporte por funcionario", {"supervisor", "administrador"},
     lambda rt, a, w: ReportService(rt, a).staff(MONTH)),
]


@pytest.fixture
def world(runtime, samples, signed_form) -> dict[str, Any]:
    clerk = sign_in(runtime, *CLERK)
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    form = IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True, (document,))
    numbers = {"new": intake.register(form).case_number}
    for name, cedula in zip(("in_review", "issued", "returned"), free_cedulas(runtime, 3),
                            strict=True):
        numbers[name] = intake.register(IntakeForm(cedula, "a@correo.ec", "0991234567", True,
                                                   (document,))).case_number
    _state(runtime, numbers["in_review"], CaseState.EN_REVISION)
    _state(runtime, numbers["issued"], CaseState.ACUERDO_EMITIDO)
    _state(runtime, numbers["returned"], CaseState.DEVUELTO)
    complaint = ComplaintService(runtime, clerk).register(
        ComplaintForm("correo", "demora", "Mi trámite no avanza desde hace un mes.")).number
    return {**numbers, "form": form, "sha": document.sha256, "complaint": complaint}


@pytest.mark.parametrize("role", sorted(CREDENTIALS))
@pytest.mark.parametrize(("name", "allowed", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_every_call_is_refused_to_the_roles_that_may_not_make_it(runtime, world, role, name,
                                                                 allowed, call):
    actor = sign_in(runtime, *CREDENTIALS[role])
    assert actor.role is Role(role)
    if role in allowed:
        try:
            call(runtime, actor, world)
        except REFUSALS as refusal:
            pytest.fail(f"{role} was refused {name}: {refusal.user_message}")
        except VentanillaError:
            pass  # allowed, refused for another reason (e.g. the case is already open)
    else:
        with pytest.raises(REFUSALS) as raised:
            call(runtime, actor, world)
        assert raised.value.user_message  # a Spanish reason, not a bare error
