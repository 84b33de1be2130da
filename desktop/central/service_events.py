"""Service at the counters at central (issue 13): closed attentions and complaints."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from desktop.central.envelope import (
    Context,
    Envelope,
    Refused,
    RetryLater,
    own_centre,
)
from desktop.central.models import (
    Attention,
    AttentionAction,
    Complaint,
)
from desktop.clock import local
from desktop.domain.complaints import (
    ComplaintState,
    check_step,
    parse_complaint_number,
)
from desktop.domain.events import (
    AttentionRecorded,
    ComplaintRegistered,
    ComplaintStep,
)
from desktop.errors import ValidationError
from desktop.i18n import _


def attention_recorded(connection: Connection, envelope: Envelope, context: Context,
                       record: AttentionRecorded) -> None:
    """A closed attention, with what was done; central keeps it as it arrives."""
    own_centre(envelope, record.centre_code)
    if record.workstation != envelope.workstation:
        raise Refused(_("La atención es de otra estación."), "attention of another station")
    declared_start, declared_end = record.started_at, record.ended_at
    ended = context.stamp(declared_end, envelope, "ended_at")
    # the start is as old as the service was long: a clock found behind moves both
    started = declared_start + (ended - declared_end)
    if ended < started:
        raise Refused(_("La atención termina antes de empezar: revise el reloj de la "
                        "estación."), "attention ends before it starts")
    if connection.scalar(select(Attention.attention_id).where(
            Attention.attention_id == record.attention_id)):
        raise Refused(_("La central ya tiene esa atención."), "attention already recorded")
    connection.execute(insert(Attention).values(
        attention_id=record.attention_id, centre_code=record.centre_code,
        workstation=envelope.workstation, counter=record.counter, clerk=record.clerk,
        turno_code=record.turno_code, turno_booked_at=record.turno_booked_at,
        started_at=started, ended_at=ended))
    actions = [{"attention_id": record.attention_id, "kind": a.kind.value,
                "case_number": a.case_number, "note": a.note,
                "at": min(max(a.at, started), ended)}  # within the attention
               for a in record.actions]
    if actions:
        connection.execute(insert(AttentionAction), actions)


def complaint_registered(connection: Connection, envelope: Envelope, context: Context,
                         record: ComplaintRegistered) -> None:
    own_centre(envelope, record.centre_code)
    try:
        parsed = parse_complaint_number(record.number)
    except ValidationError:
        parsed = None
    if parsed is None or parsed.centre != envelope.centre:
        raise Refused(_("El número de queja {n} no es válido para esta estación.").format(
            n=record.number), "complaint number malformed or of another centre")
    if connection.scalar(select(Complaint.number).where(Complaint.number == record.number)):
        raise Refused(_("Ya existe en la central otra queja con el número {n}.").format(
            n=record.number))
    registered_at = context.stamp(record.registered_at, envelope, "registered_at")
    if parsed.year > local(context.now).year:
        raise Refused(_("La queja {n} lleva un año posterior al de la central: el reloj de la "
                        "estación estaba adelantado.").format(n=record.number),
                      "complaint year in the future")
    connection.execute(insert(Complaint).values(
        number=record.number, centre_code=parsed.centre, counter=parsed.counter,
        year=parsed.year, sequence=parsed.sequence, workstation=envelope.workstation,
        registered_by=record.registered_by, registered_at=registered_at,
        channel=record.channel.value, category=record.category.value,
        text=record.text, complainant_name=record.complainant_name,
        complainant_cedula=record.complainant_cedula,
        contact_email=record.contact_email, contact_phone=record.contact_phone,
        case_number=record.case_number, due_on=record.due_on,
        state=ComplaintState.REGISTERED.value, answer=""))


def complaint_step(connection: Connection, envelope: Envelope, context: Context,
                   step: ComplaintStep) -> None:
    """Assigned, answered or closed by a supervisor of the complaint's centre."""
    query = select(Complaint.state, Complaint.centre_code).where(
        Complaint.number == step.number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise RetryLater(f"complaint {step.number} not at central yet")
    own_centre(envelope, row.centre_code)
    target = step.to_state
    try:
        check_step(ComplaintState(row.state), target)
    except ValidationError as refusal:
        raise Refused(refusal.user_message, "complaint step refused") from refusal
    at = context.stamp(step.at, envelope, "at")
    values: dict[str, Any] = {"state": target.value}
    if target is ComplaintState.ASSIGNED:
        values |= {"assigned_to": step.assigned_to, "assigned_by": envelope.actor,
                   "assigned_at": at}
    elif target is ComplaintState.ANSWERED:
        values |= {"answer": step.answer, "answered_by": envelope.actor, "answered_at": at}
    else:
        values |= {"closed_by": envelope.actor, "closed_at": at}
    connection.execute(update(Complaint).where(Complaint.number == step.number)
                       .values(**values))
