"""A document viewer: PDFs through QPdfView with page navigation and zoom, scanned images
scaled, or a message saying why there is nothing to show.

Used by the print preview (documents we generate) and by the review page (documents the
citizen brought). PDF loading is fast enough for the GUI thread (QtPdf renders pages
lazily and asynchronously); reading the bytes is the caller's job, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QPointF, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import VentanillaError
from desktop.i18n import _
from ui.commands import bind_keys
from ui.printing import load_pdf
from ui.style import Tone, set_tone
from ui.widgets.forms import named

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


class PdfViewer(QWidget):
    """`name` prefixes the objectNames: the view itself is `name`, its tools `name.*`."""

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: QPdfDocument | None = None
        self._blank = QPdfDocument(self)  # shown instead of None (Qt warns about None)
        self._buffer: QBuffer | None = None
        self._image: QImage | None = None
        self.zoom = 1.0
        self.view = named(QPdfView(self), name, accessible_name)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_area = named(QScrollArea(), f"{name}.image", accessible_name)
        self.image_area.setWidget(self.image)
        self.image_area.setWidgetResizable(True)
        self.notice = named(QLabel(), f"{name}.notice", _("Aviso del visor"))
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(self.notice, Tone.HINT)
        self.pages = QStackedWidget()
        for widget in (self.notice, self.view, self.image_area):
            self.pages.addWidget(widget)

        self.previous = self._tool("◀", f"{name}.previous", _("Página anterior"), "Alt+←")
        self.next = self._tool("▶", f"{name}.next", _("Página siguiente"), "Alt+→")
        self.page_label = named(QLabel(), f"{name}.page", _("Página actual"))
        self.zoom_out = self._tool("−", f"{name}.zoomOut", _("Alejar"), "Ctrl+-")
        self.zoom_in = self._tool("+", f"{name}.zoomIn", _("Acercar"), "Ctrl++")
        self.fit = self._tool(_("Ajustar"), f"{name}.fit", _("Ajustar al ancho"), "Ctrl+0")
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for tool in (self.previous, self.page_label, self.next):
            tools.addWidget(tool)
        tools.addStretch()
        for tool in (self.zoom_out, self.fit, self.zoom_in):
            tools.addWidget(tool)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)

        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        self.fit.clicked.connect(self.fit_width)
        for command, button in (("viewer.previous", self.previous), ("viewer.next", self.next),
                                ("viewer.zoomIn", self.zoom_in), ("viewer.zoomOut", self.zoom_out),
                                ("viewer.fit", self.fit)):
            bind_keys(command, self, button.click)  # only while the viewer has the focus
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update())
        self.show_message("")

    def _tool(self, text: str, name: str, accessible: str, keys: str) -> QPushButton:
        button = named(QPushButton(text), name, accessible, f"{accessible} ({keys})")
        button.setAutoDefault(False)
        return button

    # --- content -----------------------------------------------------------------------

    def show_pdf(self, pdf: bytes) -> None:
        """Show PDF bytes from the first page, fitted to the width."""
        try:
            document, buffer = load_pdf(pdf)
        except VentanillaError as error:
            self.show_message(error.user_message)
            return
        self._release()
        document.setParent(self)
        self.document, self._buffer = document, buffer
        self.view.setDocument(document)
        self.pages.setCurrentWidget(self.view)
        self.fit_width()
        self.go_to(0)

    def show_image(self, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            self.show_message(_("La imagen no se pudo abrir."))
            return
        self._release()
        self._image = image
        self.pages.setCurrentWidget(self.image_area)
        self.fit_width()

    def show_message(self, text: str) -> None:
        """Nothing to show, and why (an empty text leaves the area blank)."""
        self._release()
        self.notice.setText(text)
        self.pages.setCurrentWidget(self.notice)
        self._update()

    def _release(self) -> None:
        self.view.setDocument(self._blank)
        if self.document is not None:
            self.document.deleteLater()
        self.document, self._buffer, self._image = None, None, None
        self.image.clear()

    # --- navigation and zoom -----------------------------------------------------------

    def page_count(self) -> int:
        if self.document is not None:
            return self.document.pageCount()
        return 1 if self._image is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() if self.document is not None else 0

    def go_to(self, page: int) -> None:
        if self.document is not None and 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update()

    def set_zoom(self, factor: float) -> None:
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if self.document is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(self.zoom)
        self._scale_image()
        self._update()

    def fit_width(self) -> None:
        self.zoom = 1.0
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._scale_image()
        self._update()

    def _scale_image(self) -> None:
        if self._image is None:
            return
        width = max(100, self.image_area.viewport().width() - 4)
        scaled = self._image.scaledToWidth(round(width * self.zoom),
                                           Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(QPixmap.fromImage(scaled))

    def _update(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(_("Página {page} de {count}").format(page=page + 1, count=count)
                                if count else "")
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page + 1 < count)
        for tool in (self.zoom_in, self.zoom_out, self.fit):
            tool.setEnabled(count > 0)
