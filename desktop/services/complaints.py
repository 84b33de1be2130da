"""The complaints register (quejas): a clerk records a complaint; a supervisor of the same
centre assigns it, answers it and closes it, within ANSWER_WORKING_DAYS working days.

Every step is written with its outbox event and audit entry in one transaction; the
outbox event's `case_number` carries the complaint number, so a complaint's steps reach
central in order and a pull never overwrites a step still waiting to go.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.central import models as central
from desktop.clock import local, now
from desktop.config import PAPER_FORMATS
from desktop.documents.complaint_ack import AcknowledgementData, render_acknowledgement
from desktop.domain import contact as contact_rules
from desktop.domain.attentions import Kind
from desktop.domain.complaints import (
    ANSWER_WORKING_DAYS,
    Category,
    Channel,
    ComplaintState,
    add_working_days,
    check_step,
    next_complaint_number,
    parse_complaint_number,
)
from desktop.domain.events import ComplaintRegistered, ComplaintStep
from desktop.domain.identity import mask_cedula, mask_email, validate_cedula
from desktop.domain.numbering import parse_case_number
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, PermissionDenied, ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.attentions import note_work
from desktop.services.limits import checked_text
from desktop.services.permissions import require
from desktop.services.printing import (
    RenderedDocument,
    copies_printed,
    record_export,
    record_print,
)
from desktop.services.runtime import Runtime
from desktop.store.models import Centre, Complaint, Staff, outbox_event

log = logging.getLogger(__name__)

MIN_TEXT = 10
ACKNOWLEDGEMENT = "constancia_queja"


@dataclass(frozen=True)
class ComplaintForm:
    channel: str  # Channel value
    category: str  # Category value
    text: str
    complainant_name: str = ""
    complainant_cedula: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    case_number: str = ""


@dataclass(frozen=True)
class ComplaintView:
    number: str
    state: ComplaintState
    channel: Channel
    category: Category
    text: str
    registered_at: datetime
    registered_by: str
    due_on: date
    complainant_name: str
    case_number: str | None
    assigned_to: str | None
    answer: str
    closed_at: datetime | None

    def overdue(self, today: date) -> bool:
        return self.state is not ComplaintState.CLOSED and today > self.due_on


def _view(row: Complaint) -> ComplaintView:
    return ComplaintView(row.number, ComplaintState(row.state), Channel(row.channel),
                         Category(row.category), row.text, row.registered_at,
                         row.registered_by, row.due_on, row.complainant_name, row.case_number,
                         row.assigned_to, row.answer, row.closed_at)


def _form_values(form: ComplaintForm) -> dict[str, Any]:
    """The form checked and tidied; ValidationError (nothing written) otherwise."""
    try:
        channel, category = Channel(form.channel), Category(form.category)
    except ValueError:
        raise ValidationError(_("Elija el canal y el motivo de la queja."),
                              "complaint: unknown channel or category",
                              field="category") from None
    text = checked_text(form.text, central.Complaint.text, field="text",
                        label=_("Texto de la queja"))
    if len(text) < MIN_TEXT:
        raise ValidationError(_("Escriba la queja (al menos {n} caracteres).").format(
            n=MIN_TEXT), "complaint: text too short", field="text")
    name = " ".join(checked_text(form.complainant_name, central.Complaint.complainant_name,
                                 field="complainant_name", label=_("Nombres")).split())
    cedula = validate_cedula(form.complainant_cedula) if form.complainant_cedula.strip() else ""
    email = (contact_rules.validate_email(form.contact_email)
             if form.contact_email.strip() else "")
    phone = (contact_rules.validate_phone(form.contact_phone)
             if form.contact_phone.strip() else "")
    case = str(parse_case_number(form.case_number)) if form.case_number.strip() else None
    return {"channel": channel.value, "category": category.value, "text": text,
            "complainant_name": name, "complainant_cedula": cedula, "contact_email": email,
            "contact_phone": phone, "case_number": case}


class ComplaintService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    @property
    def workstation(self) -> str:
        return self.runtime.settings.workstation

    # --- the counter -------------------------------------------------------------------

    def register(self, form: ComplaintForm) -> ComplaintView:
        require(self.actor, Action.REGISTER_COMPLAINT)
        values = _form_values(form)
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            at = now()
            year = local(at).year
            last = session.scalar(select(func.max(Complaint.sequence)).where(
                Complaint.centre_code == settings.centre, Complaint.counter == settings.counter,
                Complaint.year == year)) or 0
            number = str(next_complaint_number(settings.centre, settings.counter, year, last))
            due_on = add_working_days(local(at).date(), ANSWER_WORKING_DAYS)
            complaint = Complaint(
                number=number, centre_code=settings.centre, counter=settings.counter,
                year=year, sequence=last + 1, workstation=self.workstation,
                registered_by=self.actor.username, registered_at=at, due_on=due_on,
                state=ComplaintState.REGISTERED.value, answer="", **values)
            session.add(complaint)
            self._outbox(session, ComplaintRegistered(
                number=number, centre_code=settings.centre, channel=Channel(values["channel"]),
                category=Category(values["category"]), text=values["text"],
                complainant_name=values["complainant_name"],
                complainant_cedula=values["complainant_cedula"],
                contact_email=values["contact_email"], contact_phone=values["contact_phone"],
                case_number=values["case_number"], registered_by=self.actor.username,
                registered_at=at, due_on=due_on), number, ComplaintState.REGISTERED, at)
            note_work(session, self.actor, self.workstation, Kind.COMPLAINT, values["case_number"],
                      note=number)
            view = _view(complaint)
        log.info("complaint registered: %s", number)
        return view

    def acknowledgement(self, number: str, paper: str | None = None) -> RenderedDocument:
        """The complainant's constancia, with the number and the answer's due date."""
        require(self.actor, Action.REGISTER_COMPLAINT)
        paper = paper or self.runtime.settings.paper_format
        if paper not in PAPER_FORMATS:
            raise ValidationError(_("Formato de papel desconocido."), "paper", field="paper")
        with self.runtime.db.read() as session:
            row = self._find(session, number)
            centre = session.get(Centre, row.centre_code)
            clerk = session.get(Staff, row.registered_by)
            contact = " · ".join(part for part in (
                mask_email(row.contact_email) if row.contact_email else "",
                row.contact_phone[:-4] + "****" if row.contact_phone else "") if part)
            who = row.complainant_name or _("Anónimo")
            if row.complainant_cedula:
                who += f" ({mask_cedula(row.complainant_cedula)})"
            data = AcknowledgementData(
                number=row.number, centre_code=row.centre_code,
                centre_name=centre.name if centre else row.centre_code, counter=row.counter,
                received_at=row.registered_at,
                received_by=clerk.full_name if clerk else row.registered_by,
                channel=Channel(row.channel).label, category=Category(row.category).label,
                text=row.text, due_on=row.due_on, complainant=who, contact=contact,
                case_number=row.case_number or "",
                copy_number=copies_printed(session, row.number, ACKNOWLEDGEMENT) + 1)
        return RenderedDocument(row.number, ACKNOWLEDGEMENT, data.copy_number, paper,
                                render_acknowledgement(data, paper))

    def record_print(self, rendered: RenderedDocument, destination: str) -> None:
        require(self.actor, Action.REGISTER_COMPLAINT)
        record_print(self.runtime, self.actor, rendered, destination)

    def record_export(self, rendered: RenderedDocument, file_name: str) -> None:
        require(self.actor, Action.REGISTER_COMPLAINT)
        record_export(self.runtime, self.actor, rendered, file_name)

    # --- reading -----------------------------------------------------------------------

    def list(self, open_only: bool = False) -> tuple[ComplaintView, ...]:
        """This centre's complaints, newest first."""
        require(self.actor, Action.REGISTER_COMPLAINT)
        query = select(Complaint).where(Complaint.centre_code == self.actor.centre_code)
        if open_only:
            query = query.where(Complaint.state != ComplaintState.CLOSED.value)
        with self.runtime.db.read() as session:
            return tuple(_view(row) for row in session.scalars(
                query.order_by(Complaint.registered_at.desc()).limit(500)))

    def get(self, number: str) -> ComplaintView:
        require(self.actor, Action.REGISTER_COMPLAINT)
        with self.runtime.db.read() as session:
            return _view(self._find(session, number))

    def assignees(self) -> tuple[tuple[str, str], ...]:
        """(username, full name) of this centre's active staff."""
        with self.runtime.db.read() as session:
            return tuple((s.username, s.full_name) for s in session.scalars(
                select(Staff).where(Staff.centre_code == self.actor.centre_code,
                                    Staff.active.is_(True)).order_by(Staff.full_name)))

    # --- the supervisor ----------------------------------------------------------------

    def assign(self, number: str, username: str) -> ComplaintView:
        with self.runtime.db.read() as session:
            staff = session.get(Staff, username.strip())
        if staff is None or not staff.active or staff.centre_code != self.actor.centre_code:
            raise ValidationError(_("Elija a una persona activa de este centro."),
                                  "complaint: unknown assignee", field="assigned_to")
        return self._step(number, ComplaintState.ASSIGNED, {"assigned_to": staff.username},
                          {"assigned_to": staff.username, "assigned_by": self.actor.username})

    def answer(self, number: str, text: str) -> ComplaintView:
        answer = checked_text(text, central.Complaint.answer, field="answer",
                              label=_("Respuesta"))
        if len(answer) < MIN_TEXT:
            raise ValidationError(_("Escriba la respuesta (al menos {n} caracteres).").format(
                n=MIN_TEXT), "complaint: answer too short", field="answer")
        return self._step(number, ComplaintState.ANSWERED, {"answer": answer},
                          {"answer": answer, "answered_by": self.actor.username})

    def close(self, number: str) -> ComplaintView:
        return self._step(number, ComplaintState.CLOSED, {},
                          {"closed_by": self.actor.username})

    def _step(self, number: str, target: ComplaintState, payload: dict[str, Any],
              values: dict[str, Any]) -> ComplaintView:
        require(self.actor, Action.HANDLE_COMPLAINTS)
        with self.runtime.db.write() as session, session.begin():
            row = self._find(session, number)
            check_step(ComplaintState(row.state), target)
            at = now()
            stamp = {ComplaintState.ASSIGNED: "assigned_at", ComplaintState.ANSWERED:
                     "answered_at", ComplaintState.CLOSED: "closed_at"}[target]
            for name, value in {**values, stamp: at, "state": target.value}.items():
                setattr(row, name, value)
            self._outbox(session, ComplaintStep(row.number, target, at, **payload), row.number,
                         target, at)
            view = _view(row)
        log.info("complaint %s: %s", number, target.value)
        return view

    # --- shared ------------------------------------------------------------------------

    def _find(self, session: Session, number: str) -> Complaint:
        parsed = parse_complaint_number(number)
        row = session.get(Complaint, str(parsed))
        if row is None:
            raise NotFoundError(_("No existe la queja {n} en esta estación.").format(
                n=str(parsed)), "complaint not found")
        if row.centre_code != self.actor.centre_code:
            raise PermissionDenied(_("La queja es de otro centro."), "complaint of another centre")
        return row

    def _outbox(self, session: Session, event: ComplaintRegistered | ComplaintStep,
                number: str, state: ComplaintState, at: datetime) -> None:
        session.add(outbox_event(event, case_number=number, actor=self.actor.username,
                                 workstation=self.workstation, at=at))
        audit.append(session, actor=self.actor.username, workstation=self.workstation,
                     action=event.TYPE.value, details={"complaint": number,
                                                       "state": state.value})
