"""the signed acuerdo at the station: its PDF's blob, the QR code, the trusted roots

Revision ID: 0007_i11b_acuerdo
Revises: 0005_i15_name_search
Create Date: 2026-12-05 22:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007_i11b_acuerdo'
down_revision: Union[str, Sequence[str], None] = '0006_i11a_petition'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('agreements', sa.Column('signed_sha256', sa.String(length=64), nullable=True))
    op.add_column('agreements', sa.Column('signature_code', sa.String(length=16), nullable=True))
    op.create_index('ix_agreements_signature_code', 'agreements', ['signature_code'])
    op.create_table(
        'trusted_roots',
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('certificate', sa.LargeBinary(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_trusted_roots')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('trusted_roots')
    op.drop_index('ix_agreements_signature_code', table_name='agreements')
    with op.batch_alter_table('agreements') as batch:
        batch.drop_column('signature_code')
        batch.drop_column('signed_sha256')
