"""Append-only audit log with a hash chain: each entry seals the one before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import now
from desktop.i18n import _
from desktop.store.models import AuditEntry

GENESIS = "0" * 64


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
    log, or one cut after its last anchor, no longer matches."""
    for anchor in sorted(anchors, key=lambda a: a.entry_id):
        entry = session.get(AuditEntry, anchor.entry_id)
        if entry is None or entry.entry_hash != anchor.entry_hash:
            return ChainCheck(0, anchor.entry_id, _(
                "la entrada {id}, anclada en la central al sincronizar, falta o fue "
                "modificada").format(id=anchor.entry_id))
    return ChainCheck(len(anchors))
