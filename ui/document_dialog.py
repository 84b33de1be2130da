"""Print preview and printing of a case document: the reception receipt, the status slip
and the acuerdo copy. The preview is the page exactly as it goes to paper (the printer gets
these PDF pages rendered at its resolution). Printed through the print dialog or straight
to the configured printer: a copy is counted and logged only once its job reached the
printer's queue, and the preview is rendered again (the next one is a reprint and says so).
Saved as PDF: an export, logged as such, never counted as a printed copy.

A `Printable` says, for one document of one case, how to render its next copy and how to
record a printed copy or an export; the dialog does the rest, always off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
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

from desktop.atomic import write_atomically
from desktop.domain.requesters import Requester
from desktop.domain.roles import Actor
from desktop.errors import VentanillaError
from desktop.i18n import N_, _, ngettext, translate
from desktop.progress import CancelToken, Progress
from desktop.services.case_documents import CaseDocumentService
from desktop.services.printing import RenderedDocument
from desktop.services.receipts import ReceiptService
from desktop.services.runtime import Runtime
from ui.commands import command_button, wire
from ui.icons import with_icon
from ui.printing import print_pdf, printer_named
from ui.style import Tone
from ui.tasks import Task, TaskRunner
from ui.widgets.forms import (
    buddy,
    message_label,
    named,
    show_message,
)
from ui.widgets.pdf_viewer import PdfViewer
from ui.widgets.screen import fit_to_screen

A4, TICKET = ("a4", "A4"), ("80mm", N_("Ticket 80 mm"))


@dataclass(frozen=True)
class Printable:
    """One document of one case, as the dialog needs it."""

    prefix: str  # objectNames: receipt.*, slip.*, agreement.*
    case_number: str
    title: str
    file_name: str  # suggested when saving: the case number, never a person's name
    copied: str  # "Copia {n} … registrada."
    papers: tuple[tuple[str, str], ...]
    paper: str  # the one shown first
    printer: str  # for direct printing; "" when none suits this document
    render: Callable[[str], RenderedDocument]  # paper -> the next copy
    record: Callable[[RenderedDocument, str], object]  # a copy was printed on `printer`
    export: Callable[[RenderedDocument, str], object]  # the PDF was saved as `file name`
    #: who may ask for it (chosen in the dialog; the first is the default), and the render
    #: for one of them; none: the receipt, which goes to whoever filed the case
    requesters: tuple[Requester, ...] = ()
    render_for: Callable[[str, Requester], RenderedDocument] | None = None


def receipt(runtime: Runtime, actor: Actor, case_number: str) -> Printable:
    service = ReceiptService(runtime, actor)
    settings = runtime.settings
    return Printable(
        "receipt", case_number,
        _("Comprobante de recepción {number}").format(number=case_number),
        f"{case_number}.pdf", _("Copia {n} del comprobante registrada."), (A4, TICKET),
        settings.paper_format, settings.receipt_printer,
        lambda paper: service.render(case_number, paper), service.record_print,
        service.record_export)


def status_slip(runtime: Runtime, actor: Actor, case_number: str,
                online: Callable[[], bool | None]) -> Printable:
    """`online` is asked at each render: a slip printed while offline says so on paper."""
    service = CaseDocumentService(runtime, actor)
    settings = runtime.settings
    return Printable(
        "slip", case_number, _("Hoja de estado {number}").format(number=case_number),
        f"{case_number}-estado.pdf", _("Copia {n} de la hoja de estado registrada."),
        (A4, TICKET), settings.paper_format, settings.receipt_printer,
        lambda paper: service.status_slip(case_number, paper, online()), service.record_print,
        service.record_export, tuple(Requester),
        lambda paper, requester: service.status_slip(case_number, paper, online(), requester))


def agreement(runtime: Runtime, actor: Actor, case_number: str) -> Printable:
    """A4 only: direct printing only when the configured printer takes A4."""
    service = CaseDocumentService(runtime, actor)
    settings = runtime.settings
    return Printable(
        "agreement", case_number, _("Copia del acuerdo {number}").format(number=case_number),
        f"{case_number}-acuerdo.pdf", _("Copia {n} del acuerdo registrada."), (A4,), "a4",
        settings.receipt_printer if settings.paper_format == "a4" else "",
        lambda _paper: service.agreement(case_number), service.record_print,
        service.record_export, tuple(r for r in Requester if r.may_take_acuerdo),
        lambda _paper, requester: service.agreement(case_number, requester))


class DocumentDialog(QDialog):
    def __init__(self, printable: Printable, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.printable = printable
        self.tasks = tasks
        self.rendered: RenderedDocument | None = None
        self._job: Task | None = None
        self.setObjectName(f"{printable.prefix}.dialog")
        self.setWindowTitle(printable.title)
        self.setAccessibleName(printable.title)
        self._build()
        fit_to_screen(self, 760, 900)
        self.render_preview()

    def _build(self) -> None:
        prefix, printer = self.printable.prefix, self.printable.printer
        self.viewer = PdfViewer(f"{prefix}.view", _("Vista previa del documento"), self)
        self.paper = named(QComboBox(), f"{prefix}.format", _("Formato de papel"))
        for value, label in self.printable.papers:
            self.paper.addItem(translate(label), value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.printable.paper)))
        self.requester = named(QComboBox(), f"{prefix}.requester", _("Quién lo solicita"))
        for requester in self.printable.requesters:
            self.requester.addItem(requester.label, requester)
        self.copy_info = named(QLabel(), f"{prefix}.copyInfo", _("Copia"))
        self.print_dialog = named(with_icon(QPushButton(_("&Imprimir…")), "print"),
                                  f"{prefix}.print",
                                  _("Imprimir eligiendo impresora"))
        self.print_direct = command_button("document.printDirect", name=f"{prefix}.printDirect")
        self.print_direct.setText(_("Imprimir en «{name}»").format(name=printer) if printer
                                  else _("Sin impresora configurada"))
        self.save = command_button("document.save", name=f"{prefix}.save")
        self.close_button = named(with_icon(QPushButton(_("Cerrar")), "close"),
                                  f"{prefix}.close", _("Cerrar"))
        self.progress = named(QProgressBar(), f"{prefix}.progress", _("Progreso de impresión"))
        self.cancel = named(QPushButton(_("Cancelar impresión")), f"{prefix}.cancel",
                            _("Cancelar impresión"))
        self.message = message_label(f"{prefix}.message", _("Mensaje de impresión"))

        top = QHBoxLayout()
        if len(self.printable.papers) > 1:
            paper_label = buddy(_("&Papel:"), self.paper)
            top.addWidget(paper_label)
            top.addWidget(self.paper)
        else:
            self.paper.hide()
        if self.printable.requesters:
            top.addWidget(buddy(_("&Quién lo solicita:"), self.requester))
            top.addWidget(self.requester)
        else:
            self.requester.hide()
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
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.message)
        layout.addLayout(working)
        layout.addLayout(buttons)

        self.paper.currentIndexChanged.connect(lambda _index: self.render_preview())
        self.requester.currentIndexChanged.connect(lambda _index: self.render_preview())
        self.print_dialog.clicked.connect(self.print_with_dialog)
        # Ctrl+P and Ctrl+S as actions, not the buttons' setShortcut: «&Guardar PDF…» keeps Alt+G
        wire(self.print_direct, self, self.print_to_configured, "document.printDirect")
        wire(self.save, self, self.choose_save_path, "document.save")
        self.close_button.clicked.connect(self.reject)
        self.cancel.clicked.connect(self._cancel_job)
        self._set_working(False)
        show_message(self.message, "")
        (self.print_direct if printer else self.print_dialog).setDefault(True)

    # --- preview -----------------------------------------------------------------------

    def render_preview(self) -> None:
        paper, asked = self.paper.currentData(), self.requester.currentData()
        requester = Requester(asked) if asked is not None else None  # Qt keeps it as str
        render_for = self.printable.render_for
        self.rendered = None  # nothing printable until this rendition exists
        self._set_working(True, _("Preparando el documento…"))
        self.tasks.run(lambda _p, _c: render_for(paper, requester)
                       if render_for is not None and requester is not None
                       else self.printable.render(paper),
                       on_success=self._show, on_failure=self._preview_failed, owner=self)

    def _preview_failed(self, message: str) -> None:
        """No document for this paper or requester (e.g. a representative without a poder
        on file): say why where the page would be, and print nothing."""
        self.viewer.show_message(message)
        self._failed(message)

    def _show(self, rendered: RenderedDocument) -> None:
        self.rendered = rendered
        self.viewer.show_pdf(rendered.pdf)
        if rendered.is_reprint:
            printed = rendered.copy_number - 1
            self.copy_info.setText(_("Reimpresión {n}").format(n=printed) + " (" + ngettext(
                "ya se imprimió {n} copia", "ya se imprimieron {n} copias", printed).format(
                n=printed) + ")")
            self.print_dialog.setText(_("&Reimprimir…"))
        else:
            self.copy_info.setText(_("Original (aún no impreso)"))
        self._set_working(False)

    # --- output ------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        if self.rendered is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName(f"{self.printable.prefix}.printDialogWindow")
        dialog.setWindowTitle(_("Imprimir «{title}»").format(title=self.printable.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._print(printer, printer.printerName()))
        # open(), not exec(): no nested event loop, so the idle lock can hide the dialog
        # and show it again unanswered (hiding would end an exec() as if cancelled).
        # QDialog's own open(): PySide6 6.12 binds only QPrintDialog.open(receiver, member)
        QDialog.open(dialog)

    def print_to_configured(self) -> None:
        if self.rendered is None:
            return
        try:
            printer = printer_named(self.printable.printer)
        except VentanillaError as error:
            show_message(self.message, error.user_message)
            return
        self._print(printer, self.printable.printer)

    def _print(self, printer: QPrinter, name: str) -> None:
        rendered = self.rendered
        assert rendered is not None
        title = self.printable.title

        def work(progress: Progress, cancel: CancelToken) -> RenderedDocument:
            print_pdf(rendered.pdf, printer, title, progress, cancel)
            self.printable.record(rendered, f"impresora:{name}")  # the job is queued now
            return rendered

        self._set_working(True, _("Enviando a «{name}»…").format(name=name))
        self._job = self.tasks.run(work, on_success=self._printed, on_failure=self._failed,
                                   on_progress=self._progress, on_cancel=self._cancelled,
                                   writes=True, keep_awake=True, owner=self)
        self.cancel.setVisible(True)

    def choose_save_path(self) -> None:
        if self.rendered is None:
            return
        dialog = QFileDialog(self, _("Guardar como PDF"))
        dialog.setObjectName(f"{self.printable.prefix}.saveDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.printable.file_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.open()

    def save_to(self, path: Path) -> None:
        rendered = self.rendered
        assert rendered is not None

        def work(_progress: Progress, _cancel: CancelToken) -> Path:
            try:
                write_atomically(path, rendered.pdf)
            except OSError as error:
                raise VentanillaError(
                    _("No se pudo guardar el PDF: {error}").format(error=error.strerror or error),
                    f"save pdf failed: {error.__class__.__name__}",
                ) from error
            self.printable.export(rendered, path.name)
            return path

        self._set_working(True, _("Guardando…"))
        self.tasks.run(work, on_success=self._saved, on_failure=self._failed, writes=True,
                       owner=self)

    def _printed(self, rendered: RenderedDocument) -> None:
        show_message(self.message, self.printable.copied.format(n=rendered.copy_number),
                     Tone.OK)
        self._job = None
        self.render_preview()  # the next copy is a reprint

    def _saved(self, path: Path) -> None:
        show_message(self.message, _("PDF guardado en {path} (no cuenta como copia impresa).")
                     .format(path=path), Tone.OK)
        self._set_working(False)

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_working(False)
        show_message(self.message, message)

    def _cancelled(self) -> None:
        self._job = None
        self._set_working(False)
        show_message(self.message, _("Impresión cancelada; no se registró la copia."), Tone.HINT)

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
        ready = not working and self.rendered is not None
        for widget in (self.print_dialog, self.save):
            widget.setEnabled(ready)
        self.paper.setEnabled(not working)
        self.requester.setEnabled(not working)
        self.print_direct.setEnabled(ready and bool(self.printable.printer))
