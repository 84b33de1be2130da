"""station versions: the version each workstation reports on sync

Revision ID: 0006_i12_station_versions
Revises: c68e066fbe1b
Create Date: 2026-12-04 23:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006_i12_station_versions'
down_revision: Union[str, Sequence[str], None] = 'c68e066fbe1b'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('station_versions',
    sa.Column('workstation', sa.String(length=20), nullable=False),
    sa.Column('centre_code', sa.String(length=5), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('workstation', name=op.f('pk_station_versions'))
    )
    op.create_index(op.f('ix_station_versions_centre_code'), 'station_versions', ['centre_code'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_station_versions_centre_code'), table_name='station_versions')
    op.drop_table('station_versions')
