"""Registering a walk-in request: look up, check, attach, register (DESIGN.md §4)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.capture.files import read_checked
from desktop.clock import format_local, local, now
from desktop.domain.attentions import Kind
from desktop.domain.cases import INITIAL_STATE, OPEN_STATES, CaseState
from desktop.domain.checklist import DocumentType, RequestType, missing_required
from desktop.domain.eligibility import DebtFact, Verdict, assess
from desktop.domain.events import CaseRegistered, DocumentFile
from desktop.domain.identity import province_name
from desktop.domain.numbering import CaseNumber, next_case_number
from desktop.domain.passport import Passport, validate_passport
from desktop.domain.pensions import PensionState, PensionType
from desktop.domain.privacy import CURRENT as CURRENT_NOTICE
from desktop.domain.privacy import PrivacyNotice
from desktop.domain.roles import Action, Actor
from desktop.domain.text import fold
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services import intake_checks as checks
from desktop.services.applicants import Representative, checked_name, checked_representative
from desktop.services.attached import AttachedDocument
from desktop.services.attentions import note_work
from desktop.services.permissions import require
from desktop.services.privacy import notice_in_force, notice_version
from desktop.services.runtime import Runtime
from desktop.services.workflow import record_transition
from desktop.store.lookups import PensionerRow, intake_facts
from desktop.store.models import (
    Case,
    CaseDocument,
    CaseEvent,
    ContributionDebt,
    CounterSequence,
    OutboxEvent,
    Pensioner,
    outbox_event,
)

log = logging.getLogger(__name__)

LEGAL_BASIS = (
    "LOPDP Art. 7 num. 2 y 4: obligación legal y potestad pública (Ley de Seguridad Social)"
)


@dataclass(frozen=True)
class PensionerInfo:
    full_name: str
    pension_type: str
    pension_state: str
    province: str


@dataclass(frozen=True)
class OpenCase:
    case_number: str
    state: str
    registered: str


@dataclass(frozen=True)
class CedulaLookup:
    """What the registry says of an applicant (by cédula, or by passport: `cedula` '').

    The verdict is a warning, never a refusal: a public counter accepts every petition and
    the institution decides (issue 11). Only an open case of the same person stops a new one.
    """

    cedula: str
    pensioner: PensionerInfo | None
    verdict: Verdict
    open_case: OpenCase | None
    passport: Passport | None = None

    @property
    def can_register(self) -> bool:
        return self.open_case is None

    @property
    def warning(self) -> str:
        return eligibility_warning(self.verdict)


def eligibility_warning(verdict: Verdict) -> str:
    """The text that travels with the case when a requirement could not be confirmed."""
    return "" if verdict.eligible else " ".join(verdict.reasons)


@dataclass(frozen=True)
class IntakeForm:
    cedula: str
    email: str
    phone: str
    cedula_verified: bool
    documents: tuple[AttachedDocument, ...]
    employer_ruc: str = ""
    periods: str = ""
    request_type: RequestType = RequestType.RELIQUIDACION
    # a foreigner without a cédula: passport instead (then `cedula` is '')
    passport_country: str = ""
    passport_number: str = ""
    applicant_name: str = ""  # typed only when the registry does not know the person
    representative: Representative | None = None  # an apoderado files for the pensioner
    # the privacy notice version the clerk gave before typing any data ('' = not given);
    # the intake page sends '' until the clerk confirms it
    privacy_notice: str = CURRENT_NOTICE.version


@dataclass(frozen=True)
class RegisteredCase:
    case_number: str
    applicant_name: str
    registered_at: datetime
    state: CaseState


def applicant_name(pensioner: Pensioner | PensionerRow) -> str:
    return f"{pensioner.surnames} {pensioner.given_names}"


class IntakeService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    # --- before registering ----------------------------------------------------------

    def privacy_notice(self) -> PrivacyNotice:
        """The notice to read to the applicant now (reference data pulled from central)."""
        with self.runtime.db.read() as session:
            return notice_in_force(session)

    def lookup_passport(self, country: str, number: str) -> CedulaLookup:
        """A foreigner by passport: never in the pensioner registry (keyed by cédula), so
        the warning says so; an open case under the same passport still stops a new one."""
        passport = validate_passport(country, number)
        with self.runtime.db.read() as session:
            open_case = _open_case(session, "", RequestType.RELIQUIDACION, passport)
        return CedulaLookup("", None, assess(None, ()), open_case, passport)

    def lookup(self, cedula_text: str) -> CedulaLookup:
        """Pensioner, eligibility verdict and any open case for a cédula."""
        cedula = _valid(checks.check_cedula(cedula_text), "cedula")
        facts = intake_facts(self.runtime.db.engine, cedula, RequestType.RELIQUIDACION.value,
                             [state.value for state in OPEN_STATES])
        person, case = facts.pensioner, facts.open_case
        verdict = assess(PensionState(person.pension_state) if person else None,
                         tuple(DebtFact(*debt) for debt in facts.debts))
        info = None if person is None else PensionerInfo(
            applicant_name(person),
            PensionType(person.pension_type).label,
            PensionState(person.pension_state).label,
            province_name(cedula),
        )
        open_case = None if case is None else OpenCase(
            case.case_number, CaseState(case.state).label, format_local(case.registered_at))
        return CedulaLookup(cedula, info, verdict, open_case)

    def attach_file(self, path: Path, document_type: DocumentType) -> AttachedDocument:
        """Check a file and keep it in the blob store; it joins a case when registered."""
        checked = read_checked(path)
        digest = self.runtime.blobs.put(checked.data)
        log.info("document attached: %s, %d pages", document_type.value, checked.pages)
        return AttachedDocument(
            document_type, digest, checked.media_type, checked.pages, checked.size
        )

    # --- registering -----------------------------------------------------------------

    def register(self, form: IntakeForm) -> RegisteredCase:
        """Write the case, its documents, history, audit entries and outbox events at once;
        the case enters review in the same act (INGRESADO → EN_REVISION)."""
        require(self.actor, Action.REGISTER_CASE)
        passport = None
        if form.passport_country.strip() or form.passport_number.strip():
            passport = validate_passport(form.passport_country, form.passport_number)
            cedula = ""
        else:
            cedula = _valid(checks.check_cedula(form.cedula), "cedula")
        with self.runtime.db.read() as session:
            known = bool(form.privacy_notice) and notice_version(
                session, form.privacy_notice) is not None
        if not known:
            raise ValidationError(
                _("Lea el aviso de privacidad al solicitante y confírmelo antes de registrar."),
                "privacy notice not given", field="privacy_notice")
        representative = checked_representative(form.representative, cedula)
        email = _valid(checks.check_email(form.email), "email")
        phone = _valid(checks.check_phone(form.phone), "phone")
        ruc = _valid(checks.check_ruc(form.employer_ruc), "ruc")
        periods = _valid(checks.check_periods(form.periods), "periods")
        if not form.cedula_verified:
            raise ValidationError(
                _("Verifique la cédula original del solicitante antes de registrar."),
                "cedula original not verified",
                field="cedula_verified",
            )
        attached = {document.document_type for document in form.documents}
        missing = missing_required(form.request_type, attached, representative is not None)
        if missing:
            raise ValidationError(
                _("Falta el documento obligatorio: {label}.").format(label=missing[0].label),
                "required document missing",
                field="documents",
            )
        for document in form.documents:
            if not self.runtime.blobs.exists(document.sha256):
                raise ValidationError(
                    _(
                        "El archivo de «{label}» ya no está en esta estación; adjúntelo de nuevo."
                    ).format(label=document.label),
                    "attached blob missing",
                    field="documents",
                )
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            pensioner = session.get(Pensioner, cedula) if cedula else None
            verdict = assess(
                PensionState(pensioner.pension_state) if pensioner else None,
                _debts(session, cedula) if cedula else (),
            )
            warning = eligibility_warning(verdict)
            name = applicant_name(pensioner) if pensioner else checked_name(
                form.applicant_name, "applicant_name", _("Nombres y apellidos del solicitante"))
            open_case = _open_case(session, cedula, form.request_type, passport)
            if open_case is not None:
                raise ValidationError(
                    _(
                        "Ya existe el trámite {number} ({state}) para esta persona; no se "
                        "puede registrar otro."
                    ).format(number=open_case.case_number, state=open_case.state),
                    "duplicate open case",
                    field="cedula",
                )
            at = now()
            number = _issue_number(session, settings.centre, settings.counter, local(at).year)
            case = Case(
                case_number=str(number),
                request_type=form.request_type.value,
                cedula=cedula,
                applicant_name=name,
                search_name=fold(name),
                pension_type=pensioner.pension_type if pensioner else "",
                centre_code=settings.centre,
                counter=settings.counter,
                year=number.year,
                sequence=number.sequence,
                state=INITIAL_STATE.value,
                state_changed_at=at,
                registered_at=at,
                registered_by=self.actor.username,
                workstation=settings.workstation,
                email=email,
                phone=phone,
                employer_ruc=ruc or None,
                periods=periods,
                cedula_verified=True,
                legal_basis=LEGAL_BASIS,
                override_by=None,
                override_reason="",
                eligibility_warning=warning,
                passport_country=passport.country if passport else "",
                passport_number=passport.number if passport else "",
                privacy_notice=form.privacy_notice,
                **(representative.columns() if representative else {}),
            )
            case.documents = [
                CaseDocument(
                    document_type=d.document_type.value,
                    sha256=d.sha256,
                    media_type=d.media_type,
                    pages=d.pages,
                    size_bytes=d.size_bytes,
                    source=d.source,
                    added_by=self.actor.username,
                    added_at=at,
                )
                for d in form.documents
            ]
            event_id = str(uuid.uuid4())
            case.events = [
                CaseEvent(
                    event_id=event_id,
                    from_state=None,
                    to_state=INITIAL_STATE.value,
                    actor=self.actor.username,
                    workstation=settings.workstation,
                    at=at,
                )
            ]
            session.add(case)
            session.add(_registered_event(event_id, case, self.actor, at))
            session.flush()
            # a registered request is complete (checked above): it goes on to review now
            record_transition(session, case, CaseState.EN_REVISION, self.actor,
                              settings.workstation)
            if warning:
                audit.append(session, actor=self.actor.username,
                             workstation=settings.workstation, action="eligibility.warning",
                             case_number=case.case_number,
                             details={"reasons": list(verdict.reasons)})
            audit.append(
                session,
                actor=self.actor.username,
                workstation=settings.workstation,
                action="case.registered",
                case_number=case.case_number,
                details={"documents": len(form.documents), "request_type": case.request_type},
            )
            note_work(session, self.actor, settings.workstation, Kind.REGISTRATION,
                      case.case_number)
        log.info("case registered and sent to review: %s", case.case_number)
        return RegisteredCase(case.case_number, case.applicant_name, at, CaseState(case.state))


def _valid(result: checks.FieldCheck, field: str) -> str:
    if not result.ok:
        raise ValidationError(result.message, f"invalid {field}", field=field)
    return result.value


def _debts(session: Session, cedula: str) -> tuple[DebtFact, ...]:
    rows = session.scalars(
        select(ContributionDebt)
        .where(ContributionDebt.cedula == cedula)
        .order_by(ContributionDebt.period_from)
    )
    return tuple(
        DebtFact(row.employer_ruc, row.employer_name, row.period_from, row.period_to)
        for row in rows
    )


def _open_case(session: Session, cedula: str, request_type: RequestType,
               passport: Passport | None = None) -> OpenCase | None:
    """The person's open case: by cédula, or by passport for a foreigner without one."""
    same_person = (Case.cedula == cedula) if passport is None else (
        (Case.passport_country == passport.country) & (Case.passport_number == passport.number))
    case = session.scalar(
        select(Case)
        .where(
            same_person,
            Case.request_type == request_type.value,
            Case.state.in_([state.value for state in OPEN_STATES]),
        )
        .order_by(Case.registered_at.desc())
        .limit(1)
    )
    if case is None:
        return None
    return OpenCase(case.case_number, CaseState(case.state).label, format_local(case.registered_at))


def _issue_number(session: Session, centre: str, counter: int, year: int) -> CaseNumber:
    """Next per-counter number; never below a number already in the cache (after a re-pull)."""
    sequence = session.get(CounterSequence, (centre, counter, year))
    if sequence is None:
        sequence = CounterSequence(centre_code=centre, counter=counter, year=year, last_value=0)
        session.add(sequence)
    highest = session.scalar(
        select(func.max(Case.sequence)).where(
            Case.centre_code == centre, Case.counter == counter, Case.year == year
        )
    )
    number = next_case_number(centre, counter, year, max(sequence.last_value, highest or 0))
    sequence.last_value = number.sequence
    return number


def _registered_event(event_id: str, case: Case, actor: Actor, at: datetime) -> OutboxEvent:
    event = CaseRegistered(
        case_number=case.case_number, request_type=case.request_type, cedula=case.cedula,
        applicant_name=case.applicant_name, pension_type=case.pension_type,
        centre_code=case.centre_code, counter=case.counter, year=case.year,
        sequence=case.sequence, state=case.state, registered_at=at,
        registered_by=case.registered_by, email=case.email, phone=case.phone,
        employer_ruc=case.employer_ruc, periods=case.periods,
        cedula_verified=case.cedula_verified, legal_basis=case.legal_basis,
        override_by=case.override_by, override_reason=case.override_reason,
        eligibility_warning=case.eligibility_warning,
        passport_country=case.passport_country, passport_number=case.passport_number,
        privacy_notice=case.privacy_notice, representative_name=case.representative_name,
        representative_cedula=case.representative_cedula,
        representative_passport_country=case.representative_passport_country,
        representative_passport_number=case.representative_passport_number,
        documents=tuple(DocumentFile(
            document_type=d.document_type, sha256=d.sha256, media_type=d.media_type,
            pages=d.pages, size_bytes=d.size_bytes, source=d.source)
            for d in case.documents))
    return outbox_event(event, event_id=event_id, case_number=case.case_number,
                        actor=actor.username, workstation=case.workstation, at=at)
