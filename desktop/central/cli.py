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

    holidays = subparsers.add_parser(
        "holidays", help=_("tabla de feriados (nacionales y cantonales) que usan los centros"))
    holiday_commands = holidays.add_subparsers(dest="holiday_command", required=True,
                                               metavar=_("ACCIÓN"))
    listing = holiday_commands.add_parser("list", help=_("lista los feriados vigentes"))
    listing.add_argument("--url", required=True, type=central_url(sqlite=True))
    listing.add_argument("--year", type=int, help=_("solo ese año"))
    listing.add_argument("--centre", type=centre_code,
                         help=_("incluye los feriados cantonales de ese centro"))
    listing.set_defaults(handler=list_holidays_command)
    adding = holiday_commands.add_parser("add", help=_("agrega un día de descanso"))
    adding.add_argument("--url", required=True, type=central_url(sqlite=True))
    adding.add_argument("day", metavar=_("FECHA"), help=_("AAAA-MM-DD"))
    adding.add_argument("name", metavar=_("NOMBRE"))
    adding.add_argument("--source", required=True,
                        help=_("decreto, ley u ordenanza que lo establece"))
    adding.add_argument("--centre", type=centre_code,
                        help=_("feriado cantonal de ese centro (sin él: nacional)"))
    adding.add_argument("--assumed", action="store_true",
                        help=_("la fuente no lo confirma todavía (supuesto)"))
    adding.set_defaults(handler=add_holiday_command)
    withdraw = holiday_commands.add_parser("withdraw", help=_("retira un feriado por su número"))
    withdraw.add_argument("--url", required=True, type=central_url(sqlite=True))
    withdraw.add_argument("id", type=int, metavar=_("NÚMERO"))
    withdraw.set_defaults(handler=withdraw_holiday_command)
    notify = subparsers.add_parser(
        "notify", help=_("registra que el acuerdo llegó al ciudadano (Dirección de Pensiones); "
                         "después el trámite puede archivarse"))
    notify.add_argument("--url", required=True, type=central_url(sqlite=True))
    notify.add_argument("case_number", metavar=_("TRÁMITE"))
    notify.add_argument("--via", choices=("correo", "ventanilla"), default="correo",
                        help=_("canal de la notificación"))
    notify.add_argument("--on", metavar=_("FECHA"), help=_("AAAA-MM-DD (por omisión, hoy)"))
    notify.set_defaults(handler=notify_command)
    zone = subparsers.add_parser(
        "centre-zone", help=_("zona horaria de un centro (America/Guayaquil o Pacific/Galapagos)"))
    zone.add_argument("--url", required=True, type=central_url(sqlite=True))
    zone.add_argument("centre", type=centre_code, metavar=_("CENTRO"))
    zone.add_argument("zone", metavar=_("ZONA"))
    zone.set_defaults(handler=centre_zone_command)


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

    from desktop.central.logins import create_login
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


def _with_central(url: str, work: Callable[[Any], int]) -> int:
    from desktop.db.engines import create_app_engine, writer

    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:
            return work(connection)
    finally:
        engine.dispose()


def list_holidays_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.holidays import list_holidays

    def work(connection: Any) -> int:
        found = list_holidays(connection, args.year, args.centre)
        for line in found:
            where = line.centre_code or _("nacional")
            assumed = " " + _("[supuesto]") if line.assumed else ""
            print(f"{line.id:>5}  {line.day.isoformat()}  {where:<8}  {line.name}  "
                  f"— {line.source}{assumed}")
        print(_("{n} feriados.").format(n=len(found)))
        return 0
    return _with_central(args.url, work)


def add_holiday_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.holidays import add_holiday, parse_day

    day = parse_day(args.day)  # before opening anything

    def work(connection: Any) -> int:
        number = add_holiday(connection, day, args.name, args.source, args.centre, args.assumed)
        print(_("Feriado {n} agregado: {day}. Las estaciones lo reciben en la próxima "
                "sincronización.").format(n=number, day=day.isoformat()))
        return 0
    return _with_central(args.url, work)


def withdraw_holiday_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.holidays import withdraw_holiday

    def work(connection: Any) -> int:
        withdraw_holiday(connection, args.id)
        print(_("Feriado {n} retirado.").format(n=args.id))
        return 0
    return _with_central(args.url, work)


def centre_zone_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.holidays import check_time_zone, set_time_zone

    zone = check_time_zone(args.zone)

    def work(connection: Any) -> int:
        set_time_zone(connection, args.centre, zone)
        print(_("Centro {code}: zona horaria {zone}.").format(code=args.centre, zone=zone))
        return 0
    return _with_central(args.url, work)


def notify_command(args: argparse.Namespace, _paths: object) -> int:
    from desktop.central.backoffice import record_notification
    from desktop.central.holidays import parse_day
    from desktop.domain.numbering import parse_case_number

    number = str(parse_case_number(args.case_number))
    on = parse_day(args.on) if args.on else None

    def work(connection: Any) -> int:
        if not record_notification(connection, number, args.via.upper(), on):
            raise ValidationError(_("No existe el trámite {number} en la central.").format(
                number=number), "notify: unknown case")
        print(_("Trámite {number}: acuerdo notificado ({via}).").format(number=number,
                                                                         via=args.via))
        return 0
    return _with_central(args.url, work)
