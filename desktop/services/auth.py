"""Signing in at the workstation, unlocking an idle window, changing one's password."""

from __future__ import annotations

from desktop.clock import now
from desktop.domain.roles import Actor
from desktop.security import audit
from desktop.security.auth import (
    check_not_locked,
    credentials_match,
    record_attempt,
    refusal,
)
from desktop.services.runtime import Runtime
from desktop.services.staff import StaffService


def sign_in(runtime: Runtime, username: str, password: str) -> Actor:
    """Check the credentials against the cached staff table; count failures; audit."""
    settings = runtime.settings
    with runtime.db.read() as session:
        check_not_locked(session, username, now())
        actor = credentials_match(session, username, password, settings.centre)  # slow hash
    with runtime.db.write() as session, session.begin():
        check_not_locked(session, username, now())  # another window may have locked it
        record_attempt(session, username, actor is not None, now())
        if actor is not None:
            audit.append(session, actor=actor.username, workstation=settings.workstation,
                         action="session.signed_in", details={"role": actor.role.value})
    if actor is None:
        raise refusal()
    StaffService(runtime, actor).upgrade_hash(password)
    return actor


def unlock(runtime: Runtime, actor: Actor, password: str) -> None:
    """The same person takes the idle-locked window back (their form kept); failures count
    towards the lockout like any sign-in."""
    sign_in(runtime, actor.username, password)
