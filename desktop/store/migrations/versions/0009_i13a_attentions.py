"""attentions at the counters, their actions, and the complaints register (issue 13)

Revision ID: 0009_i13a_attentions
Revises: 0005_i15_name_search
Create Date: 2026-12-05 22:00:00

This station's attentions (one may be open: `ended_at` NULL) and, pulled from central, the
other stations' of its centre; the complaints registered at its centre.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009_i13a_attentions'
down_revision: Union[str, Sequence[str], None] = '0005_i15_name_search'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


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
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('attention_id', name=op.f('pk_attentions')),
    )
    op.create_index('ix_attentions_workstation_open', 'attentions', ['workstation', 'ended_at'])
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
        sa.PrimaryKeyConstraint('number', name=op.f('pk_complaints')),
    )
    op.create_index('ux_complaints_counter_sequence', 'complaints',
                    ['centre_code', 'counter', 'year', 'sequence'], unique=True)
    op.create_index('ix_complaints_registered', 'complaints', ['registered_at'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('complaints')
    op.drop_table('attention_actions')
    op.drop_table('attentions')
