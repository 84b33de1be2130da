"""Printed documents read back as a person would read them."""

from __future__ import annotations

import io

from pypdf import PdfReader


def read_pdf(pdf: bytes) -> tuple[PdfReader, str]:
    """The reader and all pages' text with whitespace collapsed (lines wrap differently on
    each paper format)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())
