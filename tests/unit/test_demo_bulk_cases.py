"""`ventanilla demo --cases N` on the embedded demo: N cases in bulk at the demo central,
pulled into this station like any case of the country, consistent with what the services
would have left (numbers, history, documents), and counter numbers carry on after them."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from desktop.domain.checklist import DocumentType
from desktop.services.demo_cases import add_bulk_demo_cases
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.store import name_search
from desktop.store.models import Case, CaseDocument, CaseEvent
from desktop.sync.verify import verify
from tests.name_index import index_matches_cases
from tests.support.stations import free_cedulas

PATHS = {  # the history each final state implies
    "INGRESADO": ["INGRESADO"],
    "EN_REVISION": ["INGRESADO", "EN_REVISION"],
    "DERIVADO": ["INGRESADO", "EN_REVISION", "DERIVADO"],
}


def test_bulk_demo_cases_arrive_whole_and_numbering_goes_on(runtime, clerk, signed_form,
                                                            monkeypatch):
    monkeypatch.setattr(name_search, "OPTIMIZE_AFTER", 100)  # a big pull merges the index
    made = add_bulk_demo_cases(runtime, 300, seed=3)
    assert made.registered == 300 and 0 < made.derived < 300
    with runtime.db.read() as session:
        cases = list(session.scalars(select(Case)))
        events = Counter()
        history: dict[int, list[str]] = {}
        for case_id, state in session.execute(select(CaseEvent.case_id, CaseEvent.to_state)
                                              .order_by(CaseEvent.at)):
            history.setdefault(case_id, []).append(state)
            events[case_id] += 1
        documents = Counter(session.scalars(select(CaseDocument.case_id)))
    assert len(cases) == 300
    assert Counter(case.state for case in cases)["DERIVADO"] == made.derived
    for case in cases:
        assert history[case.id] == PATHS[case.state], case.case_number
        assert documents[case.id] == 1
        assert case.workstation == runtime.settings.workstation and case.email
    per_year = Counter(case.year for case in cases)
    for year, count in per_year.items():
        assert sorted(c.sequence for c in cases if c.year == year) == list(range(1, count + 1))
    assert verify(runtime.central(), runtime.db, runtime.settings.centre).clean
    index_matches_cases(runtime)
    status = StatusService(runtime, clerk)
    assert cases[0].case_number in [
        c.case_number for c in status.search(cases[0].applicant_name.split()[-1]).cases]

    # the next registration at the counter takes the next number of its year
    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    case = service.register(IntakeForm(free_cedulas(runtime, 1)[0], "a@correo.ec",
                                       "0991234567", True, (document,)))
    with runtime.db.read() as session:
        year, sequence = session.execute(select(Case.year, Case.sequence).where(
            Case.case_number == case.case_number)).one()
        assert sequence == session.scalar(select(func.max(Case.sequence)).where(
            Case.year == year)) == per_year.get(year, 0) + 1

    # again, before that case was sent: its number is not given twice, no one has two
    # open cases, and the case then goes to central as usual
    add_bulk_demo_cases(runtime, 100, seed=4)
    report = SyncService(runtime).run()
    # the registration's two events: the case, then its sending to review
    assert report.online and report.pushed == 2 and report.refused == 0
    with runtime.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 401
        open_by_person = Counter(session.scalars(select(Case.cedula)))
    assert max(open_by_person.values()) == 1
    assert verify(runtime.central(), runtime.db, runtime.settings.centre).clean
