"""Columns that the central database and the cache share for reference data.

The cache receives these rows verbatim from central, so both schemas declare them once,
here, as mixins; each schema keeps its own metadata and Alembic history.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

#: Constraint names Alembic can rely on, in both schemas.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class CentreColumns:
    __tablename__ = "centres"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    city: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(200), default="")
    counters: Mapped[int] = mapped_column(Integer, default=1)


class StaffColumns:
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    centre_code: Mapped[str] = mapped_column(ForeignKey("centres.code"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
