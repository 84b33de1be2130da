"""the signed acuerdo: its form's data, the signed PDF, trusted roots, the demo signer

Revision ID: 0010_i11b_acuerdo
Revises: 0008_i15_name_trigram
Create Date: 2026-12-05 22:10:00

`trusted_roots` is pulled by stations, so it gets the change-marker trigger of the 0002
migration. Plain ADD COLUMN on SQLite (no batch mode: that would drop the triggers).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010_i11b_acuerdo'
down_revision: Union[str, Sequence[str], None] = '0009_i11a_petition'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

Money = sa.Numeric(12, 2)
COLUMNS = (
    ('unit_name', sa.String(length=160)),
    ('city', sa.String(length=60)),
    ('signer_name', sa.String(length=120)),
    ('signer_post', sa.String(length=160)),
    ('contributions_before', sa.Integer()),
    ('contributions_after', sa.Integer()),
    ('base_before', Money),
    ('base_after', Money),
    ('coefficient_before', sa.Numeric(6, 4)),
    ('coefficient_after', sa.Numeric(6, 4)),
    ('retro_from', sa.Date()),
    ('retro_to', sa.Date()),
    ('signed_sha256', sa.String(length=64)),
    ('signature_code', sa.String(length=16)),
)


def upgrade() -> None:
    """Upgrade schema."""
    for name, kind in COLUMNS:
        op.add_column('agreements', sa.Column(name, kind, nullable=True))
    op.create_index('ix_agreements_signature_code', 'agreements', ['signature_code'])
    op.create_table(
        'trusted_roots',
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('certificate', sa.LargeBinary(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.Column('change_id', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_trusted_roots')),
    )
    op.create_index('ix_trusted_roots_change', 'trusted_roots', ['change_id', 'fingerprint'])
    op.create_table(
        'demo_signers',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('pkcs12', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_demo_signers')),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE TRIGGER trusted_roots_mark_change BEFORE INSERT OR UPDATE ON trusted_roots
            FOR EACH ROW EXECUTE FUNCTION ventanilla_mark_change()""")
    else:
        bump = ("UPDATE change_counter SET value = value + 1; "
                "UPDATE trusted_roots SET change_id = (SELECT value FROM change_counter) "
                "WHERE rowid = NEW.rowid;")
        op.execute("CREATE TRIGGER trusted_roots_mark_insert AFTER INSERT ON trusted_roots "
                   f"WHEN NEW.change_id = 0 BEGIN {bump} END")
        op.execute("CREATE TRIGGER trusted_roots_mark_update AFTER UPDATE ON trusted_roots "
                   f"WHEN NEW.change_id = OLD.change_id BEGIN {bump} END")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('demo_signers')
    op.drop_index('ix_trusted_roots_change', table_name='trusted_roots')
    op.drop_table('trusted_roots')
    op.drop_index('ix_agreements_signature_code', table_name='agreements')
    for name, _kind in reversed(COLUMNS):
        op.drop_column('agreements', name)
