"""The review queue, the clerk's pending list and the pension preview, through services."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desktop.central.models import ContributionHistory
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.errors import PermissionDenied
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.review import ReviewService
from desktop.services.workflow import WorkflowService
from tests.support.accounts import SUPERVISOR
from tests.support.checks import refused


def register(runtime, actor, cedula, form):
    service = IntakeService(runtime, actor)
    document = service.attach_file(form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(cedula, "a@correo.ec", "0991234567", True,
                                       (document,))).case_number


def settled_applicant(runtime) -> str:
    """A demo pensioner whose employer paid late (has a contribution history)."""
    with runtime.central().connect() as connection:
        return connection.scalar(select(ContributionHistory.cedula).order_by(
            ContributionHistory.cedula).limit(1))


def test_queue_lists_cases_in_review_and_marks_own(runtime, clerk, samples, signed_form):
    supervisor = sign_in(runtime, *SUPERVISOR)
    mine = register(runtime, supervisor, samples["eligible"], signed_form)
    theirs = register(runtime, clerk, settled_applicant(runtime), signed_form)
    queue = {item.summary.case_number: item for item in ReviewService(runtime,
                                                                       supervisor).queue()}
    assert set(queue) == {mine, theirs}
    assert queue[mine].own and not queue[theirs].own
    assert queue[theirs].waiting_days == 0
    assert queue[theirs].summary.state is CaseState.EN_REVISION


def test_clerks_do_not_see_the_queue_but_see_their_open_cases(runtime, clerk, samples,
                                                              signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    with refused(PermissionDenied, "no permite"):
        ReviewService(runtime, clerk).queue()
    assert [c.case_number for c in ReviewService(runtime, clerk).my_open()] == [number]
    supervisor = sign_in(runtime, *SUPERVISOR)
    WorkflowService(runtime, supervisor).return_case(number, "Falta la firma")
    assert [(c.summary.case_number, c.returned_reason) for c in ReviewService(
        runtime, clerk).my_open_cases()] == [(number, "Falta la firma")]
    WorkflowService(runtime, supervisor).annul(number, "Registro duplicado")
    assert ReviewService(runtime, clerk).my_open() == []  # ended: no longer open
    assert ReviewService(runtime, supervisor).my_open() == []  # only one's own


def test_preview_before_and_after_the_employers_payment(runtime, clerk, signed_form):
    number = register(runtime, clerk, settled_applicant(runtime), signed_form)
    answer = ReviewService(runtime, sign_in(runtime, *SUPERVISOR)).pension_preview(number)
    assert answer.preview is not None, answer.message
    result = answer.preview
    assert result.referential and "referencial" in result.label.lower()
    assert result.after.months > result.before.months
    assert result.new >= result.previous and result.difference == result.new - result.previous
    assert result.new > Decimal(0)


def test_preview_says_why_when_there_is_no_history(runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    with runtime.central().connect() as connection:
        has = connection.scalar(select(ContributionHistory.cedula).where(
            ContributionHistory.cedula == samples["eligible"]))
    assert has is None  # the demo's eligible sample has no settled debt, hence no history
    answer = ReviewService(runtime, sign_in(runtime, *SUPERVISOR)).pension_preview(number)
    assert answer.preview is None and "historia laboral" in answer.message


def test_only_supervisors_see_the_preview(runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    with refused(PermissionDenied, "no permite"):
        ReviewService(runtime, clerk).pension_preview(number)


def _set_cached_case(runtime, number: str, **values) -> None:
    from sqlalchemy import update

    from desktop.store.models import Case

    with runtime.db.write() as session, session.begin():
        session.execute(update(Case).where(Case.case_number == number).values(**values))


def test_preview_uses_the_tables_in_force_at_the_request_date(runtime, clerk, signed_form):
    """A request dated 2027 (no SBU registered for 2027 yet) still gets its preview, with the
    latest registered year's tables and a note that says so; a 2026 request uses 2026's."""
    from datetime import UTC, datetime

    number = register(runtime, clerk, settled_applicant(runtime), signed_form)
    supervisor = sign_in(runtime, *SUPERVISOR)
    _set_cached_case(runtime, number, registered_at=datetime(2027, 3, 1, 15, tzinfo=UTC))
    answer = ReviewService(runtime, supervisor).pension_preview(number)
    assert answer.preview is not None, answer.message
    assert answer.preview.after.year == 2026
    assert "Solicitud de 2027" in answer.preview.notes[0]
    _set_cached_case(runtime, number, registered_at=datetime(2026, 6, 1, 15, tzinfo=UTC))
    answer = ReviewService(runtime, supervisor).pension_preview(number)
    assert answer.preview is not None and answer.preview.after.year == 2026
    assert not any("Solicitud de" in note for note in answer.preview.notes)
    _set_cached_case(runtime, number, registered_at=datetime(2019, 6, 1, 15, tzinfo=UTC))
    answer = ReviewService(runtime, supervisor).pension_preview(number)
    assert answer.preview is None and "2019" in answer.message  # no tables that old


def test_no_old_age_preview_for_a_montepio_case(runtime, clerk, signed_form):
    number = register(runtime, clerk, settled_applicant(runtime), signed_form)
    supervisor = sign_in(runtime, *SUPERVISOR)
    for kind in ("VIUDEZ", "ORFANDAD"):
        _set_cached_case(runtime, number, pension_type=kind)
        answer = ReviewService(runtime, supervisor).pension_preview(number)
        assert answer.preview is None and "montepío" in answer.message.lower(), kind
    _set_cached_case(runtime, number, pension_type="VEJEZ")
    assert ReviewService(runtime, supervisor).pension_preview(number).preview is not None
