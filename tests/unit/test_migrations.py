"""Each schema's Alembic history builds exactly what its models declare."""

from __future__ import annotations

import importlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop.central import models as central
from desktop.db.alembic_env import is_unmodelled
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import _script_heads, at_head, head_revision, upgrade

MARKED = [cls.__tablename__ for cls in central.Base.__subclasses__()
          if issubclass(cls, central.Marked)]


def differences(engine, schema: str) -> list:
    models = importlib.import_module(f"desktop.{schema}.models")
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), models.Base.metadata)
    # tables the triggers keep (change counter, name search index) are deliberately no model
    return [d for d in found if d[:1] != ("remove_table",) or not is_unmodelled(d[1].name)]


def test_cache_migrations_match_the_models(tmp_path):
    engine = create_app_engine(sqlite_url(tmp_path / "cache.sqlite3"))
    assert upgrade(engine, "desktop.store:migrations")
    assert differences(engine, "store") == []
    engine.dispose()


def test_central_migrations_match_the_models(central_url):
    engine = create_app_engine(central_url)
    assert upgrade(engine, "desktop.central:migrations")
    assert differences(engine, "central") == []
    engine.dispose()


@pytest.mark.parametrize("table", MARKED)
def test_every_marked_table_keeps_its_change_trigger(central_url, table):
    """Later migrations must not lose the triggers (SQLite batch mode would drop them)."""
    engine = create_app_engine(central_url)
    upgrade(engine, "desktop.central:migrations")
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            names = set(connection.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                {"t": table}))
            assert {f"{table}_mark_insert", f"{table}_mark_update"} <= names
        else:
            names = set(connection.scalars(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = CAST(:t AS regclass)"),
                {"t": table}))
            assert f"{table}_mark_change" in names
        assert "change_id" in {c["name"] for c in inspect(connection).get_columns(table)}
    engine.dispose()


@pytest.mark.parametrize("schema", ["store", "central"])
def test_the_quick_head_check_agrees_with_alembic(schema):
    location = f"desktop.{schema}:migrations"
    assert _script_heads(location) == {head_revision(location)}


def test_a_cache_at_head_opens_without_alembic_and_an_older_one_is_migrated(tmp_path):
    engine = create_app_engine(sqlite_url(tmp_path / "cache.sqlite3"))
    assert not at_head(engine, "desktop.store:migrations")  # nothing yet
    assert upgrade(engine, "desktop.store:migrations")
    assert at_head(engine, "desktop.store:migrations")
    assert not upgrade(engine, "desktop.store:migrations")
    with engine.begin() as connection:  # as if made by the previous release
        connection.execute(text("DROP TRIGGER cases_fts_insert"))
        connection.execute(text("DROP TRIGGER cases_fts_delete"))
        connection.execute(text("DROP TRIGGER cases_fts_update"))
        connection.execute(text("DROP TABLE cases_fts"))
        connection.execute(text("DROP TABLE cases_fts_deferred"))
        connection.execute(text("DROP TABLE trusted_roots"))  # and what 0007 adds
        connection.execute(text("DROP INDEX ix_agreements_signature_code"))
        connection.execute(text("ALTER TABLE agreements DROP COLUMN signature_code"))
        connection.execute(text("ALTER TABLE agreements DROP COLUMN signed_sha256"))
        connection.execute(text("UPDATE alembic_version SET version_num = '3ccd0be12f20'"))
    assert not at_head(engine, "desktop.store:migrations")
    assert upgrade(engine, "desktop.store:migrations", backup_dir=tmp_path / "backups")
    assert at_head(engine, "desktop.store:migrations")
    assert list((tmp_path / "backups").iterdir())  # backed up before migrating
    assert differences(engine, "store") == []
    engine.dispose()
