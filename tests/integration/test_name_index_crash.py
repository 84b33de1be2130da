"""The name index stays in step with the cases when a pull dies in the middle of a page.

Station 2 is open (its first pull done) when station 1 registers cases and sends them.
Station 2's next sync is SIGKILLed after it has written a page of those cases, and the
name index entries its triggers made, inside the page's transaction: SQLite rolls both
back together. The next round stores them again, once, and a name search finds them.
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.text import fold
from desktop.services.auth import sign_in
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.store.models import Case
from tests.integration.test_sync_crash import SyncWorkers, register_cases
from tests.name_index import index_matches_cases
from tests.support.accounts import CLERK


def test_a_pull_killed_mid_page_leaves_the_name_index_in_step(stations, tmp_path):
    counter = stations.open(2)
    index_matches_cases(counter)
    first = stations.open(1)
    numbers = register_cases(first, tmp_path)
    assert SyncService(first).run().online

    workers = SyncWorkers(stations.home(2), tmp_path)
    assert workers.kill_at("mid-pull-store", "--scope", "cases") == "cases"
    index_matches_cases(counter)  # the page and its index entries are gone together
    assert workers.kill_at("mid-pull", "--scope", "cases") == "cases"
    index_matches_cases(counter)  # the first page committed with its index entries

    assert "online=True" in workers.run()
    index_matches_cases(counter)
    status = StatusService(counter, sign_in(counter, *CLERK))
    with first.db.read() as session:
        names = dict(session.execute(select(Case.case_number, Case.applicant_name).where(
            Case.case_number.in_(numbers))).all())
    for number, name in names.items():
        words = fold(name).split()
        query = f"{words[-1][1:]} {words[0]}"  # a given name without its first letter, then
        assert number in [c.case_number for c in status.search(query).cases]  # the surname
