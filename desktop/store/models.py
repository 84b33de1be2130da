"""Typed models of the local cache (DESIGN.md §5).

Reference data (centres, staff, pensioners, debts) is a copy pulled from the central
database; cases, documents, audit entries and the outbox are written here first.
Times are stored in UTC.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.db.reference import (
    NAMING,
    CaseColumns,
    CentreColumns,
    HolidayColumns,
    PrivacyNoticeColumns,
    StaffColumns,
)
from desktop.db.service_records import (
    AttentionActionColumns,
    AttentionColumns,
    ComplaintColumns,
)
from desktop.db.types import UtcDateTime
from desktop.domain.events import Event
from desktop.domain.outbox import OutboxStatus


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, dict[str, Any]: JSON}

    if TYPE_CHECKING:  # every model maps one Table (DeclarativeBase says FromClause)
        __table__: ClassVar[Table]


# --- reference data (pulled from central) ---------------------------------------------


class Centre(CentreColumns, Base):
    pass


class PrivacyNotice(PrivacyNoticeColumns, Base):
    """Pulled from central: the notice versions a counter reads to applicants."""


class Staff(StaffColumns, Base):
    pass


class Holiday(HolidayColumns, Base):
    pass


class LoginAttempt(Base):
    """Failed sign-ins per user name at this workstation (works offline); five lock it."""

    __tablename__ = "login_attempts"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]


class Pensioner(Base):
    """Only what intake needs (data minimisation): no salaries, no address."""

    __tablename__ = "pensioners"

    cedula: Mapped[str] = mapped_column(String(10), primary_key=True)
    given_names: Mapped[str] = mapped_column(String(80))
    surnames: Mapped[str] = mapped_column(String(80))
    pension_type: Mapped[str] = mapped_column(String(12))
    pension_state: Mapped[str] = mapped_column(String(12))
    granted_on: Mapped[date] = mapped_column(Date)


class ContributionDebt(Base):
    """Pending employer contributions recorded against a pensioner (eligibility fact)."""

    __tablename__ = "contribution_debts"

    id: Mapped[int] = mapped_column(primary_key=True)
    cedula: Mapped[str] = mapped_column(String(10), index=True)
    employer_ruc: Mapped[str] = mapped_column(String(13))
    employer_name: Mapped[str] = mapped_column(String(160))
    period_from: Mapped[str] = mapped_column(String(7))
    period_to: Mapped[str] = mapped_column(String(7))


# --- work done at this workstation ----------------------------------------------------


class Case(CaseColumns, Base):
    __table_args__ = (Index("ix_cases_cedula_type", "cedula", "request_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    cedula: Mapped[str] = mapped_column(String(10))
    search_name: Mapped[str] = mapped_column(String(170), default="")  # folded, for search

    documents: Mapped[list[CaseDocument]] = relationship(
        back_populates="case", order_by="CaseDocument.id"
    )
    events: Mapped[list[CaseEvent]] = relationship(order_by="CaseEvent.id")


Index(
    "ux_cases_counter_sequence",
    Case.centre_code,
    Case.counter,
    Case.year,
    Case.sequence,
    unique=True,
)


class CaseDocument(Base):
    """A document received with the case; the file itself is a blob named by its SHA-256."""

    __tablename__ = "case_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    document_type: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(40))
    pages: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))  # archivo | escaner
    added_by: Mapped[str] = mapped_column(String(60))
    added_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="documents")


class CaseEvent(Base):
    """One state change of a case (the history shown and printed)."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")


class Delivery(Base):
    """Who received the acuerdo at this counter (the citizen or a representative)."""

    __tablename__ = "deliveries"

    case_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    recipient_kind: Mapped[str] = mapped_column(String(14))  # titular | representante
    recipient_name: Mapped[str] = mapped_column(String(170))
    recipient_cedula: Mapped[str] = mapped_column(String(10))
    delivered_at: Mapped[datetime]
    delivered_by: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))


class CounterSequence(Base):
    """Last case sequence issued per counter and year (numbers are issued offline)."""

    __tablename__ = "counter_sequences"

    centre_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class OutboxEvent(Base):
    """An event for the central database, pushed in order per case.

    `status`: pendiente (to push; `next_attempt_at` delays a retry), enviado (central
    applied it), rechazado (central refused it, `reason` says why; not retried unless an
    administrator asks).
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    event_type: Mapped[str] = mapped_column(String(40))
    case_number: Mapped[str | None] = mapped_column(String(32), index=True)
    payload: Mapped[dict[str, Any]]
    actor: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


def outbox_event(event: Event, *, case_number: str | None, actor: str, workstation: str,
                 at: datetime, event_id: str | None = None) -> OutboxEvent:
    """The outbox row that carries a typed event to central (its payload as sent)."""
    return OutboxEvent(event_id=event_id or str(uuid.uuid4()), event_type=event.TYPE.value,
                       case_number=case_number, payload=event.to_payload(), actor=actor,
                       workstation=workstation, created_at=at)


class AuditEntry(Base):
    """Append-only log; each entry carries the hash of the previous one."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    case_number: Mapped[str | None] = mapped_column(String(32), index=True)
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class PrintRecord(Base):
    """Every print or reprint of a document, with who and where."""

    __tablename__ = "print_log"
    __table_args__ = (UniqueConstraint("case_number", "document", "copy_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(32), index=True)
    document: Mapped[str] = mapped_column(String(20))  # comprobante | hoja_estado | acuerdo
    copy_number: Mapped[int] = mapped_column(Integer)  # 1 = original, 2.. = reprints
    paper_format: Mapped[str] = mapped_column(String(8))
    destination: Mapped[str] = mapped_column(String(120))
    actor: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime]


class SyncState(Base):
    """Per-scope pull cursor, the position of a pull in progress, the last good sync.

    `cursor`: every central change below it is in the cache. While a pull runs, `horizon`
    is where the cursor moves when it completes and `after_change`/`after_key` the last
    row stored, so a cancelled or interrupted pull resumes where it stopped.
    """

    __tablename__ = "sync_state"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    horizon: Mapped[int | None] = mapped_column(BigInteger)
    after_change: Mapped[int | None] = mapped_column(BigInteger)
    after_key: Mapped[str | None] = mapped_column(String(64))
    last_success_at: Mapped[datetime | None]


class CacheMeta(Base):
    """Facts about this cache, e.g. which central database it mirrors."""

    __tablename__ = "cache_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Agreement(Base):
    """The acuerdo issued centrally for a case (pulled; the counter prints and delivers it)."""

    __tablename__ = "agreements"

    case_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    issued_on: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(160))
    legal_basis: Mapped[str] = mapped_column(Text)
    previous_pension: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    new_pension: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    effective_date: Mapped[date] = mapped_column(Date)
    retroactive_amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    motivation: Mapped[str] = mapped_column(Text, default="")
    signed_sha256: Mapped[str | None] = mapped_column(String(64))  # the signed PDF (a blob)
    signature_code: Mapped[str | None] = mapped_column(String(16), index=True)  # in its QR


class TrustedRoot(Base):
    """A certification authority whose signers' acuerdos this station accepts (pulled)."""

    __tablename__ = "trusted_roots"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    certificate: Mapped[bytes] = mapped_column(LargeBinary)  # DER
    added_at: Mapped[datetime]


# --- service at the counters (issue 13) ---------------------------------------------------


class Attention(AttentionColumns, Base):
    """A person served at this centre's counters: this station's (one may be open: no
    `ended_at`) and, pulled from central, the other stations' of the centre."""

    ended_at: Mapped[datetime | None]

    actions: Mapped[list[AttentionAction]] = relationship(order_by="AttentionAction.id")


Index("ix_attentions_workstation_open", Attention.workstation, Attention.ended_at)
Index("ix_attentions_started", Attention.started_at)


class AttentionAction(AttentionActionColumns, Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    attention_id: Mapped[str] = mapped_column(ForeignKey("attentions.attention_id"),
                                              index=True)


class Complaint(ComplaintColumns, Base):
    """A complaint registered at this centre (here, or pulled from central)."""


Index("ux_complaints_counter_sequence", Complaint.centre_code, Complaint.counter,
      Complaint.year, Complaint.sequence, unique=True)
Index("ix_complaints_registered", Complaint.registered_at)


# --- what the supervision reports read (issue 13, desktop.reports.queries) -----------------

Index("ix_cases_centre_state_registered", Case.centre_code, Case.state, Case.registered_at)
Index("ix_agreements_issued", Agreement.issued_on)
