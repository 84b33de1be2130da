"""Logins at the central PostgreSQL: one per centre's workstations, or the back office's.

A login is a plain LOGIN role in exactly one group (a centre's role, or the back office);
never an owner, a superuser or a role that can create others (desktop.central.roles)."""

from __future__ import annotations

import logging
from typing import Any

from psycopg import sql
from sqlalchemy import Connection, Engine, select

from desktop.central.models import Centre
from desktop.central.roles import (
    BACKOFFICE_GROUP,
    COUNTER_GROUP,
    LOGIN_NAME,
    MIN_PASSWORD,
    POLICY_PREFIX,
    centre_role,
    driver_errors,
    driver_of,
    ensure_centre_role,
)
from desktop.errors import StorageError, ValidationError
from desktop.i18n import _

log = logging.getLogger(__name__)


def create_login(engine: Engine, centre: str | None, login: str, password: str) -> str:
    """A LOGIN role for one centre's workstations, or for the back office (`centre` None).

    The password is hashed here by libpq (SCRAM), so the server and its statement log never
    see it in clear. An existing login gets the new password, but only if it already is a
    plain login of the same centre: this never changes an administrator's account or moves
    a login between centres. Returns the group role the login belongs to.
    """
    if engine.dialect.name != "postgresql":
        raise ValidationError(_("Los accesos por centro existen solo en PostgreSQL."),
                              "create_login: not PostgreSQL")
    if not LOGIN_NAME.match(login) or login.startswith(POLICY_PREFIX):
        raise ValidationError(
            _("El nombre del acceso lleva de 3 a 63 minúsculas, números o «_», empieza con "
              "una letra y no con «ventanilla_»."), "create_login: invalid name", field="login")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            _("La clave debe tener al menos {n} caracteres.").format(n=MIN_PASSWORD),
            "create_login: password too short", field="password")
    with driver_errors(), engine.begin() as connection:
        driver = driver_of(connection)
        group = _login_group(connection, driver, centre)
        verifier = driver.pgconn.encrypt_password(password.encode(), login.encode(), None)
        name, secret = sql.Identifier(login), sql.Literal(verifier.decode())
        if _existing_login(driver, login, group):
            driver.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(name, secret))
        else:
            driver.execute(sql.SQL(
                "CREATE ROLE {} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
                "PASSWORD {} IN ROLE {}").format(name, secret, sql.Identifier(group)))
    log.info("central login set for %s", group)
    return group


def _login_group(connection: Connection, driver: Any, centre: str | None) -> str:
    present = {row[0] for row in driver.execute(
        "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY(%s)",
        ([COUNTER_GROUP, BACKOFFICE_GROUP],))}
    if present != {COUNTER_GROUP, BACKOFFICE_GROUP}:
        raise StorageError(_("Ejecute primero «ventanilla central init» en esta base."),
                           "create_login: groups missing")
    if centre is None:
        return BACKOFFICE_GROUP
    code = centre.strip().upper()
    centre_role(code)  # a valid code, before it is used in a query
    if connection.scalar(select(Centre.code).where(Centre.code == code)) is None:
        raise ValidationError(
            _("El centro {centre} no existe en la base central.").format(centre=code),
            "create_login: unknown centre", field="centre")
    return ensure_centre_role(driver, code)


def _existing_login(driver: Any, login: str, group: str) -> bool:
    """False when `login` is free; True when it is a plain login of `group`; else refuse."""
    row = driver.execute(
        "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls "
        "OR r.rolreplication, array(SELECT g.rolname FROM pg_catalog.pg_auth_members AS m "
        "JOIN pg_catalog.pg_roles AS g ON g.oid = m.roleid WHERE m.member = r.oid) "
        "FROM pg_catalog.pg_roles AS r WHERE r.rolname = %s", (login,)).fetchone()
    if row is None:
        return False
    privileged, memberships = row
    if privileged or list(memberships) != [group]:
        raise ValidationError(
            _("Ya existe en el servidor un rol «{login}» que no es un acceso de {group}; "
              "elija otro nombre.").format(login=login, group=group),
            "create_login: name taken by another role", field="login")
    return True
