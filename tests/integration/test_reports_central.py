"""Reports read at central by a production station (its centre's login on PostgreSQL, row
security on): the country's transparency table comes through the counts-only definer
function, while the attentions themselves of another centre stay out of the login's reach;
the per-clerk report of another centre is refused by the service."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.domain.reporting import Month, Period
from desktop.errors import PermissionDenied
from desktop.services.auth import sign_in
from desktop.services.reports import ReportService
from tests import report_rows as rows
from tests.support.accounts import SUPERVISOR
from tests.support.checks import refused

JULY_AUGUST = Period(Month(2025, 7), Month(2025, 8))


@pytest.fixture
def station(stations):  # type: ignore[no-untyped-def]
    with stations.maintenance() as owner:
        rows.write_rows(owner, ("UIO01", "GYE01"), cache=False)
    return stations.open(1, "UIO01")


def test_national_and_other_centre_transparency_at_central(station, central_url):
    service = ReportService(station, sign_in(station, *SUPERVISOR))
    national = service.transparency(JULY_AUGUST)
    assert [tuple(r) for r in national.tables[0].rows] == rows.NATIONAL_JULY_AUGUST
    gye = service.transparency(JULY_AUGUST, "GYE01")
    assert [tuple(r) for r in gye.tables[0].rows] == rows.GYE_JULY_AUGUST
    if central_url.startswith("postgresql"):  # the login itself reads its centre's only
        with station.central().connect() as connection:
            seen = connection.execute(text(
                "SELECT centre_code, count(*) FROM attentions GROUP BY centre_code")).all()
        assert dict(seen) == {"UIO01": 5}  # its closed ones, September's too; no GYE01


def test_staff_report_of_another_centre_is_refused(station):
    service = ReportService(station, sign_in(station, *SUPERVISOR))
    with refused(PermissionDenied, "propio centro"):
        service.staff(JULY_AUGUST, "GYE01")
