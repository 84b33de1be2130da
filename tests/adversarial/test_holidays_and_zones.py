"""Bad holidays and bad centre time zones at central: each is a Spanish message and changes
nothing (the service), and the same through `ventanilla central holidays` / `centre-zone`
(exit 1, no traceback)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.central.holidays import add_holiday, check_time_zone, parse_day, set_time_zone
from desktop.central.models import Centre, Holiday
from desktop.db.engines import create_app_engine, writer
from desktop.errors import ValidationError
from desktop.services.setup import init_central
from tests.adversarial.helpers import assert_spanish, ventanilla

LONE = "\ud800"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+pysqlite:///{tmp_path_factory.mktemp('central') / 'central.sqlite3'}"
    init_central(url, demo=True, pensioners=20)
    return url


def snapshot(url: str) -> tuple[int, tuple[str, ...]]:
    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            return (connection.scalar(select(func.count()).select_from(Holiday)) or 0,
                    tuple(connection.scalars(select(Centre.time_zone).order_by(Centre.code))))
    finally:
        engine.dispose()


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "02/01/2026", "", "hoy",
                                  "2026-1-2x", LONE, "9999-99-99", "2026-01-02T00:00"])
def test_a_holiday_with_a_bad_date_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_day(text)
    assert "no es válida" in refused.value.user_message


@pytest.mark.parametrize(("day", "name", "source", "centre", "fragment"), [
    (date(2026, 3, 2), "", "Decreto 1", None, "nombre del feriado"),
    (date(2026, 3, 2), "   ", "Decreto 1", None, "nombre del feriado"),
    (date(2026, 3, 2), "x" * 121, "Decreto 1", None, "nombre del feriado"),
    (date(2026, 3, 2), "Feriado", "", None, "fuente"),
    (date(2026, 3, 2), "Feriado", "y" * 301, None, "fuente"),
    (date(2026, 3, 2), "Feriado", "Ordenanza", "XXX99", "No existe el centro"),
    (date(2026, 1, 2), "Otra vez", "Decreto Ejecutivo 249", None, "ya consta"),
])
def test_a_bad_holiday_changes_nothing(central, day, name, source, centre, fragment) -> None:
    before = snapshot(central)
    engine = create_app_engine(central)
    try:
        with pytest.raises(ValidationError) as refused, writer(engine).begin() as connection:
            add_holiday(connection, day, name, source, centre)
    finally:
        engine.dispose()
    assert fragment in refused.value.user_message
    assert snapshot(central) == before


@pytest.mark.parametrize("zone", ["America/Quito", "UTC", "Europe/Madrid", "",
                                  "../../etc/passwd", "america/guayaquil", LONE,
                                  "Pacific/Galapagos/../../x"])
def test_a_centre_with_an_unknown_time_zone_is_refused(central, zone: str) -> None:
    before = snapshot(central)
    engine = create_app_engine(central)
    try:
        with pytest.raises(ValidationError) as refused, writer(engine).begin() as connection:
            set_time_zone(connection, "UIO01", zone)
    finally:
        engine.dispose()
    assert "no corresponde a un centro" in refused.value.user_message
    assert snapshot(central) == before


def test_the_galapagos_alias_and_an_unknown_centre() -> None:
    assert check_time_zone(" America/Galapagos ") == "Pacific/Galapagos"
    assert check_time_zone("America/Guayaquil") == "America/Guayaquil"


def test_the_commands_refuse_in_spanish(central, tmp_path: Path) -> None:
    before = snapshot(central)
    result = ventanilla(tmp_path, "central", "holidays", "add", "--url", central, "2026-02-30",
                        "Feriado", "--source", "Decreto 1")
    assert_spanish(result, "no es válida", 1)
    result = ventanilla(tmp_path, "central", "centre-zone", "--url", central, "UIO01",
                        "Mars/Olympus")
    assert_spanish(result, "no corresponde a un centro", 1)
    result = ventanilla(tmp_path, "central", "centre-zone", "--url", central, "ZZZ99",
                        "America/Guayaquil")
    assert_spanish(result, "No existe el centro", 1)
    assert snapshot(central) == before
    listed = ventanilla(tmp_path, "central", "holidays", "list", "--url", central, "--year",
                        "2026", "--centre", "UIO01")
    assert listed.returncode == 0, listed.stderr
    assert "2026-01-02" in listed.stdout and "Decreto Ejecutivo 249" in listed.stdout
    assert "2026-12-07" in listed.stdout and "[supuesto]" in listed.stdout  # Quito, moved
    added = ventanilla(tmp_path, "central", "holidays", "add", "--url", central, "2026-03-02",
                       "Día de prueba", "--source", "Decreto Ejecutivo 999")
    assert added.returncode == 0, added.stderr
    assert snapshot(central)[0] == before[0] + 1


def test_notify_refuses_in_spanish(central, tmp_path: Path) -> None:
    from desktop.domain.numbering import CaseNumber

    number = str(CaseNumber("UIO01", 1, 2026, 1))
    result = ventanilla(tmp_path, "central", "notify", "--url", central, number)
    assert_spanish(result, "No existe el trámite", 1)
    result = ventanilla(tmp_path, "central", "notify", "--url", central, "REL-UIO01-xx")
    assert_spanish(result, "debe tener la forma", 1)
    result = ventanilla(tmp_path, "central", "notify", "--url", central, number, "--on",
                        "2026-02-30")
    assert_spanish(result, "no es válida", 1)
    result = ventanilla(tmp_path, "central", "notify", "--url", central, number, "--via",
                        "paloma")
    assert_spanish(result, "paloma", 2)
