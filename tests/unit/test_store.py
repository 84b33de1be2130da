"""The local cache: pragmas, migrations with a backup first, refusal of a newer schema."""

from __future__ import annotations

import sqlite3

from alembic.script import ScriptDirectory

from desktop.config import Paths, Settings
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import alembic_config, current_revision, upgrade
from desktop.errors import StorageError
from desktop.services.runtime import open_cache
from tests.support.checks import refused

CACHE = "desktop.store:migrations"


def settings_in(tmp_path) -> Settings:
    return Settings(paths=Paths(tmp_path / "c", tmp_path / "d", tmp_path / "l"))


def test_cache_runs_in_wal_with_foreign_keys(tmp_path):
    db = open_cache(settings_in(tmp_path))
    with db.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_a_new_cache_is_migrated_to_head_without_a_backup(tmp_path):
    settings = settings_in(tmp_path)
    db = open_cache(settings)
    head = ScriptDirectory.from_config(alembic_config(CACHE)).get_current_head()
    assert current_revision(db.engine) == head
    assert not settings.paths.backup_dir.exists()
    db.dispose()


def test_a_cache_from_newer_code_is_refused_and_untouched(tmp_path):
    settings = settings_in(tmp_path)
    open_cache(settings).dispose()
    with sqlite3.connect(settings.paths.cache_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    before = settings.paths.cache_db.read_bytes()
    with refused(StorageError, "versión más nueva"):
        open_cache(settings)
    assert settings.paths.cache_db.read_bytes() == before


def test_backup_copy_is_taken_when_a_migration_runs(tmp_path, monkeypatch):
    """Until the cache has a second revision, a newer head is simulated (named as such):
    the head is patched to an unknown next revision and Alembic's upgrade step stubbed."""
    settings = settings_in(tmp_path)
    open_cache(settings).dispose()
    engine = create_app_engine(sqlite_url(settings.paths.cache_db))
    script = ScriptDirectory.from_config(alembic_config(CACHE))
    head = script.get_current_head()
    monkeypatch.setattr(ScriptDirectory, "get_current_head", lambda self: "next-revision")
    monkeypatch.setattr("desktop.db.migrate.at_head", lambda *_args: False)  # its quick look too
    monkeypatch.setattr("alembic.command.upgrade", lambda config, target: None)
    assert upgrade(engine, CACHE, backup_dir=settings.paths.backup_dir)
    backups = list(settings.paths.backup_dir.glob("cache-*.sqlite3"))
    assert len(backups) == 1 and head in backups[0].name
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    copy.close()
    engine.dispose()
