"""Moving a case between states at the counter, through the transition table.

Every transition is a history event, an audit entry and an outbox event, written together;
central checks it again against its own state when it arrives.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from desktop.clock import now
from desktop.domain.cases import CaseState, check_transition
from desktop.domain.roles import Actor
from desktop.errors import NotFoundError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.runtime import Runtime
from desktop.store.models import Case, CaseEvent, OutboxEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TransitionDone:
    case_number: str
    source: CaseState
    target: CaseState


class WorkflowService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def transition(self, case_number: str, target: CaseState, reason: str = "") -> TransitionDone:
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            case = session.scalar(select(Case).where(Case.case_number == case_number))
            if case is None:
                raise NotFoundError(
                    _("No existe el trámite {number} en esta estación.").format(
                        number=case_number), "case not found")
            source = CaseState(case.state)
            check_transition(source, target, self.actor.role, actor=self.actor.username,
                             registered_by=case.registered_by, reason=reason)
            at = now()
            event_id = str(uuid.uuid4())
            case.state, case.state_changed_at = target.value, at
            session.add(CaseEvent(event_id=event_id, case_id=case.id, from_state=source.value,
                                  to_state=target.value, actor=self.actor.username,
                                  workstation=settings.workstation, at=at, reason=reason))
            session.add(OutboxEvent(
                event_id=event_id, event_type="case.transition", case_number=case_number,
                payload={"from_state": source.value, "to_state": target.value,
                         "reason": reason, "role": self.actor.role.value,
                         "at": at.isoformat()},
                actor=self.actor.username, workstation=settings.workstation, created_at=at))
            audit.append(session, actor=self.actor.username, workstation=settings.workstation,
                         action="case.transition", case_number=case_number,
                         details={"from": source.value, "to": target.value})
        log.info("case %s: %s -> %s", case_number, source.value, target.value)
        return TransitionDone(case_number, source, target)
