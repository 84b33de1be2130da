"""The attentions and complaints behind bulk demo cases (issue 13), so the reports have
data on a fresh demo.

For each batch of demo cases (desktop.central.demo_cases) this writes, straight into the
demo central as a station's sync would leave them: the attention in which each case was
registered (a few minutes of service, most with an online turno booked shortly before),
a later status consultation for some cases, attentions that were information only or
turned away, and about one complaint per COMPLAINT_EVERY cases, most already answered and
closed. Rows are tuples inserted with executemany, like the cases.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select

from desktop.central.feed import reserve_marker
from desktop.central.models import Attention, AttentionAction, Complaint
from desktop.clock import local
from desktop.domain.attentions import Kind
from desktop.domain.complaints import (
    ANSWER_WORKING_DAYS,
    Category,
    Channel,
    ComplaintState,
    add_working_days,
    next_complaint_number,
)

CONSULTED = 0.3  # cases whose applicant came back to ask
WALK_INS = 0.15  # information only / turned away, per case
COMPLAINT_EVERY = 10
WITH_TURNO = 0.8
TURNED_AWAY_REASONS = ("No trajo la cédula original.", "Vino por otro trámite.",
                       "No es pensionista del IESS.")
COMPLAINT_TEXTS = (
    "Esperé más de una hora aunque tenía turno.",
    "Mi trámite no avanza desde hace semanas.",
    "No me explicaron bien qué documentos debía traer.",
    "No estoy de acuerdo con el valor reliquidado.",
)


@dataclass
class ServiceRows:
    attentions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    complaints: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ComplaintNumbers:
    """The highest complaint sequence per year of the station, as numbers are issued."""

    taken: dict[int, int] = field(default_factory=dict)


def highest_complaints(connection: Connection, station: Any) -> dict[int, int]:
    """The station's highest complaint sequence per year at central."""
    return {int(year): int(highest) for year, highest in connection.execute(
        select(Complaint.year, func.max(Complaint.sequence)).where(
            Complaint.centre_code == station.centre, Complaint.counter == station.counter)
        .group_by(Complaint.year))}


def _attention(rows: ServiceRows, rng: random.Random, station: Any, clerk: str,
               at: datetime, kind: Kind, case_number: str | None, note: str = "") -> None:
    started = at - timedelta(minutes=rng.uniform(2, 15))
    ended = at + timedelta(minutes=rng.uniform(0.5, 4))
    turno, booked = "", None
    if rng.random() < WITH_TURNO:
        booked = local(started - timedelta(minutes=rng.uniform(0, 45))).replace(
            second=0, microsecond=0)
        turno = (f"T-{station.centre}-{booked:%Y%m%d}-{booked:%H%M}-"
                 f"{rng.randint(1, 200):03d}")
    attention_id = str(uuid.uuid4())
    rows.attentions.append({
        "attention_id": attention_id, "centre_code": station.centre,
        "workstation": station.workstation, "counter": station.counter, "clerk": clerk,
        "turno_code": turno, "turno_booked_at": booked, "started_at": started,
        "ended_at": ended})
    rows.actions.append({"attention_id": attention_id, "kind": kind.value,
                         "case_number": case_number, "note": note, "at": at})


def service_rows(cases: list[dict[str, Any]], rng: random.Random, station: Any, clerk: str,
                 supervisor: str, until: datetime, numbers: ComplaintNumbers) -> ServiceRows:
    """The attentions and complaints behind `cases` (demo case rows as inserted)."""
    rows = ServiceRows()
    for index, case in enumerate(cases, start=1):
        at, number = case["registered_at"], case["case_number"]
        _attention(rows, rng, station, clerk, at, Kind.REGISTRATION, number)
        later = at + timedelta(days=rng.uniform(5, 60))
        if rng.random() < CONSULTED and later < until:
            _attention(rows, rng, station, clerk, later, Kind.STATUS, number)
        if rng.random() < WALK_INS:
            away = rng.random() < 0.4
            _attention(rows, rng, station, clerk, at + timedelta(minutes=rng.uniform(20, 90)),
                       Kind.TURNED_AWAY if away else Kind.INFORMATION, None,
                       rng.choice(TURNED_AWAY_REASONS) if away else "")
        if index % COMPLAINT_EVERY == 0:
            _complaint(rows, rng, station, clerk, supervisor, case, until, numbers)
    return rows


def _complaint(rows: ServiceRows, rng: random.Random, station: Any, clerk: str,
               supervisor: str, case: dict[str, Any], until: datetime,
               numbers: ComplaintNumbers) -> None:
    at = case["registered_at"] + timedelta(days=rng.uniform(1, 40))
    if at >= until:
        return
    year = local(at).year
    number = next_complaint_number(station.centre, station.counter, year,
                                   numbers.taken.get(year, 0))
    numbers.taken[year] = number.sequence
    values: dict[str, Any] = {
        "number": str(number), "centre_code": station.centre, "counter": station.counter,
        "year": year, "sequence": number.sequence, "workstation": station.workstation,
        "registered_by": clerk, "registered_at": at,
        "channel": rng.choice(list(Channel)).value,
        "category": rng.choice(list(Category)).value, "text": rng.choice(COMPLAINT_TEXTS),
        "complainant_name": case["applicant_name"], "complainant_cedula": case["cedula"],
        "contact_email": case["email"], "contact_phone": "",
        "case_number": case["case_number"],
        "due_on": add_working_days(local(at).date(), ANSWER_WORKING_DAYS),
        "state": ComplaintState.REGISTERED.value, "assigned_to": None, "assigned_by": None,
        "assigned_at": None, "answer": "", "answered_by": None, "answered_at": None,
        "closed_by": None, "closed_at": None}
    assigned = at + timedelta(hours=rng.uniform(1, 30))
    answered = assigned + timedelta(days=rng.uniform(1, 20))
    if answered < until and rng.random() < 0.8:  # most answered and closed by now
        values |= {"state": ComplaintState.CLOSED.value, "assigned_to": supervisor,
                   "assigned_by": supervisor, "assigned_at": assigned,
                   "answer": "Se revisó el caso y se informó a la persona.",
                   "answered_by": supervisor, "answered_at": answered,
                   "closed_by": supervisor, "closed_at": answered + timedelta(hours=1)}
    elif assigned < until:
        values |= {"state": ComplaintState.ASSIGNED.value, "assigned_to": supervisor,
                   "assigned_by": supervisor, "assigned_at": assigned}
    rows.complaints.append(values)
    _attention(rows, rng, station, clerk, at, Kind.COMPLAINT, case["case_number"],
               str(number))


def insert_service_rows(connection: Connection, rows: ServiceRows) -> None:
    marker = {"change_id": reserve_marker(connection)}
    if rows.attentions:
        connection.execute(insert(Attention), [{**row, **marker} for row in rows.attentions])
        connection.execute(insert(AttentionAction), rows.actions)
    if rows.complaints:
        connection.execute(insert(Complaint), [{**row, **marker} for row in rows.complaints])
