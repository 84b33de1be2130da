"""Name search through the cache's FTS5 trigram index: what a clerk types finds the same
cases a scan of every name would, most recent first, and the index follows every write."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text, update

from desktop.domain.checklist import DocumentType
from desktop.domain.numbering import next_case_number
from desktop.domain.text import fold
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import MAX_RESULTS, StatusService
from desktop.store.models import Case
from tests.name_index import index_matches_cases
from tests.support.stations import free_cedulas

NAMES = (
    "Peñafiel Ordóñez Inés del Rocío",
    "Pazmiño Yánez María José",
    "Núñez Tomalá Byron Efraín",
    "Muñoz Alcívar Narcisa de Jesús",
    "Zambrano Cedeño Jorge Andrés",
    "Quishpe Guamán José María",
    "Guamán Quishpe María José",
    "Salazar 50%_Prueba Ana",
)
T0 = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


def add_cases(runtime, names, start: datetime = T0, step=timedelta(minutes=7),
              first_sequence: int = 500) -> list[str]:
    """Cases as a pull would store them (ORM rows), one every `step`."""
    with runtime.db.write() as session, session.begin():
        cases = [pulled_case(name, start + offset * step, first_sequence + offset)
                 for offset, name in enumerate(names)]
        session.add_all(cases)
    return [case.case_number for case in cases]


def pulled_case(name: str, at: datetime, sequence: int) -> Case:
    number = next_case_number("GYE01", 2, 2026, sequence - 1)
    return Case(
        case_number=str(number), request_type="RELIQUIDACION", cedula="0102030405",
        applicant_name=name, search_name=fold(name), pension_type="VEJEZ",
        centre_code="GYE01", counter=2, year=2026, sequence=number.sequence,
        state="DERIVADO", state_changed_at=at, registered_at=at,
        registered_by="oficinista.gye", workstation="GYE01-02", email="", phone="",
        employer_ruc=None, periods="", cedula_verified=True, legal_basis="LOPDP",
        override_by=None, override_reason="")


def found(status: StatusService, query: str) -> list[str]:
    return [case.applicant_name for case in status.search(query).cases]


@pytest.fixture
def status(runtime, clerk) -> StatusService:
    add_cases(runtime, NAMES)
    return StatusService(runtime, clerk)


@pytest.mark.parametrize(("query", "expected"), [
    ("afie", ["Peñafiel Ordóñez Inés del Rocío"]),  # inside a word
    ("tomal byr", ["Núñez Tomalá Byron Efraín"]),  # two partial words
    ("RocíO peñaf", ["Peñafiel Ordóñez Inés del Rocío"]),  # case and accents typed
    ("rocio penafiel", ["Peñafiel Ordóñez Inés del Rocío"]),  # accents left out
    ("Nunez", ["Núñez Tomalá Byron Efraín"]),
])
def test_partial_words_accents_and_case(status, query, expected):
    assert found(status, query) == expected


def test_any_word_order_finds_both_orders_of_the_same_names(status):
    both = ["Guamán Quishpe María José", "Quishpe Guamán José María"]  # newest first
    assert found(status, "maria jose quishpe guaman") == both
    assert found(status, "guaman jose") == both
    assert found(status, "jose maria") == [*both, "Pazmiño Yánez María José"]


def test_short_words_and_wildcard_characters_are_plain_text(status):
    assert found(status, "de jesus") == ["Muñoz Alcívar Narcisa de Jesús"]
    assert found(status, "del roc") == ["Peñafiel Ordóñez Inés del Rocío"]
    assert found(status, "50%_") == ["Salazar 50%_Prueba Ana"]  # not LIKE's wildcards
    assert found(status, "%_p") == ["Salazar 50%_Prueba Ana"]
    assert found(status, "a_a") == []
    assert found(status, "xyzzy") == []


def test_same_answers_as_reading_every_name(runtime, clerk):
    """Random fragments of one to three words (as the benchmark types them) give exactly
    the cases a scan finds, in the same order (most recent first, at most MAX_RESULTS)."""
    rng = random.Random(15)
    parts = ["Pérez", "Pereira", "Ana", "Mariana", "Juan", "Juana", "Muñoz", "Núñez", "Díaz",
             "de la Torre", "Chávez", "Mera"]
    names = [" ".join(rng.sample(parts, 4)) for _ in range(300)]
    # registered in a shuffled order, some in the same microsecond (slots of the index)
    add_cases(runtime, names, step=timedelta(microseconds=0))
    add_cases(runtime, names[:50], start=T0 - timedelta(days=3), first_sequence=1000)
    add_cases(runtime, names[:50], start=T0 + timedelta(days=3), step=timedelta(seconds=-1),
              first_sequence=2000)
    with runtime.db.read() as session:
        every = [(case.registered_at, case.id, case.case_number, case.search_name)
                 for case in session.scalars(select(Case))]
    status = StatusService(runtime, clerk)
    for _round in range(150):
        words = rng.choice(names).split()
        chosen = rng.sample(words, rng.randint(1, min(3, len(words))))
        query = " ".join(fold(w)[rng.randint(0, 1):] for w in chosen)
        if sum(len(w) for w in fold(query).split()) < 3:
            continue
        expected = [number for at, _id, number, name in sorted(every, reverse=True)
                    if all(w in name for w in fold(query).split())][:MAX_RESULTS]
        got = [case.case_number for case in status.search(query).cases]
        assert len(got) == len(expected) and [
            c for c in got if c not in expected] == [], query
        # equal registration times may come in any order between themselves
        at = {number: moment for moment, _id, number, _name in every}
        assert [at[n] for n in got] == [at[n] for n in expected], query


def test_the_index_follows_registrations_updates_and_deletes(runtime, clerk, signed_form):
    index_matches_cases(runtime)  # the demo's first pull
    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    cedula = free_cedulas(runtime, 1)[0]
    case = service.register(IntakeForm(cedula, "a@correo.ec", "0991234567", True, (document,)))
    index_matches_cases(runtime)
    status = StatusService(runtime, clerk)
    surname = fold(case.applicant_name).split()[0]
    assert case.case_number in [c.case_number for c in status.search(surname).cases]

    numbers = add_cases(runtime, NAMES)
    with runtime.db.write() as session, session.begin():
        session.execute(update(Case).where(Case.case_number == numbers[0]).values(
            search_name=fold("Otro Nombre Cualquiera")))
        session.execute(update(Case).where(Case.case_number == numbers[1]).values(
            registered_at=T0 + timedelta(days=400), state="EN_ANALISIS"))
        session.execute(delete(Case).where(Case.case_number == numbers[2]))
    index_matches_cases(runtime)
    assert found(status, "cualquiera") == ["Peñafiel Ordóñez Inés del Rocío"]
    assert found(status, "penafiel") == []
    assert found(status, "tomala") == []
    assert found(status, "jose")[0] == "Pazmiño Yánez María José"  # now the most recent


def test_a_rolled_back_write_leaves_the_index_as_it_was(runtime):
    with runtime.db.read() as session:
        before = session.scalar(text("SELECT count(*) FROM cases_fts"))
    with pytest.raises(RuntimeError), runtime.db.write() as session, session.begin():
        session.add(pulled_case("Rollback Probado Ana", T0, 9000))
        session.flush()
        raise RuntimeError("power cut")
    with runtime.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM cases_fts")) == before
    index_matches_cases(runtime)

