"""Receipt preview and printing: through the print dialog, straight to the configured
printer, or saved as PDF. Every copy is counted and logged by the receipt service."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Actor
from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from desktop.services.receipts import ReceiptService, RenderedReceipt
from desktop.services.runtime import Runtime
from ui.printing import load_pdf, print_pdf, printer_named
from ui.tasks import Task, TaskRunner
from ui.widgets.forms import HINT_STYLE, OK_STYLE, message_label, named, show_message

PAPERS = (("a4", "A4"), ("80mm", _("Ticket 80 mm")))


class ReceiptDialog(QDialog):
    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, case_number: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("receipt.dialog")
        self.setWindowTitle(_("Comprobante de recepción {number}").format(number=case_number))
        self.setAccessibleName(self.windowTitle())
        self.service = ReceiptService(runtime, actor)
        self.settings = runtime.settings
        self.tasks = tasks
        self.case_number = case_number
        self.receipt: RenderedReceipt | None = None
        self._document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self._job: Task | None = None
        self._build()
        self.resize(720, 860)
        self.render_preview()

    def _build(self) -> None:
        self.view = named(QPdfView(self), "receipt.view", _("Vista previa del comprobante"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.paper = named(QComboBox(), "receipt.format", _("Formato de papel"))
        for value, label in PAPERS:
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.settings.paper_format)))
        self.copy_info = named(QLabel(), "receipt.copyInfo", _("Copia"))
        printer = self.settings.receipt_printer
        self.print_dialog = named(QPushButton(_("&Imprimir…")), "receipt.print",
                                  _("Imprimir eligiendo impresora"))
        self.print_direct = named(
            QPushButton(_("Imprimir en «{name}»").format(name=printer) if printer
                        else _("Sin impresora configurada")),
            "receipt.printDirect", _("Imprimir en la impresora configurada"), "Ctrl+P")
        self.print_direct.setShortcut(QKeySequence("Ctrl+P"))
        self.print_direct.setEnabled(bool(printer))
        self.save = named(QPushButton(_("&Guardar PDF…")), "receipt.save",
                          _("Guardar el comprobante como PDF"), "Ctrl+S")
        self.save.setShortcut(QKeySequence("Ctrl+S"))
        self.close_button = named(QPushButton(_("Cerrar")), "receipt.close", _("Cerrar"))
        self.progress = named(QProgressBar(), "receipt.progress", _("Progreso de impresión"))
        self.cancel = named(QPushButton(_("Cancelar impresión")), "receipt.cancel",
                            _("Cancelar impresión"))
        self.message = message_label("receipt.message", _("Mensaje de impresión"))

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Papel:")))
        top.addWidget(self.paper)
        top.addWidget(self.copy_info, 1)
        buttons = QHBoxLayout()
        for button in (self.print_direct, self.print_dialog, self.save):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        working = QHBoxLayout()
        working.addWidget(self.progress, 1)
        working.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(working)
        layout.addLayout(buttons)

        self.paper.currentIndexChanged.connect(lambda _index: self.render_preview())
        self.print_dialog.clicked.connect(self.print_with_dialog)
        self.print_direct.clicked.connect(self.print_to_configured)
        self.save.clicked.connect(self.choose_save_path)
        self.close_button.clicked.connect(self.reject)
        self.cancel.clicked.connect(self._cancel_job)
        self._set_working(False)
        show_message(self.message, "")
        (self.print_direct if printer else self.print_dialog).setDefault(True)

    # --- preview -----------------------------------------------------------------------

    def render_preview(self) -> None:
        paper = self.paper.currentData()
        self._set_working(True, _("Preparando el comprobante…"))
        self.tasks.run(lambda _p, _c: self.service.render(self.case_number, paper),
                       on_success=self._show, on_failure=self._failed)

    def _show(self, receipt: RenderedReceipt) -> None:
        self.receipt = receipt
        self._document, self._buffer = load_pdf(receipt.pdf)
        self._document.setParent(self)
        self.view.setDocument(self._document)
        if receipt.is_reprint:
            self.copy_info.setText(_("Reimpresión {n} (ya se imprimieron {copies} copias)")
                                   .format(n=receipt.copy_number - 1,
                                           copies=receipt.copy_number - 1))
            self.print_dialog.setText(_("&Reimprimir…"))
        else:
            self.copy_info.setText(_("Original (aún no impreso)"))
        self._set_working(False)

    # --- output ------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        if self.receipt is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("receipt.printDialogWindow")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._print(printer, printer.printerName())

    def print_to_configured(self) -> None:
        if self.receipt is None:
            return
        try:
            printer = printer_named(self.settings.receipt_printer)
        except VentanillaError as error:
            show_message(self.message, error.user_message)
            return
        self._print(printer, self.settings.receipt_printer)

    def _print(self, printer: QPrinter, name: str) -> None:
        receipt = self.receipt
        assert receipt is not None
        title = _("Comprobante {number}").format(number=receipt.case_number)

        def work(progress: Progress, cancel: CancelToken) -> RenderedReceipt:
            print_pdf(receipt.pdf, printer, title, progress, cancel)
            self.service.record_print(receipt, f"impresora:{name}")
            return receipt

        self._set_working(True, _("Enviando a «{name}»…").format(name=name))
        self._job = self.tasks.run(work, on_success=self._done, on_failure=self._failed,
                                   on_progress=self._progress, on_cancel=self._cancelled,
                                   writes=True)
        self.cancel.setVisible(True)

    def choose_save_path(self) -> None:
        if self.receipt is None:
            return
        dialog = QFileDialog(self, _("Guardar comprobante"))
        dialog.setObjectName("receipt.saveDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{self.receipt.case_number}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.open()

    def save_to(self, path: Path) -> None:
        receipt = self.receipt
        assert receipt is not None

        def work(_progress: Progress, _cancel: CancelToken) -> RenderedReceipt:
            try:
                temporary = path.with_name(f".{path.name}.tmp")
                temporary.write_bytes(receipt.pdf)
                temporary.replace(path)
            except OSError as error:
                raise VentanillaError(
                    _("No se pudo guardar el PDF: {error}").format(error=error.strerror or error),
                    f"save pdf failed: {error.__class__.__name__}",
                ) from error
            self.service.record_print(receipt, f"archivo:{path.name}")
            return receipt

        self._set_working(True, _("Guardando…"))
        self.tasks.run(work, on_success=self._done, on_failure=self._failed, writes=True)

    def _done(self, receipt: RenderedReceipt) -> None:
        show_message(self.message, _("Copia {n} del comprobante registrada.").format(
            n=receipt.copy_number), OK_STYLE)
        self._job = None
        self.render_preview()  # the next copy is a reprint

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_working(False)
        show_message(self.message, message)

    def _cancelled(self) -> None:
        self._job = None
        self._set_working(False)
        show_message(self.message, _("Impresión cancelada; no se registró la copia."), HINT_STYLE)

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(label)

    def _set_working(self, working: bool, label: str = "") -> None:
        self.progress.setVisible(working)
        self.cancel.setVisible(working and self._job is not None)
        self.progress.setMaximum(0)
        self.progress.setFormat(label)
        for button in (self.print_dialog, self.save, self.paper):
            button.setEnabled(not working)
        self.print_direct.setEnabled(not working and bool(self.settings.receipt_printer))
