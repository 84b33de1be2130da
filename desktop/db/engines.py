"""Engines with the settings the application relies on.

SQLite: WAL (readers never wait for the writer), foreign keys on, `synchronous=FULL` (a
printed receipt means the case survived a power cut), and explicit `BEGIN` so SQLAlchemy
controls transactions instead of the sqlite3 module. Write sessions take the write lock at
`BEGIN IMMEDIATE`, so two writers queue instead of failing halfway with "database is locked".

A production cache is the same SQLite file encrypted by SQLCipher (`key=`): same pragmas,
same transactions; connections come from desktop.db.cipher, keyed before anything else.

Every engine hides statement parameters (`hide_parameters`): a database error's text is logged
and may be shown, and the parameters are cédulas, names and password hashes. A full disk or
a cache another process keeps locked becomes StorageError with a Spanish message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url

from desktop.db import cipher
from desktop.errors import StorageError
from desktop.i18n import N_, translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

IMMEDIATE = "sqlite_begin_immediate"
BUSY_TIMEOUT_S = 30
#: SQLite's page cache per connection, KiB (its default is 2,000). A lookup at a million
#: pensioners reads about six pages and a name search a few hundred; 16 MiB keeps the
#: upper levels of every index and the name index's hot pages in memory. It is a ceiling,
#: filled only by pages actually read, per pooled connection (a few on a station).
CACHE_KIB = 16_384
#: No memory-mapped I/O: mapped pages of the file count in the process's resident memory
#: as soon as they are touched (a 300 MB cache would show up as a 300 MB process), and
#: SQLCipher, the production cache, cannot map encrypted pages anyway. Pages outside the
#: page cache come from the OS's file cache with one read each.
MMAP_BYTES = 0


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_app_engine(url: str | URL, *, key: bytes | None = None, **kwargs: Any) -> Engine:
    """An engine for the cache or central database; SQLite gets the pragmas above.

    `key`: the SQLite file is encrypted with SQLCipher under this raw 256-bit key (the
    production cache). A key that does not open the file raises cipher.WrongKey on the
    first connection, with a Spanish message and nothing about the key.
    """
    url = make_url(url)
    if url.get_backend_name() != "sqlite":
        if key is not None:
            raise ValueError("only a SQLite cache is encrypted with a key")
        # No server-side prepared statements (psycopg prepares a statement after its fifth
        # use): behind PgBouncer in transaction mode, the pooler a thousand stations need,
        # the next transaction may run on another server connection that never saw it.
        connect_args = {"prepare_threshold": None, **kwargs.pop("connect_args", {})}
        return create_engine(url, pool_pre_ping=True, hide_parameters=True,
                             connect_args=connect_args, **kwargs)
    kwargs.pop("connect_args", None)
    if key is None:
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_S}
    else:
        if not url.database or url.database == ":memory:":
            raise ValueError("an encrypted cache needs a file")
        kwargs["module"] = cipher.dbapi()
        kwargs["creator"] = cipher.connector(url.database, key, timeout=BUSY_TIMEOUT_S)
    engine = create_engine(url, hide_parameters=True, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    event.listen(engine, "handle_error", _sqlite_storage_errors)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA cache_size=-{int(CACHE_KIB)}")
    cursor.execute(f"PRAGMA mmap_size={int(MMAP_BYTES)}")
    cursor.close()


#: SQLite's words for what the station's disk or files did, and what to tell the person.
_STORAGE_PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("database or disk is full", "disk i/o error"),
     N_("El disco de esta estación está lleno o no responde: no se guardó nada. Libere espacio "
       "y vuelva a intentar."), "disk full or I/O error"),
    (("database is locked",),
     N_("La base local está ocupada por otro proceso de Ventanilla; espere un momento y vuelva "
       "a intentar."), "database is locked past the busy timeout"),
    (("readonly database", "read-only"),
     N_("La carpeta de datos de esta estación es de solo lectura: no se puede guardar nada. "
       "Revise sus permisos o el disco."), "read-only database"),
    (("unable to open database file",),
     N_("No se puede abrir la base local de esta estación: la carpeta de datos no existe o no "
       "se puede escribir."), "unable to open the database file"),
    (("file is not a database", "database disk image is malformed"),
     N_("La base local de esta estación está dañada. Vuelva a configurarla con «ventanilla "
       "init» (en una estación de demostración, «ventanilla demo»)."), "database file damaged"),
)


def _sqlite_storage_errors(context: Any) -> None:
    """What the disk or the files did (full, locked too long, read-only, damaged) becomes
    StorageError, which every command and window shows in Spanish; nothing was written."""
    text = str(context.original_exception).lower()
    for words, message, log_message in _STORAGE_PROBLEMS:
        if any(word in text for word in words):
            raise StorageError(translate(message), f"sqlite: {log_message}") from None


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The engine for a writing transaction: SQLite takes its write lock at BEGIN."""
    return engine.execution_options(**{IMMEDIATE: True}) if _is_sqlite(engine) else engine


class SessionFactories:
    """`read()` for queries, `write()` for use cases that change something.

    The ORM is imported with the first Session, not when the cache opens: opening it is on
    the way to the sign-in button, and the checks made there use Core statements.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._makers: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._makers is None:
            from sqlalchemy.orm import sessionmaker

            self._makers = (sessionmaker(self.engine, expire_on_commit=False),
                            sessionmaker(writer(self.engine), expire_on_commit=False))
        return self._makers

    def read(self) -> Session:
        return self._factories()[0]()

    def write(self) -> Session:
        return self._factories()[1]()

    def dispose(self) -> None:
        self.engine.dispose()


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
