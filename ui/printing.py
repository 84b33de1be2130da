"""Sending a PDF we generated to a Qt printer, off the GUI thread.

Pages are rendered with QtPdf at the printer's resolution (capped at 300 dpi, plenty for
receipts and thermal printers) and painted onto the QPrinter; Qt allows painting on a
QPrinter from a worker thread. The page size follows the PDF, so an 80 mm ticket prints
as a ticket.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress

MAX_DPI = 300


def printer_named(name: str) -> QPrinter:
    """A printer for direct printing; a clear message when it is not there."""
    if not name:
        raise VentanillaError(
            _("No hay una impresora de comprobantes configurada. Use «Imprimir…» para elegir "
              "una, o pida al administrador que la configure."),
            "no receipt printer configured",
        )
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise VentanillaError(
            _("La impresora «{name}» no está disponible en este equipo. Revise que esté "
              "encendida e instalada, o use «Imprimir…».").format(name=name),
            "configured printer not available",
        )
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """Open PDF bytes with QtPdf; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise VentanillaError(_("El documento no se pudo preparar para imprimir."), "pdf load")
    return document, buffer


def print_pdf(
    pdf: bytes, printer: QPrinter, title: str, progress: Progress, cancel: CancelToken
) -> int:
    """Print every page; returns the number of pages sent to the spooler."""
    document, _buffer = load_pdf(pdf)
    pages = document.pageCount()
    printer.setDocName(title)
    printer.setFullPage(True)
    _match_page(printer, document.pagePointSize(0))
    painter = QPainter()
    if not painter.begin(printer):
        raise VentanillaError(
            _("La impresora no aceptó el trabajo. Revise que esté encendida y con papel."),
            "printer refused job",
        )
    try:
        for index in range(pages):
            cancel.raise_if_cancelled()
            if index:
                _match_page(printer, document.pagePointSize(index))
                printer.newPage()
            _paint_page(document, index, painter, printer)
            progress(index + 1, pages, _("Imprimiendo…"))
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return pages


def _match_page(printer: QPrinter, size_pt: QSizeF) -> None:
    portrait = QPageLayout.Orientation.Portrait
    page = QPageSize(size_pt, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(page, portrait, printer.pageLayout().margins()))


def _paint_page(document: QPdfDocument, index: int, painter: QPainter, printer: QPrinter) -> None:
    target = QRectF(painter.viewport())
    size_pt = document.pagePointSize(index)
    dpi = min(printer.resolution(), MAX_DPI)
    pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
    image = document.render(index, pixels)
    scale = min(target.width() / image.width(), target.height() / image.height())
    painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
