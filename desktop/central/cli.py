"""`ventanilla central add-login`: a database login for one centre, or for the back office.

Light at import (desktop.cli builds its parser before any command runs): the database
libraries are imported by the handler. The password never appears on the command line,
where other users and the shell history could read it: it comes from the environment
variable VENTANILLA_NEW_PASSWORD (for scripts) or is typed twice at a terminal, and it is
never printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from desktop.cli_args import central_url, centre_code
from desktop.errors import StorageError, ValidationError
from desktop.i18n import _

PASSWORD_ENV = "VENTANILLA_NEW_PASSWORD"


def add_commands(subparsers: Any) -> None:
    """Add the subcommands of this module to `ventanilla central`."""
    add = subparsers.add_parser(
        "add-login",
        help=_("crea o cambia el acceso a la base central de un centro o de la Dirección de "
               "Pensiones (clave en {env} o pedida en la terminal)").format(env=PASSWORD_ENV))
    add.add_argument("--url", required=True, type=central_url(),
                     help=_("base central, con la cuenta de su propietario: "
                            "postgresql+psycopg://propietario@servidor:5432/base"))
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--centre", type=centre_code, help=_("código del centro, p. ej. UIO01"))
    who.add_argument("--backoffice", action="store_true",
                     help=_("acceso de la Dirección de Pensiones"))
    add.add_argument("--login", required=True,
                     help=_("nombre del acceso: minúsculas, números y «_»"))
    add.set_defaults(handler=add_login_command)

    find = subparsers.add_parser(
        "find-cases", help=_("busca trámites de todo el país por nombre del solicitante "
                             "(Dirección de Pensiones)"))
    find.add_argument("--url", required=True,
                      help="postgresql+psycopg://usuario:clave@servidor:5432/base")
    find.add_argument("name", metavar="NOMBRE", help=_("partes del nombre, en cualquier orden"))
    find.set_defaults(handler=find_cases_command)


def read_new_password(environ: Mapping[str, str] = os.environ, stdin: TextIO | None = None,
                      ask: Callable[[str], str] = getpass.getpass) -> str:
    """The new password from the environment, else typed twice at a terminal."""
    if environ.get(PASSWORD_ENV):
        return environ[PASSWORD_ENV]
    if not (stdin or sys.stdin).isatty():
        raise ValidationError(
            _("Falta la clave: defina {env} o ejecute el comando en una terminal.").format(
                env=PASSWORD_ENV), "add-login: no password and no terminal")
    first = ask(_("Clave del acceso: "))
    if ask(_("Repita la clave: ")) != first:
        raise ValidationError(_("Las dos claves no coinciden."), "add-login: passwords differ")
    return first


def add_login_command(args: argparse.Namespace, _paths: object) -> int:
    from sqlalchemy.exc import DBAPIError

    from desktop.central.roles import create_login
    from desktop.db.engines import create_app_engine

    password = read_new_password()
    engine = create_app_engine(args.url)
    try:
        group = create_login(engine, None if args.backoffice else args.centre, args.login,
                             password)
    except DBAPIError as error:
        raise StorageError(
            _("La base central no aceptó el cambio: {detail}").format(
                detail=getattr(getattr(error.orig, "diag", None), "message_primary", None)
                or type(error.orig).__name__),
            f"add-login failed: {type(error.orig).__name__}") from None
    finally:
        engine.dispose()
    print(_("Acceso «{login}» listo en el grupo {group}. Configure las estaciones con "
            "«ventanilla init --central postgresql+psycopg://{login}:CLAVE@servidor/base».")
          .format(login=args.login, group=group))
    return 0


def find_cases_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.search import find_cases
    from desktop.db.engines import create_app_engine
    from desktop.domain.cases import CaseState
    from desktop.domain.identity import mask_cedula

    engine = create_app_engine(args.url)
    try:
        with engine.connect() as connection:
            found = find_cases(connection, args.name)
    finally:
        engine.dispose()
    for case in found:
        print(f"{case.case_number}  {case.registered_at:%Y-%m-%d}  {case.centre_code}  "
              f"{CaseState(case.state).label:<36}  {mask_cedula(case.cedula)}  "
              f"{case.applicant_name}")
    print(_("{n} trámites.").format(n=len(found)))
    return 0
