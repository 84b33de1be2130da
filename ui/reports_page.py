"""«Reportes»: the transparency table, the backlog and the staff's work, for supervisors
and administrators (desktop.services.reports decides what each may see and where the
numbers come from; a refusal is shown as it comes).

The numbers are in tables, one tab each; the charts are in the report's own PDF (reportlab),
shown in the last tab exactly as it prints and exports. Everything is read and drawn on a
worker thread. «Exportar…» writes CSV, XLSX or PDF by the chosen name's extension.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.atomic import write_atomically
from desktop.clock import local, now
from desktop.domain.reporting import Month, Period
from desktop.domain.roles import Action, Actor, may
from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from desktop.reports.export import format_of, to_pdf
from desktop.reports.model import Report, Table
from desktop.services.reports import ReportService
from desktop.services.runtime import Runtime
from ui.style import Look, Tone, set_look, set_tone
from ui.tasks import TaskRunner
from ui.widgets.forms import MARGIN, buddy, message_label, named, show_message
from ui.widgets.pdf_viewer import PdfViewer

NATIONAL = ""  # the centre chooser's value for the whole country
FILE_NAMES = {"transparency": "transparencia", "backlog": "pendientes",
              "staff": "funcionarios"}


def _month_edit(name: str, accessible: str, month: Month) -> QDateEdit:
    edit = named(QDateEdit(QDate(month.year, month.month, 1)), name, accessible)
    edit.setDisplayFormat("yyyy-MM")
    edit.setCalendarPopup(True)
    inner = edit.findChild(QLineEdit)
    if inner is not None:  # what the keyboard actually edits
        named(inner, f"{name}.text", accessible)
    return edit


def _month(edit: QDateEdit) -> Month:
    return Month(edit.date().year(), edit.date().month())


class ReportsPage(QWidget):
    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reports.page")
        self.service = ReportService(runtime, actor)
        self.actor = actor
        self.tasks = tasks
        self.report: Report | None = None
        self._centres_loaded = False
        self._build()

    def _build(self) -> None:
        title = QLabel(_("Reportes"))
        set_look(title, Look.PAGE_TITLE)
        self.kind = named(QComboBox(), "reports.kind", _("Reporte"))
        self.kind.addItem(_("Transparencia (quejas y atenciones)"), "transparency")
        self.kind.addItem(_("Pendientes, plazos y acuerdos"), "backlog")
        if may(self.actor.role, Action.VIEW_STAFF_REPORT):
            self.kind.addItem(_("Por funcionario y ventanilla"), "staff")
        this_month = Month.of(now())
        first = this_month
        for _step in range(11):
            first = first.previous()
        self.first = _month_edit("reports.from", _("Primer mes"), first)
        self.last = _month_edit("reports.to", _("Último mes"), this_month)
        self.centre = named(QComboBox(), "reports.centre", _("Centro"))
        self.centre.addItem(_("Nacional (todos los centros)"), NATIONAL)
        self.generate = named(QPushButton(_("&Generar")), "reports.generate",
                              _("Generar el reporte"))
        self.generate.setDefault(True)
        self.export = named(QPushButton(_("E&xportar…")), "reports.export",
                            _("Exportar a CSV, XLSX o PDF"))
        self.export.setEnabled(False)
        self.about = named(QLabel(), "reports.about", _("Periodo, centro y origen de los datos"))
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(self.about, Tone.HINT)
        self.message = message_label("reports.message", _("Resultado"))
        self.tabs = named(QTabWidget(), "reports.tabs", _("Tablas y gráficos del reporte"))
        self.viewer = PdfViewer("reports.pdf", _("Gráficos y reporte en PDF"))

        for combo in (self.kind, self.centre):  # long centre names must not widen the page
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        choice, period = QHBoxLayout(), QHBoxLayout()
        for row, text, field in ((choice, _("&Reporte:"), self.kind),
                                 (choice, _("&Centro:"), self.centre),
                                 (period, _("D&esde:"), self.first),
                                 (period, _("&Hasta:"), self.last)):
            row.addWidget(buddy(text, field))
            row.addWidget(field, 1 if row is choice else 0)
        period.addStretch()
        period.addWidget(self.generate)
        period.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(title)
        layout.addLayout(choice)
        layout.addLayout(period)
        layout.addWidget(self.about)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        for first_widget, second in itertools.pairwise([
                self.kind, self.centre, self.first, self.last, self.generate, self.export,
                self.tabs]):
            QWidget.setTabOrder(first_widget, second)
        self.generate.clicked.connect(self.run)
        self.export.clicked.connect(self.choose_export)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        show_message(self.message, "")

    # --- choices -----------------------------------------------------------------------

    def reload(self) -> None:
        """Fill the centre chooser once (the cache's centres; own centre first)."""
        if self._centres_loaded:
            return
        service = self.service
        self.tasks.run(lambda _p, _c: service.centres(), owner=self,
                       on_success=self._centres, on_failure=self._failed)

    def _centres(self, centres: list[tuple[str, str]]) -> None:
        self._centres_loaded = True
        own = self.actor.centre_code
        for code, name in sorted(centres, key=lambda item: (item[0] != own, item[0])):
            self.centre.addItem(f"{code} — {name}", code)
        self.centre.setCurrentIndex(self.centre.findData(own))
        self._kind_changed()

    def _kind_changed(self) -> None:
        """The per-clerk report exists for one's own centre only."""
        staff = self.kind.currentData() == "staff"
        own = self.centre.findData(self.actor.centre_code)
        if staff and own >= 0:
            self.centre.setCurrentIndex(own)
        self.centre.setEnabled(not staff)

    # --- the report ----------------------------------------------------------------------

    def run(self) -> None:
        try:
            period = Period(_month(self.first), _month(self.last))
        except VentanillaError as error:
            show_message(self.message, error.user_message)
            return
        kind, centre = self.kind.currentData(), self.centre.currentData() or None
        service = self.service

        def work(_progress: Progress, _cancel: CancelToken) -> tuple[Report, bytes]:
            report = service.make(kind, period, centre)
            return report, to_pdf(report)

        self.generate.setEnabled(False)
        show_message(self.message, _("Preparando el reporte…"), Tone.HINT)
        self.tasks.run(work, owner=self, on_success=self._shown, on_failure=self._failed)

    def _shown(self, result: tuple[Report, bytes]) -> None:
        report, pdf = result
        self.report = report
        self.generate.setEnabled(True)
        self.export.setEnabled(True)
        show_message(self.message, "")
        lines = [f"{label}: {value}" for label, value in report.provenance()[1:]]
        self.about.setText(" · ".join(lines))
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None and widget is not self.viewer:
                widget.deleteLater()
        for index, table in enumerate(report.tables):
            self.tabs.addTab(self._table(table, index), table.title.split(" (")[0])
        self.tabs.addTab(self.viewer, _("Gráficos y PDF"))
        self.viewer.show_pdf(pdf)
        self.tabs.setCurrentIndex(min(max(current, 0), self.tabs.count() - 1))

    def _table(self, data: Table, index: int) -> QTableWidget:
        widget = named(QTableWidget(len(data.rows), len(data.headers)),
                       f"reports.table{index}", data.title)
        widget.setHorizontalHeaderLabels(list(data.headers))
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        widget.setTabKeyNavigation(False)
        widget.verticalHeader().hide()
        widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        widget.horizontalHeader().setStretchLastSection(True)
        for row, values in enumerate(data.rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem("—" if value is None else str(value))
                if isinstance(value, int | float):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                widget.setItem(row, column, item)
        if data.note:
            widget.setToolTip(data.note)
        return widget

    def _failed(self, message: str) -> None:
        self.generate.setEnabled(True)
        show_message(self.message, message)

    # --- export --------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.report is None:
            return
        dialog = QFileDialog(self, _("Exportar reporte"))
        dialog.setObjectName("reports.exportDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters(["CSV (*.csv)", "Excel (*.xlsx)", "PDF (*.pdf)"])
        dialog.setDefaultSuffix("csv")
        stamp = local(now()).strftime("%Y%m%d-%H%M")
        slug = FILE_NAMES.get(self.report.kind, "reporte")
        dialog.selectFile(f"{slug}-{stamp}.csv")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix(chosen.split("*.")[1].rstrip(")")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        report, service = self.report, self.service
        if report is None:
            return

        def work(_progress: Progress, _cancel: CancelToken) -> Path:
            data = service.export(report, format_of(path))
            try:
                write_atomically(path, data, mode=0o644)
            except OSError as error:
                raise VentanillaError(
                    _("No se pudo guardar el reporte: {error}").format(
                        error=error.strerror or error),
                    f"save report failed: {error.__class__.__name__}") from error
            return path

        self.tasks.run(work, owner=self, writes=True, on_failure=self._failed,
                       on_success=lambda saved: show_message(
                           self.message, _("Reporte guardado en {path}").format(path=saved),
                           Tone.OK))
