"""Cases for a walk through every page and dialog, made through the services on the demo
station the child runs on: one waiting in the review queue, one returned to the clerk, one
with its acuerdo issued by the (demo) back office and synced back."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.central.backoffice import issue_agreement, move
from desktop.config import load_settings
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_runtime
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR
from tests.support.stations import free_cedulas

__all__ = ["ADMIN", "CLERK", "SUPERVISOR", "Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    queued: str
    returned: str
    decided: str
    free_cedula: str  # for a registration through the window
    form: Path


def request_pdf(folder: Path, pages: int = 2) -> Path:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        page.drawString(72, 760, f"Solicitud de reliquidación firmada — página {number + 1}")
        page.showPage()
    page.save()
    path = folder / "solicitud.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def prepare(folder: Path) -> Prepared:
    runtime = open_runtime(load_settings())
    try:
        free = free_cedulas(runtime, 4)
        clerk = sign_in(runtime, *CLERK)
        supervisor = sign_in(runtime, *SUPERVISOR)
        intake = IntakeService(runtime, clerk)
        form = request_pdf(folder)

        def register(cedula: str) -> str:
            document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
            return intake.register(IntakeForm(cedula, "ana.maria@correo.ec", "0991234567",
                                              True, (document,))).case_number

        queued, returned, decided = (register(cedula) for cedula in free[:3])
        review = WorkflowService(runtime, supervisor)
        review.return_case(returned, "Falta el comprobante de pago del empleador; revise "
                                     "también el correo, que parece tener un error.")
        review.approve(decided)
        SyncService(runtime).run()
        with runtime.central().begin() as connection:
            move(connection, decided, CaseState.EN_ANALISIS)
            issue_agreement(connection, decided, random.Random(5), concession=True)
            move(connection, decided, CaseState.ACUERDO_EMITIDO)
        SyncService(runtime).run()
        return Prepared(queued, returned, decided, free[3], form)
    finally:
        runtime.close()
