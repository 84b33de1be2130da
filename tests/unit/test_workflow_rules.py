"""The case state machine through the services: only the table's transitions, by the
roles it names, never a supervisor reviewing their own case (hypothesis explores)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
)
from sqlalchemy import select, update

from desktop.config import load_settings
from desktop.domain.cases import (
    TRANSITIONS,
    CaseState,
    TransitionRefused,
    allowed_targets,
    check_transition,
)
from desktop.domain.checklist import DocumentType
from desktop.domain.roles import Actor, Role
from desktop.errors import VentanillaError
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_runtime
from desktop.services.workflow import REPRESENTATIVE, TITULAR, Recipient, WorkflowService
from desktop.store.models import Case, CaseEvent, ContributionDebt, Pensioner
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.files import make_pdf, paths_in

ALLOWED = {(t.source, t.target): t for t in TRANSITIONS}
CLERK_2 = Actor("oficinista.dos", "Segunda Oficinista", Role.CLERK, "UIO01")
SUPERVISOR_2 = Actor("supervisor.dos", "Segundo Supervisor", Role.SUPERVISOR, "UIO01")
BACK_OFFICE = Role.BACK_OFFICE


class CaseWorkflow(RuleBasedStateMachine):
    """One workstation, several people; the central office moves cases on its own."""

    template: Path
    cases = Bundle("cases")
    seen: ClassVar[set[tuple[str, str]]] = set()  # (outcome, target) over all examples

    def __init__(self) -> None:
        super().__init__()
        self.open_station()

    def open_station(self) -> None:
        self.folder = Path(tempfile.mkdtemp())
        shutil.copytree(self.template, self.folder / "home")
        self.runtime = open_runtime(load_settings(paths_in(self.folder / "home")))
        self.people = [sign_in(self.runtime, *CLERK), CLERK_2,
                       sign_in(self.runtime, *SUPERVISOR), SUPERVISOR_2]
        with self.runtime.db.read() as session:
            self.cedulas = list(session.scalars(select(Pensioner.cedula).where(
                Pensioner.pension_state == "ACTIVA",
                Pensioner.cedula.not_in(select(ContributionDebt.cedula))).limit(40)))
        self.form = self.folder / "solicitud.pdf"
        self.form.write_bytes(make_pdf())

    @initialize(target=cases)
    def first_case(self) -> str:
        """Every run starts with one case registered by the clerk."""
        for index in range(len(self.cedulas)):
            number = self.register(0, index)
            if isinstance(number, str):
                return number
        raise AssertionError("no eligible pensioner in the demo registry")

    def teardown(self) -> None:
        self.runtime.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(target=cases, who=st.integers(0, 3), index=st.integers(0, 39))
    def register(self, who: int, index: int):
        actor = self.people[who]
        service = IntakeService(self.runtime, actor)
        document = service.attach_file(self.form, DocumentType.SIGNED_REQUEST)
        try:
            case = service.register(IntakeForm(self.cedulas[index], "a@correo.ec",
                                               "0991234567", True, (document,)))
        except VentanillaError:
            return multiple()  # ineligible or already open: refused, nothing written
        return case.case_number

    @rule(number=cases, who=st.integers(0, 3), choice=st.integers(0, 10),
          reason=st.sampled_from(["", "Motivo"]))
    def plausible_move(self, number: str, who: int, choice: int, reason: str) -> None:
        """A move the person's role has from the case's state (still may be refused:
        four-eyes, a missing reason)."""
        targets = allowed_targets(self._state(number), self.people[who].role)
        if targets:
            self.counter_moves(number, who, targets[choice % len(targets)], reason)

    @rule(number=cases, who=st.integers(0, 3), to=st.sampled_from(list(CaseState)),
          reason=st.sampled_from(["", "Motivo"]))
    def counter_moves(self, number: str, who: int, to: CaseState, reason: str) -> None:
        before, target = self._state(number), to
        actor = self.people[who]
        try:
            if target is CaseState.NOTIFICADO:
                recipient = Recipient(TITULAR) if reason == "" else Recipient(
                    REPRESENTATIVE, "Rosa Elena Pilataxi", "1714307103")
                WorkflowService(self.runtime, actor).deliver(number, recipient)
            else:
                WorkflowService(self.runtime, actor).transition(number, target, reason)
        except (TransitionRefused, VentanillaError):
            assert self._state(number) is before  # a refusal changes nothing
            CaseWorkflow.seen.add(("refused", target.value))
            return
        transition = ALLOWED[(before, target)]
        assert actor.role in transition.roles
        CaseWorkflow.seen.add(("done", target.value))

    @rule(number=cases, choice=st.integers(0, 10))
    def central_moves(self, number: str, choice: int) -> None:
        """The back office, arriving through a pull: only its own transitions."""
        source = self._state(number)
        targets = allowed_targets(source, BACK_OFFICE)
        if not targets:
            return
        target = targets[choice % len(targets)]
        try:
            check_transition(source, target, BACK_OFFICE, actor="direccion.pensiones",
                             registered_by="", reason="Motivo de la central")
        except TransitionRefused:
            return
        with self.runtime.db.write() as session, session.begin():
            session.execute(update(Case).where(Case.case_number == number).values(
                state=target.value))

    def _state(self, number: str) -> CaseState:
        with self.runtime.db.read() as session:
            return CaseState(session.scalar(select(Case.state).where(
                Case.case_number == number)))

    @invariant()
    def history_follows_the_table(self) -> None:
        if not hasattr(self, "runtime"):
            return
        with self.runtime.db.read() as session:
            rows = session.execute(select(CaseEvent, Case.registered_by).join(
                Case, Case.id == CaseEvent.case_id)).all()
        roles = {person.username: person.role for person in self.people}
        for event, registered_by in rows:
            if event.from_state is None:
                assert event.to_state == CaseState.INGRESADO
                continue
            transition = ALLOWED[(CaseState(event.from_state), CaseState(event.to_state))]
            assert roles[event.actor] in transition.roles
            if transition.four_eyes:
                assert event.actor != registered_by
            if transition.needs_reason:
                assert event.reason.strip()


def test_no_sequence_of_actions_leaves_the_table(demo_template):
    CaseWorkflow.template = demo_template
    CaseWorkflow.TestCase.settings = settings(
        max_examples=60, stateful_step_count=50, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow])
    CaseWorkflow.TestCase().runTest()
    # the exploration really went through the workflow, not only through refusals
    done = {target for outcome, target in CaseWorkflow.seen if outcome == "done"}
    assert {"EN_REVISION", "DERIVADO", "DEVUELTO", "ANULADO"} <= done, done
    assert ("refused", "DERIVADO") in CaseWorkflow.seen
