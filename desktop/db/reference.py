"""Columns that the central database and the cache share: reference data and cases.

The cache receives these rows verbatim from central (and sends its cases the other way),
so both schemas declare them once, here, as mixins; each schema keeps its own keys,
indexes, metadata and Alembic history.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
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
    #: IANA zone of the centre's clocks and papers (America/Guayaquil or Pacific/Galapagos)
    time_zone: Mapped[str] = mapped_column(String(40), default="America/Guayaquil",
                                           server_default="America/Guayaquil")


class HolidayColumns:
    """A day off: national (`centre_code` None) or a centre's cantonal day; never deleted at
    central (a withdrawn day gets `active` false, so stations pull the change)."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(300))
    centre_code: Mapped[str | None] = mapped_column(String(5))
    assumed: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PrivacyNoticeColumns:
    """The privacy notice read at collection (LOPDP Art. 12), one row per version, managed
    at central. `parts` is JSON: [[title, text, source], …] in the order read aloud."""

    __tablename__ = "privacy_notices"

    version: Mapped[str] = mapped_column(String(20), primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date)
    parts: Mapped[str] = mapped_column(Text)


class StaffColumns:
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    centre_code: Mapped[str] = mapped_column(ForeignKey("centres.code"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseColumns:
    """A case as both sides know it; the key, `cedula` (indexed differently) and what only
    one side keeps are declared by each schema."""

    __tablename__ = "cases"

    request_type: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(170))
    pension_type: Mapped[str] = mapped_column(String(12))
    centre_code: Mapped[str] = mapped_column(String(5))
    counter: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))
    state_changed_at: Mapped[datetime]
    registered_at: Mapped[datetime]
    registered_by: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(20))
    employer_ruc: Mapped[str | None] = mapped_column(String(13))
    periods: Mapped[str] = mapped_column(Text, default="")
    cedula_verified: Mapped[bool] = mapped_column(Boolean)
    legal_basis: Mapped[str] = mapped_column(String(200))
    override_by: Mapped[str | None] = mapped_column(String(60))  # the supervisor who let an
    override_reason: Mapped[str] = mapped_column(Text, default="")  # ineligible case in
    #: REQUIERE_INFO: the last working day to provide what central asked for
    info_due_on: Mapped[date | None] = mapped_column(Date)
    #: NOTIFICADO: when and how the acuerdo reached the citizen (CORREO | VENTANILLA)
    notified_on: Mapped[date | None] = mapped_column(Date)
    notified_via: Mapped[str | None] = mapped_column(String(12))
    # issue 11: a petition is never refused for eligibility; what could not be confirmed
    # travels with the case as a warning the clerk read to the applicant
    eligibility_warning: Mapped[str] = mapped_column(Text, default="", server_default="")
    # a foreigner without a cédula is identified by passport (then `cedula` is '')
    passport_country: Mapped[str] = mapped_column(String(2), default="", server_default="")
    passport_number: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # the privacy notice version given at collection (LOPDP Art. 12); '' before issue 11
    privacy_notice: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # an apoderado who filed for the pensioner, with their own identity
    representative_name: Mapped[str] = mapped_column(String(170), default="",
                                                     server_default="")
    representative_cedula: Mapped[str] = mapped_column(String(10), default="",
                                                       server_default="")
    representative_passport_country: Mapped[str] = mapped_column(String(2), default="",
                                                                 server_default="")
    representative_passport_number: Mapped[str] = mapped_column(String(20), default="",
                                                                server_default="")
