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


def written_pdf(path: Path) -> bool:
    """A PDF another process has finished writing: it ends with its `%%EOF` marker (cups-pdf
    writes the job in place, so a file that exists may still be growing)."""
    try:
        with path.open("rb") as stream:
            stream.seek(max(0, path.stat().st_size - 1024))
            return stream.read().rstrip().endswith(b"%%EOF")
    except OSError:
        return False
