"""The supervision reports against hand-counted rows (tests/report_rows.py), on a real demo
station: its SQLite cache for its own centre, its SQLite demo central for the country.
Exports are read back with csv, openpyxl and pypdf, and must carry the same numbers."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from desktop.cli import main
from desktop.domain.calendar import working_days_between
from desktop.domain.reporting import (
    AGE_BUCKETS,
    RESPONSE_LIMIT_WORKING_DAYS,
    Month,
    Period,
    age_cutoffs,
    nearest_rank,
    working_day_ages,
)
from desktop.domain.roles import Actor, Role
from desktop.errors import PermissionDenied, ValidationError
from desktop.reports.export import to_csv, to_pdf, to_xlsx
from desktop.services.auth import sign_in
from desktop.services.reports import ReportService
from tests import report_rows as rows
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.checks import refused

JULY_AUGUST = Period(Month(2025, 7), Month(2025, 8))
JULY = Period(Month(2025, 7), Month(2025, 7))
TODAY = date(2025, 8, 29)


@pytest.fixture
def filled(runtime):  # type: ignore[no-untyped-def]
    """The station (UIO01) holds its centre's rows; its central holds both centres'."""
    with runtime.db.engine.begin() as cache:
        rows.write_rows(cache, ("UIO01",), cache=True)
    with runtime.central().begin() as central:
        rows.write_rows(central, ("UIO01", "GYE01"), cache=False)
    return runtime


@pytest.fixture
def supervisor(filled):  # type: ignore[no-untyped-def]
    return ReportService(filled, sign_in(filled, *SUPERVISOR))


def _table(report, index=0):  # type: ignore[no-untyped-def]
    return [tuple(row) for row in report.tables[index].rows]


def test_transparency_of_the_centre_matches_the_hand_count(supervisor):
    report = supervisor.transparency(JULY_AUGUST, "UIO01")
    assert report.tables[0].headers == ("Año-Mes", "Volumen de Quejas", "Volumen de Atenciones")
    assert _table(report) == rows.UIO_JULY_AUGUST
    assert report.synced_at is not None and "UIO01" in report.centre  # from the cache


def test_national_transparency_comes_from_central(supervisor):
    report = supervisor.transparency(JULY_AUGUST)
    assert _table(report) == rows.NATIONAL_JULY_AUGUST
    assert report.synced_at is None and "Nacional" in report.centre
    assert _table(supervisor.transparency(JULY_AUGUST, "GYE01")) == rows.GYE_JULY_AUGUST


def test_complaint_filed_in_july_and_closed_in_august_counts_in_july(supervisor):
    july = supervisor.transparency(JULY, "UIO01")
    august = supervisor.transparency(Period(Month(2025, 8), Month(2025, 8)), "UIO01")
    assert _table(july)[0][1] == 2  # 10 July (closed 5 August) and 31 July 23:30
    assert _table(august)[0][1] == 1  # 1 August 00:10 only


def test_offline_national_report_falls_back_to_the_centre_and_says_so(supervisor, monkeypatch):
    from desktop.sync.connection import CentralUnreachable

    def unreachable():  # type: ignore[no-untyped-def]
        raise CentralUnreachable("sin conexión", "test: offline")

    monkeypatch.setattr(supervisor.runtime, "central", unreachable)
    report = supervisor.transparency(JULY_AUGUST)
    assert _table(report) == rows.UIO_JULY_AUGUST
    assert any("no es el reporte nacional" in note for note in report.notes)
    assert "no es el reporte nacional" in to_csv(report).decode("utf-8-sig")
    with refused(ValidationError, "propio centro"):
        supervisor.transparency(JULY_AUGUST, "GYE01")


def test_staff_report_matches_the_hand_count(supervisor):
    report = supervisor.staff(JULY)
    by_clerk = {row[0].rsplit("(", 1)[1].rstrip(")"): tuple(row[1:])
                for row in report.tables[0].rows}
    assert by_clerk == rows.UIO_JULY_BY_CLERK
    by_counter = {int(row[0].split()[-1]): tuple(row[1:]) for row in report.tables[1].rows}
    assert by_counter == rows.UIO_JULY_BY_COUNTER


def test_backlog_by_state_and_age(supervisor):
    report = supervisor.backlog(JULY_AUGUST, "UIO01", today=TODAY)
    table = {row[0]: row[1:] for row in report.tables[0].rows}

    def bucket(registered: str) -> int:  # the calendar is the oracle for the ages
        age = working_days_between(rows.at(registered).date(), TODAY)
        return max(i for i, (low, _label) in enumerate(AGE_BUCKETS) if age >= low)

    expected: dict[str, list[int]] = {}
    late: dict[str, int] = {}
    for _number, centre, _c, _clerk, state, registered in rows.CASES:
        if centre != "UIO01" or state == "CERRADO":
            continue
        expected.setdefault(state, [0] * len(AGE_BUCKETS))[bucket(registered)] += 1
        age = working_days_between(rows.at(registered).date(), TODAY)
        if state != "ACUERDO_EMITIDO" and age > RESPONSE_LIMIT_WORKING_DAYS:
            late[state] = late.get(state, 0) + 1
    from desktop.domain.cases import CaseState

    for state, counts in expected.items():
        line = table[CaseState(state).label]
        assert list(line[:len(AGE_BUCKETS)]) == counts, state
        assert line[-1] == late.get(state, 0), state
    assert table["Total"][-2] == sum(map(sum, expected.values())) == 5
    assert table["Total"][-1] == sum(late.values()) == 2  # the July DERIVADO, the May DEVUELTO
    listed = [row[0] for row in report.tables[1].rows]
    assert listed == ["REL-UIO01-01-2025-900006-F", "REL-UIO01-01-2025-900001-A"]
    acuerdos = {row[0]: row[1:] for row in report.tables[2].rows}
    assert acuerdos == {"2025-07": (1, 0, 1), "2025-08": (0, 1, 1)}


def test_age_cutoffs_agree_with_the_calendar():
    today = date(2026, 1, 5)
    for age, cutoff in zip((1, 6, 31), age_cutoffs(today, (1, 6, 31)), strict=True):
        last_old_enough = (cutoff - timedelta(hours=12)).astimezone(rows.LOCAL_TZ).date()
        assert working_days_between(last_old_enough, today) >= age
        assert working_days_between(last_old_enough + timedelta(days=1), today) < age


def test_working_day_ages_agree_with_the_calendar():
    today = date(2026, 1, 5)
    days = [date(2024, 12, 24), date(2025, 5, 1), date(2025, 12, 31), date(2026, 1, 2),
            date(2026, 1, 5), date(2025, 5, 1)]
    ages = working_day_ages(days, today)
    assert ages == {day: working_days_between(day, today) for day in days}


def test_nearest_rank():
    assert nearest_rank([], 0.5) is None
    assert nearest_rank([3, 1, 2], 0.5) == 2
    assert nearest_rank(list(range(1, 11)), 0.9) == 9


@pytest.mark.parametrize("text", ["2025-13", "25-07", "julio", "", "2025-00"])
def test_a_bad_month_is_refused_in_spanish(text):
    with refused(ValidationError, "AAAA-MM"):
        Month.parse(text)


def test_a_clerk_cannot_see_reports(filled):
    clerk = ReportService(filled, sign_in(filled, *CLERK))
    for make in (lambda: clerk.staff(JULY), lambda: clerk.transparency(JULY),
                 lambda: clerk.backlog(JULY)):
        with pytest.raises(PermissionDenied):
            make()


def test_the_staff_report_is_for_the_own_centre_only(filled, supervisor):
    with refused(PermissionDenied, "propio centro"):
        supervisor.staff(JULY, "GYE01")
    other = ReportService(filled, Actor("supervisor.gye", "S", Role.SUPERVISOR, "GYE01"))
    with pytest.raises(PermissionDenied):
        other.staff(JULY, "UIO01")


def test_exports_carry_the_same_numbers(supervisor, filled):
    report = supervisor.transparency(JULY_AUGUST, "UIO01")
    lines = list(csv.reader(io.StringIO(to_csv(report).decode("utf-8-sig"))))
    assert lines[0] == ["Año-Mes", "Volumen de Quejas", "Volumen de Atenciones"]
    assert [tuple([r[0], int(r[1]), int(r[2])]) for r in lines[1:3]] == rows.UIO_JULY_AUGUST
    provenance = {line[0]: line[1] for line in lines[4:] if len(line) == 2}
    assert provenance["Periodo"] == "2025-07 a 2025-08" and "UIO01" in provenance["Centro"]
    assert provenance["Generado el"] and provenance["Sincronizado el"]

    book = load_workbook(io.BytesIO(to_xlsx(report)))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Año-Mes", "Volumen de Quejas",
                                          "Volumen de Atenciones"]
    assert [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2, max_row=3)] == \
        rows.UIO_JULY_AUGUST
    about = {row[0].value: row[1].value for row in book.worksheets[-1].iter_rows()}
    assert about["Periodo"] == "2025-07 a 2025-08" and about["Sincronizado el"]

    pdf = PdfReader(io.BytesIO(to_pdf(report)))
    words = " ".join(page.extract_text() for page in pdf.pages)
    for month, quejas, atenciones in rows.UIO_JULY_AUGUST:
        assert f"{month} {quejas} {atenciones}" in " ".join(words.split())
    assert "Volumen de Quejas" in words and "2025-07 a 2025-08" in words

    staff = supervisor.staff(JULY)
    sheet = load_workbook(io.BytesIO(supervisor.export(staff, "xlsx"))).worksheets[0]
    got = {row[0].value.rsplit("(", 1)[1].rstrip(")"): tuple(c.value for c in row[1:])
           for row in sheet.iter_rows(min_row=2) if row[1].value is not None}
    assert got == rows.UIO_JULY_BY_CLERK
    with filled.db.engine.connect() as cache:  # the export is in the audit chain
        logged = cache.execute(text("SELECT count(*) FROM audit_log "
                                    "WHERE action = 'report.exported'")).scalar_one()
    assert logged == 1


@pytest.mark.parametrize("kind", ["transparency", "backlog", "staff"])
def test_the_cli_writes_every_format(filled, home, tmp_path, kind, capsys):
    for suffix in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"{kind}.{suffix}"
        assert main(["report", kind, "--month", "2025-07", "--to", "2025-08",
                     "--centre", "UIO01", "--out", str(out)]) == 0
        data = out.read_bytes()
        if suffix == "csv":
            header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            if kind == "transparency":
                assert header == ["Año-Mes", "Volumen de Quejas", "Volumen de Atenciones"]
        elif suffix == "xlsx":
            assert load_workbook(io.BytesIO(data)).worksheets
        else:
            assert "Periodo" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert main(["report", kind, "--month", "2025-07", "--out", str(tmp_path / "x.txt")]) == 1
    assert ".csv, .xlsx o .pdf" in capsys.readouterr().err


def test_the_cli_national_transparency_csv(filled, home, tmp_path):
    out = tmp_path / "nacional.csv"
    assert main(["report", "transparency", "--month", "2025-07", "--out", str(out)]) == 0
    lines = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert lines[0] == ["Año-Mes", "Volumen de Quejas", "Volumen de Atenciones"]
    assert lines[1] == ["2025-07", "3", "3"]
    assert ["Centro", "Nacional (todos los centros)"] in lines
