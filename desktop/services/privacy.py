"""The privacy notice as this station knows it: the versions pulled from central, and the
one in force today (the seed version before the first pull brings any)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clock import local, now
from desktop.domain.privacy import CURRENT, PrivacyNotice
from desktop.store.models import PrivacyNotice as NoticeRow


def notice_version(session: Session, version: str) -> PrivacyNotice | None:
    """A version by its name (None if this station never had it)."""
    row = session.get(NoticeRow, version)
    if row is not None:
        return PrivacyNotice.from_row(row.version, row.valid_from, row.parts)
    return CURRENT if version == CURRENT.version else None


def notice_in_force(session: Session, today: date | None = None) -> PrivacyNotice:
    """The latest version valid today."""
    today = today or local(now()).date()
    row = session.scalar(select(NoticeRow).where(NoticeRow.valid_from <= today)
                         .order_by(NoticeRow.valid_from.desc()).limit(1))
    if row is None:
        return CURRENT
    return PrivacyNotice.from_row(row.version, row.valid_from, row.parts)
