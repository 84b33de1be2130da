"""audit chain epochs; the case_contacts view

- `audit_anchors.epoch`: a station set up again starts a new audit chain (entry ids from 1);
  anchors are kept per (workstation, epoch, entry id), so the new chain is anchored apart
  from the old one. Anchors from before this migration belong to the epoch ''.
- `case_contacts`: the email and phone of cases, as a view. On PostgreSQL `ventanilla central
  init` replaces it with a security-barrier view filtered by the caller's centre, and centre
  logins lose SELECT on `cases.email` / `cases.phone` (desktop.central.roles); on the SQLite
  demo it is the plain view created here.

Revision ID: 0007_i10_security
Revises: 0006_i12_station_versions
Create Date: 2026-12-04 23:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007_i10_security'
down_revision: Union[str, Sequence[str], None] = '0006_i12_station_versions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CONTACTS_VIEW = ("CREATE VIEW case_contacts AS "
                 "SELECT case_number, centre_code, email, phone FROM cases")


def upgrade() -> None:
    """Upgrade schema."""
    # audit_anchors has no triggers, so batch mode (a table copy on SQLite) loses nothing
    with op.batch_alter_table('audit_anchors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('epoch', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.drop_constraint('pk_audit_anchors', type_='primary')
        batch_op.create_primary_key('pk_audit_anchors', ['workstation', 'epoch', 'entry_id'])
    with op.batch_alter_table('audit_anchors', schema=None) as batch_op:
        batch_op.alter_column('epoch', server_default=None)
    op.execute(CONTACTS_VIEW)


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP VIEW case_contacts")
    op.execute("DELETE FROM audit_anchors WHERE epoch <> ''")
    with op.batch_alter_table('audit_anchors', schema=None) as batch_op:
        batch_op.drop_constraint('pk_audit_anchors', type_='primary')
        batch_op.create_primary_key('pk_audit_anchors', ['workstation', 'entry_id'])
        batch_op.drop_column('epoch')
