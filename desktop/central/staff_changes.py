"""Staff accounts changed at a counter, applied at central.

A centre's database login has no INSERT or UPDATE on `staff` (desktop.central.roles): on
PostgreSQL every change goes through `ventanilla_apply_staff_change`, a SECURITY DEFINER
function owned by the schema owner. It checks what row-level security alone could not:

- the caller is a centre login, and the acting person is an active administrator of that
  centre (or the account's own holder changing nothing but their password hash);
- a new account starts at the caller's centre; an existing one must belong to it, and may
  be handed over to another existing centre (the transfer that row security refused,
  because the moved row is no longer visible to the centre that moves it);
- the role is one a centre's staff may hold.

The SQLite demo central has no logins: the same checks run here in Python (`check`), which
on PostgreSQL also give the station a precise Spanish reason before the function runs.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, text, update

from desktop.central.models import Centre, Staff
from desktop.domain.events import StaffChanged
from desktop.domain.roles import Role
from desktop.errors import VentanillaError
from desktop.i18n import _

FUNCTION = "ventanilla_apply_staff_change"
REFUSED_STATE = "VT002"
STAFF_ROLES = (Role.CLERK.value, Role.SUPERVISOR.value, Role.ADMINISTRATOR.value)
FIELDS = ("full_name", "role", "centre_code", "active", "password_hash")


class StaffRefused(VentanillaError):
    """The change breaks a rule of staff administration (recorded as a refusal)."""


def function_sql(schema: str) -> str:
    """The definer function; `schema` is already quoted (search_path pinned, pg_temp last)."""
    roles = ", ".join(f"'{role}'" for role in STAFF_ROLES)
    refuse = f"RAISE EXCEPTION USING ERRCODE = '{REFUSED_STATE}', MESSAGE ="
    return f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(
        p_acting text, p_username text, p_full_name text, p_role text, p_centre text,
        p_active boolean, p_password_hash text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    DECLARE
        caller text := ventanilla_current_centre();
        actor staff%ROWTYPE;
        target staff%ROWTYPE;
        admin boolean;
    BEGIN
        IF caller IS NULL THEN
            {refuse} 'staff changes come from a centre login';
        END IF;
        IF p_role IS NULL OR p_role NOT IN ({roles}) THEN
            {refuse} 'not a role of a centre''s staff';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM centres WHERE code = p_centre) THEN
            {refuse} 'unknown centre';
        END IF;
        SELECT * INTO actor FROM staff WHERE username = p_acting;
        admin := actor.username IS NOT NULL AND actor.active
                 AND actor.role = '{Role.ADMINISTRATOR.value}' AND actor.centre_code = caller;
        SELECT * INTO target FROM staff WHERE username = p_username FOR UPDATE;
        IF target.username IS NULL THEN
            IF NOT admin THEN
                {refuse} 'only an administrator of the centre creates accounts';
            END IF;
            IF p_centre <> caller THEN
                {refuse} 'a new account starts at the creating centre';
            END IF;
            INSERT INTO staff (username, full_name, role, centre_code, active, password_hash)
            VALUES (p_username, p_full_name, p_role, p_centre, p_active, p_password_hash);
            RETURN;
        END IF;
        IF target.centre_code <> caller THEN
            {refuse} 'the account belongs to another centre';
        END IF;
        IF NOT admin THEN
            IF p_acting <> p_username OR NOT target.active
               OR (p_full_name, p_role, p_centre, p_active)
                  IS DISTINCT FROM (target.full_name, target.role, target.centre_code,
                                    target.active) THEN
                {refuse} 'only an administrator of the centre changes accounts';
            END IF;
        ELSIF p_acting = p_username AND (p_role, p_centre, p_active)
              IS DISTINCT FROM (target.role, target.centre_code, target.active) THEN
            {refuse} 'an administrator does not change their own role, centre or state';
        END IF;
        UPDATE staff SET full_name = p_full_name, role = p_role, centre_code = p_centre,
                         active = p_active, password_hash = p_password_hash
        WHERE username = p_username;
    END $$"""


def apply(connection: Connection, acting: str, workstation_centre: str,
          person: StaffChanged) -> None:
    """Check, then write (the function on PostgreSQL, plain statements on SQLite)."""
    check(connection, acting, workstation_centre, person)
    values = {name: getattr(person, name) for name in FIELDS}
    if connection.dialect.name == "postgresql":
        connection.execute(text(
            f"SELECT {FUNCTION}(:acting, :username, :full_name, :role, :centre_code, "
            ":active, :password_hash)"), {"acting": acting, "username": person.username,
                                          **values})
        return
    exists = connection.scalar(select(Staff.username).where(
        Staff.username == person.username))
    if exists is None:
        connection.execute(insert(Staff).values(username=person.username, **values))
    else:
        connection.execute(update(Staff).where(Staff.username == person.username)
                           .values(**values))


def check(connection: Connection, acting: str, centre: str, person: StaffChanged) -> None:
    """The function's rules, with a Spanish reason (the SQLite demo relies on these alone)."""
    if person.role not in STAFF_ROLES:
        raise StaffRefused(_("Rol no válido para el personal de un centro."), "bad role")
    if connection.scalar(select(Centre.code).where(Centre.code == person.centre_code)) is None:
        raise StaffRefused(_("No existe el centro {c}.").format(c=person.centre_code),
                           "unknown centre")
    actor = connection.execute(select(Staff.role, Staff.centre_code, Staff.active).where(
        Staff.username == acting)).first()
    admin = (actor is not None and actor.active and actor.role == Role.ADMINISTRATOR.value
             and actor.centre_code == centre)
    target = connection.execute(select(*(getattr(Staff, name) for name in FIELDS)).where(
        Staff.username == person.username)).first()
    if target is None:
        if not admin:
            raise StaffRefused(_("Solo un administrador del centro crea cuentas."),
                               "create by a non-administrator")
        if person.centre_code != centre:
            raise StaffRefused(_("Una cuenta nueva empieza en el centro que la crea."),
                               "create at another centre")
        return
    if target.centre_code != centre:
        raise StaffRefused(_("La cuenta {u} pertenece a otro centro.").format(
            u=person.username), "account of another centre")
    unchanged = all(getattr(person, name) == getattr(target, name)
                    for name in ("full_name", "role", "centre_code", "active"))
    if not admin and not (acting == person.username and target.active and unchanged):
        raise StaffRefused(_("Solo un administrador del centro cambia las cuentas."),
                           "change by a non-administrator")
    if admin and acting == person.username and not all(
            getattr(person, name) == getattr(target, name)
            for name in ("role", "centre_code", "active")):
        raise StaffRefused(_("Un administrador no cambia su propio rol, centro ni estado."),
                           "administrator changing self")
