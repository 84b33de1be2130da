"""Realistic demo and load cases, registered through the same services a clerk uses.

Each goes through the intake service as this centre's demo clerk (so it reaches the
outbox like any other), and most are then sent to review and approved by the centre's
supervisor, so the back office has derived cases to work on.
"""

from __future__ import annotations

import io
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from desktop.central.demo_service import COMPLAINT_EVERY, COMPLAINT_TEXTS
from desktop.domain.cases import OPEN_STATES, CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.complaints import Category, Channel
from desktop.domain.pensions import PensionState
from desktop.domain.roles import Actor, Role
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.attentions import AttentionService
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import Runtime
from desktop.services.workflow import WorkflowService
from desktop.store.models import Case, ContributionDebt, CounterSequence, Pensioner, Staff

DOMAINS = ("gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "correo.ec")


@dataclass(frozen=True)
class DemoCases:
    registered: int
    derived: int


def _actor(runtime: Runtime, role: Role) -> Actor:
    with runtime.db.read() as session:
        staff = session.scalar(select(Staff).where(
            Staff.centre_code == runtime.settings.centre, Staff.role == role.value,
            Staff.active.is_(True)).order_by(Staff.username))
    if staff is None:
        raise ValidationError(
            _("El centro {centre} no tiene personal con rol {role}.").format(
                centre=runtime.settings.centre, role=role.label), "demo cases: no staff")
    return Actor(staff.username, staff.full_name, Role(staff.role), staff.centre_code)


def _candidates(runtime: Runtime, count: int, rng: random.Random) -> list[Pensioner]:
    """Eligible pensioners without an open case, in a random order."""
    with runtime.db.read() as session:
        busy = select(Case.cedula).where(Case.state.in_([s.value for s in OPEN_STATES]))
        rows = list(session.scalars(select(Pensioner).where(
            Pensioner.pension_state == PensionState.ACTIVA.value,
            Pensioner.cedula.not_in(select(ContributionDebt.cedula)),
            Pensioner.cedula.not_in(busy)).limit(count * 3 + 100)))
    rng.shuffle(rows)
    return rows[:count]


def _request_form(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 770, "SOLICITUD DE RELIQUIDACIÓN DE PENSIÓN")
    page.drawString(72, 740, text)
    page.drawString(72, 200, "Firma: ______________________")
    page.showPage()
    page.save()
    return buffer.getvalue()


def register_demo_cases(runtime: Runtime, count: int, seed: int | str = 7,
                        progress: Progress = no_progress,
                        cancel: CancelToken | None = None) -> DemoCases:
    rng = random.Random(seed)
    clerk, supervisor = _actor(runtime, Role.CLERK), _actor(runtime, Role.SUPERVISOR)
    intake = IntakeService(runtime, clerk)
    review = WorkflowService(runtime, supervisor)
    attentions, complaints = AttentionService(runtime, clerk), ComplaintService(runtime, clerk)
    people = _candidates(runtime, count, rng)
    if len(people) < count:
        raise ValidationError(
            _("Solo hay {n} pensionistas elegibles sin trámite abierto.").format(n=len(people)),
            "demo cases: not enough pensioners")
    derived = 0
    with tempfile.TemporaryDirectory() as folder:
        for done, person in enumerate(people, start=1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            form = Path(folder) / "solicitud.pdf"
            form.write_bytes(_request_form(f"Solicitud {done} de {count}"))
            document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
            user = person.given_names.split()[0].lower().encode("ascii", "ignore").decode()
            case = intake.register(IntakeForm(
                cedula=person.cedula,
                email=f"{user or 'persona'}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}",
                phone=f"09{rng.randint(80_000_000, 99_999_999)}",
                cedula_verified=True,
                documents=(document,),
            ))
            if done % COMPLAINT_EVERY == 0:  # a few complaints, in the same attention
                complaints.register(ComplaintForm(
                    rng.choice(list(Channel)).value, rng.choice(list(Category)).value,
                    rng.choice(COMPLAINT_TEXTS), case_number=case.case_number))
            attentions.close()  # the registration opened it (issue 13)
            if rng.random() < 0.75:  # the rest waits in the supervisor's queue
                review.transition(case.case_number, CaseState.DERIVADO)
                derived += 1
            progress(done, count, _("Registrando trámites de demostración…"))
    return DemoCases(count, derived)


def add_bulk_demo_cases(runtime: Runtime, count: int, seed: int | str = 7,
                        progress: Progress = no_progress,
                        cancel: CancelToken | None = None) -> DemoCases:
    """The embedded demo only: `count` cases written in bulk into the demo central as
    registered here and sent (desktop.central.demo_cases), then pulled like any case of the
    country. Fast enough for a benchmark's 200,000 cases; registrations at the counter
    never take this path."""
    from desktop.central.demo_cases import Station, add_demo_cases
    from desktop.clock import now
    from desktop.services.runtime import first_pull

    settings = runtime.settings
    if not settings.demo or settings.central_url:
        raise ValidationError(_("Los trámites en bloque solo se crean en la base de "
                                "demostración embebida."), "bulk demo cases off the demo")
    with runtime.db.read() as session:
        taken: dict[int, int] = {}
        for year, highest in session.execute(
                select(Case.year, func.max(Case.sequence)).where(
                    Case.centre_code == settings.centre, Case.counter == settings.counter)
                .group_by(Case.year)).all():
            taken[year] = highest
        for sequence in session.scalars(select(CounterSequence).where(
                CounterSequence.centre_code == settings.centre,
                CounterSequence.counter == settings.counter)):
            taken[sequence.year] = max(taken.get(sequence.year, 0), sequence.last_value)
    made, derived = add_demo_cases(
        runtime.central(), Station(settings.centre, settings.counter, settings.workstation),
        count, until=now(), taken=taken, seed=seed, progress=progress, cancel=cancel)
    first_pull(settings, runtime.db, progress, cancel)
    return DemoCases(made, derived)
