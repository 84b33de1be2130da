"""The central office's side of a case, and a simulator of it for demos, tests and load.

The Dirección de Pensiones moves derived cases through analysis to an acuerdo (concession
or refusal) and files delivered ones. `simulate` runs K concurrent writers doing that, as
the real back office would, against PostgreSQL or the demo SQLite file.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections import Counter as Tally
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from desktop.central import acuerdos
from desktop.central.holidays import calendar_for
from desktop.central.models import Case, CaseDocument, CaseEvent
from desktop.central.signer import Signer
from desktop.clock import local, now
from desktop.db.engines import writer
from desktop.domain.cases import CaseState, TransitionRefused, check_transition
from desktop.domain.deadlines import Period, period
from desktop.domain.roles import Role
from desktop.i18n import _

log = logging.getLogger(__name__)

ACTOR = "direccion.pensiones"
WORKSTATION = "CENTRAL"
AUTHORITY = "Director/a del Sistema de Pensiones (delegado/a), IESS"
LEGAL_BASIS = (
    "Ley de Seguridad Social, arts. 94 (responsabilidad patronal) y de las prestaciones de "
    "vejez, invalidez y muerte; Resolución C.D. 100 (régimen de transición), art. 2; "
    "Código Orgánico Administrativo, art. 98."
)
MAX_PENSION = Decimal("2651.00")
_S = CaseState


def move(connection: Connection, case_number: str, target: CaseState, reason: str = "",
         **values: Any) -> bool:
    """One back-office transition, checked against the table; False if the case moved on.
    `values`: case columns the transition sets with the state (a due date, a notification)."""
    query = select(Case.state, Case.registered_by, Case.cedula, Case.registered_at).where(
        Case.case_number == case_number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        return False
    source = CaseState(row.state)
    documents = set(connection.scalars(select(CaseDocument.document_type).where(
        CaseDocument.case_number == case_number)))
    check_transition(source, target, Role.BACK_OFFICE, actor=ACTOR,
                     registered_by=row.registered_by, reason=reason, documents=documents)
    at = now()
    connection.execute(update(Case).where(Case.case_number == case_number).values(
        state=target.value, state_changed_at=at, **values))
    connection.execute(insert(CaseEvent).values(
        event_id=str(uuid.uuid4()), case_number=case_number, from_state=source.value,
        to_state=target.value, actor=ACTOR, workstation=WORKSTATION, at=at, reason=reason))
    return True


def request_information(connection: Connection, case_number: str, what: str,
                        today: date | None = None) -> date | None:
    """EN_ANALISIS → REQUIERE_INFO with what is missing and the last day to provide it: the
    legal term (desktop.domain.deadlines) in the case centre's working days."""
    centre = connection.scalar(select(Case.centre_code).where(Case.case_number == case_number))
    if centre is None:
        return None
    term = period(Period.COMPLETE_INFO)
    due = calendar_for(connection, centre).add_working_days(today or local(now()).date(),
                                                            term.working_days)
    return due if move(connection, case_number, _S.REQUIERE_INFO, what, info_due_on=due) else None


def declare_abandonment(connection: Connection, case_number: str,
                        today: date | None = None) -> bool:
    """REQUIERE_INFO → ABANDONO, only once the term to complete the information lapsed."""
    due = connection.scalar(select(Case.info_due_on).where(Case.case_number == case_number))
    today = today or local(now()).date()
    if due is None or today <= due:
        raise TransitionRefused(
            _("El plazo para completar la información no ha vencido (vence el {due}).").format(
                due=due.strftime("%d/%m/%Y") if due else "—"),
            f"abandonment before the due date {due}")
    return move(connection, case_number, _S.ABANDONO, _(
        "Abandono: venció el {due} el plazo para presentar la información solicitada.")
        .format(due=due.strftime("%d/%m/%Y")))


NOTIFICATION_CHANNELS = ("CORREO", "VENTANILLA")


def record_notification(connection: Connection, case_number: str, channel: str,
                        on: date | None = None) -> bool:
    """ACUERDO_EMITIDO → NOTIFICADO by the back office: the acuerdo reached the citizen by
    email (or at a counter that did not record it), on `on`; the case may then be closed."""
    if channel not in NOTIFICATION_CHANNELS:
        raise ValueError(channel)
    on = on or local(now()).date()
    reason = (_("Acuerdo notificado por correo electrónico el {day}.") if channel == "CORREO"
              else _("Acuerdo entregado en ventanilla el {day}.")).format(
        day=on.strftime("%d/%m/%Y"))
    return move(connection, case_number, _S.NOTIFICADO, reason, notified_on=on,
                notified_via=channel)


def issue_agreement(connection: Connection, case_number: str, rng: random.Random,
                    concession: bool, signer: Signer | None = None) -> str:
    """The acuerdo, rendered and signed (desktop.central.acuerdos); `signer` None: the
    demo's. `rng` is kept for the simulator's callers (the figures come from the history)."""
    del rng
    return acuerdos.issue(connection, case_number, concession, signer)


# --- the simulator -----------------------------------------------------------------------

ACTIONABLE = (_S.DERIVADO, _S.EN_ANALISIS, _S.REQUIERE_INFO, _S.NOTIFICADO)


@dataclass(frozen=True)
class SimulationReport:
    transitions: dict[str, int]
    errors: int

    @property
    def total(self) -> int:
        return sum(self.transitions.values())


def _step(connection: Connection, rng: random.Random, email: bool = False,
          signer: Signer | None = None) -> str | None:
    """Take one case waiting for the back office and move it one step (with `email`, an
    issued acuerdo is notified by email instead of waiting for a counter)."""
    actionable = [*ACTIONABLE, _S.ACUERDO_EMITIDO] if email else ACTIONABLE
    query = (select(Case.case_number, Case.state, Case.info_due_on)
             .where(Case.state.in_([s.value for s in actionable]))
             .order_by(Case.state_changed_at).limit(1))
    if connection.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    row = connection.execute(query).first()
    if row is None:
        return None
    state = CaseState(row.state)
    number = row.case_number
    today = local(now()).date()
    if state is _S.DERIVADO:
        target, reason = _S.EN_ANALISIS, ""
    elif state is _S.EN_ANALISIS and rng.random() < 0.2:
        request_information(connection, number,
                            "Presentar planillas de aportes del empleador.", today)
        return _S.REQUIERE_INFO.value
    elif state is _S.EN_ANALISIS:
        issue_agreement(connection, number, rng, concession=rng.random() < 0.85,
                        signer=signer)
        target, reason = _S.ACUERDO_EMITIDO, ""
    elif state is _S.REQUIERE_INFO and row.info_due_on is not None and today > row.info_due_on:
        declare_abandonment(connection, number, today)
        return _S.ABANDONO.value
    elif state is _S.REQUIERE_INFO:
        target, reason = _S.EN_ANALISIS, ""
    elif state is _S.ACUERDO_EMITIDO:
        record_notification(connection, number, "CORREO", today)
        return _S.NOTIFICADO.value
    else:
        target, reason = _S.CERRADO, ""
    move(connection, number, target, reason)
    return target.value


def simulate(engine: Engine, workers: int, seconds: float, seed: int = 1,
             pause: tuple[float, float] = (0.01, 0.05), email: bool = False,
             signer: Signer | None = None) -> SimulationReport:
    """K back-office writers for S seconds; each transition is its own transaction.
    Acuerdos are signed by `signer` (None: the demo central's own)."""
    deadline = time.monotonic() + seconds
    tally: Tally[str] = Tally()
    errors = [0]
    lock = threading.Lock()

    def worker(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.monotonic() < deadline:
            try:
                with writer(engine).begin() as connection:
                    moved = _step(connection, rng, email, signer)
            except Exception:
                log.exception("back-office step failed")
                with lock:
                    errors[0] += 1
                moved = None
            if moved:
                with lock:
                    tally[moved] += 1
            time.sleep(rng.uniform(*pause) if moved else 0.2)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return SimulationReport(dict(tally), errors[0])
