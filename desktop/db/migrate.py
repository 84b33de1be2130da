"""Alembic at start-up: back up first, refuse a database newer than the code.

Alembic itself (and Mako, and every SQL dialect it knows) is imported only when a database
is not at the head revision: at a normal start the cache is, and a look at the revision ids
written in the migration files (`at_head`) is enough. Importing Alembic cost about a
quarter of the time before the sign-in button was enabled.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from desktop.errors import StorageError
from desktop.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
BACKUPS_KEPT = 5


REVISION = re.compile(r"^revision(?:: [^=]+)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
DOWN_REVISION = re.compile(r"^down_revision(?:: [^=]+)? = (.+)$", re.MULTILINE)


def _script_heads(script_location: str) -> set[str] | None:
    """The head revisions read from the migration files, or None if any file does not say
    plainly which revision it is (then Alembic decides)."""
    package, _colon, folder = script_location.partition(":")
    versions = importlib.resources.files(package) / folder / "versions"
    revisions: set[str] = set()
    replaced: set[str] = set()
    try:
        sources = [script.read_text(encoding="utf-8") for script in versions.iterdir()
                   if script.name.endswith(".py")]
    except OSError:  # not plain files (a frozen bundle that zipped them): ask Alembic
        return None
    for source in sources:
        found, down = REVISION.findall(source), DOWN_REVISION.findall(source)
        if len(found) != 1 or len(down) != 1:
            return None
        revisions.add(found[0])
        replaced.update(re.findall(r"['\"]([^'\"]+)['\"]", down[0]))
    return revisions - replaced


def at_head(engine: Engine, script_location: str) -> bool:
    """True when the database is at the single head of its migrations (no Alembic)."""
    heads = _script_heads(script_location)
    if not heads or len(heads) != 1:
        return False
    try:
        with engine.connect() as connection:
            current = list(connection.execute(text("SELECT version_num FROM alembic_version"))
                           .scalars())
    except DBAPIError:  # no alembic_version table: a new database
        return False
    return current == list(heads)


def alembic_config(script_location: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location)
    return config


def head_revision(script_location: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    engine: Engine,
    script_location: str,
    *,
    backup_dir: Path | None = None,
    what: str = "la base de datos",
) -> bool:
    """Bring the schema to head. Returns True when a migration ran.

    A SQLite file that already holds a schema is copied to `backup_dir` before any change.
    """
    if at_head(engine, script_location):
        return False
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError as error:
            raise StorageError(
                _(
                    "{what} fue creada por una versión más nueva de Ventanilla ({rev}). "
                    "Actualice la aplicación; no se modificó nada."
                ).format(what=what, rev=current),
                f"database revision {current} unknown to this code (head {head})",
            ) from error
        if backup_dir is not None and engine.dialect.name == "sqlite":
            backup_sqlite(engine, backup_dir, current)
    log.info("migrating %s from %s to %s", script_location, current, head)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True


def backup_sqlite(engine: Engine, backup_dir: Path, revision: str) -> Path:
    """A consistent copy (`VACUUM INTO`, safe under WAL) made through the engine's own
    connection: an encrypted cache gives a copy encrypted with the same key, a plain one a
    plain copy. No key is handled here."""
    source_path = engine.url.database
    assert source_path, "backup of an in-memory database"
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{Path(source_path).stem}-{stamp}-{revision}.sqlite3"
    target.unlink(missing_ok=True)  # VACUUM INTO refuses an existing file
    connection = engine.raw_connection()  # autocommit: VACUUM cannot run in a transaction
    try:
        cursor = connection.cursor()
        cursor.execute("VACUUM INTO ?", (str(target),))
        cursor.close()
    finally:
        connection.close()
    with target.open("rb+") as copy:
        os.fsync(copy.fileno())  # the copy must survive the power cut the migration may meet
    for old in sorted(backup_dir.glob(f"{Path(source_path).stem}-*.sqlite3"))[:-BACKUPS_KEPT]:
        old.unlink()
    log.info("backed up %s before migrating", Path(source_path).name)
    return target
