"""The database `ventanilla central init` is pointed at must be Ventanilla's own.

`central init` revokes CONNECT from PUBLIC and takes the schema's privileges in hand: run on
a database another application uses, it would lock that application's logins out, and a
table of the same name as one of ours would break the migration half-way. So it refuses,
before changing anything, a cluster's own databases (`postgres`, templates) and any
database holding tables or views that are not Ventanilla's.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from desktop.central.models import Base
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.urls import SYSTEM_DATABASES

OURS = frozenset(Base.metadata.tables) | {"alembic_version", "case_contacts", "change_counter"}
_FOREIGN_SQL = """
    SELECT n.nspname, c.relname FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
    ORDER BY 1, 2"""


def check_dedicated(engine: Engine) -> None:
    """ValidationError (Spanish, naming what was found) unless the database is empty or
    already Ventanilla's alone. PostgreSQL only; the demo's SQLite file is always ours."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as connection:
        database = connection.scalar(text("SELECT current_database()"))
        schema = connection.scalar(text("SELECT current_schema()"))
        found = connection.execute(text(_FOREIGN_SQL)).all()
    if database in SYSTEM_DATABASES:
        raise ValidationError(
            _("«{db}» es una base del propio servidor PostgreSQL: cree una base dedicada para "
              "Ventanilla (CREATE DATABASE ventanilla) y use esa.").format(db=database),
            "central init: system database", field="url")
    ours = {name for space, name in found if space == schema}
    # a table with one of our names is ours only if our migrations made it
    known = OURS if "alembic_version" in ours else frozenset()
    foreign = [f"{space}.{name}" if space != schema else name
               for space, name in found if space != schema or name not in known]
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise ValidationError(
            _("La base «{db}» contiene tablas que no son de Ventanilla ({tables}): puede ser de "
              "otra aplicación. Use una base vacía dedicada a Ventanilla; no se cambió nada.")
            .format(db=database, tables=shown),
            f"central init: {len(foreign)} foreign tables", field="url")
