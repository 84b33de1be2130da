"""Reception receipt PDF: contents, one page on both papers, and a QR that really scans."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.documents.receipt import ReceiptData, ReceiptDocument, render_receipt
from tests.pdf_text import read_pdf

CASE = "REL-UIO01-01-2026-000001-Q"
LABELS = (
    "Solicitud de reliquidación con firma manuscrita",
    "Comprobante de pago del empleador (planilla de aportes)",
)
PAPERS = ("a4", "80mm")
MM = 72 / 25.4


def sample(**changes: object) -> ReceiptData:
    data = ReceiptData(
        case_number=CASE,
        centre_code="UIO01",
        centre_name="Centro de Atención Universal Quito",
        counter=1,
        # 03:30 UTC on the 15th is 22:30 on the 14th in Ecuador (UTC-5)
        received_at=datetime(2026, 1, 15, 3, 30, tzinfo=UTC),
        received_by="Peña Núñez Andrés",
        applicant_name="GUAMÁN QUISHPE MARÍA JOSÉ",
        cedula_masked="17******03",
        email="maria.guaman@gmail.com",
        centre_address="Av. 10 de Agosto N21-35 y Bogotá, Quito",
        received_by_user="andres.pena",
        documents=(ReceiptDocument(LABELS[0], 2), ReceiptDocument(LABELS[1], 5)),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", PAPERS)
def test_receipt_is_one_page_with_all_contents(paper: str) -> None:
    reader, text = read_pdf(render_receipt(sample(), paper))

    assert len(reader.pages) == 1
    for expected in (
        "INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL",
        "Comprobante de recepción",
        "Centro de Atención Universal Quito",
        "UIO01",
        "Ventanilla 01",
        CASE,
        "Reliquidación de pensiones",
        "IESS-034-01-07",
        "Número de trámite",
        "Fecha y hora de recepción",
        "14/01/2026 22:30",
        "Recibido por",
        "Peña Núñez Andrés",
        "GUAMÁN QUISHPE MARÍA JOSÉ",
        "17******03",
        "maria.guaman@gmail.com",  # in full on the citizen's copy: a typo must show
        "Av. 10 de Agosto N21-35 y Bogotá, Quito",
        "usuario andres.pena",
        "Cédula original verificada",
        *LABELS,
        "Total: 2 documentos",
        # the sheet's normal route, online, and the counter as the exception
        "www.iess.gob.ec › Pensionistas › «Solicitud de Mejora de Jubilación»",
        "cédula y su clave personal",
        "En caso excepcional",
        "cédula y el número de trámite",
        "Etiqueta para el expediente físico",
        "atencionalusuario@iess.gob.ec",
        "02 3945666",
        "Art. 7 num. 2 y 4",
        "No se basa en su consentimiento",
        "15 días",
        "Delegado de protección de datos",
        "Superintendencia de Protección de Datos Personales",
        "Destinatarios",
        "15 años",
        "Versión LOPDP-2026-1",
    ):
        assert expected in text, expected
    assert "Requisito no confirmado" not in text and "representante" not in text
    assert "gratuito" in text.casefold()
    assert "15/01/2026" not in text  # the UTC date must not leak
    assert "Reimpresión" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_warning_passport_and_representative_are_printed(paper: str) -> None:
    data = sample(passport=True, cedula_masked="Colombia AB****56",
                  representative="TAPIA RUIZ ANA (cédula 17******03)",
                  eligibility_warning="La pensión está suspendida.")
    reader, text = read_pdf(render_receipt(data, paper))
    assert len(reader.pages) == 1
    for expected in ("Pasaporte", "Colombia AB****56", "Pasaporte original verificado",
                     "TAPIA RUIZ ANA (cédula 17******03), representante con poder",
                     "Requisito no confirmado", "La pensión está suspendida.",
                     "el IESS revisará el requisito y decidirá"):
        assert expected in text, expected
    assert "Cédula original verificada" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_reprint_is_marked(paper: str) -> None:
    _reader, text = read_pdf(render_receipt(sample(copy_number=2), paper))
    assert "Reimpresión 1" in text
    _reader, text = read_pdf(render_receipt(sample(copy_number=4), paper))
    assert "Reimpresión 3" in text


def test_a4_page_size() -> None:
    reader, _text = read_pdf(render_receipt(sample(), "a4"))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(210 * MM, abs=0.5)
    assert float(box.height) == pytest.approx(297 * MM, abs=0.5)


def test_ticket_is_80mm_wide_and_as_tall_as_its_content() -> None:
    reader, _text = read_pdf(render_receipt(sample(), "80mm"))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(226.77, abs=0.5)
    # the file label runs along the ticket (about 95 mm): 2-dot bars do not fit across it
    assert 120 * MM < float(box.height) < 450 * MM


def test_long_ticket_still_fits_on_one_page() -> None:
    many = tuple(
        ReceiptDocument(f"Anexo número {i} con un nombre bastante largo", i) for i in range(1, 41)
    )
    short_reader, _ = read_pdf(render_receipt(sample(), "80mm"))
    reader, text = read_pdf(render_receipt(sample(documents=many), "80mm"))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.height) > float(short_reader.pages[0].mediabox.height)
    assert "Anexo número 40" in text
    assert "Total: 40 documentos" in text


def test_metadata_and_determinism() -> None:
    pdf = render_receipt(sample(), "a4")
    reader, _text = read_pdf(pdf)
    assert reader.metadata is not None
    assert reader.metadata.title == f"Comprobante de recepción {CASE}"
    assert reader.metadata.author == "IESS — Ventanilla"
    assert render_receipt(sample(), "a4") == pdf


@pytest.mark.parametrize("paper", ["A4", "letter", "58mm", ""])
def test_unknown_paper_is_rejected(paper: str) -> None:
    with pytest.raises(ValueError):
        render_receipt(sample(), paper)


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValueError):
        render_receipt(sample(received_at=datetime(2026, 1, 15, 3, 30)), "a4")


@pytest.mark.parametrize("paper", PAPERS)
def test_qr_and_file_label_decode_to_case_number(paper: str, tmp_path: Path) -> None:
    missing = [tool for tool in ("pdftoppm", "zbarimg") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt: poppler-utils zbar-tools)")
    pdf_path = tmp_path / "receipt.pdf"
    pdf_path.write_bytes(render_receipt(sample(), paper))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(pdf_path), str(tmp_path / "page")], check=True
    )
    (image,) = sorted(tmp_path.glob("page*.png"))
    result = subprocess.run(
        ["zbarimg", "--nodbus", "-q", str(image)],
        capture_output=True,
        text=True,
        check=True,
    )
    # the QR for the citizen, the Code 128 label for the paper file: both carry the number
    assert sorted(result.stdout.strip().splitlines()) == [f"CODE-128:{CASE}", f"QR-Code:{CASE}"]
