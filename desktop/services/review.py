"""The supervisor's side: the review queue, the clerk's own pending cases, the preview.

The preview reads the pensioner's contribution history from central on demand: salaries
are not cached at counters (data minimisation), so without central it says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from desktop.central.models import ContributionHistory, history_items
from desktop.clock import local, now
from desktop.domain.cases import OPEN_STATES, CaseState
from desktop.domain.eligibility import Verdict
from desktop.domain.pension import History, PensionPreview, preview
from desktop.domain.pension_tables import year_in_force
from desktop.domain.pensions import MONTEPIO, PensionType
from desktop.domain.roles import Action, Actor
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.case_lookup import find_case
from desktop.services.case_views import CaseSummary, cases_in
from desktop.services.intake import IntakeService
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.store.models import Case, CaseEvent
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable


@dataclass(frozen=True)
class ReviewItem:
    summary: CaseSummary
    waiting_days: int  # working days since it entered review
    own: bool  # registered by the person looking: four-eyes forbids acting on it
    warning: bool  # a requirement could not be confirmed at the counter (issue 11)


@dataclass(frozen=True)
class PendingCase:
    """One of the clerk's own open cases, wherever it stands."""

    summary: CaseSummary
    returned_reason: str = ""  # the supervisor's words, when it came back (DEVUELTO)


@dataclass(frozen=True)
class PreviewAnswer:
    """Either a preview, or why there is none (never an exception for the page)."""

    preview: PensionPreview | None
    message: str = ""


class ReviewService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def queue(self) -> list[ReviewItem]:
        """Cases of this centre waiting for a supervisor, oldest first."""
        require(self.actor, Action.REVIEW_CASES)
        centre = self.runtime.settings.centre
        with self.runtime.db.read() as session:
            summaries = cases_in(session, CaseState.EN_REVISION, centre=centre)
            warned = set(session.scalars(select(Case.case_number).where(
                Case.centre_code == centre, Case.state == CaseState.EN_REVISION.value,
                Case.eligibility_warning != "")))
        today = local(now()).date()
        return [ReviewItem(s, s.working_days_in_state(today),
                           s.registered_by == self.actor.username,
                           s.case_number in warned) for s in summaries]

    def my_open(self) -> list[CaseSummary]:
        """The person's own cases in every open state (returned ones to fix among them)."""
        with self.runtime.db.read() as session:
            return cases_in(session, *sorted(OPEN_STATES), registered_by=self.actor.username)

    def my_open_cases(self) -> list[PendingCase]:
        """`my_open` with the reason of the last return, so the clerk knows what to fix."""
        summaries = self.my_open()
        returned = [s.case_number for s in summaries if s.state is CaseState.DEVUELTO]
        reasons: dict[str, str] = {}
        if returned:
            with self.runtime.db.read() as session:
                rows = session.execute(
                    select(Case.case_number, CaseEvent.reason)
                    .join(CaseEvent, CaseEvent.case_id == Case.id)
                    .where(Case.case_number.in_(returned),
                           CaseEvent.to_state == CaseState.DEVUELTO.value)
                    .order_by(CaseEvent.at))
                reasons = {number: reason for number, reason in rows}  # the latest wins
        return [PendingCase(s, reasons.get(s.case_number, "")) for s in summaries]

    def eligibility(self, case_number: str) -> Verdict:
        """The applicant's eligibility now, from the synced registry (facts for the review)."""
        require(self.actor, Action.REVIEW_CASES)
        with self.runtime.db.read() as session:
            cedula = find_case(session, case_number).cedula
        return IntakeService(self.runtime, self.actor).lookup(cedula).verdict

    def pension_preview(self, case_number: str) -> PreviewAnswer:
        require(self.actor, Action.PREVIEW_PENSION)
        with self.runtime.db.read() as session:
            case = find_case(session, case_number)
            cedula, pension_type = case.cedula, PensionType(case.pension_type)
            requested = local(case.registered_at).date()
        if pension_type in MONTEPIO:
            return PreviewAnswer(None, _(
                "Trámite de montepío ({kind}): la vista previa calcula solo la pensión de "
                "vejez, que no corresponde a este caso.").format(kind=pension_type.label))
        try:
            with offline_as_unreachable(), self.runtime.central().connect() as connection:
                row = connection.execute(select(ContributionHistory.months,
                                                ContributionHistory.late).where(
                    ContributionHistory.cedula == cedula)).first()
        except CentralUnreachable:
            return PreviewAnswer(None, _("La vista previa necesita conexión con la central "
                                         "(la historia laboral no se guarda en la estación)."))
        if row is None:
            return PreviewAnswer(None, _("La central no tiene la historia laboral de este "
                                         "pensionista."))
        after = History.of(history_items(row.months))
        before = after.without([month for month in row.late.split(";") if month])
        try:  # the tables in force when the request was filed, not today's
            year = year_in_force(requested)
            computed = preview(before, after, year)
        except ValidationError as error:
            return PreviewAnswer(None, error.user_message)
        if year != requested.year:
            computed = replace(computed, notes=(_(
                "Solicitud de {requested}: aún no constan el SBU ni las tablas de ese año; se "
                "usan los de {year}.").format(requested=requested.year, year=year),
                *computed.notes))
        return PreviewAnswer(computed)
