"""Hand-counted rows for the report tests: attentions, complaints, cases and acuerdos with
known local times (America/Guayaquil, UTC−5), written straight into a cache or a central
database (the same columns in both; each schema's own keys are filled in here).

The expected numbers below were counted by hand from these rows; month edges are on
purpose: a complaint registered at 23:30 on 31 July (04:30 UTC on 1 August) is July's, one
registered at 00:10 on 1 August is August's; a complaint registered in July and closed in
August counts in July only (desktop.domain.reporting).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, MetaData, Table

from desktop.clock import MAINLAND

LOCAL_TZ = ZoneInfo(MAINLAND)


def at(text: str) -> datetime:
    """`2025-07-31 23:30` in Ecuador, as the aware UTC instant stored."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=LOCAL_TZ).astimezone(UTC)


# (number, centre, registered, closed)
COMPLAINTS = (
    ("Q-UIO01-01-2025-00001-A", "UIO01", "2025-06-30 16:00", None),
    ("Q-UIO01-01-2025-00002-B", "UIO01", "2025-07-10 10:00", "2025-08-05 09:00"),
    ("Q-UIO01-01-2025-00003-C", "UIO01", "2025-07-31 23:30", "2025-08-02 10:00"),
    ("Q-UIO01-01-2025-00004-D", "UIO01", "2025-08-01 00:10", None),
    ("Q-GYE01-01-2025-00001-E", "GYE01", "2025-07-20 11:00", None),
)

# (centre, counter, clerk, started, minutes of service or None = still open, booked)
ATTENTIONS = (
    ("UIO01", 1, "oficinista.uio", "2025-07-02 09:00", 5, "2025-07-02 08:45"),
    ("UIO01", 1, "oficinista.uio", "2025-07-15 10:00", 10, None),
    ("UIO01", 2, "supervisor.uio", "2025-07-31 23:59", 20, "2025-07-31 23:50"),
    ("UIO01", 1, "oficinista.uio", "2025-08-01 00:00", 30, None),
    ("UIO01", 2, "oficinista.uio", "2025-08-20 11:00", None, None),
    ("UIO01", 1, "oficinista.uio", "2025-09-01 00:00", 4, None),
    ("GYE01", 1, "oficinista.gye", "2025-08-03 09:00", 7, None),
    ("GYE01", 1, "oficinista.gye", "2025-08-04 09:00", 7, None),
    ("GYE01", 1, "oficinista.gye", "2025-08-05 09:00", 7, None),
    ("GYE01", 1, "oficinista.gye", "2025-08-06 09:00", 7, None),
)

#: Año-Mes, Volumen de Quejas, Volumen de Atenciones (newest first, as published).
UIO_JULY_AUGUST = [("2025-08", 1, 2), ("2025-07", 2, 3)]
#: central has only closed attentions: UIO01's open one of 20 August is not counted there yet
NATIONAL_JULY_AUGUST = [("2025-08", 1, 5), ("2025-07", 3, 3)]
GYE_JULY_AUGUST = [("2025-08", 0, 4), ("2025-07", 1, 0)]

#: the staff report of UIO01 for July 2025: clerk → (attentions, registrations, median
#: service min, p90 service min, with booked time, median wait min, p90 wait min)
UIO_JULY_BY_CLERK = {
    "oficinista.uio": (2, 2, 5.0, 10.0, 1, 15.0, 15.0),
    "supervisor.uio": (1, 0, 20.0, 20.0, 1, 9.0, 9.0),
}
UIO_JULY_BY_COUNTER = {1: (2, 2, 5.0, 10.0, 1, 15.0, 15.0), 2: (1, 0, 20.0, 20.0, 1, 9.0, 9.0)}

# (case number, centre, counter, clerk, state, registered)
CASES = (
    ("REL-UIO01-01-2025-900001-A", "UIO01", 1, "oficinista.uio", "DERIVADO", "2025-07-03 10:00"),
    ("REL-UIO01-01-2025-900002-B", "UIO01", 1, "oficinista.uio", "CERRADO", "2025-07-21 15:00"),
    ("REL-UIO01-01-2025-900003-C", "UIO01", 1, "oficinista.uio", "INGRESADO", "2025-08-29 09:00"),
    ("REL-UIO01-01-2025-900004-D", "UIO01", 1, "oficinista.uio", "EN_REVISION",
     "2025-08-21 09:00"),
    ("REL-UIO01-01-2025-900005-E", "UIO01", 1, "oficinista.uio", "ACUERDO_EMITIDO",
     "2025-01-10 09:00"),
    ("REL-UIO01-01-2025-900006-F", "UIO01", 1, "oficinista.uio", "DEVUELTO", "2025-05-05 09:00"),
    ("REL-GYE01-01-2025-900001-G", "GYE01", 1, "oficinista.gye", "EN_ANALISIS",
     "2025-06-02 09:00"),
)
# (case number, kind, issued on)
AGREEMENTS = (
    ("REL-UIO01-01-2025-900005-E", "CONCESION", date(2025, 7, 15)),
    ("REL-UIO01-01-2025-900002-B", "NEGACION", date(2025, 8, 1)),
)


def _table(connection: Connection, name: str) -> Table:
    return Table(name, MetaData(), autoload_with=connection)


def _insert(connection: Connection, name: str, rows: list[dict[str, Any]]) -> None:
    table = _table(connection, name)
    names = {column.name for column in table.columns}
    plain = [{key: (value.astimezone(UTC).replace(tzinfo=None)
                    if isinstance(value, datetime) else value)
              for key, value in row.items() if key in names} for row in rows]
    connection.execute(table.insert(), plain)


def write_rows(connection: Connection, centres: tuple[str, ...] = ("UIO01", "GYE01"), *,
               cache: bool) -> None:
    """Every row above of the given centres, into the database of `connection`: attentions
    and complaints; in a cache also the open attention, the cases and their acuerdos
    (central's guard takes new cases only in their first state)."""
    _insert(connection, "complaints", [dict(
        number=number, centre_code=centre, counter=1, year=2025, sequence=index,
        workstation=f"{centre}-01", registered_by="oficinista.uio", registered_at=at(moment),
        channel="ventanilla", category="demora", text="Demora en la atención",
        complainant_name="", complainant_cedula="", contact_email="", contact_phone="",
        case_number=None, due_on=at(moment).date() + timedelta(days=21),
        state="cerrada" if closed else "registrada", answer="", closed_by=None,
        closed_at=at(closed) if closed else None, change_id=0)
        for index, (number, centre, moment, closed) in enumerate(COMPLAINTS, start=1)
        if centre in centres])
    _insert(connection, "attentions", [dict(
        attention_id=str(uuid.uuid4()), centre_code=centre, workstation=f"{centre}-{counter:02d}",
        counter=counter, clerk=clerk, turno_code="T-X" if booked else "",
        turno_booked_at=at(booked) if booked else None, started_at=at(started),
        ended_at=at(started) + timedelta(minutes=minutes) if minutes is not None else None,
        change_id=0)
        for centre, counter, clerk, started, minutes, booked in ATTENTIONS if centre in centres
        and (minutes is not None or cache)])
    if not cache:
        return
    _insert(connection, "cases", [dict(
        id=900_000 + index, case_number=number, cedula="1710034065", request_type="reliquidacion",
        applicant_name="PRUEBA REPORTE", search_name="prueba reporte", pension_type="vejez",
        centre_code=centre, counter=counter, year=2025, sequence=900_000 + index, state=state,
        state_changed_at=at(moment), registered_at=at(moment), registered_by=clerk,
        workstation=f"{centre}-01", email="prueba@correo.ec", phone="0991234567",
        employer_ruc=None, periods="", cedula_verified=True, legal_basis="obligación legal",
        override_by=None, override_reason="", change_id=0)
        for index, (number, centre, counter, clerk, state, moment) in enumerate(CASES)
        if centre in centres])
    _insert(connection, "agreements", [dict(
        case_number=number, number=f"IESS-DP-2025-{index:04d}-A", kind=kind, issued_on=issued,
        authority="Dirección Nacional de Pensiones", legal_basis="Ley de Seguridad Social",
        previous_pension=400, new_pension=450, effective_date=issued, retroactive_amount=100,
        motivation="", change_id=0)
        for index, (number, kind, issued) in enumerate(AGREEMENTS, start=1)])
