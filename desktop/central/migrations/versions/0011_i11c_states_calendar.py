"""states and calendar: notification, requested-information due date, abandono, holidays

Revision ID: 0011_i11c_states_calendar
Revises: 0008_i15_name_trigram
Create Date: 2026-12-05 22:30:00

- `cases`: `info_due_on` (REQUIERE_INFO), `notified_on` and `notified_via` (NOTIFICADO);
- `centres.time_zone` (America/Guayaquil or America/Galapagos);
- `holidays`: the project's own table of days off (national, or a centre's cantonal day),
  pulled by stations like other reference data (change marker triggers as in 0002), seeded
  with desktop.domain.holiday_table.NATIONAL as it was when this migration was written;
- `case_transitions` rows replaced by desktop.domain.cases.TRANSITIONS of now (ABANDONO; the
  back office may record a notification). tests/integration/test_central_roles.py checks
  they still equal the table.
Plain ALTER / CREATE (no batch mode): batch would copy `cases` and drop its triggers.
"""
from datetime import date
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011_i11c_states_calendar'
down_revision: Union[str, Sequence[str], None] = '0008_i15_name_trigram'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INITIAL_STATE = "INGRESADO"
_WITHDRAWABLE = ("INGRESADO", "EN_REVISION", "DEVUELTO", "DERIVADO", "EN_ANALISIS",
                 "REQUIERE_INFO", "ACUERDO_EMITIDO")
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
    ("REQUIERE_INFO", "ABANDONO", "central"),
    ("EN_ANALISIS", "ACUERDO_EMITIDO", "central"),
    ("ACUERDO_EMITIDO", "NOTIFICADO", "counter"),
    ("ACUERDO_EMITIDO", "NOTIFICADO", "central"),
    ("NOTIFICADO", "CERRADO", "central"),
    *((state, "DESISTIDO", kind) for state in _WITHDRAWABLE for kind in ("counter", "central")),
)
_OLD_ADDED = (("REQUIERE_INFO", "ABANDONO", "central"), ("ACUERDO_EMITIDO", "NOTIFICADO", "central"))

LAW_2016 = "Ley Orgánica Reformatoria LOSEP y Código del Trabajo, R.O. Supl. 906 (2016), art. 1"
CT_65 = "Código del Trabajo, art. 65"
MINTUR_2025 = "Calendario de feriados 2023-2025, Ministerio de Turismo"
MINTUR_2026 = "Calendario de feriados 2026, Ministerio de Turismo"
BY_RULE = f"{LAW_2016}: traslado por regla; sin calendario oficial publicado"
#: desktop.domain.holiday_table.NATIONAL when this migration was written (day, name,
#: source, assumed)
NATIONAL_ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("2025-01-01", "Año Nuevo", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-03-03", "Carnaval", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-03-04", "Carnaval", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-04-18", "Viernes Santo", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-05-02", "Día del Trabajo (trasladado del jueves 1 de mayo)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-05-23", "Batalla de Pichincha (trasladado del sábado 24)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-08-11", "Primer Grito de Independencia (trasladado del domingo 10)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-10-10", "Independencia de Guayaquil (trasladado del jueves 9)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-11-03", "Independencia de Cuenca", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-11-04", "Día de Difuntos (trasladado del domingo 2)",
     f"{LAW_2016}; {MINTUR_2025}", True),
    ("2025-12-25", "Navidad", f"{CT_65}; {MINTUR_2025}", False),
    ("2026-01-01", "Año Nuevo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-01-02", "Descanso obligatorio (puente de Año Nuevo)", "Decreto Ejecutivo 249",
     False),
    ("2026-02-16", "Carnaval", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-02-17", "Carnaval", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-04-03", "Viernes Santo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-05-01", "Día del Trabajo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-05-25", "Batalla de Pichincha (trasladado del domingo 24)",
     f"{LAW_2016}; {MINTUR_2026}", False),
    ("2026-08-10", "Primer Grito de Independencia", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-10-09", "Independencia de Guayaquil", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-11-02", "Día de Difuntos", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-11-03", "Independencia de Cuenca", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-12-25", "Navidad", f"{CT_65}; {MINTUR_2026}", False),
    ("2027-01-01", "Año Nuevo", CT_65, False),
    ("2027-02-08", "Carnaval", CT_65, False),
    ("2027-02-09", "Carnaval", CT_65, False),
    ("2027-03-26", "Viernes Santo", CT_65, False),
    ("2027-04-30", "Día del Trabajo (trasladado del sábado 1 de mayo)", BY_RULE, True),
    ("2027-05-24", "Batalla de Pichincha", CT_65, False),
    ("2027-08-09", "Primer Grito de Independencia (trasladado del martes 10)", BY_RULE, True),
    ("2027-10-08", "Independencia de Guayaquil (trasladado del sábado 9)", BY_RULE, True),
    ("2027-11-01", "Día de Difuntos (trasladado del martes 2)", BY_RULE, True),
    ("2027-11-03", "Independencia de Cuenca", CT_65, True),
)


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('cases', sa.Column('info_due_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('notified_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('notified_via', sa.String(length=12), nullable=True))
    op.add_column('centres', sa.Column('time_zone', sa.String(length=40), nullable=False,
                                       server_default='America/Guayaquil'))
    holidays = op.create_table('holidays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('centre_code', sa.String(length=5), nullable=True),
    sa.Column('assumed', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('change_id', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays'))
    )
    op.create_index('ix_holidays_change', 'holidays', ['change_id', 'id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE TRIGGER holidays_mark_change BEFORE INSERT OR UPDATE ON holidays
            FOR EACH ROW EXECUTE FUNCTION ventanilla_mark_change()""")
    else:
        bump = ("UPDATE change_counter SET value = value + 1; "
                "UPDATE holidays SET change_id = (SELECT value FROM change_counter) "
                "WHERE rowid = NEW.rowid;")
        op.execute("CREATE TRIGGER holidays_mark_insert AFTER INSERT ON holidays "
                   f"WHEN NEW.change_id = 0 BEGIN {bump} END")
        op.execute("CREATE TRIGGER holidays_mark_update AFTER UPDATE ON holidays "
                   f"WHEN NEW.change_id = OLD.change_id BEGIN {bump} END")
    op.bulk_insert(holidays, [
        {"day": date.fromisoformat(day), "name": name, "source": source, "centre_code": None,
         "assumed": assumed, "active": True}
        for day, name, source, assumed in NATIONAL_ROWS])
    transitions = sa.table('case_transitions', sa.column('source'), sa.column('target'),
                           sa.column('actor_kind'))
    op.execute(transitions.delete())
    op.bulk_insert(transitions, [{"source": source, "target": target, "actor_kind": kind}
                                 for source, target, kind in TRANSITION_ROWS])


def downgrade() -> None:
    """Downgrade schema."""
    transitions = sa.table('case_transitions', sa.column('source'), sa.column('target'),
                           sa.column('actor_kind'))
    for source, target, kind in _OLD_ADDED:
        op.execute(transitions.delete().where(
            transitions.c.source == source, transitions.c.target == target,
            transitions.c.actor_kind == kind))
    op.drop_table('holidays')
    op.drop_column('centres', 'time_zone')
    for column in ('notified_via', 'notified_on', 'info_due_on'):
        op.drop_column('cases', column)
