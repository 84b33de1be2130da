"""Push: the outbox to central, in order per case, each event applied exactly once.

Documents go first (chunked, resumable, by SHA-256). An event central refuses is final:
it is marked `rechazado` with central's reason, the case is refreshed from central, and
later events of that case wait for an administrator. An event that cannot go now (a file
still missing, an unexpected database error) is retried with back-off and never blocks
the events of other cases; after a few attempts the panel shows it as stuck.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import DBAPIError

from desktop.capture.blobstore import BlobStore
from desktop.central import blobs as central_blobs
from desktop.central.apply import REFUSED, Envelope, Outcome, RetryLater, apply_event
from desktop.clock import now
from desktop.db.engines import SessionFactories, writer
from desktop.errors import StorageError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store.models import CaseEvent, OutboxEvent
from desktop.sync.connection import is_offline_error, unreachable

log = logging.getLogger(__name__)

PENDING, SENT, REFUSED_LOCAL = "pendiente", "enviado", "rechazado"
FIRST_RETRY = timedelta(seconds=5)
LONGEST_RETRY = timedelta(minutes=5)
STUCK_AFTER = 5  # attempts; the panel lists the event from then on


@dataclass
class PushResult:
    applied: int = 0
    refused: int = 0
    deferred: int = 0
    refused_cases: list[str] = field(default_factory=list)


def backoff(attempts: int) -> timedelta:
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def push(
    central_engine: Engine,
    cache_db: SessionFactories,
    blobs: BlobStore,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PushResult:
    cancel = cancel or CancelToken()
    result = PushResult()
    due, held = _due(cache_db)
    label = _("Enviando trámites a la central…")
    for done, event in enumerate(due, start=1):
        if event.case_number in held:
            continue  # an earlier event of this case did not go through
        cancel.raise_if_cancelled()
        try:
            _upload_documents(central_engine, blobs, event)
            outcome = apply_event(central_engine, _envelope(event))
        except (RetryLater, StorageError) as error:
            _defer(cache_db, event, str(error))
            held.add(event.case_number)
            result.deferred += 1
        except DBAPIError as error:
            if is_offline_error(error):
                raise unreachable(error) from None
            log.exception("event %s failed at central", event.event_id)
            _defer(cache_db, event, type(error).__name__)
            held.add(event.case_number)
            result.deferred += 1
        else:
            _acknowledge(cache_db, event, outcome)
            if outcome.status == REFUSED:
                held.add(event.case_number)
                result.refused += 1
                result.refused_cases.append(event.case_number or "")
            else:
                result.applied += 1
        progress(done, len(due), label)
    return result


def _due(cache_db: SessionFactories) -> tuple[list[OutboxEvent], set[str | None]]:
    """Pending events in order, and the cases held back by an event central refused."""
    with cache_db.read() as session:
        moment = now()
        events = list(session.scalars(
            select(OutboxEvent).where(OutboxEvent.status == PENDING).order_by(OutboxEvent.seq)))
        held = set(session.scalars(
            select(OutboxEvent.case_number).where(OutboxEvent.status == REFUSED_LOCAL)))
    for event in events:
        if event.next_attempt_at is not None and event.next_attempt_at > moment:
            held.add(event.case_number)  # waiting for its retry time keeps its order
    return events, held


def _envelope(event: OutboxEvent) -> Envelope:
    return Envelope(event.event_id, event.event_type, event.case_number, event.payload,
                    event.actor, event.workstation, event.created_at)


def _upload_documents(central_engine: Engine, blobs: BlobStore, event: OutboxEvent) -> None:
    for document in event.payload.get("documents", []):
        upload_blob(central_engine, blobs, document["sha256"])


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
    """An administrator sends a refused or stuck event again (e.g. after fixing central)."""
    with cache_db.write() as session, session.begin():
        session.execute(update(OutboxEvent).where(OutboxEvent.seq == seq).values(
            status=PENDING, next_attempt_at=None, attempts=0))

