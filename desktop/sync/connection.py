"""The workstation's connection to the central database.

The settings hold the URL without its password; the password comes from the OS keyring.
Nothing a station sends may wait for ever:

- connecting: `connect_timeout`;
- a dropped peer: TCP keep-alives, and `tcp_user_timeout` for data the server never
  acknowledges;
- the server: `statement_timeout` for any statement, `lock_timeout` for a row another session
  holds (`SELECT … FOR UPDATE`), `idle_in_transaction_session_timeout` for a station that
  died mid-transaction. A lock or statement timeout is "busy" (that event waits for the next
  round), not "offline";
- a peer that acknowledges but never answers (a frozen proxy): `ConnectionWatch` lets the
  sync round's deadline cut the station's sockets (desktop.sync.deadline).
"""

from __future__ import annotations

import logging
import socket
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from desktop.config import Settings
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import current_revision, head_revision, upgrade
from desktop.errors import StorageError, VentanillaError
from desktop.i18n import _
from desktop.security.secrets import load_secret

log = logging.getLogger(__name__)

CENTRAL_MIGRATIONS = "desktop.central:migrations"
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30_000
LOCK_TIMEOUT_MS = 5_000
IDLE_IN_TRANSACTION_MS = 60_000
TCP_USER_TIMEOUT_MS = 15_000
#: SQLSTATEs that mean "not now" for one statement, not "the server is gone": a lock held
#: elsewhere, a statement cancelled by its timeout, a serialisation conflict, a deadlock
BUSY_STATES = frozenset({"55P03", "57014", "40001", "40P01"})


class CentralUnreachable(VentanillaError):
    """The central database cannot be reached right now (the station works offline)."""


def is_busy_error(error: Exception) -> bool:
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in BUSY_STATES


def is_offline_error(error: Exception) -> bool:
    if is_busy_error(error):
        return False
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
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "options": (f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
                    f"-c lock_timeout={LOCK_TIMEOUT_MS} "
                    f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"),
        "application_name": "ventanilla",
    }


class ConnectionWatch:
    """The live driver connections of the engines it watches, so a deadline can cut them.

    Cutting is a socket shutdown: a thread blocked reading from a peer that will never
    answer wakes at once with "server closed the connection", which every caller already
    treats as offline.
    """

    def __init__(self) -> None:
        self._connections: weakref.WeakSet[Any] = weakref.WeakSet()

    def attach(self, engine: Engine) -> Engine:
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", lambda raw, _record: self._connections.add(raw))
        return engine

    def sever(self) -> int:
        cut = 0
        for raw in list(self._connections):
            try:
                descriptor = raw.pgconn.socket
            except Exception:  # closed or lost already: nothing to cut
                continue
            try:
                sock = socket.socket(fileno=descriptor)
            except OSError:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
                cut += 1
            except OSError:
                pass
            finally:
                sock.detach()  # the driver still owns the descriptor
        if cut:
            log.warning("cut %d central connections that did not answer in time", cut)
        return cut


def central_engine(settings: Settings, watch: ConnectionWatch | None = None) -> Engine:
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
    engine = create_app_engine(url, connect_args=_connect_args(url))
    return watch.attach(engine) if watch is not None else engine


def open_central(settings: Settings, watch: ConnectionWatch | None = None) -> Engine:
    """Central, checked: the embedded demo is migrated here; a real central must already
    be at this code's schema (its administrators run `ventanilla central init`)."""
    engine = central_engine(settings, watch)
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
