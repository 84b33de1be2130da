"""Append-only audit log with a hash chain: each entry seals the one before it.

Each chain has an epoch (a random id kept in the cache): a station set up again with
`ventanilla init` starts a new cache, a new chain and a new epoch, and central anchors each
epoch apart, so the new chain's entry ids (from 1 again) never meet the old chain's anchors.
A cache from before epochs existed keeps the epoch '' its anchors were stored under.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import now
from desktop.i18n import _
from desktop.store.models import AuditEntry, CacheMeta

GENESIS = "0" * 64
EPOCH_KEY = "audit_epoch"


def chain_epoch(session: Session) -> str:
    """This cache's chain epoch ('' for a chain older than epochs)."""
    row = session.get(CacheMeta, EPOCH_KEY)
    return row.value if row is not None else ""


def ensure_epoch(session: Session) -> str:
    """Give a cache its epoch once (in a write transaction): a new one for an empty log, ''
    for a log written before epochs existed."""
    row = session.get(CacheMeta, EPOCH_KEY)
    if row is None:
        empty = session.scalar(select(AuditEntry.id).limit(1)) is None
        row = CacheMeta(key=EPOCH_KEY, value=uuid.uuid4().hex if empty else "")
        session.add(row)
        session.flush()
    return row.value


def entry_digest(
    prev_hash: str,
    at: datetime,
    actor: str,
    workstation: str,
    action: str,
    case_number: str | None,
    details: dict[str, Any],
) -> str:
    canonical = json.dumps(
        [prev_hash, at.isoformat(), actor, workstation, action, case_number, details],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    workstation: str,
    action: str,
    case_number: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry in the caller's transaction (write sessions hold the write lock)."""
    details = details or {}
    previous = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    if previous is None:
        ensure_epoch(session)  # the chain's first entry: it is born with its epoch
    prev_hash = previous or GENESIS
    at = now()
    entry = AuditEntry(
        at=at,
        actor=actor,
        workstation=workstation,
        action=action,
        case_number=case_number,
        details=details,
        prev_hash=prev_hash,
        entry_hash=entry_digest(prev_hash, at, actor, workstation, action, case_number, details),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    """The result of checking the chain: where it first breaks, if it does."""

    checked: int
    broken_at: int | None = None  # the id of the first entry that does not fit
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session) -> ChainCheck:
    """Walk the log in order: every entry must hash to its stored hash and point at the one
    before it. An edited entry fails its own hash; a deleted one breaks the link of the
    next; an inserted one either fails its link or breaks the next entry's."""
    previous_hash, previous_id, checked = GENESIS, 0, 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        checked += 1
        digest = entry_digest(entry.prev_hash, entry.at, entry.actor, entry.workstation,
                              entry.action, entry.case_number, entry.details)
        if digest != entry.entry_hash:
            return ChainCheck(checked, entry.id, _("la entrada {id} fue modificada").format(
                id=entry.id))
        if entry.prev_hash != previous_hash:
            return ChainCheck(checked, entry.id, _(
                "la entrada {id} no sigue a la {prev}: se borró o se insertó una entrada"
            ).format(id=entry.id, prev=previous_id or _("inicial")))
        previous_hash, previous_id = entry.entry_hash, entry.id
    return ChainCheck(checked)


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    entry_hash: str


def latest_anchor(session: Session) -> Anchor | None:
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
    return None if entry is None else Anchor(entry.id, entry.entry_hash)


def check_anchors(session: Session, anchors: list[Anchor]) -> ChainCheck:
    """Every entry central saw at a sync must still be here, with the same hash: a rewritten
    log, or one cut after its last anchor, no longer matches. (Entry 0 marks where an
    epoch began: it is not an entry.)"""
    anchors = [anchor for anchor in anchors if anchor.entry_id > 0]
    for anchor in sorted(anchors, key=lambda a: a.entry_id):
        entry = session.get(AuditEntry, anchor.entry_id)
        if entry is None or entry.entry_hash != anchor.entry_hash:
            return ChainCheck(0, anchor.entry_id, _(
                "la entrada {id}, anclada en la central al sincronizar, falta o fue "
                "modificada").format(id=anchor.entry_id))
    return ChainCheck(len(anchors))
