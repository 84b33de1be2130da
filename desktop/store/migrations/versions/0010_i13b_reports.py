"""indexes for the supervision reports from the cache (issue 13)

Revision ID: 0010_i13b_reports
Revises: 0009_i13a_attentions
Create Date: 2026-12-05 22:35:00

The station's centre's backlog (open cases by state and registration time, the overdue
ones oldest first) and acuerdos per month, under 200 ms over the country's cases.
(Chained after issue 13a's attentions in this branch, which needs one head.)
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0010_i13b_reports'
down_revision: Union[str, Sequence[str], None] = '0009_i13a_attentions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_cases_centre_state_registered', 'cases',
                    ['centre_code', 'state', 'registered_at'])
    op.create_index('ix_agreements_issued', 'agreements', ['issued_on'])


def downgrade() -> None:
    op.drop_index('ix_agreements_issued', table_name='agreements')
    op.drop_index('ix_cases_centre_state_registered', table_name='cases')
