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
from decimal import Decimal

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.central import acuerdos
from desktop.central.models import Case, CaseEvent, Counter
from desktop.central.signer import Signer
from desktop.clock import now
from desktop.db.engines import writer
from desktop.domain.cases import CaseState, check_transition
from desktop.domain.roles import Role

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


def move(connection: Connection, case_number: str, target: CaseState, reason: str = "") -> bool:
    """One back-office transition, checked against the table; False if the case moved on."""
    query = select(Case.state, Case.registered_by, Case.cedula, Case.registered_at).where(
        Case.case_number == case_number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        return False
    source = CaseState(row.state)
    check_transition(source, target, Role.BACK_OFFICE, actor=ACTOR,
                     registered_by=row.registered_by, reason=reason)
    at = now()
    connection.execute(update(Case).where(Case.case_number == case_number).values(
        state=target.value, state_changed_at=at))
    connection.execute(insert(CaseEvent).values(
        event_id=str(uuid.uuid4()), case_number=case_number, from_state=source.value,
        to_state=target.value, actor=ACTOR, workstation=WORKSTATION, at=at, reason=reason))
    return True


def next_number(connection: Connection, name: str) -> int:
    """The next value of a named counter, locked until the transaction ends."""
    dialect_insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    connection.execute(dialect_insert(Counter).values(name=name, value=0)
                       .on_conflict_do_nothing(index_elements=["name"]))
    return int(connection.execute(update(Counter).where(Counter.name == name).values(
        value=Counter.value + 1).returning(Counter.value)).scalar_one())


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


def _step(connection: Connection, rng: random.Random,
          signer: Signer | None = None) -> str | None:
    """Take one case waiting for the back office and move it one step."""
    query = (select(Case.case_number, Case.state)
             .where(Case.state.in_([s.value for s in ACTIONABLE]))
             .order_by(Case.state_changed_at).limit(1))
    if connection.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    row = connection.execute(query).first()
    if row is None:
        return None
    state = CaseState(row.state)
    number = row.case_number
    if state is _S.DERIVADO:
        target, reason = _S.EN_ANALISIS, ""
    elif state is _S.EN_ANALISIS and rng.random() < 0.2:
        target, reason = _S.REQUIERE_INFO, "Presentar planillas de aportes del empleador (10 días)."
    elif state is _S.EN_ANALISIS:
        issue_agreement(connection, number, rng, concession=rng.random() < 0.85,
                        signer=signer)
        target, reason = _S.ACUERDO_EMITIDO, ""
    elif state is _S.REQUIERE_INFO and rng.random() < 0.1:
        target, reason = _S.DESISTIDO, "Plazo vencido sin la información solicitada."
    elif state is _S.REQUIERE_INFO:
        target, reason = _S.EN_ANALISIS, ""
    else:
        target, reason = _S.CERRADO, ""
    move(connection, number, target, reason)
    return target.value


def simulate(engine: Engine, workers: int, seconds: float, seed: int = 1,
             pause: tuple[float, float] = (0.01, 0.05),
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
                    moved = _step(connection, rng, signer)
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
