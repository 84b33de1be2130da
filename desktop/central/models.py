"""Typed models of the central database (PostgreSQL in production, SQLite in the demo).

Its own metadata and Alembic history: the workstation cache is a different schema that
receives a subset of this one.

Change markers: every table a workstation pulls carries `change_id`, set by a database
trigger on each insert and update (see the 0002 migration and `desktop.central.feed`):
the writing transaction's id on PostgreSQL, a serialised counter on SQLite. Central rows
are never deleted; they change state (a paid debt gets `settled_on`, a person leaving staff
gets `active = false`), so an update is all a workstation ever has to pull.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    column,
    table,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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

Money = Numeric(12, 2)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime}

    if TYPE_CHECKING:  # every model maps one Table (DeclarativeBase says FromClause)
        __table__: ClassVar[Table]


class Marked:
    """A table whose row changes workstations pull, in `change_id` order."""

    change_id: Mapped[int] = mapped_column(
        BigInteger, server_default="0", server_onupdate=FetchedValue()
    )

    pull_key: ClassVar[str]  # the primary key column pages are ordered by after change_id
    if TYPE_CHECKING:
        __tablename__: str  # set by each model that uses this mixin

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:  # noqa: N805 - SQLAlchemy's declared_attr
        return (Index(f"ix_{cls.__tablename__}_change", "change_id", cls.pull_key),)


class Counter(Base):
    """Named number sequences the back office issues (acuerdo numbers), row-locked."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class CentralMeta(Base):
    """Identity of this central database, so a cache never mixes two centrals."""

    __tablename__ = "central_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Centre(CentreColumns, Marked, Base):
    pull_key = "code"


class Staff(StaffColumns, Marked, Base):
    pull_key = "username"


class Holiday(HolidayColumns, Marked, Base):
    pull_key = "id"


class PrivacyNotice(PrivacyNoticeColumns, Marked, Base):
    pull_key = "version"


class Person(Base):
    """Identity as the registry knows it; not every person is a pensioner."""

    __tablename__ = "people"

    cedula: Mapped[str] = mapped_column(String(10), primary_key=True)
    given_names: Mapped[str] = mapped_column(String(80))
    surnames: Mapped[str] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)


class Pension(Marked, Base):
    """The Seguro General pension a person receives (one per person in this schema).

    A change to the person's names marks the pension too (trigger), so workstations pull
    pensioners from this one table.
    """

    __tablename__ = "pensions"
    pull_key = "cedula"

    cedula: Mapped[str] = mapped_column(ForeignKey("people.cedula"), primary_key=True)
    pension_type: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(12))
    granted_on: Mapped[date] = mapped_column(Date)
    contribution_months: Mapped[int] = mapped_column(Integer)
    monthly_amount: Mapped[Decimal] = mapped_column(Money)


class Employer(Base):
    __tablename__ = "employers"

    ruc: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(160))


class ContributionDebt(Marked, Base):
    """Months an employer has not paid for a person (mora patronal); `settled_on` once paid."""

    __tablename__ = "contribution_debts"
    pull_key = "id"

    id: Mapped[int] = mapped_column(primary_key=True)
    cedula: Mapped[str] = mapped_column(ForeignKey("people.cedula"), index=True)
    employer_ruc: Mapped[str] = mapped_column(ForeignKey("employers.ruc"))
    period_from: Mapped[str] = mapped_column(String(7))
    period_to: Mapped[str] = mapped_column(String(7))
    amount: Mapped[Decimal] = mapped_column(Money)
    settled_on: Mapped[date | None] = mapped_column(Date)


# --- cases -----------------------------------------------------------------------------


class Case(Marked, CaseColumns, Base):
    pull_key = "case_number"

    case_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    cedula: Mapped[str] = mapped_column(String(10), index=True)
    #: the applicant's name folded as the counters fold it (desktop.domain.text), for the
    #: back office's name search (desktop.central.search)
    search_name: Mapped[str] = mapped_column(String(170), default="", server_default="")


#: Trigram index (pg_trgm) for `LIKE '%word%'` on the folded name; a plain index on the
#: SQLite demo central, which has no trigrams (the two schemas stay alike).
Index("ix_cases_search_name_trgm", Case.search_name, postgresql_using="gin",
      postgresql_ops={"search_name": "gin_trgm_ops"})


class Delivery(Base):
    """The acuerdo handed over at a counter; kept centrally as the legal record."""

    __tablename__ = "deliveries"

    case_number: Mapped[str] = mapped_column(ForeignKey("cases.case_number"), primary_key=True)
    recipient_kind: Mapped[str] = mapped_column(String(14))
    recipient_name: Mapped[str] = mapped_column(String(170))
    recipient_cedula: Mapped[str] = mapped_column(String(10))
    delivered_at: Mapped[datetime]
    delivered_by: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))


class ContributionHistory(Base):
    """A pensioner's monthly contributions (salaries), for the supervisor's preview.

    `months` is "YYYY-MM:salary" items separated by ";"; `late` lists the months the
    employer paid late (mora settled). Fetched on demand, never pulled into caches.
    """

    __tablename__ = "contribution_histories"

    cedula: Mapped[str] = mapped_column(ForeignKey("people.cedula"), primary_key=True)
    months: Mapped[str] = mapped_column(Text)
    late: Mapped[str] = mapped_column(Text, default="")


def history_items(months: str) -> list[tuple[str, str]]:
    """`"2001-01:400.00;2001-02:402.10"` → [("2001-01", "400.00"), ("2001-02", "402.10")]."""
    return [(month, salary) for month, _, salary in
            (item.partition(":") for item in months.split(";") if item)]


class CaseDocument(Base):
    """Written with the case, never changed: pulled together with its case."""

    __tablename__ = "case_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(ForeignKey("cases.case_number"), index=True)
    document_type: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    media_type: Mapped[str] = mapped_column(String(40))
    pages: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    added_by: Mapped[str] = mapped_column(String(60))
    added_at: Mapped[datetime]


class CaseEvent(Marked, Base):
    __tablename__ = "case_events"
    pull_key = "event_id"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(ForeignKey("cases.case_number"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(60))
    workstation: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")


class Agreement(Marked, Base):
    """The acuerdo the central office issues: concession or refusal, with its amounts."""

    __tablename__ = "agreements"
    pull_key = "case_number"

    case_number: Mapped[str] = mapped_column(ForeignKey("cases.case_number"), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # CONCESION | NEGACION
    issued_on: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(160))
    legal_basis: Mapped[str] = mapped_column(Text)
    previous_pension: Mapped[Decimal] = mapped_column(Money)
    new_pension: Mapped[Decimal] = mapped_column(Money)
    effective_date: Mapped[date] = mapped_column(Date)
    retroactive_amount: Mapped[Decimal] = mapped_column(Money)
    motivation: Mapped[str] = mapped_column(Text, default="")
    # the acuerdo as the institution issued it (0010 migration): who, where, the
    # calculation it rests on, and the signed PDF (a blob) with the code its QR carries
    unit_name: Mapped[str | None] = mapped_column(String(160))
    city: Mapped[str | None] = mapped_column(String(60))
    signer_name: Mapped[str | None] = mapped_column(String(120))
    signer_post: Mapped[str | None] = mapped_column(String(160))
    contributions_before: Mapped[int | None] = mapped_column(Integer)
    contributions_after: Mapped[int | None] = mapped_column(Integer)
    base_before: Mapped[Decimal | None] = mapped_column(Money)
    base_after: Mapped[Decimal | None] = mapped_column(Money)
    coefficient_before: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    coefficient_after: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    retro_from: Mapped[date | None] = mapped_column(Date)
    retro_to: Mapped[date | None] = mapped_column(Date)
    signed_sha256: Mapped[str | None] = mapped_column(String(64))
    signature_code: Mapped[str | None] = mapped_column(String(16), index=True)


class TrustedRoot(Marked, Base):
    """A certification authority whose signers' acuerdos stations accept (reference data,
    pulled): the accredited authorities in production, the demo's own in the demo."""

    __tablename__ = "trusted_roots"
    pull_key = "fingerprint"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256, hex
    subject: Mapped[str] = mapped_column(String(200))
    certificate: Mapped[bytes] = mapped_column(LargeBinary)  # DER
    added_at: Mapped[datetime]


class DemoSigner(Base):
    """The demo back office's signing certificate and key (PKCS#12 without a password).

    Demo data only, like its fictitious pensioners: `central init --demo` makes it so a demo
    central issues signed acuerdos with no keyring. Stations never read this table; a
    production signer's PKCS#12 stays with the back office, its password in the keyring
    (desktop.signing.keystore).
    """

    __tablename__ = "demo_signers"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary)


class CaseTransition(Base):
    """The transition table as data, for the central database's own guard (0004 migration).

    A trigger on `cases` refuses a change of state missing here, or made by the wrong kind
    of database role ('counter' or 'central'), even from a workstation that skips the app's
    checks. Written by migrations from desktop.domain.cases.TRANSITIONS; a test keeps the two
    equal.
    """

    __tablename__ = "case_transitions"

    source: Mapped[str] = mapped_column(String(20), primary_key=True)
    target: Mapped[str] = mapped_column(String(20), primary_key=True)
    actor_kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # counter | central


# --- what workstations push ------------------------------------------------------------


class AppliedEvent(Base):
    """Every pushed event, once: a repeat finds its row and gets the same outcome."""

    __tablename__ = "applied_events"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(40))
    case_number: Mapped[str | None] = mapped_column(String(32), index=True)
    workstation: Mapped[str] = mapped_column(String(20))
    applied_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(12))  # aplicado | rechazado
    reason: Mapped[str] = mapped_column(Text, default="")


class AuditAnchor(Base):
    """The latest audit entry a workstation had when it synced: its local hash chain is
    anchored here, so rewriting or cutting the station's log shows up against central.

    `epoch` names one chain: a station set up again (`ventanilla init`, a lost cache key)
    starts a new chain whose entry ids start at 1 again, anchored apart from the old one.
    """

    __tablename__ = "audit_anchors"

    workstation: Mapped[str] = mapped_column(String(20), primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32), primary_key=True, default="")
    entry_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entry_hash: Mapped[str] = mapped_column(String(64))
    anchored_at: Mapped[datetime]


class StationVersion(Base):
    """The Ventanilla version each workstation ran at its last sync round, so the
    administrators see which stations still run an older one."""

    __tablename__ = "station_versions"

    workstation: Mapped[str] = mapped_column(String(20), primary_key=True)
    centre_code: Mapped[str] = mapped_column(String(5), index=True)
    version: Mapped[str] = mapped_column(String(40))
    reported_at: Mapped[datetime]


#: The view of a centre's own cases' contact data (0006 migration; on PostgreSQL it is
#: filtered by the caller's centre, desktop.central.roles). Not a model: no table behind it.
CASE_CONTACTS = table("case_contacts", column("case_number", String), column("centre_code", String),
                      column("email", String), column("phone", String))


class Blob(Base):
    """A document file, content-addressed; `complete` once every chunk is in and verified."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class BlobChunk(Base):
    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# --- service at the counters (issue 13) ---------------------------------------------------


class Attention(AttentionColumns, Marked, Base):
    """A person served at a counter; arrives closed, never changes (pulled by its centre)."""

    pull_key = "attention_id"

    ended_at: Mapped[datetime]


Index("ix_attentions_centre_started", Attention.centre_code, Attention.started_at)
Index("ix_attentions_started", Attention.started_at)


class AttentionAction(AttentionActionColumns, Base):
    """What was done within an attention; written with it, pulled with it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attention_id: Mapped[str] = mapped_column(ForeignKey("attentions.attention_id"),
                                              index=True)


Index("ix_attention_actions_kind_case", AttentionAction.kind, AttentionAction.case_number)


class Complaint(ComplaintColumns, Marked, Base):
    """A complaint (queja) and its answer; its centre's stations pull it."""

    pull_key = "number"


Index("ix_complaints_centre_registered", Complaint.centre_code, Complaint.registered_at)
Index("ix_complaints_registered", Complaint.registered_at)


# --- what the supervision reports read (issue 13, desktop.reports.queries) -----------------

Index("ix_cases_state_registered", Case.state, Case.registered_at)
Index("ix_cases_centre_registered", Case.centre_code, Case.registered_at)
Index("ix_agreements_issued", Agreement.issued_on)
