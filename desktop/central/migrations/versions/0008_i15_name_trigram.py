"""name search at central: folded name column with a pg_trgm index

Revision ID: 0008_i15_name_trigram
Revises: 0007_i10_security
Create Date: 2026-12-10 10:30:00

`pg_trgm` is a trusted extension (PostgreSQL 13+): the database owner who runs
`ventanilla central init` may create it. The SQLite demo central gets a plain index of the
same name (no trigrams there; its LIKE reads every name, as the demo's few cases allow).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008_i15_name_trigram'
down_revision: Union[str, Sequence[str], None] = '0007_i10_security'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('cases', sa.Column('search_name', sa.String(length=170), nullable=False,
                                     server_default=''))
    _fold_existing_names()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index('ix_cases_search_name_trgm', 'cases', ['search_name'],
                        postgresql_using='gin',
                        postgresql_ops={'search_name': 'gin_trgm_ops'})
    else:
        op.create_index('ix_cases_search_name_trgm', 'cases', ['search_name'])


def _fold_existing_names() -> None:
    """search_name = the applicant's name without accents or case (as desktop.domain.text)."""
    import unicodedata

    def fold(text: str) -> str:
        bare = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
        return " ".join(bare.casefold().split())

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT case_number, applicant_name FROM cases")).all()
    if rows:
        connection.execute(sa.text("UPDATE cases SET search_name = :n WHERE case_number = :c"),
                           [{"n": fold(name), "c": number} for number, name in rows])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_cases_search_name_trgm', table_name='cases')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('search_name')
