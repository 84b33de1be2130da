"""Append-only audit log with a hash chain: each entry seals the one before it."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import now
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
