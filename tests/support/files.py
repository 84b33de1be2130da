"""Folders and files a test makes: a workstation's paths, a small real PDF."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.config import Paths


def paths_in(root: Path) -> Paths:
    return Paths(root / "config", root / "data", root / "logs")


def make_pdf(pages: int = 1, text: str = "Solicitud de reliquidación firmada") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        page.drawString(72, 760, f"{text} — página {number + 1}")
        page.showPage()
    page.save()
    return buffer.getvalue()
