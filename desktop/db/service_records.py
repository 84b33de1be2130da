"""Columns of the counter's service records that central and the cache share (issue 13).

- An *attention* is one person served at a counter, from the moment the clerk opens it
  (a turno code typed or scanned, or «sin turno») until they close it. Its *actions* say
  what was done (a registration, a status consultation, a delivery, …) and which case it
  touched. A station pushes an attention once, when it is closed; central never changes it.
- A *complaint* (queja) about the procedure or the service, with its answer: registered at
  a counter, then assigned, answered and closed by a supervisor of the same centre within
  a deadline in working days.

Both schemas declare these once, here, as mixins (as desktop.db.reference does for cases);
each schema adds its own keys, indexes and change markers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column


class AttentionColumns:
    __tablename__ = "attentions"

    attention_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # a UUID
    centre_code: Mapped[str] = mapped_column(String(5))
    workstation: Mapped[str] = mapped_column(String(20))  # the counter, e.g. UIO01-03
    counter: Mapped[int] = mapped_column(Integer)
    clerk: Mapped[str] = mapped_column(String(60))  # staff username
    #: as typed or scanned, normalised (desktop.domain.turnos); "" = «sin turno»
    turno_code: Mapped[str] = mapped_column(String(40), default="")
    #: the slot the turno was booked for, when its code carries it (waiting time)
    turno_booked_at: Mapped[datetime | None]
    started_at: Mapped[datetime]


class AttentionActionColumns:
    """One thing done within an attention; `kind` is one of desktop.domain.attentions.Kind."""

    __tablename__ = "attention_actions"

    kind: Mapped[str] = mapped_column(String(14))
    case_number: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")  # e.g. why the person was turned away
    at: Mapped[datetime]


class ComplaintColumns:
    __tablename__ = "complaints"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)  # Q-UIO01-01-2026-00001-K
    centre_code: Mapped[str] = mapped_column(String(5))
    counter: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    workstation: Mapped[str] = mapped_column(String(20))
    registered_by: Mapped[str] = mapped_column(String(60))
    registered_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(12))  # ventanilla | correo | telefono
    category: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    complainant_name: Mapped[str] = mapped_column(String(170), default="")  # optional
    complainant_cedula: Mapped[str] = mapped_column(String(10), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    case_number: Mapped[str | None] = mapped_column(String(32))  # the case it concerns
    due_on: Mapped[date] = mapped_column(Date)  # answer deadline, in working days
    state: Mapped[str] = mapped_column(String(12))  # registrada|asignada|respondida|cerrada
    assigned_to: Mapped[str | None] = mapped_column(String(60))
    assigned_by: Mapped[str | None] = mapped_column(String(60))
    assigned_at: Mapped[datetime | None]
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str | None] = mapped_column(String(60))
    answered_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(60))
    closed_at: Mapped[datetime | None]
