"""Stations through PgBouncer in transaction mode, the pooler 1,000 stations would need
(tests/benchmarks/bench_sync.py (d)): a server connection is lent for one transaction at a
time, so nothing may live in a session between transactions (no server-side prepared
statements, no session settings). Push, the first pull (COPY) and incremental pulls all
go through it, with the centre's own login and its row-level security."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from desktop.central.logins import create_login
from desktop.db.engines import create_app_engine
from desktop.services.setup import init_central
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.sync.verify import verify
from tests.integration.test_sync_crash import register_cases
from tests.services import pgbouncer
from tests.support.accounts import CLERK
from tests.support.stations import Stations

LOGIN = "estacion_uio_pool"


def test_two_stations_sync_through_pgbouncer_in_transaction_mode(pg_url, keyring_env,
                                                                 tmp_path):
    init_central(pg_url, demo=True, pensioners=300)
    owner = create_app_engine(pg_url)
    try:
        create_login(owner, "UIO01", LOGIN, "clave-de-prueba-larga")
    finally:
        owner.dispose()
    database = pg_url.rsplit("/", 1)[1]
    with pgbouncer([LOGIN]) as port:
        url = f"postgresql+psycopg://{LOGIN}@127.0.0.1:{port}/{database}"
        stations = Stations(tmp_path / "stations", url, [])
        try:
            first, second = stations.open(1), stations.open(2)  # first pulls via COPY
            numbers = register_cases(first, tmp_path)
            for _round in range(3):  # more rounds than psycopg's prepare threshold (5 uses)
                for station in (first, second):
                    report = SyncService(station).run()
                    assert report.online and report.refused == 0, report.message
            from desktop.services.auth import sign_in

            status = StatusService(second, sign_in(second, *CLERK))
            for number in numbers:
                assert [c.case_number for c in status.search(number).cases] == [number]
            for station in (first, second):
                report = verify(station.central(), station.db, "UIO01")
                assert report.clean, report.differences
            # what went through the pooler was the centre's login, under its policies
            pooled = create_engine(url)
            with pooled.connect() as connection:
                assert connection.scalar(text("SELECT current_user")) == LOGIN
                assert connection.scalar(text("SELECT count(*) FROM staff WHERE "
                                              "centre_code <> 'UIO01'")) == 0
            pooled.dispose()
        finally:
            for runtime in stations.opened:
                runtime.close()
