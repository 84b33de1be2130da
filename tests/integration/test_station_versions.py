"""Every sync round tells central which version the station runs; administrators see the
stations of their centre that run an older one. On PostgreSQL a centre's login writes only
its own centre's rows."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from desktop.central.models import StationVersion
from desktop.db.engines import create_app_engine
from desktop.errors import PermissionDenied
from desktop.services.auth import sign_in
from desktop.services.sync import SyncService
from desktop.sync.versions import report_version, station_versions
from desktop.version import __version__
from tests.integration.test_central_roles import (  # noqa: F401 - fixtures
    cheap_password_hashes,
    pg_central,
)
from tests.support.accounts import ADMIN, CLERK


def _versions(url: str) -> dict[str, tuple[str, str]]:
    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            return {w: (c, v) for w, c, v in connection.execute(select(
                StationVersion.workstation, StationVersion.centre_code, StationVersion.version))}
    finally:
        engine.dispose()


def test_a_round_reports_the_version_and_administrators_see_older_stations(stations):
    first, second = stations.open(1), stations.open(2)
    assert SyncService(first).run().online and SyncService(second).run().online
    assert _versions(stations.url) == {"UIO01-01": ("UIO01", __version__),
                                       "UIO01-02": ("UIO01", __version__)}
    admin = sign_in(first, *ADMIN)
    assert SyncService(first).station_versions(admin).outdated == ()

    report_version(second.central(), "UIO01-02", "UIO01", "0.0.9")  # a station not updated
    gye = stations.open(1, "GYE01")  # another centre's station, through its own login
    report_version(gye.central(), "GYE01-01", "GYE01", "0.0.8")
    found = SyncService(first).station_versions(admin)
    assert found.newest == __version__
    assert [(s.workstation, s.version) for s in found.outdated] == [("UIO01-02", "0.0.9")]
    assert [s.workstation for s in found.stations] == ["UIO01-02", "UIO01-01"]

    assert SyncService(second).run().online  # the next round reports the real version
    assert SyncService(first).station_versions(admin).outdated == ()
    with pytest.raises(PermissionDenied):
        SyncService(first).station_versions(sign_in(first, *CLERK))


def test_a_newer_station_elsewhere_makes_this_centre_outdated(tmp_path):
    from desktop.services.setup import init_central

    url = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite3'}"
    init_central(url)
    engine = create_app_engine(url)
    try:
        report_version(engine, "UIO01-01", "UIO01", "1.2.0")
        report_version(engine, "GYE01-03", "GYE01", "1.10.0")  # compared as versions
        report_version(engine, "UIO01-02", "UIO01", "versión rara")
        found = station_versions(engine, "UIO01", own_version="1.2.0")
    finally:
        engine.dispose()
    assert found.newest == "1.10.0"
    assert {s.workstation for s in found.outdated} == {"UIO01-01", "UIO01-02"}


def test_a_centre_login_reads_every_version_but_writes_only_its_own(request):
    central = request.getfixturevalue("pg_central")  # test_central_roles' fixture
    with central.connect("GYE01") as gye:
        gye.execute("INSERT INTO station_versions VALUES ('GYE01-01', 'GYE01', '0.1.0', now())")
    with central.connect("UIO01") as uio:
        uio.execute("INSERT INTO station_versions VALUES ('UIO01-01', 'UIO01', '0.1.0', now())")
        assert uio.execute("SELECT count(*) FROM station_versions").fetchone()[0] == 2
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            uio.execute("INSERT INTO station_versions VALUES "
                        "('GYE01-02', 'GYE01', '9.9.9', now())")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # disguised as its own
            uio.execute("INSERT INTO station_versions VALUES "
                        "('GYE01-03', 'UIO01', '9.9.9', now())")
        changed = uio.execute("UPDATE station_versions SET version = '9.9.9' "
                              "WHERE workstation = 'GYE01-01'").rowcount
        assert changed == 0  # another centre's row is not even visible to UPDATE
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            uio.execute("DELETE FROM station_versions")
    assert _versions(central.url)["GYE01-01"] == ("GYE01", "0.1.0")
