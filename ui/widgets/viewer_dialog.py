"""A window showing one document (PDF page by page with zoom, or an image), not modal.

Used by the intake page (the PDF a checklist item will be stored as, before registering)
and by «Consulta de estado» (a received document of the case). The caller reads or builds
the bytes off the GUI thread and hands them over.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.i18n import _
from ui.widgets.forms import named
from ui.widgets.pdf_viewer import PdfViewer
from ui.widgets.screen import fit_to_screen


class ViewerDialog(QDialog):
    """`prefix` names it: the dialog `prefix`, the viewer `prefix.view`."""

    def __init__(self, prefix: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, prefix, title)
        self.setWindowTitle(title)
        self.viewer = PdfViewer(f"{prefix}.view", _("Documento"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        named(close, f"{prefix}.close", _("Cerrar el visor"))
        close.setText(_("&Cerrar"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 900)

    def show_document(self, title: str, data: bytes | None, is_pdf: bool = True,
                      message: str = "") -> None:
        """Show the bytes (or why there are none) and bring the window up."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        if data is None:
            self.viewer.show_message(message)
        elif is_pdf:
            self.viewer.show_pdf(data)
        else:
            self.viewer.show_image(data)
        self.show()
        self.raise_()
        self.activateWindow()
        self.viewer.view.setFocus()
