"""The back office finds cases of every centre by name at central, with the counters' rule
(any part of any word, any order, accents and case ignored), through pg_trgm on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import text

from desktop.central.search import find_cases
from desktop.cli import main
from desktop.domain.text import fold
from desktop.errors import ValidationError
from desktop.services.sync import SyncService
from tests.integration.test_sync_crash import register_cases
from tests.support.checks import refused


def test_cases_sent_by_a_station_are_found_by_name(stations, tmp_path, capsys):
    station = stations.open(1)
    numbers = register_cases(station, tmp_path)[:3]
    assert SyncService(station).run().online
    central = station.central()
    with central.connect() as connection:
        names = dict(connection.execute(text(
            "SELECT case_number, applicant_name FROM cases")).all())
        for number in numbers:
            surname, *_rest, given = names[number].split()
            typed = f"{given.upper()} {fold(surname)[1:]}"  # reversed, partial, no accents
            assert number in [c.case_number for c in find_cases(connection, typed)]
        assert find_cases(connection, "zzzqqq") == []
        with refused(ValidationError, "al menos 3 letras"):
            find_cases(connection, "Ñu")
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET enable_seqscan = off"))
            plan = " ".join(connection.execute(text(
                "EXPLAIN SELECT case_number FROM cases WHERE search_name LIKE '%' || "
                "'uanj' || '%' ESCAPE '/'")).scalars())
            assert "ix_cases_search_name_trgm" in plan, plan

    surname = names[numbers[0]].split()[0]
    assert main(["central", "find-cases", "--url", stations.url, surname]) == 0
    out = capsys.readouterr().out
    assert numbers[0] in out and station_cedula_hidden(out, station, numbers[0])


def station_cedula_hidden(out: str, station, number: str) -> bool:
    with station.db.read() as session:
        cedula = session.scalar(text("SELECT cedula FROM cases WHERE case_number = :n"),
                                {"n": number})
    return cedula not in out
