"""A Code 128 label for the paper file (issue 11): the case number as a linear barcode that
any counter or archive scanner reads, printed at the foot of the receipt to cut off.

Bars are whole printer dots: 2 dots of a 203 dpi thermal head (0.25 mm) is the narrowest
module that prints evenly and scans reliably. The case number takes about 330 modules
(82 mm at that width): more than an 80 mm ticket's printable width, so on the ticket the
barcode runs along the paper (rotated), where the length is free; on A4 it lies flat with
wider bars.
"""

from __future__ import annotations

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

TICKET_BAR = 0.25 * mm  # 2 dots at 203 dpi
PAGE_BAR = 0.33 * mm
BAR_HEIGHT = 12 * mm
QUIET = 10  # modules of quiet zone each side (ISO/IEC 15417)


def code128(value: str, bar: float, height: float = BAR_HEIGHT) -> Drawing:
    """The barcode of `value` with its text below, quiet zones included."""
    return createBarcodeDrawing("Code128", value=value, barWidth=bar, barHeight=height,
                                humanReadable=True, fontSize=8, quiet=True,
                                lquiet=QUIET * bar, rquiet=QUIET * bar)


def rotated(drawing: Drawing) -> Drawing:
    """The drawing turned a quarter (bars across the paper, the code along it)."""
    group = Group(*drawing.contents)
    group.translate(drawing.height, 0)
    group.rotate(90)
    turned = Drawing(drawing.height, drawing.width)
    turned.add(group)
    return turned


def file_label(value: str, width: float, caption: Flowable, beside: bool = False) -> Table:
    """The barcode under (or `beside`) a caption, in a dashed box to cut out and stick on
    the file."""
    drawing = code128(value, PAGE_BAR, BAR_HEIGHT * 0.75 if beside else BAR_HEIGHT)
    if beside:
        box = Table([[caption, drawing]], colWidths=[width - drawing.width - 8 * mm,
                                                     drawing.width + 8 * mm])
    else:
        if drawing.width > width - 4 * mm:  # a ticket: along the paper, at 2 dots a bar
            drawing = rotated(code128(value, TICKET_BAR))
        box = Table([[caption], [drawing]], colWidths=[width])
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, "black", None, (2, 2)),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return box
