"""Staff sign-in against the cached staff table (works offline), with lockout.

Five failed attempts for a user name lock it at this workstation for fifteen minutes. The
count is kept for any name typed, known or not, so the lock says nothing about which names
exist; every other failure gets the same vague message, after the same time (a name that
does not exist still costs one password check).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desktop.clock import format_local
from desktop.domain.roles import Actor, Role
from desktop.domain.text import unreadable_characters
from desktop.errors import PermissionDenied
from desktop.i18n import _
from desktop.security.passwords import verify_nothing, verify_password
from desktop.store.models import LoginAttempt, Staff

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)


MAX_USERNAME = 60


def normal_username(username: str) -> str:
    """The name as stored; a name no account can have becomes one that matches nothing."""
    name = username.strip().lower()
    if unreadable_characters(name) or len(name) > MAX_USERNAME:
        return "?"
    return name


def check_not_locked(session: Session, username: str, now: datetime) -> None:
    attempt = session.get(LoginAttempt, normal_username(username))
    if attempt is not None and attempt.locked_until is not None and attempt.locked_until > now:
        raise PermissionDenied(
            _("La cuenta está bloqueada por {n} intentos fallidos; intente de nuevo después de "
              "las {time}.").format(n=MAX_FAILURES, time=format_local(attempt.locked_until)),
            "sign-in refused: locked")


def credentials_match(session: Session, username: str, password: str,
                      centre_code: str) -> Actor | None:
    """The Actor if the password is right for an active account of this centre."""
    staff = session.get(Staff, normal_username(username))
    if staff is None or not staff.active or staff.centre_code != centre_code:
        verify_nothing(password)
        return None
    if not verify_password(staff.password_hash, password):
        return None
    return Actor(staff.username, staff.full_name, Role(staff.role), staff.centre_code)


def record_attempt(session: Session, username: str, succeeded: bool, now: datetime) -> None:
    name = normal_username(username)
    attempt = session.get(LoginAttempt, name) or LoginAttempt(username=name, failures=0)
    session.add(attempt)
    if succeeded:
        attempt.failures, attempt.locked_until = 0, None
        return
    attempt.failures += 1
    if attempt.failures >= MAX_FAILURES:
        attempt.failures, attempt.locked_until = 0, now + LOCK_FOR
        log.warning("an account name was locked after %d failures", MAX_FAILURES)


def refusal() -> PermissionDenied:
    return PermissionDenied(
        _("Usuario o clave incorrectos, o la cuenta no está activa en este centro."),
        "sign-in refused")
