"""Staff accounts: a person changes their password; an administrator creates, disables and
assigns roles and centres. Accounts live centrally: each change is applied to this cache at
once (sign-in keeps working offline) and travels to central as an outbox event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.central import models as central
from desktop.clock import now
from desktop.domain.events import StaffChanged
from desktop.domain.roles import Action, Actor, Role
from desktop.domain.text import unreadable_characters
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.security.auth import credentials_match, refusal
from desktop.security.passwords import hash_password, needs_rehash
from desktop.services.limits import checked_text
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.store.models import Centre, Staff, outbox_event

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,59}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 200
STAFF_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class StaffMember:
    username: str
    full_name: str
    role: Role
    centre_code: str
    active: bool


@dataclass(frozen=True)
class CentreChoice:
    """A centre an administrator can hand a person over to."""

    code: str
    name: str
    city: str


def check_password(password: str, username: str) -> None:
    """A password a counter can live with: long enough, not the user name."""
    if unreadable_characters(password) or len(password) > MAX_PASSWORD:
        raise ValidationError(
            _("La clave contiene caracteres no válidos o supera {n} caracteres.").format(
                n=MAX_PASSWORD), "password unusable", field="password")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            _("La clave debe tener al menos {n} caracteres.").format(n=MIN_PASSWORD),
            "password too short", field="password")
    if username.lower() in password.lower():
        raise ValidationError(_("La clave no puede contener el nombre de usuario."),
                              "password contains the username", field="password")


def _member(row: Staff) -> StaffMember:
    return StaffMember(row.username, row.full_name, Role(row.role), row.centre_code, row.active)


class StaffService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    # --- everyone ----------------------------------------------------------------------

    def change_password(self, current: str, new: str) -> None:
        actor = self.actor
        with self.runtime.db.read() as session:
            if credentials_match(session, actor.username, current,
                                 self.runtime.settings.centre) is None:
                raise refusal()
        check_password(new, actor.username)
        if new == current:
            raise ValidationError(_("La clave nueva debe ser distinta de la actual."),
                                  "password unchanged", field="password")
        self._change(actor.username, "staff.password_changed",
                     lambda row: setattr(row, "password_hash", hash_password(new)))

    def upgrade_hash(self, password: str) -> bool:
        """Re-hash the signed-in person's password when the hashing parameters have changed
        since it was set (a sign-in is the only time the password is at hand); central gets
        the new hash like any password change. True when it was upgraded."""
        with self.runtime.db.read() as session:
            row = session.get(Staff, self.actor.username)
            if row is None or not needs_rehash(row.password_hash):
                return False
        self._change(self.actor.username, "staff.password_rehashed",
                     lambda row: setattr(row, "password_hash", hash_password(password)))
        return True

    # --- administrators ----------------------------------------------------------------

    def members(self) -> list[StaffMember]:
        require(self.actor, Action.MANAGE_STAFF)
        with self.runtime.db.read() as session:
            rows = session.scalars(select(Staff).where(
                Staff.centre_code == self.actor.centre_code).order_by(Staff.username))
            return [_member(row) for row in rows]

    def centres(self) -> list[CentreChoice]:
        """The centres known to this cache, for «trasladar a centro»."""
        require(self.actor, Action.MANAGE_STAFF)
        with self.runtime.db.read() as session:
            return [CentreChoice(row.code, row.name, row.city)
                    for row in session.scalars(select(Centre).order_by(Centre.code))]

    def create(self, username: str, full_name: str, role: Role, password: str) -> StaffMember:
        require(self.actor, Action.MANAGE_STAFF)
        username = username.strip().lower()
        full_name = " ".join(checked_text(full_name, central.Staff.full_name, field="full_name",
                                          label=_("Nombres y apellidos")).split())
        if not USERNAME.match(username):
            raise ValidationError(
                _("El usuario debe empezar con una letra y usar solo minúsculas, dígitos, "
                  "punto, guion o guion bajo (3 a 60 caracteres)."), "bad username",
                field="username")
        if len(full_name) < 5:
            raise ValidationError(_("Escriba nombres y apellidos completos."),
                                  "full name too short", field="full_name")
        _check_role(role)
        check_password(password, username)
        with self.runtime.db.read() as session:
            if session.get(Staff, username) is not None:
                raise ValidationError(_("Ya existe el usuario {u}.").format(u=username),
                                      "username taken", field="username")
        row = Staff(username=username, full_name=full_name, role=role.value,
                    centre_code=self.actor.centre_code, active=True,
                    password_hash=hash_password(password))
        return self._change(username, "staff.created", lambda _row: None, new=row)

    def set_active(self, username: str, active: bool) -> StaffMember:
        require(self.actor, Action.MANAGE_STAFF)
        if username == self.actor.username and not active:
            raise ValidationError(_("No puede desactivar su propia cuenta."),
                                  "admin disabling self", field="username")
        return self._change(username, "staff.activated" if active else "staff.disabled",
                            lambda row: setattr(row, "active", active))

    def set_role(self, username: str, role: Role) -> StaffMember:
        require(self.actor, Action.MANAGE_STAFF)
        _check_role(role)
        if username == self.actor.username:
            raise ValidationError(_("No puede cambiar su propio rol."), "admin changing self",
                                  field="role")
        return self._change(username, "staff.role_changed",
                            lambda row: setattr(row, "role", role.value))

    def move_to_centre(self, username: str, centre_code: str) -> StaffMember:
        """Hand a person over to another centre (they then sign in only there)."""
        require(self.actor, Action.MANAGE_STAFF)
        with self.runtime.db.read() as session:
            if session.get(Centre, centre_code) is None:
                raise ValidationError(_("No existe el centro {c}.").format(c=centre_code),
                                      "unknown centre", field="centre")
        return self._change(username, "staff.moved",
                            lambda row: setattr(row, "centre_code", centre_code))

    # --- one change, everywhere it must go ---------------------------------------------

    def _change(self, username: str, action: str, edit: Callable[[Staff], None],
                new: Staff | None = None) -> StaffMember:
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            row = new or _own_staff(session, username, self.actor)
            if new is not None:
                session.add(new)
            edit(row)
            session.flush()
            member = _member(row)
            session.add(outbox_event(
                staff_event(row, previous_centre=self.actor.centre_code), case_number=None,
                actor=self.actor.username, workstation=settings.workstation, at=now()))
            audit.append(session, actor=self.actor.username, workstation=settings.workstation,
                         action=action, details={"username": row.username})
        return member


def staff_event(row: Staff, previous_centre: str) -> StaffChanged:
    return StaffChanged(username=row.username, full_name=row.full_name, role=row.role,
                        centre_code=row.centre_code, active=row.active,
                        password_hash=row.password_hash, previous_centre=previous_centre)


def _own_staff(session: Session, username: str, actor: Actor) -> Staff:
    row = session.get(Staff, username) if USERNAME.match(username) else None
    if row is None or row.centre_code != actor.centre_code:
        raise NotFoundError(_("No existe el usuario {u} en este centro.").format(u=username),
                            "staff not found")
    return row


def _check_role(role: Role) -> None:
    if role not in STAFF_ROLES:
        raise ValidationError(_("Rol no válido para el personal de un centro."), "bad role",
                              field="role")
