"""QR codes drawn as vector rectangles, so they stay sharp on any printer and at any zoom.

A raster QR image would blur on thermal printers (203 dpi) and bloat the PDF; drawing the
module matrix from `segno` as filled rectangles gives crisp edges and tiny files. Shared by
the reception receipt, the status slip and the acuerdo copy.
"""

from __future__ import annotations

from typing import Literal

import segno
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

HAlign = Literal["LEFT", "CENTER", "RIGHT"]  # a flowable narrower than its frame

QUIET_ZONE = 4  # modules of white border that scanners need (ISO/IEC 18004)


def qr_matrix(data: str) -> list[list[bool]]:
    """Module matrix (True = dark) including the quiet zone; error correction M or better.

    `boost_error` lets segno raise the level above M when it costs no extra size.
    """
    code = segno.make(data, error="m", micro=False, boost_error=True)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw the QR for `data` as a `size`-point square whose lower-left corner is (x, y).

    Horizontal runs of dark modules become one rectangle and everything is filled as a single
    path, which keeps the PDF small and avoids hairline seams between adjacent modules.
    """
    matrix = qr_matrix(data)
    module = size / len(matrix)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - row_index * module
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            path.rect(x + start * module, top - module, (col - start) * module, module)
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):
    """A platypus flowable holding a square QR of `size` points (quiet zone included)."""

    def __init__(self, data: str, size: float, h_align: HAlign = "CENTER") -> None:
        super().__init__()
        if not data:
            raise ValueError("QR data must not be empty")
        self.data = data
        self.size = size
        self.hAlign = h_align

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.size)
