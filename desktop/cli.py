"""Admin subcommands (`ventanilla SUBCOMMAND` or `python -m desktop SUBCOMMAND`).

No Qt here: the composition root hands subcommands over before importing it.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.config import PAPER_FORMATS, Paths, load_settings
from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.logs import configure_logging

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ventanilla",
        description=_("Ventanilla IESS: reliquidación de pensiones (IESS-034-01-07). "
                      "Sin argumentos abre la aplicación."),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMANDO")

    demo = commands.add_parser(
        "demo", help=_("crea la base de demostración y configura esta estación sobre ella")
    )
    demo.add_argument("--pensioners", type=_at_least(10), default=5000,
                      help=_("número de pensionistas (mínimo 10)"))
    demo.add_argument("--seed", type=int, default=2026, help=_("semilla de los datos"))
    demo.set_defaults(handler=_demo)

    printing = commands.add_parser("print", help=_("genera un documento en PDF"))
    documents = printing.add_subparsers(dest="document", required=True, metavar="DOCUMENTO")
    receipt = documents.add_parser("receipt", help=_("comprobante de recepción"))
    receipt.add_argument("case_number", metavar="NUMERO_DE_TRAMITE")
    receipt.add_argument("--out", type=Path, required=True, help=_("archivo PDF de salida"))
    receipt.add_argument("--format", choices=PAPER_FORMATS, default=None, dest="paper")
    receipt.set_defaults(handler=_print_receipt)
    return parser


def _at_least(minimum: int):
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(_("debe ser al menos {n}").format(n=minimum))
        return value

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = Paths.discover()
    configure_logging(paths.log_dir)
    try:
        return int(args.handler(args, paths) or 0)
    except VentanillaError as error:
        log.warning("command %s failed: %s", args.command, error.log_message)
        print(f"Error: {error.user_message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Cancelado."), file=sys.stderr)
        return 130


def _terminal_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        shown = f"{done:,}/{total:,}" if total else f"{done:,}"
        print(f"\r{label} {shown}", end="", file=sys.stderr, flush=True)


def _demo(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.demo import setup_demo

    result = setup_demo(
        paths, pensioners=args.pensioners, seed=args.seed, progress=_terminal_progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(_("Datos de demostración listos en {folder}").format(folder=paths.data_dir))
    print(_("Estación: centro {centre}, ventanilla {counter}").format(
        centre=result.settings.centre, counter=result.settings.counter))
    for login in result.logins:
        print(f"usuario: {login.username}  clave: {login.password}  rol: {login.role.value}")
    samples = result.samples
    print(f"elegible: {samples.eligible}")
    print(f"aportes pendientes: {samples.pending_contributions}")
    print(f"pensión suspendida: {samples.suspended}")
    print(f"no es pensionista: {samples.not_pensioner}")
    return 0


def _print_receipt(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.domain.roles import Actor, Role
    from desktop.services.receipts import ReceiptService
    from desktop.services.runtime import open_runtime

    runtime = open_runtime(load_settings(paths))
    try:
        operator = Actor(f"cli:{getpass.getuser()}", _("Línea de comandos"), Role.ADMINISTRATOR,
                         runtime.settings.centre)
        service = ReceiptService(runtime, operator)
        receipt = service.render(args.case_number, args.paper)
        _write_atomically(args.out, receipt.pdf)
        service.record_print(receipt, f"archivo:{args.out.name}")
    finally:
        runtime.close()
    print(_("Comprobante {number} (copia {copy}) guardado en {path}").format(
        number=receipt.case_number, copy=receipt.copy_number, path=args.out))
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise VentanillaError(
            _("No se pudo escribir {path}: {error}").format(path=path,
                                                            error=error.strerror or error),
            f"output not writable: {error.__class__.__name__}",
        ) from error
