"""transition guard: the case state machine enforced inside the central database

The application checks every transition (desktop.domain.cases), but a modified workstation
talks to PostgreSQL directly; so the database refuses by itself any change of
`cases.state` that is not in the transition table, and any done by the wrong kind of actor:
- `case_transitions(source, target, actor_kind)`: the table as data, actor_kind 'counter'
  (clerk/supervisor roles) or 'central' (the back office, Role.BACK_OFFICE);
- PostgreSQL: a BEFORE INSERT OR UPDATE OF state trigger on `cases`. The actor kind is the
  current database role's: members of `ventanilla_counter` are 'counter', members of
  `ventanilla_backoffice` are 'central' (both created by `ventanilla central init`, see
  desktop.central.roles); superusers and members of the table's owner are not checked
  (migrations, maintenance). A new case must start in INGRESADO. Refusals use SQLSTATE
  VT001 (not class 23: the apply code reads integrity errors as duplicate events);
- SQLite (demo): the same pair check with RAISE(ABORT) (SQLite has no roles).
Plain CREATE TABLE / CREATE TRIGGER: batch mode would copy `cases` and drop its
change-marker triggers.

Revision ID: 7d41c2b9e5a0
Revises: 255ea4109bc3
Create Date: 2026-11-27 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7d41c2b9e5a0'
down_revision: Union[str, Sequence[str], None] = '255ea4109bc3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

#: desktop.domain.cases.INITIAL_STATE when this migration was written.
INITIAL_STATE = "INGRESADO"
#: desktop.domain.cases.TRANSITIONS when this migration was written, copied as data: a
#: migration must build the same schema forever, so it never imports app code that may
#: change. tests/integration/test_central_roles.py checks these rows still equal the table;
#: when the table changes, a new migration replaces the rows.
TRANSITION_ROWS: tuple[tuple[str, str, str], ...] = (
    ("INGRESADO", "EN_REVISION", "counter"),
    ("INGRESADO", "ANULADO", "counter"),
    ("EN_REVISION", "DERIVADO", "counter"),
    ("EN_REVISION", "DEVUELTO", "counter"),
    ("EN_REVISION", "ANULADO", "counter"),
    ("DEVUELTO", "EN_REVISION", "counter"),
    ("DEVUELTO", "ANULADO", "counter"),
    ("DERIVADO", "EN_ANALISIS", "central"),
    ("EN_ANALISIS", "REQUIERE_INFO", "central"),
    ("REQUIERE_INFO", "EN_ANALISIS", "central"),
    ("EN_ANALISIS", "ACUERDO_EMITIDO", "central"),
    ("ACUERDO_EMITIDO", "NOTIFICADO", "counter"),
    ("NOTIFICADO", "CERRADO", "central"),
    ("INGRESADO", "DESISTIDO", "counter"),
    ("INGRESADO", "DESISTIDO", "central"),
    ("EN_REVISION", "DESISTIDO", "counter"),
    ("EN_REVISION", "DESISTIDO", "central"),
    ("DEVUELTO", "DESISTIDO", "counter"),
    ("DEVUELTO", "DESISTIDO", "central"),
    ("DERIVADO", "DESISTIDO", "counter"),
    ("DERIVADO", "DESISTIDO", "central"),
    ("EN_ANALISIS", "DESISTIDO", "counter"),
    ("EN_ANALISIS", "DESISTIDO", "central"),
    ("REQUIERE_INFO", "DESISTIDO", "counter"),
    ("REQUIERE_INFO", "DESISTIDO", "central"),
    ("ACUERDO_EMITIDO", "DESISTIDO", "counter"),
    ("ACUERDO_EMITIDO", "DESISTIDO", "central"),
)
GUARD_SQLSTATE = "VT001"


def upgrade() -> None:
    """Upgrade schema."""
    table = op.create_table('case_transitions',
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('target', sa.String(length=20), nullable=False),
    sa.Column('actor_kind', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('source', 'target', 'actor_kind', name=op.f('pk_case_transitions'))
    )
    op.bulk_insert(table, [{"source": source, "target": target, "actor_kind": kind}
                           for source, target, kind in TRANSITION_ROWS])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_guard()
    else:
        _sqlite_guard()


def _postgresql_guard() -> None:
    schema = op.get_bind().exec_driver_sql("SELECT quote_ident(current_schema())").scalar()
    # search_path pinned (pg_temp last): a temporary table named case_transitions must not
    # stand in for the real one
    op.execute(f"""
        CREATE FUNCTION ventanilla_guard_case_state() RETURNS trigger LANGUAGE plpgsql
        SET search_path = {schema}, pg_temp AS $$
        DECLARE
            kinds text[];
        BEGIN
            IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
               OR pg_catalog.pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class
                                                        WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.state IS DISTINCT FROM '{INITIAL_STATE}' THEN
                    RAISE EXCEPTION USING ERRCODE = '{GUARD_SQLSTATE}',
                        MESSAGE = format('a new case starts in {INITIAL_STATE}, not %s',
                                         NEW.state);
                END IF;
                RETURN NEW;
            END IF;
            IF NEW.state IS NOT DISTINCT FROM OLD.state THEN
                RETURN NEW;
            END IF;
            SELECT coalesce(array_agg(k.kind), '{{}}') INTO kinds
            FROM (VALUES ('ventanilla_counter', 'counter'),
                         ('ventanilla_backoffice', 'central')) AS k(role, kind)
            JOIN pg_catalog.pg_roles r ON r.rolname = k.role
            WHERE pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER');
            IF NOT EXISTS (SELECT 1 FROM case_transitions
                           WHERE source = OLD.state AND target = NEW.state) THEN
                RAISE EXCEPTION USING ERRCODE = '{GUARD_SQLSTATE}',
                    MESSAGE = format('no case transition %s -> %s', OLD.state, NEW.state);
            END IF;
            IF NOT EXISTS (SELECT 1 FROM case_transitions
                           WHERE source = OLD.state AND target = NEW.state
                             AND actor_kind = ANY (kinds)) THEN
                RAISE EXCEPTION USING ERRCODE = '{GUARD_SQLSTATE}',
                    MESSAGE = format('role %s (%s) may not move a case %s -> %s', current_user,
                                     coalesce(nullif(array_to_string(kinds, ','), ''), 'none'),
                                     OLD.state, NEW.state);
            END IF;
            RETURN NEW;
        END $$""")
    op.execute("""
        CREATE TRIGGER cases_guard_state BEFORE INSERT OR UPDATE OF state ON cases
        FOR EACH ROW EXECUTE FUNCTION ventanilla_guard_case_state()""")


def _sqlite_guard() -> None:
    op.execute(f"""
        CREATE TRIGGER cases_guard_insert BEFORE INSERT ON cases
        WHEN NEW.state IS NOT '{INITIAL_STATE}'
        BEGIN SELECT RAISE(ABORT, 'a new case starts in {INITIAL_STATE}'); END""")
    op.execute("""
        CREATE TRIGGER cases_guard_state BEFORE UPDATE OF state ON cases
        WHEN NEW.state IS NOT OLD.state AND NOT EXISTS (
            SELECT 1 FROM case_transitions WHERE source = OLD.state AND target = NEW.state)
        BEGIN SELECT RAISE(ABORT, 'no case transition for this change of state'); END""")


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION ventanilla_guard_case_state() CASCADE")
    else:
        op.execute("DROP TRIGGER cases_guard_insert")
        op.execute("DROP TRIGGER cases_guard_state")
    op.drop_table('case_transitions')
