"""Push: the outbox to central, in order per case, each event applied exactly once.

Documents go first (chunked, resumable, by SHA-256). An event central refuses is final:
it is marked `rechazado` with central's reason, the case is refreshed from central, and
later events of that case wait for an administrator. An event that cannot go now (a file
still missing, a row another session keeps locked, an unexpected database error) is retried
with back-off and never blocks the events of other cases; after a few attempts the panel
shows it as stuck. Only a lost connection ends the round (offline).

«Reintentar» on a refused event sends it under a new event id: central keeps the old id's
refusal as history and applies the new attempt afresh. A stuck (never refused) event keeps
its id, since central may have applied it already.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import DBAPIError

from desktop.capture.blobstore import BlobStore
from desktop.central import blobs as central_blobs
from desktop.central.apply import REFUSED, Envelope, Outcome, RetryLater, apply_event
from desktop.clock import now
from desktop.db.engines import SessionFactories, writer
from desktop.domain.event_wire import EventType
from desktop.domain.events import CaseRegistered, DocumentAdded, read_event
from desktop.domain.outbox import OutboxStatus
from desktop.errors import Cancelled, ValidationError, VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store.models import CaseEvent, OutboxEvent
from desktop.sync.connection import is_busy_error, is_offline_error, unreachable

log = logging.getLogger(__name__)

PENDING, SENT, REFUSED_LOCAL = OutboxStatus.PENDING, OutboxStatus.SENT, OutboxStatus.REFUSED
STAFF_CHANGED = EventType.STAFF_CHANGED
FIRST_RETRY = timedelta(seconds=5)
LONGEST_RETRY = timedelta(minutes=5)
STUCK_AFTER = 5  # attempts; the panel lists the event from then on


@dataclass
class PushResult:
    applied: int = 0
    refused: int = 0
    deferred: int = 0
    refused_cases: list[str] = field(default_factory=list)
    refused_staff: list[str] = field(default_factory=list)  # accounts central kept as they were


def backoff(attempts: int, longest: timedelta = LONGEST_RETRY) -> timedelta:
    """5 s, 10 s, 20 s … after consecutive failures, never longer than `longest`: one back-off
    for an event central could not take and for a round that found central unreachable."""
    return min(FIRST_RETRY * (1 << max(attempts - 1, 0)), longest)  # 2 ** (attempts - 1)


@dataclass(frozen=True)
class LastRound:
    """The station's last good round: the server's time then, and the outbox's last event
    at its start. An event created later cannot honestly be dated earlier."""

    server_time: datetime
    seq: int

    def floor(self, event: OutboxEvent) -> datetime | None:
        return self.server_time if event.seq > self.seq else None


def push(
    central_engine: Engine,
    cache_db: SessionFactories,
    blobs: BlobStore,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    last_round: LastRound | None = None,
) -> PushResult:
    cancel = cancel or CancelToken()
    result = PushResult()
    due, held = _due(cache_db)
    label = _("Enviando trámites a la central…")
    for done, event in enumerate(due, start=1):
        if subject(event) in held:
            continue  # an earlier event of this case (or account) did not go through
        cancel.raise_if_cancelled()
        floor = last_round.floor(event) if last_round else None
        try:
            _upload_documents(central_engine, blobs, event)
            outcome = apply_event(central_engine, _envelope(event, floor))
        except DBAPIError as error:
            if is_offline_error(error):
                raise unreachable(error) from None
            why = "busy" if is_busy_error(error) else type(error).__name__
            # the type and SQLSTATE only: a database error's text may quote the event's data
            log.warning("event %s not applied now (%s, %s)", event.event_id, why,
                        getattr(error.orig, "sqlstate", None))
            _defer(cache_db, event, _("La central estaba ocupada o no aceptó el evento ahora; "
                                      "se reintentará."))
            held.add(subject(event))
            result.deferred += 1
        except Cancelled:
            raise
        except VentanillaError as error:  # RetryLater, a missing or unreadable file
            log.info("event %s deferred: %s", event.event_id, error.log_message)
            _defer(cache_db, event, error.user_message)
            held.add(subject(event))
            result.deferred += 1
        except Exception as error:  # a bug must not stop the other cases' events
            log.error("event %s failed: %s", event.event_id, type(error).__name__)
            _defer(cache_db, event, _("Error inesperado al enviar el evento ({kind}); se "
                                      "reintentará.").format(kind=type(error).__name__))
            held.add(subject(event))
            result.deferred += 1
        else:
            _acknowledge(cache_db, event, outcome)
            if outcome.status == REFUSED:
                held.add(subject(event))
                result.refused += 1
                if event.case_number:
                    result.refused_cases.append(event.case_number)
                elif event.event_type == STAFF_CHANGED:
                    result.refused_staff.append(_staff_username(event))
            else:
                result.applied += 1
        progress(done, len(due), label)
    return result


def subject(event: OutboxEvent) -> str:
    """What an event's order is kept within: its case, or the staff account it changes
    (events of one subject go in order; one held back never holds back another subject)."""
    if event.case_number:
        return event.case_number
    if event.event_type == STAFF_CHANGED:
        return f"staff:{_staff_username(event)}"
    return f"event:{event.event_id}"


def _due(cache_db: SessionFactories) -> tuple[list[OutboxEvent], set[str]]:
    """Pending events in order, and the subjects held back by an event central refused."""
    with cache_db.read() as session:
        moment = now()
        events = list(session.scalars(
            select(OutboxEvent).where(OutboxEvent.status == PENDING).order_by(OutboxEvent.seq)))
        held = {subject(event) for event in session.scalars(
            select(OutboxEvent).where(OutboxEvent.status == REFUSED_LOCAL))}
    for event in events:
        if event.next_attempt_at is not None and event.next_attempt_at > moment:
            held.add(subject(event))  # waiting for its retry time keeps its order
    return events, held


def _envelope(event: OutboxEvent, floor: datetime | None = None) -> Envelope:
    return Envelope(event.event_id, event.event_type, event.case_number, event.payload,
                    event.actor, event.workstation, event.created_at, floor)


def _upload_documents(central_engine: Engine, blobs: BlobStore, event: OutboxEvent) -> None:
    try:
        typed = read_event(event.event_type, event.payload)
    except ValidationError:  # unreadable: central refuses it with the reason, nothing to send
        return
    if isinstance(typed, CaseRegistered | DocumentAdded):
        for document in typed.documents:
            upload_blob(central_engine, blobs, document.sha256)


def _staff_username(event: OutboxEvent) -> str:
    """The account a staff event changes ('' when its payload cannot say)."""
    payload = event.payload
    return str(payload.get("username", "")) if isinstance(payload, dict) else ""


def upload_blob(central_engine: Engine, blobs: BlobStore, sha256: str) -> None:
    """Send the chunks central is missing, one short transaction each, then verify."""
    with central_engine.connect() as connection:
        if central_blobs.is_complete(connection, sha256):
            return
    data = blobs.get(sha256)
    with writer(central_engine).begin() as connection:
        missing = central_blobs.missing_chunks(connection, sha256, len(data))
    size = central_blobs.CHUNK_BYTES
    for index in missing:
        with writer(central_engine).begin() as connection:
            chunk = data[index * size:(index + 1) * size]
            central_blobs.put_chunk(connection, sha256, index, chunk)
    with writer(central_engine).begin() as connection:
        verified = central_blobs.finish(connection, sha256)  # drops bad chunks when not
    if not verified:
        raise RetryLater(f"blob {sha256[:12]} did not verify at central; sent again")


def _acknowledge(cache_db: SessionFactories, event: OutboxEvent, outcome: Outcome) -> None:
    with cache_db.write() as session, session.begin():
        refused = outcome.status == REFUSED
        session.execute(update(OutboxEvent).where(OutboxEvent.seq == event.seq).values(
            status=REFUSED_LOCAL if refused else SENT,
            sent_at=now(),
            attempts=OutboxEvent.attempts + 1,
            last_error=outcome.reason,
            next_attempt_at=None,
        ))
        if refused:  # the change never happened: it leaves the case's history
            session.execute(CaseEvent.__table__.delete().where(
                CaseEvent.event_id == event.event_id))
    log.info("event %s %s%s", event.event_id, outcome.status,
             " (repeat)" if outcome.repeated else "")


def _defer(cache_db: SessionFactories, event: OutboxEvent, error: str) -> None:
    attempts = event.attempts + 1
    with cache_db.write() as session, session.begin():
        session.execute(update(OutboxEvent).where(OutboxEvent.seq == event.seq).values(
            attempts=attempts, last_error=error, next_attempt_at=now() + backoff(attempts)))
    log.info("event %s deferred (attempt %d)", event.event_id, attempts)


def retry_refused(cache_db: SessionFactories, seq: int) -> None:
    """An administrator sends a refused or stuck event again (e.g. after fixing central).

    A refused event goes under a new id, so central applies it afresh instead of answering
    with the refusal it recorded for the old one (its local history entry follows the id).
    """
    with cache_db.write() as session, session.begin():
        event = session.get(OutboxEvent, seq)
        if event is None:
            return
        if event.status == REFUSED_LOCAL:
            fresh = str(uuid.uuid4())
            session.execute(update(CaseEvent).where(CaseEvent.event_id == event.event_id)
                            .values(event_id=fresh))
            event.event_id = fresh
        event.status, event.next_attempt_at, event.attempts = PENDING, None, 0

