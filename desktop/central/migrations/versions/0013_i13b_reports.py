"""indexes for the supervision reports (issue 13)

Revision ID: 0013_i13b_reports
Revises: 0012_i13a_attentions
Create Date: 2026-12-05 22:35:00

The national backlog reads open cases by state and registration time; a centre's staff
report its cases registered in a month; acuerdos per month read the issue date.
(Chained after issue 13a's attentions in this branch, which needs one head.)
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0013_i13b_reports'
down_revision: Union[str, Sequence[str], None] = '0012_i13a_attentions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_cases_state_registered', 'cases', ['state', 'registered_at'])
    op.create_index('ix_cases_centre_registered', 'cases', ['centre_code', 'registered_at'])
    op.create_index('ix_agreements_issued', 'agreements', ['issued_on'])


def downgrade() -> None:
    op.drop_index('ix_agreements_issued', table_name='agreements')
    op.drop_index('ix_cases_centre_registered', table_name='cases')
    op.drop_index('ix_cases_state_registered', table_name='cases')
