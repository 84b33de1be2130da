"""Staff sign-in against the cached staff table (works offline)."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from desktop.domain.roles import Actor, Role
from desktop.errors import PermissionDenied
from desktop.i18n import _
from desktop.security.passwords import verify_password
from desktop.store.models import Staff

log = logging.getLogger(__name__)


def authenticate(session: Session, username: str, password: str, centre_code: str) -> Actor:
    """The Actor for valid credentials at this centre; one vague message for every failure.

    Staff sign in only at their own centre: other centres' hashes never reach this cache.
    """
    staff = session.get(Staff, username.strip().lower())
    if staff is None or not staff.active or not verify_password(staff.password_hash, password):
        log.info("sign-in refused")
        raise PermissionDenied(
            _("Usuario o clave incorrectos, o la cuenta no está activa."), "sign-in refused"
        )
    role = Role(staff.role)
    if staff.centre_code != centre_code:
        raise PermissionDenied(
            _("Su usuario pertenece al centro {own}; esta estación es del centro {here}.").format(
                own=staff.centre_code, here=centre_code
            ),
            "sign-in at another centre",
        )
    log.info("signed in: %s (%s)", staff.username, role.value)
    return Actor(staff.username, staff.full_name, role, staff.centre_code)
