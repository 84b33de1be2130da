"""petition first (central): eligibility warning, passport applicants, representative, privacy notice

Revision ID: 0009_i11a_petition
Revises: 0008_i15_name_trigram
Create Date: 2026-12-05 22:00:00

Issue 11: every petition is registered; what could not be confirmed about eligibility is a
warning kept with the case. A foreigner is identified by passport (country + number) and
`cedula` stays ''; an apoderado's own identity; the privacy notice version given at
collection. Plain ADD COLUMN (no table copy), so the triggers on `cases` stay as they are.

`privacy_notices`: the notice as reference data, pulled by stations like centres (change
markers by the same triggers as the 0002 tables), seeded with its first version.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from desktop.domain.privacy import CURRENT


# revision identifiers, used by Alembic.
revision: str = '0009_i11a_petition'
down_revision: Union[str, Sequence[str], None] = '0013_i13b_reports'
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
    notices = op.create_table(
        'privacy_notices',
        sa.Column('version', sa.String(length=20), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('parts', sa.Text(), nullable=False),
        sa.Column('change_id', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('version', name=op.f('pk_privacy_notices')),
    )
    op.create_index('ix_privacy_notices_change', 'privacy_notices', ['change_id', 'version'],
                    unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE TRIGGER privacy_notices_mark_change BEFORE INSERT OR UPDATE
            ON privacy_notices FOR EACH ROW EXECUTE FUNCTION ventanilla_mark_change()""")
    else:
        bump = ("UPDATE change_counter SET value = value + 1; "
                "UPDATE privacy_notices SET change_id = (SELECT value FROM change_counter) "
                "WHERE rowid = NEW.rowid;")
        op.execute("CREATE TRIGGER privacy_notices_mark_insert AFTER INSERT ON privacy_notices "
                   f"WHEN NEW.change_id = 0 BEGIN {bump} END")
        op.execute("CREATE TRIGGER privacy_notices_mark_update AFTER UPDATE ON privacy_notices "
                   f"WHEN NEW.change_id = OLD.change_id BEGIN {bump} END")
    op.bulk_insert(notices, [{"version": CURRENT.version, "valid_from": CURRENT.valid_from,
                              "parts": CURRENT.parts_json()}])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('privacy_notices')  # its index and triggers go with it
    for name, _type in reversed(COLUMNS):
        op.drop_column('cases', name)
