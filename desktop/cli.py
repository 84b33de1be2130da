"""Admin subcommands (`ventanilla SUBCOMMAND` or `python -m desktop SUBCOMMAND`).

No Qt here: the composition root hands subcommands over before importing it. Each
handler is a thin shell around a service; heavy imports wait until a command needs them.
"""

from __future__ import annotations

import argparse
import errno
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.acuerdo_cli import add_central_commands as add_acuerdo_central_commands
from desktop.acuerdo_cli import add_commands as add_acuerdo_commands
from desktop.capture.cli import add_commands as add_capture_commands
from desktop.central.cli import add_commands as add_central_commands
from desktop.cli_args import SpanishArgumentParser, central_url, centre_code, number, seconds
from desktop.cli_output import operator, write_output
from desktop.config import PAPER_FORMATS, Paths, load_settings
from desktop.errors import VentanillaError
from desktop.filemodes import restrict_new_files
from desktop.i18n import N_, _, ngettext, translate
from desktop.logs import configure_logging
from desktop.report_cli import add_commands as add_report_commands
from desktop.staff_cli import add_commands as add_staff_commands
from desktop.version import __version__

if TYPE_CHECKING:
    from desktop.services.printing import RenderedDocument
    from desktop.services.runtime import Runtime

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = SpanishArgumentParser(
        prog="ventanilla",
        description=_("Ventanilla IESS: reliquidación de pensiones (IESS-034-01-07). "
                      "Sin argumentos abre la aplicación."),
    )
    parser.add_argument("--version", action="version", version=f"ventanilla {__version__}",
                        help=_("muestra la versión y sale"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMANDO")
    add_capture_commands(commands)

    demo = commands.add_parser(
        "demo", help=_("crea la base de demostración y configura esta estación sobre ella"))
    demo.add_argument("--pensioners", type=number(10, 2_000_000), default=5000,
                      help=_("número de pensionistas (mínimo 10)"))
    demo.add_argument("--seed", type=number(0, 2**31), default=2026,
                      help=_("semilla de los datos"))
    demo.add_argument("--cases", type=number(0, 100_000), default=0,
                      help=_("registra además N trámites de demostración en esta estación"))
    demo.set_defaults(handler=_demo)

    printing = commands.add_parser("print", help=_("genera un documento en PDF"))
    documents = printing.add_subparsers(dest="document", required=True, metavar="DOCUMENTO")
    receipt = documents.add_parser("receipt", help=_("comprobante de recepción"))
    receipt.add_argument("case_number", metavar="NUMERO_DE_TRAMITE")
    receipt.add_argument("--out", type=Path, required=True, help=_("archivo PDF de salida"))
    receipt.add_argument("--format", choices=PAPER_FORMATS, default=None, dest="paper")
    receipt.set_defaults(handler=_print_receipt)
    status = documents.add_parser("status", help=_("hoja de estado de un trámite"))
    status.add_argument("query", metavar="CEDULA_O_TRAMITE")
    status.add_argument("--out", type=Path, required=True, help=_("archivo PDF de salida"))
    status.add_argument("--format", choices=PAPER_FORMATS, default=None, dest="paper")
    status.set_defaults(handler=_print_status)
    agreement = documents.add_parser("agreement", help=_("copia del acuerdo emitido"))
    agreement.add_argument("case_number", metavar="NUMERO_DE_TRAMITE")
    agreement.add_argument("--out", type=Path, required=True, help=_("archivo PDF de salida"))
    agreement.set_defaults(handler=_print_agreement)

    central = commands.add_parser("central", help=_("administración de la base central"))
    central_commands = central.add_subparsers(dest="central_command", required=True,
                                              metavar="ACCION")
    init_central = central_commands.add_parser(
        "init", help=_("crea o actualiza el esquema de la base central"))
    init_central.add_argument("--url", required=True, type=central_url(sqlite=True),
                              help="postgresql+psycopg://usuario:clave@servidor:5432/base")
    init_central.add_argument("--demo", action="store_true",
                              help=_("carga además los datos de referencia de demostración"))
    init_central.add_argument("--pensioners", type=number(10, 2_000_000), default=5000)
    init_central.add_argument(
        "--max-clock-skew", type=number(10, 86_400), default=None, metavar="SEGUNDOS",
        help=_("diferencia máxima entre el reloj de una estación y el del servidor (300)"))
    init_central.set_defaults(handler=_central_init)
    simulate = central_commands.add_parser(
        "simulate", help=_("simula la Dirección de Pensiones moviendo trámites"))
    simulate.add_argument("--workers", type=number(1, 64), default=2)
    simulate.add_argument("--seconds", type=seconds(0, 86_400), default=30.0)
    simulate.add_argument("--seed", type=number(0, 2**31), default=1)
    simulate.add_argument("--url", type=central_url(sqlite=True),
                          help=_("base central (por omisión, la de esta estación)"))
    simulate.add_argument("--email", action="store_true",
                          help=_("notifica por correo los acuerdos emitidos (si no, esperan la "
                                 "entrega en ventanilla)"))
    simulate.set_defaults(handler=_central_simulate)
    add_central_commands(central_commands)
    add_acuerdo_central_commands(central_commands)

    init = commands.add_parser("init", help=_("conecta esta estación a una base central"))
    init.add_argument("--central", required=True, type=central_url(),
                      help="postgresql+psycopg://usuario:clave@servidor:5432/base")
    init.add_argument("--centre", required=True, type=centre_code,
                      help=_("código del centro, p. ej. UIO01"))
    init.add_argument("--counter", type=number(1, 99), required=True,
                      help=_("número de ventanilla"))
    init.set_defaults(handler=_init)

    sync = commands.add_parser("sync", help=_("sincroniza con la base central"))
    sync.add_argument("--once", action="store_true", help=_("una sola ronda"))
    sync.add_argument("--interval", type=seconds(1, 86_400), default=30.0,
                      help=_("segundos entre rondas"))
    sync.set_defaults(handler=_sync)

    audit = commands.add_parser("audit", help=_("registro de auditoría"))
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="ACCION")
    audit_commands.add_parser(
        "verify", help=_("comprueba la cadena de auditoría; sale con 1 si está rota")
    ).set_defaults(handler=_audit_verify)

    update = commands.add_parser(
        "update", help=_("busca una versión nueva de Ventanilla y la deja lista para el "
                         "próximo inicio (si TI lo permite)"))
    update.set_defaults(handler=_update)

    verify = commands.add_parser(
        "verify", help=_("compara la base local con la central; sale con 1 si difieren"))
    verify.set_defaults(handler=_verify)
    add_staff_commands(commands)
    add_report_commands(commands)
    add_acuerdo_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    restrict_new_files()
    args = build_parser().parse_args(argv)
    try:
        paths = Paths.discover()
        configure_logging(paths.log_dir)
        return int(args.handler(args, paths) or 0)
    except VentanillaError as error:
        log.warning("command %s failed: %s", args.command, error.log_message)
        print(f"Error: {error.user_message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Cancelado."), file=sys.stderr)
        return 130
    except OSError as error:  # a folder or file of this station that cannot be used
        log.warning("command %s failed: %s", args.command, type(error).__name__)
        print(_("Error: no se puede usar {path}: {error}").format(
            path=error.filename or _("una carpeta de Ventanilla"),
            error=os_problem(error)), file=sys.stderr)
        return 1
    except Exception as error:  # the last resort: a Spanish line, the detail in the log
        log.exception("command %s failed unexpectedly", args.command)
        print(_("Error inesperado ({kind}); el detalle quedó en el registro de Ventanilla.")
              .format(kind=type(error).__name__), file=sys.stderr)
        return 1


_OS_PROBLEMS = {
    errno.EROFS: N_("el disco es de solo lectura"),
    errno.EACCES: N_("no hay permiso"),
    errno.EPERM: N_("no hay permiso"),
    errno.ENOSPC: N_("el disco está lleno"),
    errno.ENOENT: N_("no existe"),
    errno.EEXIST: N_("ya existe algo con ese nombre"),
    errno.ENOTDIR: N_("una parte de la ruta no es una carpeta"),
    errno.EISDIR: N_("es una carpeta"),
}


def os_problem(error: OSError) -> str:
    """What the operating system said, in Spanish (its own text is in English)."""
    known = _OS_PROBLEMS.get(error.errno or 0)
    return translate(known) if known else error.strerror or type(error).__name__


def _terminal_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        shown = f"{done:,}/{total:,}" if total else f"{done:,}"
        print(f"\r{label} {shown}    ", end="", file=sys.stderr, flush=True)


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _demo(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.demo import setup_demo
    from desktop.services.demo_cases import add_bulk_demo_cases, register_demo_cases
    from desktop.services.runtime import open_runtime

    settings = load_settings(paths)
    if not settings.central_url:
        result = setup_demo(paths, pensioners=args.pensioners, seed=args.seed,
                            progress=_terminal_progress)
        _end_progress()
        settings = result.settings
        print(_("Datos de demostración listos en {folder}").format(folder=paths.data_dir))
        print(_("Modo de demostración: datos ficticios; la base local y los documentos no se "
                "cifran y no se usa el almacén de contraseñas."))
        print(_("Estación: centro {centre}, ventanilla {counter}").format(
            centre=settings.centre, counter=settings.counter))
        for login in result.logins:
            print(_("usuario: {user}  clave: {password}  rol: {role}").format(
                user=login.username, password=login.password, role=login.role.value))
        samples = result.samples
        print(_("elegible: {cedula}").format(cedula=samples.eligible))
        print(_("aportes pendientes: {cedula}").format(cedula=samples.pending_contributions))
        print(_("pensión suspendida: {cedula}").format(cedula=samples.suspended))
        print(_("no es pensionista: {cedula}").format(cedula=samples.not_pensioner))
    if args.cases:
        runtime = open_runtime(settings)
        seed = f"{args.seed}-{time.time_ns()}"
        try:
            if settings.central_url:  # a real central: through the services and the outbox
                made = register_demo_cases(runtime, args.cases, seed=seed,
                                           progress=_terminal_progress)
            else:  # the embedded demo: in bulk at its central, then pulled
                made = add_bulk_demo_cases(runtime, args.cases, seed=seed,
                                           progress=_terminal_progress)
        finally:
            runtime.close()
        _end_progress()
        if settings.central_url:
            done = ngettext("{n} trámite registrado en {station}; se enviará al sincronizar.",
                            "{n} trámites registrados en {station}; se enviarán al sincronizar.",
                            made.registered)
        else:
            done = ngettext("{n} trámite de {station} en la central de demostración, ya recibido "
                            "en esta estación.",
                            "{n} trámites de {station} en la central de demostración, ya "
                            "recibidos en esta estación.", made.registered)
        print(done.format(n=made.registered, station=settings.workstation),
              _("Derivados: {d}.").format(d=made.derived))
    return 0


def _update(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.machine import load_machine_settings
    from desktop.updates import REFUSED, UNREACHABLE, check_for_update

    result = check_for_update(paths, load_machine_settings())
    print(result.message)
    return 1 if result.status in (REFUSED, UNREACHABLE) else 0


def _print_document(paths: Paths, out: Path,
                    make: Callable[[Runtime], tuple[Any, RenderedDocument]]) -> int:
    """Render with `make(runtime) -> (service, RenderedDocument)`, write it and log the export
    (a file is not a printed copy: the next paper copy is still the original)."""
    from desktop.services.runtime import open_runtime

    runtime = open_runtime(load_settings(paths))
    try:
        service, rendered = make(runtime)
        write_output(out, rendered.pdf)
        service.record_export(rendered, out.name)
    finally:
        runtime.close()
    print(_("{document} del trámite {number} guardado en {path}").format(
        document=rendered.document, number=rendered.case_number, path=out))
    return 0


def _print_receipt(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.receipts import ReceiptService

    def make(runtime: Runtime) -> tuple[Any, RenderedDocument]:
        service = ReceiptService(runtime, operator(runtime.settings.centre))
        return service, service.render(args.case_number, args.paper)

    return _print_document(paths, args.out, make)


def _print_status(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.case_documents import CaseDocumentService
    from desktop.services.status import StatusService

    def make(runtime: Runtime) -> tuple[Any, RenderedDocument]:
        actor = operator(runtime.settings.centre)
        found = StatusService(runtime, actor).search(args.query).cases
        if not found:
            raise VentanillaError(_("No hay trámites para «{q}» en esta estación.").format(
                q=args.query), "print status: nothing found")
        service = CaseDocumentService(runtime, actor)
        return service, service.status_slip(found[0].case_number, args.paper)

    return _print_document(paths, args.out, make)


def _print_agreement(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.case_documents import CaseDocumentService

    def make(runtime: Runtime) -> tuple[Any, RenderedDocument]:
        service = CaseDocumentService(runtime, operator(runtime.settings.centre))
        return service, service.agreement(args.case_number)

    return _print_document(paths, args.out, make)


def _central_init(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.setup import init_central

    ready = init_central(args.url, demo=args.demo, pensioners=args.pensioners,
                         progress=_terminal_progress, max_clock_skew=args.max_clock_skew)
    _end_progress()
    print(_("Base central lista ({state}).").format(
        state=_("esquema actualizado") if ready.migrated else _("ya estaba al día")))
    if ready.centre_roles:
        print(_("Roles de centro: {roles}. Cree los accesos con «ventanilla central "
                "add-login».").format(roles=", ".join(ready.centre_roles)))
    if ready.samples is not None:
        from desktop.services.demo import DEMO_LOGINS

        for login in DEMO_LOGINS:
            print(f"usuario: {login.username}  clave: {login.password}  rol: {login.role.value}")
        print(f"elegible: {ready.samples.eligible}")
    return 0


def _central_simulate(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.backoffice import simulate_back_office

    report = simulate_back_office(paths, args.url, args.workers, args.seconds,
                                  seed=args.seed, email=args.email)
    moves = ", ".join(f"{state}: {n}" for state, n in sorted(report.transitions.items()))
    print(_("Dirección de Pensiones simulada: {n} movimientos ({moves}); {e} errores.").format(
        n=report.total, moves=moves or "—", e=report.errors))
    return 1 if report.errors else 0


def _init(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.setup import init_workstation

    settings = init_workstation(paths, args.central, args.centre, args.counter,
                                progress=_terminal_progress)
    _end_progress()
    print(_("Estación {station} conectada a la base central y con datos al día.").format(
        station=settings.workstation))
    return 0


def _sync(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.runtime import open_runtime
    from desktop.services.sync import SyncService

    runtime = open_runtime(load_settings(paths))
    service = SyncService(runtime)
    try:
        while True:
            report = service.run(progress=_terminal_progress)
            _end_progress()
            overview = service.overview()
            line = f"{report.message} " + _("Pendientes: {p}; rechazados: {r}.").format(
                p=overview.pending, r=overview.refused)
            complete = report.online and not report.deferred
            print(line, file=sys.stdout if complete else sys.stderr, flush=True)
            if args.once:
                return 0 if complete else 1
            time.sleep(args.interval)
    finally:
        runtime.close()


def _audit_verify(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.audit_check import verify_audit

    report = verify_audit(load_settings(paths))
    result = report.check
    if result.intact:
        line = _("Cadena de auditoría íntegra: {n} entradas; {a} anclajes en la central.").format(
            n=result.checked, a=report.anchors)
        if report.earlier_chains:
            line += " " + _("La central guarda además {n} cadenas anteriores de esta estación "
                            "(configuraciones previas).").format(n=report.earlier_chains)
        if report.offline:
            line += _(" (sin conexión: no se compararon los anclajes de la central)")
        print(line)
        return 0
    print(_("Cadena de auditoría rota en la entrada {id}: {problem}.").format(
        id=result.broken_at, problem=result.problem), file=sys.stderr)
    return 1


def _verify(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.runtime import open_runtime
    from desktop.services.sync import SyncService

    runtime = open_runtime(load_settings(paths))
    try:
        report = SyncService(runtime).verify()
    finally:
        runtime.close()
    for line in report.differences:
        print(line)
    compared = sum(report.compared.values())
    if report.clean:
        print(ngettext("Sin diferencias: {n} fila comparada.",
                       "Sin diferencias: {n} filas comparadas.", compared).format(n=compared))
        return 0
    found = len(report.differences)
    print(ngettext("{d} diferencia", "{d} diferencias", found).format(d=found) + " "
          + ngettext("({n} fila comparada).", "({n} filas comparadas).", compared).format(
              n=compared))
    return 1
