"""Attentions: every person served at this counter, counted without the clerk thinking
about it.

The clerk may open one explicitly (typing or scanning the turno code, or «sin turno») and
close it with its outcome; the counter's own work (a registration, a status consultation,
a delivery, a document added, a complaint) opens one when none is open and is noted in it
inside the same transaction as the work itself (`note_work`). One attention at most is
open per workstation. Closing writes its outbox event: central receives it once, closed.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.central import models as central
from desktop.clock import now
from desktop.domain.attentions import CLOSING_KINDS, NO_TURNO, Kind, Turno, parse_turno
from desktop.domain.event_wire import EventType
from desktop.domain.events import AttentionRecorded, AttentionStep
from desktop.domain.roles import Action, Actor, may
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.limits import checked_text
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.store.models import Attention, AttentionAction, OutboxEvent, outbox_event

log = logging.getLogger(__name__)

ATTENTION_RECORDED = EventType.ATTENTION_RECORDED.value  # its audit action too


@dataclass(frozen=True)
class OpenAttention:
    attention_id: str
    turno_code: str
    started_at: datetime
    kinds: tuple[Kind, ...]
    case_numbers: tuple[str, ...]

    @property
    def turno_label(self) -> str:
        return self.turno_code or _("Sin turno")


@dataclass(frozen=True)
class ClosedAttention:
    attention_id: str
    started_at: datetime
    ended_at: datetime
    kinds: tuple[Kind, ...]


def _open_row(session: Session, workstation: str) -> Attention | None:
    return session.scalar(select(Attention).where(
        Attention.workstation == workstation, Attention.ended_at.is_(None)))


def _own_open(session: Session, actor: Actor, workstation: str) -> Attention | None:
    """This workstation's open attention if it is `actor`'s. One left open by someone who
    signed out ends now: what was done in it is recorded, an empty one is dropped (nobody
    was served in it), so the next person's work never lands in another clerk's attention."""
    attention = _open_row(session, workstation)
    if attention is None or attention.clerk == actor.username:
        return attention
    if attention.actions:
        attention.ended_at = max(now(), attention.started_at)
        session.flush()
        session.add(_recorded_event(attention))
        audit.append(session, actor=actor.username, workstation=workstation,
                     action=ATTENTION_RECORDED,
                     details={"attention_id": attention.attention_id, "left_by":
                              attention.clerk, "kinds": [a.kind for a in attention.actions]})
    else:
        session.delete(attention)
    session.flush()
    return None


def _view(attention: Attention) -> OpenAttention:
    actions = attention.actions
    return OpenAttention(
        attention.attention_id, attention.turno_code, attention.started_at,
        tuple(dict.fromkeys(Kind(a.kind) for a in actions)),
        tuple(dict.fromkeys(a.case_number for a in actions if a.case_number)))


def _start(session: Session, actor: Actor, workstation: str, turno: Turno) -> Attention:
    centre, _dash, counter = workstation.partition("-")
    attention = Attention(
        attention_id=str(uuid.uuid4()), centre_code=centre, workstation=workstation,
        counter=int(counter or 0), clerk=actor.username, turno_code=turno.code,
        turno_booked_at=turno.booked_at, started_at=now(), ended_at=None)
    session.add(attention)
    session.flush()
    return attention


def note_work(session: Session, actor: Actor, workstation: str, kind: Kind,
              case_number: str | None = None, note: str = "") -> None:
    """Note counter work in this workstation's open attention, opening one («sin turno»)
    if none is open, inside the caller's transaction. Roles that do not serve the public
    (an administrator) are not counted. The same work on the same case is noted once."""
    if not may(actor.role, Action.SERVE_COUNTER):
        return
    attention = _own_open(session, actor, workstation) or _start(session, actor, workstation,
                                                                 NO_TURNO)
    if any(a.kind == kind.value and a.case_number == case_number for a in attention.actions):
        return
    attention.actions.append(AttentionAction(kind=kind.value, case_number=case_number,
                                             note=note, at=now()))


class AttentionService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    @property
    def workstation(self) -> str:
        return self.runtime.settings.workstation

    def current(self) -> OpenAttention | None:
        """This counter's open attention, if any (the status bar shows it)."""
        with self.runtime.db.read() as session:
            attention = _open_row(session, self.workstation)
            if attention is None or attention.clerk != self.actor.username:
                return None  # someone else's, ended when this person starts serving
            return _view(attention)

    def open(self, turno_text: str = "") -> OpenAttention:
        """Start serving someone: the turno code typed or scanned, or "" for «sin turno»."""
        require(self.actor, Action.SERVE_COUNTER)
        turno = parse_turno(turno_text)
        with self.runtime.db.write() as session, session.begin():
            if (existing := _own_open(session, self.actor, self.workstation)) is not None:
                raise ValidationError(
                    _("Ya hay una atención abierta en esta ventanilla ({turno}); ciérrela "
                      "antes de abrir otra.").format(turno=_view(existing).turno_label),
                    "attention already open", field="turno")
            attention = _start(session, self.actor, self.workstation, turno)
            view = _view(attention)
        log.info("attention opened (%s)", "turno" if turno.code else "sin turno")
        return view

    def ensure_open(self) -> OpenAttention | None:
        """The open attention, opening one «sin turno» if none is: the intake and status
        pages call it when the clerk starts serving someone, so the service time counts
        from then. None for a role that does not serve the public."""
        if not may(self.actor.role, Action.SERVE_COUNTER):
            return None
        with self.runtime.db.write() as session, session.begin():
            attention = _own_open(session, self.actor, self.workstation) or _start(
                session, self.actor, self.workstation, NO_TURNO)
            return _view(attention)

    def note(self, kind: Kind, case_number: str | None = None, note: str = "") -> None:
        """Note work in the open attention (opening one if needed)."""
        require(self.actor, Action.SERVE_COUNTER)
        with self.runtime.db.write() as session, session.begin():
            note_work(session, self.actor, self.workstation, kind, case_number, note)

    def close(self, outcome: Kind | None = None, reason: str = "") -> ClosedAttention:
        """End the open attention. `outcome`: what the clerk says was done when the pages
        noted nothing (information only, or turned away with its reason)."""
        require(self.actor, Action.SERVE_COUNTER)
        reason = checked_text(reason, central.AttentionAction.note, field="reason",
                              label=_("Motivo"))
        if outcome is not None and outcome not in CLOSING_KINDS:
            raise ValidationError(_("Ese resultado lo anotan las pantallas de trabajo."),
                                  f"attention: closing kind {outcome}", field="outcome")
        if outcome is Kind.TURNED_AWAY and len(reason) < 5:
            raise ValidationError(_("Escriba por qué no se pudo atender a la persona."),
                                  "attention: turned away without reason", field="reason")
        with self.runtime.db.write() as session, session.begin():
            attention = _own_open(session, self.actor, self.workstation)
            if attention is None:
                raise ValidationError(_("No hay una atención abierta en esta ventanilla."),
                                      "attention: none open", field="outcome")
            if outcome is not None:
                attention.actions.append(AttentionAction(
                    kind=outcome.value, case_number=None, note=reason, at=now()))
            if not attention.actions:
                raise ValidationError(
                    _("Indique qué se hizo: solo información, o no se atendió (con el "
                      "motivo)."), "attention: nothing done", field="outcome")
            attention.ended_at = max(now(), attention.started_at)
            session.flush()
            session.add(_recorded_event(attention))
            audit.append(session, actor=self.actor.username, workstation=self.workstation,
                         action=ATTENTION_RECORDED,
                         details={"attention_id": attention.attention_id,
                                  "kinds": [a.kind for a in attention.actions]})
            closed = ClosedAttention(attention.attention_id, attention.started_at,
                                     attention.ended_at,
                                     tuple(dict.fromkeys(Kind(a.kind)
                                                         for a in attention.actions)))
        log.info("attention closed: %s", ", ".join(k.value for k in closed.kinds))
        return closed


def _recorded_event(attention: Attention) -> OutboxEvent:
    assert attention.ended_at is not None
    event = AttentionRecorded(
        attention_id=attention.attention_id, centre_code=attention.centre_code,
        workstation=attention.workstation, counter=attention.counter, clerk=attention.clerk,
        turno_code=attention.turno_code, turno_booked_at=attention.turno_booked_at,
        started_at=attention.started_at, ended_at=attention.ended_at,
        actions=tuple(AttentionStep(Kind(a.kind), a.case_number, a.note, a.at)
                      for a in attention.actions))
    return outbox_event(event, case_number=None, actor=attention.clerk,
                        workstation=attention.workstation, at=attention.ended_at)
