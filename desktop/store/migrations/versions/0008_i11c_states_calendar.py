"""states and calendar: the case's due date and notification, centre time zones, holidays

Revision ID: 0008_i11c_states_calendar
Revises: 0005_i15_name_search
Create Date: 2026-12-05 22:30:00

The cache copies what central added in 0011_i11c_states_calendar: `cases.info_due_on`,
`notified_on`, `notified_via`, `centres.time_zone` and the `holidays` reference table
(filled by the pull). Plain ALTER (no batch mode): batch would copy `cases` and drop the
name-search triggers.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008_i11c_states_calendar'
down_revision: Union[str, Sequence[str], None] = '0005_i15_name_search'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('cases', sa.Column('info_due_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('notified_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('notified_via', sa.String(length=12), nullable=True))
    op.add_column('centres', sa.Column('time_zone', sa.String(length=40), nullable=False,
                                       server_default='America/Guayaquil'))
    op.create_table('holidays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('centre_code', sa.String(length=5), nullable=True),
    sa.Column('assumed', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('holidays')
    op.drop_column('centres', 'time_zone')
    for column in ('notified_via', 'notified_on', 'info_due_on'):
        op.drop_column('cases', column)
