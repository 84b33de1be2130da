"""The widgets of the scan panel and how they look for a given state; no behaviour.

`ui/scan_panel.py` adds what the buttons do. Kept apart so each module stays small: this
one is layout, names and enabled states (what a keyboard or screen-reader user meets).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, _, translate
from desktop.services.scanning import DraftPage
from ui.icons import with_icon
from ui.style import Tone, set_tone
from ui.widgets.forms import message_label, named, show_message
from ui.widgets.page_strip import PageStrip

SOURCES = (("flatbed", N_("Vidrio")), ("adf", N_("Alimentador automático")))


def _button(text: str, name: str, accessible: str, description: str = "") -> QPushButton:
    button = named(QPushButton(text), name, accessible, description)
    button.setAutoDefault(False)
    return button


class ScanControls(QWidget):
    """`prefix` renames the objectNames (`intake.scan`, `scan.rotate` → `<prefix>.scan`,
    `<prefix>.rotate`) when the panel serves another window than the intake page."""

    def __init__(self, configured_scanner: str, parent: QWidget | None = None,
                 prefix: str = ""):
        super().__init__(parent)
        self.prefix = prefix
        self._build(configured_scanner)
        if prefix:
            for widget in (self, *self.findChildren(QWidget)):
                head, _dot, rest = widget.objectName().partition(".")
                if head in ("intake", "scan") and rest:
                    widget.setObjectName(f"{prefix}.{rest}")
            self.message.setObjectName(f"{prefix}.attachMessage")

    def object_name(self, default: str) -> str:
        """`default` (e.g. "intake.fileDialog") under this panel's prefix."""
        return f"{self.prefix}.{default.partition('.')[2]}" if self.prefix else default

    # --- construction ----------------------------------------------------------------

    def _build(self, configured: str) -> None:
        self.scanner = named(QLabel(), "scan.scanner", _("Escáner en uso"))
        self.scanner.setWordWrap(True)
        set_tone(self.scanner, Tone.HINT)
        self.scanner.setText(_("Escáner: {name} (configurado).").format(name=configured)
                             if configured else
                             _("Escáner: el primero que se encuentre al escanear."))
        self.scan_button = _button(_("&Escanear"), "intake.scan",  # icon below
                                   _("Escanear al documento seleccionado"),
                                   _("Agrega páginas del escáner al documento (F4)"))
        self.attach = _button(_("Importar &archivo…"), "intake.attach",
                              _("Importar archivo al documento seleccionado"),
                              _("PDF, JPEG, PNG o TIFF de hasta 25 MB; se guarda al "
                                "importarlo (F3)"))
        self.source = named(QComboBox(), "scan.source", _("Origen del escaneo"))
        for value, label in SOURCES:
            self.source.addItem(translate(label), value)
        named(self.source.view(), "scan.sourceList", _("Orígenes de escaneo"))
        self.straighten = named(QCheckBox(_("Endere&zar")), "scan.straighten",
                                _("Enderezar las páginas escaneadas"),
                                _("Corrige páginas torcidas; tarda un poco más"))
        self.pages = PageStrip("scan.pages")
        self.rotate = _button(_("&Girar"), "scan.rotate", _("Girar la página 90°"))
        self.move_up = _button(_("◀ Antes"), "scan.moveUp", _("Mover la página antes"))
        self.move_down = _button(_("Después ▶"), "scan.moveDown", _("Mover la página después"))
        self.delete = _button(_("Quitar página"), "scan.delete", _("Quitar la página"),
                              _("Quita la página elegida (Supr en la lista de páginas)"))
        self.keep = _button(_("Conservar página"), "scan.keep",
                            _("Conservar la página en blanco"),
                            _("Incluye en el documento una página omitida por estar en "
                              "blanco"))
        metrics = self.keep.fontMetrics()  # its text changes: room for the longer one
        self.keep.setMinimumWidth(max(metrics.horizontalAdvance(text) for text in (
            _("Conservar página"), _("Omitir página"))) + 24)
        self.view = _button(_("Ver documento"), "scan.view", _("Ver el documento"),
                            _("Muestra el PDF tal como se guardará"))
        self.save = _button(_("Guardar docu&mento"), "scan.save", _("Guardar documento"),
                            _("Arma el PDF y lo adjunta al trámite (Ctrl+S)"))
        self.remove_document = _button(_("&Quitar documento"), "intake.removeDocument",
                                       _("Quitar el documento seleccionado"))
        self.cancel = _button(_("Cancelar"), "scan.cancel", _("Cancelar el escaneo"),
                              _("Detiene el escaneo y conserva las páginas ya escaneadas "
                                "(Esc)"))
        for button, command in ((self.scan_button, "scan"), (self.attach, "import"),
                                (self.rotate, "rotate"), (self.delete, "delete"),
                                (self.view, "view"), (self.save, "save")):
            with_icon(button, command)
        self.progress = named(QProgressBar(), "scan.progress", _("Avance de la página"))
        self.progress.setTextVisible(True)
        self.status = named(QLabel(), "scan.status", _("Estado del escaneo"))
        set_tone(self.status, Tone.HINT)
        self.notes = message_label("scan.notes", _("Observaciones de las páginas"))
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.message = message_label("intake.attachMessage", _("Mensaje de documentos"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widgets in (
            (self.scan_button, self.attach, self.source, self.straighten),
            (self.scanner,),
        ):
            layout.addLayout(_row(*widgets))
        layout.addWidget(self.pages)
        layout.addLayout(_row(self.rotate, self.move_up, self.move_down, self.delete,
                              self.keep))
        layout.addLayout(_row(self.view, self.save, self.remove_document))
        layout.addLayout(_row(self.progress, self.cancel))
        for widget in (self.status, self.notes):
            layout.addWidget(widget)
        # `message` (what a scan, an import or a save did) is placed by the page, where it
        # stays in view whatever the scroll position

    def order(self) -> list[QWidget]:
        """The tab order inside the panel."""
        return [self.attach, self.scan_button, self.source, self.straighten, self.pages,
                self.rotate, self.move_up, self.move_down, self.delete, self.keep, self.view,
                self.save, self.remove_document, self.cancel]

    def show_notes(self, pages: tuple[DraftPage, ...]) -> None:
        """Every flag of every page, in Spanish, under the strip."""
        lines = [_("Página {n}: {notes}").format(n=n, notes=" ".join(page.notes))
                 for n, page in enumerate(pages, start=1) if page.notes]
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        show_message(self.notes, f"<ul>{items}</ul>" if items else "", Tone.WARNING)

    def show_state(self, pages: tuple[DraftPage, ...], *, idle: bool, working: bool,
                   can_view: bool, can_save: bool, can_remove: bool) -> None:
        """Enable what makes sense for the selected page; «Cancelar» only while working."""
        row = self.pages.currentRow()
        page = pages[row] if 0 <= row < len(pages) else None
        for widget in (self.scan_button, self.attach, self.source, self.straighten):
            widget.setEnabled(idle)
        for widget in (self.rotate, self.delete):
            widget.setEnabled(idle and page is not None)
        self.move_up.setEnabled(idle and page is not None and row > 0)
        self.move_down.setEnabled(idle and page is not None and row + 1 < len(pages))
        self.keep.setEnabled(idle and page is not None and (page.blank or not page.keep))
        self.keep.setText(_("Omitir página") if page is not None and page.keep
                          else _("Conservar página"))
        self.view.setEnabled(can_view)
        self.save.setEnabled(idle and can_save)
        self.remove_document.setEnabled(idle and can_remove)
        for busy_widget in (self.cancel, self.progress, self.status):
            busy_widget.setVisible(working)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QProgressBar | QLabel) else 0)
    if not any(isinstance(widget, QProgressBar | QLabel) for widget in widgets):
        row.addStretch()
    return row
