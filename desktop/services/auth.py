"""Signing in at the workstation."""

from __future__ import annotations

from desktop.domain.roles import Actor
from desktop.security import audit
from desktop.security.auth import authenticate
from desktop.services.runtime import Runtime


def sign_in(runtime: Runtime, username: str, password: str) -> Actor:
    """Check the credentials against the cached staff table and audit the sign-in."""
    settings = runtime.settings
    with runtime.db.read() as session:  # the slow hash check holds no write lock
        actor = authenticate(session, username, password, settings.centre)
    with runtime.db.write() as session, session.begin():
        audit.append(
            session,
            actor=actor.username,
            workstation=settings.workstation,
            action="session.signed_in",
            details={"role": actor.role.value},
        )
    return actor
