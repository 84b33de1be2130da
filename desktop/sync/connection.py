"""The workstation's connection to the central database.

The settings hold the URL without its password; the password comes from the OS keyring.
Short connect and keep-alive timeouts make an unreachable or dropped server show up as
"offline" within seconds instead of freezing a sync for minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from desktop.config import Settings
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import current_revision, head_revision, upgrade
from desktop.errors import StorageError, VentanillaError
from desktop.i18n import _
from desktop.security.secrets import load_secret

CENTRAL_MIGRATIONS = "desktop.central:migrations"
CONNECT_TIMEOUT_S = 5


class CentralUnreachable(VentanillaError):
    """The central database cannot be reached right now (the station works offline)."""


def is_offline_error(error: Exception) -> bool:
    return isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated)


def unreachable(error: Exception) -> CentralUnreachable:
    return CentralUnreachable(
        _("Sin conexión con la base central; se trabaja con la información local y se "
          "reintentará."),
        f"central unreachable: {type(error).__name__}",
    )


@contextmanager
def offline_as_unreachable() -> Iterator[None]:
    """A lost or refused connection becomes CentralUnreachable (a Spanish message, no
    traceback); any other database error stays what it is."""
    try:
        yield
    except DBAPIError as error:
        if is_offline_error(error):
            raise unreachable(error) from None
        raise


def configured_url(settings: Settings) -> URL:
    """The central URL as configured (no password), or the embedded demo database."""
    return make_url(settings.central_url or sqlite_url(settings.paths.demo_central_db))


def secret_name(url: URL) -> str:
    """Keyring entry of a central database login: `central:user@host:port/db`."""
    return f"central:{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def without_password(url: URL) -> URL:
    """The URL with no password at all (`url.set(password=None)` would keep it: None there
    means "unchanged")."""
    return URL.create(url.drivername, username=url.username, password=None, host=url.host,
                      port=url.port, database=url.database, query=url.query)


def _connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() != "postgresql":
        return {}
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "application_name": "ventanilla",
    }


def central_engine(settings: Settings) -> Engine:
    """An engine on the central database (nothing is connected until it is used)."""
    url = configured_url(settings)
    if settings.central_password_in_keyring:
        password = load_secret(secret_name(url))
        if password is None:
            raise StorageError(
                _("Falta la clave de la base central en el almacén de contraseñas de este "
                  "equipo. Vuelva a ejecutar «ventanilla init» con la clave."),
                "central password missing from the keyring",
            )
        url = url.set(password=password)
    return create_app_engine(url, connect_args=_connect_args(url))


def open_central(settings: Settings) -> Engine:
    """Central, checked: the embedded demo is migrated here; a real central must already
    be at this code's schema (its administrators run `ventanilla central init`)."""
    engine = central_engine(settings)
    if not settings.central_url:
        upgrade(engine, CENTRAL_MIGRATIONS, what=_("La base central"))
        return engine
    try:
        with offline_as_unreachable():
            current = current_revision(engine)
    except CentralUnreachable:
        engine.dispose()
        raise
    head = head_revision(CENTRAL_MIGRATIONS)
    if current != head:
        engine.dispose()
        raise StorageError(
            _("La base central no está en la versión que espera esta estación ({current} en "
              "lugar de {head}). Pida al administrador que ejecute «ventanilla central init» "
              "o actualice Ventanilla.").format(current=current or _("vacía"), head=head),
            f"central schema {current}, expected {head}",
        )
    return engine
