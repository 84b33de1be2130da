"""The pages of a draft document as a strip of thumbnails, in the order they will be stored.

Thumbnails are made on the GUI thread but cheaply: JPEG pages are decoded straight to a
small size (libjpeg scales while decoding), pages of an imported PDF are rendered small by
QtPdf. Each thumbnail is cached by the page's image data, which a turn or a move does not
copy, so refreshing after an edit decodes nothing again. Pages left out (blank) are shown
faded with why.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPixmap, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.services.scanning import DraftPage, ImagePart, PdfPart
from ui.printing import load_pdf
from ui.widgets.forms import named

THUMB = 120  # pixels, the longer side
ITEM_WIDTH, ITEM_HEIGHT = THUMB + 40, THUMB + 52  # room for a two-line caption
SPACING = 6
LEFT_OUT_OPACITY = 0.35
_Key = tuple[int, int]


def short_flags(page: DraftPage) -> list[str]:
    """A word or two per check, for the thumbnail caption."""
    check = page.check
    flags = []
    if not page.keep:
        flags.append(_("en blanco, omitida") if page.blank else _("omitida"))
    elif page.blank:
        flags.append(_("en blanco, conservada"))
    if check is not None:
        if check.too_dark:
            flags.append(_("muy oscura"))
        if check.too_light:
            flags.append(_("muy clara"))
        if check.low_resolution:
            flags.append(_("baja resolución"))
        if check.skew:
            flags.append(_("enderezada"))
    return flags


class PageStrip(QListWidget):
    """`show_pages()` after every change; the current row is the page the tools act on."""

    def __init__(self, name: str = "scan.pages"):
        super().__init__()
        named(self, name, _("Páginas del documento"),
              _("Elija una página para girarla, moverla, quitarla o conservarla"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setSpacing(SPACING)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scrollbar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(ITEM_HEIGHT + 2 * SPACING + scrollbar + 2 * self.frameWidth() + 4)
        self._images: dict[_Key, tuple[bytes, QImage]] = {}  # data kept: ids stay unique
        self._pdfs: dict[int, tuple[bytes, QPdfDocument, QBuffer]] = {}

    def show_pages(self, pages: tuple[DraftPage, ...], current: int | None = None) -> None:
        """Show `pages`, keeping (or moving to) the current row."""
        row = self.currentRow() if current is None else current
        self.clear()
        for number, page in enumerate(pages, start=1):
            flags = short_flags(page)
            caption = _("Pág. {n}").format(n=number)
            if flags:
                caption += "\n" + ", ".join(flags)
            item = QListWidgetItem(self._icon(page), caption)
            notes = page.notes
            item.setToolTip("\n".join(notes) if notes else caption)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, caption.replace("\n", ": "))
            item.setSizeHint(QSize(ITEM_WIDTH, ITEM_HEIGHT))
            self.addItem(item)
        self._forget(pages)
        if pages:
            self.setCurrentRow(max(0, min(row, len(pages) - 1)))

    # --- thumbnails --------------------------------------------------------------------

    def _icon(self, page: DraftPage) -> QIcon:
        image = self._thumbnail(page.part)
        if page.rotation:
            image = image.transformed(QTransform().rotate(page.rotation))
        pixmap = QPixmap.fromImage(image)
        if not page.keep:
            faded = QPixmap(pixmap.size())
            faded.fill(Qt.GlobalColor.transparent)
            painter = QPainter(faded)
            painter.setOpacity(LEFT_OUT_OPACITY)
            painter.drawPixmap(0, 0, pixmap)
            painter.end()
            pixmap = faded
        return QIcon(pixmap)

    def _thumbnail(self, part: ImagePart | PdfPart) -> QImage:
        key = _key(part)
        cached = self._images.get(key)
        if cached is not None:
            return cached[1]
        if isinstance(part, ImagePart):
            data, image = part.jpeg, _decode_small(part)
        else:
            data, image = part.source, self._render_pdf_page(part)
        if image.isNull():
            image = QImage(THUMB * 7 // 10, THUMB, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.lightGray)
        self._images[key] = (data, image)
        return image

    def _render_pdf_page(self, part: PdfPart) -> QImage:
        held = self._pdfs.get(id(part.source))
        if held is None:
            try:
                document, buffer = load_pdf(part.source)
            except VentanillaError:
                return QImage()
            document.setParent(self)
            held = self._pdfs[id(part.source)] = (part.source, document, buffer)
        document = held[1]
        size = document.pagePointSize(part.index).toSize()
        size.scale(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
        return document.render(part.index, size)

    def _forget(self, pages: tuple[DraftPage, ...]) -> None:
        """Drop the thumbnails of pages no longer in the draft."""
        keys = {_key(page.part) for page in pages}
        for key in [key for key in self._images if key not in keys]:
            del self._images[key]
        sources = {id(page.part.source) for page in pages if isinstance(page.part, PdfPart)}
        for source in [source for source in self._pdfs if source not in sources]:
            self._pdfs.pop(source)[1].deleteLater()


def _key(part: ImagePart | PdfPart) -> _Key:
    return (id(part.jpeg), -1) if isinstance(part, ImagePart) else (id(part.source), part.index)


def _decode_small(part: ImagePart) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(part.jpeg))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"jpeg"))
    size = QSize(part.width, part.height)
    size.scale(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(size)
    return reader.read()
