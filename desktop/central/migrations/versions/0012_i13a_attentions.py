"""attentions at the counters, their actions, and the complaints register (issue 13)

Revision ID: 0012_i13a_attentions
Revises: 0008_i15_name_trigram
Create Date: 2026-12-05 22:00:00

`attentions` and `complaints` are pulled by their centre's stations, so they carry change
markers set by the same triggers as the other marked tables (0002 migration).
`attention_actions` rows are written with their attention and pulled with it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012_i13a_attentions'
down_revision: Union[str, Sequence[str], None] = '0008_i15_name_trigram'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MARKED = {"attentions": "attention_id", "complaints": "number"}


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'attentions',
        sa.Column('attention_id', sa.String(length=36), nullable=False),
        sa.Column('centre_code', sa.String(length=5), nullable=False),
        sa.Column('workstation', sa.String(length=20), nullable=False),
        sa.Column('counter', sa.Integer(), nullable=False),
        sa.Column('clerk', sa.String(length=60), nullable=False),
        sa.Column('turno_code', sa.String(length=40), nullable=False),
        sa.Column('turno_booked_at', sa.DateTime(), nullable=True),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('ended_at', sa.DateTime(), nullable=False),
        sa.Column('change_id', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('attention_id', name=op.f('pk_attentions')),
    )
    op.create_index('ix_attentions_change', 'attentions', ['change_id', 'attention_id'])
    op.create_index('ix_attentions_centre_started', 'attentions', ['centre_code', 'started_at'])
    op.create_index('ix_attentions_started', 'attentions', ['started_at'])
    op.create_table(
        'attention_actions',
        sa.Column('kind', sa.String(length=14), nullable=False),
        sa.Column('case_number', sa.String(length=32), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('attention_id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['attention_id'], ['attentions.attention_id'],
                                name=op.f('fk_attention_actions_attention_id_attentions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attention_actions')),
    )
    op.create_index(op.f('ix_attention_actions_attention_id'), 'attention_actions',
                    ['attention_id'])
    op.create_index('ix_attention_actions_kind_case', 'attention_actions',
                    ['kind', 'case_number'])
    op.create_table(
        'complaints',
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('centre_code', sa.String(length=5), nullable=False),
        sa.Column('counter', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.Column('workstation', sa.String(length=20), nullable=False),
        sa.Column('registered_by', sa.String(length=60), nullable=False),
        sa.Column('registered_at', sa.DateTime(), nullable=False),
        sa.Column('channel', sa.String(length=12), nullable=False),
        sa.Column('category', sa.String(length=30), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('complainant_name', sa.String(length=170), nullable=False),
        sa.Column('complainant_cedula', sa.String(length=10), nullable=False),
        sa.Column('contact_email', sa.String(length=254), nullable=False),
        sa.Column('contact_phone', sa.String(length=20), nullable=False),
        sa.Column('case_number', sa.String(length=32), nullable=True),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('assigned_to', sa.String(length=60), nullable=True),
        sa.Column('assigned_by', sa.String(length=60), nullable=True),
        sa.Column('assigned_at', sa.DateTime(), nullable=True),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('answered_by', sa.String(length=60), nullable=True),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('closed_by', sa.String(length=60), nullable=True),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('change_id', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('number', name=op.f('pk_complaints')),
    )
    op.create_index('ix_complaints_change', 'complaints', ['change_id', 'number'])
    op.create_index('ix_complaints_centre_registered', 'complaints',
                    ['centre_code', 'registered_at'])
    op.create_index('ix_complaints_registered', 'complaints', ['registered_at'])
    if op.get_bind().dialect.name == "postgresql":
        for table in MARKED:  # ventanilla_mark_change() comes from the 0002 migration
            op.execute(f"""
                CREATE TRIGGER {table}_mark_change BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION ventanilla_mark_change()""")
    else:
        bump = ("UPDATE change_counter SET value = value + 1; "
                "UPDATE {t} SET change_id = (SELECT value FROM change_counter) "
                "WHERE rowid = NEW.rowid;")
        for table in MARKED:
            op.execute(f"CREATE TRIGGER {table}_mark_insert AFTER INSERT ON {table} "
                       f"WHEN NEW.change_id = 0 BEGIN {bump.format(t=table)} END")
            op.execute(f"CREATE TRIGGER {table}_mark_update AFTER UPDATE ON {table} "
                       f"WHEN NEW.change_id = OLD.change_id BEGIN {bump.format(t=table)} END")


def downgrade() -> None:
    """Downgrade schema (the tables' triggers go with them)."""
    op.drop_table('complaints')
    op.drop_table('attention_actions')
    op.drop_table('attentions')
