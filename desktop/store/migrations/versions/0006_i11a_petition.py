"""petition first (cache): eligibility warning, passport applicants, representative, privacy notice

Revision ID: 0006_i11a_petition
Revises: 0005_i15_name_search
Create Date: 2026-12-05 22:00:00

Issue 11: every petition is registered; what could not be confirmed about eligibility is a
warning kept with the case. A foreigner is identified by passport (country + number) and
`cedula` stays ''; an apoderado's own identity; the privacy notice version given at
collection. Plain ADD COLUMN (no table copy), so the triggers on `cases` stay as they are.

`privacy_notices`: the notice versions pulled from central.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006_i11a_petition'
down_revision: Union[str, Sequence[str], None] = '0010_i13b_reports'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    ("eligibility_warning", sa.Text()),
    ("passport_country", sa.String(length=2)),
    ("passport_number", sa.String(length=20)),
    ("privacy_notice", sa.String(length=20)),
    ("representative_name", sa.String(length=170)),
    ("representative_cedula", sa.String(length=10)),
    ("representative_passport_country", sa.String(length=2)),
    ("representative_passport_number", sa.String(length=20)),
)


def upgrade() -> None:
    """Upgrade schema."""
    for name, type_ in COLUMNS:
        op.add_column('cases', sa.Column(name, type_, nullable=False, server_default=''))
    op.create_table(
        'privacy_notices',
        sa.Column('version', sa.String(length=20), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('parts', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('version', name=op.f('pk_privacy_notices')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('privacy_notices')
    for name, _type in reversed(COLUMNS):
        op.drop_column('cases', name)
