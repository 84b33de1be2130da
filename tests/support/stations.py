"""Workstations on a shared central, built the way production builds them, and the station
data tests reach for directly."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.config import Paths, Settings, load_settings
from tests.support.files import paths_in


@dataclass
class Stations:
    """Workstations sharing one central database, built the way `ventanilla init` does.

    On PostgreSQL each station connects as its centre's login, made by `ventanilla central
    add-login`, with the password in the (real) keyring: row security and privileges apply
    as in production. `url` is the owner's: `central init` and the registry's maintenance
    (what the IESS registry feed does) only; the back office acts through its own login.
    """

    root: Path
    url: str
    opened: list[object]
    logins: dict[str, str] = field(default_factory=dict)  # PostgreSQL: centre → login

    def home(self, counter: int, centre: str = "UIO01") -> Path:
        return self.root / f"{centre}-{counter:02d}"

    def station_url(self, centre: str = "UIO01") -> str:
        from tests.services import login_url

        return login_url(self.url, self.logins[centre]) if self.logins else self.url

    def backoffice_url(self) -> str:
        from tests.services import login_url

        return login_url(self.url, self.logins["central"]) if self.logins else self.url

    @contextmanager
    def backoffice(self) -> Iterator[Any]:
        """A writing transaction as the Dirección de Pensiones (its login on PostgreSQL)."""
        yield from _transaction(self.backoffice_url())

    @contextmanager
    def maintenance(self) -> Iterator[Any]:
        """A writing transaction as central's owner: the registry and staff feed."""
        yield from _transaction(self.url)

    def configure(self, counter: int = 1, centre: str = "UIO01") -> Paths:
        """Write the settings of a workstation (no pull yet): its folder is VENTANILLA_HOME."""
        from sqlalchemy.engine import make_url

        from desktop.security.secrets import store_secret
        from desktop.sync.connection import secret_name
        from tests.services import LOGIN_PASSWORD

        paths = paths_in(self.home(counter, centre))
        url = self.station_url(centre)
        if self.logins:
            store_secret(secret_name(make_url(url)), LOGIN_PASSWORD)
        Settings(paths=paths, centre=centre, counter=counter, central_url=url,
                 central_password_in_keyring=bool(self.logins), demo=False).save()
        return paths

    def open(self, counter: int = 1, centre: str = "UIO01"):
        """Configure if needed and open the station's runtime (first pull included)."""
        from desktop.services.runtime import open_runtime

        paths = paths_in(self.home(counter, centre))
        if not paths.settings_file.exists():
            self.configure(counter, centre)
        runtime = open_runtime(load_settings(paths))
        self.opened.append(runtime)
        return runtime


def _transaction(url: str) -> Iterator[Any]:
    from desktop.db.engines import create_app_engine, writer

    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:
            yield connection
    finally:
        engine.dispose()


@contextmanager
def built_stations(central_url: str, root: Path, pensioners: int = 300) -> Iterator[Stations]:
    """`central init --demo` on the URL, logins per centre on PostgreSQL, and the stations
    opened on it closed afterwards."""
    from desktop.services.setup import init_central
    from tests.services import centre_logins

    init_central(central_url, demo=True, pensioners=pensioners)
    with ExitStack() as stack:
        logins = ({} if central_url.startswith("sqlite")
                  else stack.enter_context(centre_logins(central_url)))
        built = Stations(root, central_url, [], logins)
        try:
            yield built
        finally:
            for runtime in built.opened:
                runtime.close()  # type: ignore[attr-defined]


def free_cedulas(runtime, count: int) -> list[str]:
    """Active pensioners without debts or cases in this station's cache."""
    from sqlalchemy import select

    from desktop.domain.pensions import PensionState
    from desktop.store import models as cache

    with runtime.db.read() as session:
        return list(session.scalars(
            select(cache.Pensioner.cedula).where(
                cache.Pensioner.pension_state == PensionState.ACTIVA.value,
                cache.Pensioner.cedula.not_in(select(cache.ContributionDebt.cedula)),
                cache.Pensioner.cedula.not_in(select(cache.Case.cedula)))
            .order_by(cache.Pensioner.cedula).limit(count)))


def cache_file_connection(settings: Settings) -> Any:
    """A DB-API connection to a station's cache file, for tests that tamper with it the way
    an intruder with the key would: SQLCipher with the station's key in production, plain
    sqlite3 in the demo."""
    from desktop.db import cipher
    from desktop.services.protection import at_rest

    key = at_rest(settings).cache_key
    if key is None:
        return sqlite3.connect(settings.paths.cache_db)
    return cipher.connect(str(settings.paths.cache_db), key, timeout=30)
