"""Demo cases in bulk at the demo's central database (for a benchmark's 200,000 cases).

`ventanilla demo --cases N` on the embedded demo writes N cases straight into the demo
central, as if this workstation had registered them over the past year and sync had sent
them: each case as the registration at central leaves it (`case_events.register`: case,
document, INGRESADO event), most then sent to review by the clerk and approved by the
supervisor, as `desktop.services.demo_cases` does through the services. The workstation's
next pull brings them like any case of the country. This path is for demo data only; a
case a clerk registers always goes through IntakeService and the outbox.

Speed: rows are tuples of values inserted with executemany in one transaction (a cancel
leaves nothing); SQLite's change-marker triggers are skipped with one marker per pass
(desktop.central.feed.reserve_marker), and the few request forms are shared by the cases.
"""

from __future__ import annotations

import hashlib
import io
import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update

from desktop.central import blobs
from desktop.central.demo_service import (
    ComplaintNumbers,
    highest_complaints,
    insert_service_rows,
    service_rows,
)
from desktop.central.feed import reserve_marker
from desktop.central.models import (
    Case,
    CaseDocument,
    CaseEvent,
    ContributionDebt,
    Pension,
    Person,
    Staff,
)
from desktop.clock import local
from desktop.db.engines import writer
from desktop.domain.cases import OPEN_STATES, CaseState
from desktop.domain.checklist import DocumentType, RequestType
from desktop.domain.numbering import CaseNumber, next_case_number
from desktop.domain.pensions import PensionState
from desktop.domain.roles import Role
from desktop.domain.text import fold
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress

BATCH = 10_000
FORMS = 8  # distinct request-form files the demo cases share
DAYS = 365
SENT_TO_REVIEW, APPROVED = 0.9, 0.85  # as desktop.services.demo_cases
DOMAINS = ("gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "correo.ec")
LEGAL_BASIS = (
    "LOPDP Art. 7 num. 2 y 4: obligación legal y potestad pública (Ley de Seguridad Social)"
)


@dataclass(frozen=True)
class Station:
    centre: str
    counter: int
    workstation: str


@dataclass
class _Rows:
    cases: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    reviewed: list[dict[str, Any]] = field(default_factory=list)  # state updates
    approved: list[dict[str, Any]] = field(default_factory=list)


def add_demo_cases(engine: Engine, station: Station, count: int, *, until: datetime,
                   taken: dict[int, int], seed: int | str = 7,
                   progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> tuple[int, int]:
    """Write `count` cases registered at `station` before `until`; numbers continue after
    `taken` (highest sequence per year this station knows). Returns (cases, derived)."""
    rng = random.Random(seed)
    label = _("Registrando trámites de demostración…")
    with writer(engine).begin() as connection:
        clerk, supervisor = (_staff(connection, station.centre, role)
                             for role in (Role.CLERK, Role.SUPERVISOR))
        people = _candidates(connection, count, rng)
        forms = [_store_form(connection, index) for index in range(FORMS)]
        times = sorted(until - timedelta(seconds=rng.uniform(60, DAYS * 86_400))
                       for _ in range(count))
        sequences = dict(taken)
        for year in {local(at).year for at in times}:
            sequences[year] = max(sequences.get(year, 0), _highest(connection, station, year))
        derived = 0
        complaints = ComplaintNumbers(highest_complaints(connection, station))
        for start in range(0, count, BATCH):
            rows = _Rows()
            for person, at in zip(people[start:start + BATCH], times[start:start + BATCH],
                                  strict=True):
                year = local(at).year
                number = next_case_number(station.centre, station.counter, year,
                                          sequences[year])
                sequences[year] = number.sequence
                derived += _case(rows, rng, station, person, number, at,
                                 rng.choice(forms), clerk, supervisor)
            _insert(connection, rows)
            # the attentions and complaints behind these cases (issue 13)
            insert_service_rows(connection, service_rows(rows.cases, rng, station, clerk,
                                                         supervisor, until, complaints))
            progress(min(start + BATCH, count), count, label)
            if cancel is not None:
                cancel.raise_if_cancelled()
    return count, derived


def _staff(connection: Connection, centre: str, role: Role) -> str:
    username = connection.scalar(select(Staff.username).where(
        Staff.centre_code == centre, Staff.role == role.value, Staff.active.is_(True))
        .order_by(Staff.username).limit(1))
    if username is None:
        raise ValidationError(
            _("El centro {centre} no tiene personal con rol {role}.").format(
                centre=centre, role=role.label), "demo cases: no staff")
    return str(username)


def _candidates(connection: Connection, count: int, rng: random.Random) -> list[Any]:
    """Active pensioners with no pending debt and no open case, in a random order."""
    indebted = select(ContributionDebt.cedula).where(ContributionDebt.settled_on.is_(None))
    busy = select(Case.cedula).where(Case.state.in_([s.value for s in OPEN_STATES]))
    rows = list(connection.execute(
        select(Pension.cedula, Person.given_names, Person.surnames, Pension.pension_type)
        .join(Person, Person.cedula == Pension.cedula)
        .where(Pension.state == PensionState.ACTIVA.value, Pension.cedula.not_in(indebted),
               Pension.cedula.not_in(busy))))
    if len(rows) < count:
        raise ValidationError(
            _("Solo hay {n} pensionistas elegibles sin trámite abierto.").format(n=len(rows)),
            "demo cases: not enough pensioners")
    return rng.sample(rows, count)


def _highest(connection: Connection, station: Station, year: int) -> int:
    return int(connection.scalar(select(func.max(Case.sequence)).where(
        Case.centre_code == station.centre, Case.counter == station.counter,
        Case.year == year)) or 0)


def _form_pdf(index: int) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 770, "SOLICITUD DE RELIQUIDACIÓN DE PENSIÓN")
    page.drawString(72, 740, f"Formulario de demostración n.º {index + 1}")
    page.drawString(72, 200, "Firma: ______________________")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _store_form(connection: Connection, index: int) -> dict[str, Any]:
    data = _form_pdf(index)
    sha256 = hashlib.sha256(data).hexdigest()
    for chunk in blobs.missing_chunks(connection, sha256, len(data)):
        blobs.put_chunk(connection, sha256, chunk,
                        data[chunk * blobs.CHUNK_BYTES:(chunk + 1) * blobs.CHUNK_BYTES])
    blobs.finish(connection, sha256)
    return {"document_type": DocumentType.SIGNED_REQUEST.value, "sha256": sha256,
            "media_type": "application/pdf", "pages": 1, "size_bytes": len(data),
            "source": "archivo"}


def _case(rows: _Rows, rng: random.Random, station: Station, person: Any,
          case_number: CaseNumber, at: datetime, form: dict[str, Any], clerk: str,
          supervisor: str) -> int:
    cedula, given, surnames, pension_type = person
    number = str(case_number)
    name = f"{surnames} {given}"
    user = given.split()[0].lower().encode("ascii", "ignore").decode() or "persona"
    rows.cases.append({
        "case_number": number, "request_type": RequestType.RELIQUIDACION.value,
        "cedula": cedula, "applicant_name": name, "search_name": fold(name),
        "pension_type": pension_type, "centre_code": station.centre,
        "counter": station.counter, "year": case_number.year,
        "sequence": case_number.sequence, "state": CaseState.INGRESADO.value,
        "state_changed_at": at, "registered_at": at, "registered_by": clerk,
        "workstation": station.workstation,
        "email": f"{user}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}",
        "phone": f"09{rng.randint(80_000_000, 99_999_999)}", "employer_ruc": None,
        "periods": "", "cedula_verified": True, "legal_basis": LEGAL_BASIS,
        "override_by": None, "override_reason": ""})
    rows.documents.append({**form, "case_number": number, "added_by": clerk, "added_at": at})
    rows.events.append(_event(number, None, CaseState.INGRESADO, clerk, station, at))
    if rng.random() >= SENT_TO_REVIEW:
        return 0
    at = at + timedelta(minutes=rng.uniform(1, 20))
    rows.events.append(_event(number, CaseState.INGRESADO, CaseState.EN_REVISION, clerk,
                              station, at))
    rows.reviewed.append({"number": number, "state": CaseState.EN_REVISION.value, "at": at})
    if rng.random() >= APPROVED:
        return 0
    at = at + timedelta(hours=rng.uniform(1, 48))
    rows.events.append(_event(number, CaseState.EN_REVISION, CaseState.DERIVADO, supervisor,
                              station, at))
    rows.approved.append({"number": number, "state": CaseState.DERIVADO.value, "at": at})
    return 1


def _event(number: str, source: CaseState | None, target: CaseState, actor: str,
           station: Station, at: datetime) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "case_number": number,
            "from_state": source.value if source else None, "to_state": target.value,
            "actor": actor, "workstation": station.workstation, "at": at, "reason": ""}


def _insert(connection: Connection, rows: _Rows) -> None:
    """Cases enter INGRESADO (central's guard); then the two moves, each a pass."""
    marker = {"change_id": reserve_marker(connection)}
    connection.execute(insert(Case), [{**row, **marker} for row in rows.cases])
    connection.execute(insert(CaseDocument), rows.documents)
    connection.execute(insert(CaseEvent), [{**row, **marker} for row in rows.events])
    for moved in (rows.reviewed, rows.approved):
        if moved:
            marker = {"change_id": reserve_marker(connection)}
            connection.execute(
                update(Case).where(Case.case_number == bindparam("number")).values(
                    state=bindparam("state"),
                    state_changed_at=bindparam("at", type_=Case.state_changed_at.type),
                    **marker),
                moved)
