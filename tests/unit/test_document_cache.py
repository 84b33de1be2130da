"""Printed documents reuse reportlab's parse of their fixed texts: the bytes must be exactly
those of a document rendered with nothing cached (reprints are verifiable by their bytes)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.documents import layout
from desktop.documents.receipt import ReceiptData, ReceiptDocument, render_receipt


def receipt(name: str) -> ReceiptData:
    return ReceiptData("REL-UIO01-01-2026-000123-Q", "UIO01", "Centro de Atención Universal Quito",
                       1, datetime(2026, 3, 2, 15, 4, tzinfo=UTC), "María José Pazmiño Yánez",
                       name, "17******03", "ma*****@gmail.com",
                       (ReceiptDocument("Solicitud firmada", 2),))


def test_cached_texts_give_the_same_bytes_as_a_cold_render():
    names = ["Peñafiel Ordóñez Inés del Rocío", "O'Brien & <Hijos> Ana", "Núñez Byron"]
    cold = {}
    for name in names:
        for paper in layout.PAPERS:
            layout._parsed.cache_clear()
            cold[name, paper] = render_receipt(receipt(name), paper)
    for _round in range(2):
        for name in names:
            for paper in layout.PAPERS:
                assert render_receipt(receipt(name), paper) == cold[name, paper]
    assert layout._parsed.cache_info().hits > 0
