"""`ventanilla staff …`: the «Personal» page for IT staff at a terminal.

The same service and the same rules as the page (desktop.services.staff): the command signs
in as an administrator of this station's centre (`--user`; the password typed, or read from
VENTANILLA_PASSWORD for scripts, never printed nor taken from the command line). A change
is applied to this station at once and reaches central with the next sync, like one made on
the page.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli_args import centre_code
from desktop.config import Paths, load_settings
from desktop.errors import ValidationError
from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.services.staff import StaffMember

PASSWORD_ENV = "VENTANILLA_PASSWORD"
ROLES = ("oficinista", "supervisor", "administrador")


def add_commands(commands: Any) -> None:
    staff = commands.add_parser(
        "staff", help=_("personal del centro: listar, crear, trasladar, desactivar, cambiar rol"))
    actions = staff.add_subparsers(dest="staff_command", required=True, metavar="ACCION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        parser.add_argument("--user", required=True,
                            help=_("administrador que firma el cambio (clave en {env} o "
                                   "pedida en la terminal)").format(env=PASSWORD_ENV))
        parser.set_defaults(handler=_run, staff_action=name)
        return parser

    action("list", _("lista el personal del centro"))
    create = action("create", _("crea una cuenta (clave nueva en VENTANILLA_NEW_PASSWORD o "
                                "pedida dos veces)"))
    create.add_argument("username", metavar="USUARIO")
    create.add_argument("--full-name", required=True, help=_("nombres y apellidos"))
    create.add_argument("--role", required=True, choices=ROLES)
    move = action("move", _("traslada a una persona a otro centro"))
    move.add_argument("username", metavar="USUARIO")
    move.add_argument("--centre", required=True, type=centre_code,
                      help=_("código del centro de destino"))
    disable = action("disable", _("desactiva una cuenta"))
    disable.add_argument("username", metavar="USUARIO")
    enable = action("enable", _("vuelve a activar una cuenta"))
    enable.add_argument("username", metavar="USUARIO")
    role = action("role", _("cambia el rol de una persona"))
    role.add_argument("username", metavar="USUARIO")
    role.add_argument("--role", required=True, choices=ROLES)


def read_password(environ: Any = os.environ, stdin: Any = None) -> str:
    """The administrator's password: the environment (scripts), else typed (not echoed)."""
    if environ.get(PASSWORD_ENV):
        return str(environ[PASSWORD_ENV])
    if not (stdin or sys.stdin).isatty():
        raise ValidationError(
            _("Falta la clave del administrador: defina {env} o ejecute el comando en una "
              "terminal.").format(env=PASSWORD_ENV), "staff: no password and no terminal")
    return getpass.getpass(_("Clave de {user}: ").format(user="administrador"))


def _run(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.central.cli import read_new_password
    from desktop.domain.roles import Role
    from desktop.services.auth import sign_in
    from desktop.services.runtime import open_runtime
    from desktop.services.staff import StaffService

    password = read_password()
    runtime = open_runtime(load_settings(paths))
    try:
        service = StaffService(runtime, sign_in(runtime, args.user, password))
        action = args.staff_action
        if action == "list":
            members = service.members()
            for member in members:
                print(_line(member))
            print(_("{n} personas en el centro {centre}.").format(
                n=len(members), centre=runtime.settings.centre))
            return 0
        if action == "create":
            member = service.create(args.username, args.full_name, Role(args.role),
                                    read_new_password())
        elif action == "move":
            member = service.move_to_centre(args.username, args.centre)
        elif action in ("disable", "enable"):
            member = service.set_active(args.username, action == "enable")
        else:
            member = service.set_role(args.username, Role(args.role))
    finally:
        runtime.close()
    print(_line(member))
    print(_("Cambio guardado en esta estación; llega a la central con la próxima "
            "sincronización («ventanilla sync --once»)."))
    return 0


def _line(member: StaffMember) -> str:
    state = _("activo") if member.active else _("inactivo")
    return f"{member.username}\t{member.full_name}\t{member.role.label}\t" \
           f"{member.centre_code}\t{state}"
