"""`ventanilla report transparency|backlog|staff`: the «Reportes» page at a terminal.

`--month YYYY-MM` (and `--to YYYY-MM` for several months); `--centre CODE`, or the whole
country when central can be reached (otherwise the station's centre from its cache, and the
file says so); `--out` names the file, its extension the format (.csv, .xlsx, .pdf). The
command acts as an administrator of this station's centre, as the print commands do, so the
per-clerk report is available for this centre only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli_args import centre_code
from desktop.config import Paths, load_settings
from desktop.i18n import N_, _, translate

KINDS = {
    "transparency": N_("quejas y atenciones por mes, como se publican (Año-Mes, Volumen de "
                       "Quejas, Volumen de Atenciones)"),
    "backlog": N_("pendientes por estado y antigüedad, fuera de plazo, acuerdos por mes"),
    "staff": N_("atenciones, registros y tiempos por funcionario y por ventanilla"),
}


def add_commands(commands: Any) -> None:
    report = commands.add_parser("report", help=_("reportes de supervisión en CSV, XLSX o PDF"))
    kinds = report.add_subparsers(dest="report_kind", required=True, metavar="REPORTE")
    for kind, help_text in KINDS.items():
        parser = kinds.add_parser(kind, help=translate(help_text))
        parser.add_argument("--month", required=True, metavar="AAAA-MM",
                            help=_("mes del reporte (el primero, con --to)"))
        parser.add_argument("--to", metavar="AAAA-MM", help=_("último mes del periodo"))
        parser.add_argument("--centre", type=centre_code, default=None,
                            help=_("código del centro; sin él, todo el país"))
        parser.add_argument("--out", type=Path, required=True,
                            help=_("archivo de salida: .csv, .xlsx o .pdf"))
        parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.cli_output import operator, write_output
    from desktop.domain.reporting import Month, Period
    from desktop.reports.export import format_of
    from desktop.services.reports import ReportService
    from desktop.services.runtime import open_runtime

    kind = format_of(args.out)
    first = Month.parse(args.month)
    period = Period(first, Month.parse(args.to) if args.to else first)
    runtime = open_runtime(load_settings(paths))
    try:
        service = ReportService(runtime, operator(runtime.settings.centre))
        report = service.make(args.report_kind, period, args.centre)
        write_output(args.out, service.export(report, kind))
    finally:
        runtime.close()
    print(_("{title} ({centre}, {period}) guardado en {path}").format(
        title=report.title, centre=report.centre, period=report.period, path=args.out))
    for note in report.notes:
        print(note)
    return 0
