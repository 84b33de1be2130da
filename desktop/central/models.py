"""Typed models of the central database (PostgreSQL in production, SQLite in the demo).

Its own metadata and Alembic history: the workstation cache is a different schema that
receives a subset of this one.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, MetaData, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.db.reference import NAMING, CentreColumns, StaffColumns


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Centre(CentreColumns, Base):
    pass


class Staff(StaffColumns, Base):
    pass


class Person(Base):
    """Identity as the registry knows it; not every person is a pensioner."""

    __tablename__ = "people"

    cedula: Mapped[str] = mapped_column(String(10), primary_key=True)
    given_names: Mapped[str] = mapped_column(String(80))
    surnames: Mapped[str] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)


class Pension(Base):
    """The Seguro General pension a person receives (one per person in this schema)."""

    __tablename__ = "pensions"

    cedula: Mapped[str] = mapped_column(ForeignKey("people.cedula"), primary_key=True)
    pension_type: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(12))
    granted_on: Mapped[date] = mapped_column(Date)
    contribution_months: Mapped[int] = mapped_column(Integer)
    monthly_amount: Mapped[float] = mapped_column(Numeric(10, 2))


class Employer(Base):
    __tablename__ = "employers"

    ruc: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(160))


class ContributionDebt(Base):
    """Months an employer has not paid for a person (mora patronal)."""

    __tablename__ = "contribution_debts"

    id: Mapped[int] = mapped_column(primary_key=True)
    cedula: Mapped[str] = mapped_column(ForeignKey("people.cedula"), index=True)
    employer_ruc: Mapped[str] = mapped_column(ForeignKey("employers.ruc"))
    period_from: Mapped[str] = mapped_column(String(7))
    period_to: Mapped[str] = mapped_column(String(7))
    amount: Mapped[float] = mapped_column(Numeric(12, 2))
