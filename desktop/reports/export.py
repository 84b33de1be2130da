"""A report as a file: CSV, XLSX (openpyxl) or PDF (desktop.documents.report).

Every format carries the same tables and the same provenance (period, centre, time of
generation, the sync time the numbers rest on):

- CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the accents): the first
  row is the first table's header exactly as published — for the transparency table
  `Año-Mes,Volumen de Quejas,Volumen de Atenciones` —, then its rows; further tables
  follow after an empty row, each under its title; the provenance comes last, after an
  empty row, as «label,value» rows, so a program reading the table stops at the blank line.
- XLSX: one sheet per table (header in row 1, numbers as numbers) and a «Datos» sheet with
  the provenance.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.reports.model import Report

FORMATS = ("csv", "xlsx", "pdf")


def to_csv(report: Report) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for index, data in enumerate(report.tables):
        if index:
            writer.writerow([])
            writer.writerow([data.title])
        writer.writerow(data.headers)
        writer.writerows(["" if value is None else value for value in row] for row in data.rows)
    writer.writerow([])
    writer.writerows(report.provenance())
    return buffer.getvalue().encode("utf-8-sig")


_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_UNSAFE.sub(" ", title).strip()[:28] or "Tabla"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:25]} ({n})", n + 1
    taken.add(name.lower())
    return name


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    default = book.active  # the empty sheet a new workbook starts with
    if default is not None:
        book.remove(default)
    taken: set[str] = set()
    for data in report.tables:
        sheet = book.create_sheet(_sheet_name(data.title, taken))
        sheet.append(list(data.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in data.rows:
            sheet.append(list(row))
        for index, header in enumerate(data.headers, start=1):
            width = max([len(str(header)), *(len(str(row[index - 1] or "")) for row in data.rows)])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
        if data.note:
            sheet.append([])
            sheet.append([data.note])
    about = book.create_sheet(_sheet_name(_("Datos del reporte"), taken))
    for label, value in report.provenance():
        about.append([label, value])
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 70
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_pdf(report: Report) -> bytes:
    from desktop.documents.report import render_report

    return render_report(report)


WRITERS: dict[str, Callable[[Report], bytes]] = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}


def format_of(path: Path) -> str:
    """The export format from the file name, or a Spanish refusal."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in WRITERS:
        raise ValidationError(
            _("El archivo debe terminar en .csv, .xlsx o .pdf."), "report: unknown format",
            field="out")
    return kind


def render(report: Report, kind: str) -> bytes:
    return WRITERS[kind](report)
