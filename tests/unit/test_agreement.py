"""Acuerdo copy PDF: every required part, both decisions, money format, copy notice, QR."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.documents.agreement import AgreementData, format_usd, render_agreement
from tests.pdf_text import read_pdf

NUMBER = "IESS-DSP-2026-00012-A"
CASE = "REL-UIO01-01-2026-000001-Q"
CODE = f"IESS-ACUERDO|{NUMBER}|{CASE}|7K3F9Q"
AUTHORITY = "Coordinación Provincial de Prestaciones del Sistema de Pensiones de Pichincha"
BASIS = (
    "Que el artículo 94 de la Ley de Seguridad Social establece la responsabilidad patronal;",
    "Que la Resolución C.D. 100 regula el régimen de transición;",
)
FACTS = (
    "La solicitante presentó su petición el 15/01/2026.",
    "El empleador (RUC 1790012345001) pagó los aportes en mora de 2010 a 2012.",
)
REFUSAL = "Los periodos pagados no modifican los cinco mejores años de aportes."
MM = 72 / 25.4


def sample(**changes: object) -> AgreementData:
    data = AgreementData(
        number=NUMBER,
        issued_on=date(2026, 2, 20),
        city="Quito",
        authority=AUTHORITY,
        legal_basis="\n".join(BASIS),
        case_number=CASE,
        applicant_name="GUAMÁN QUISHPE MARÍA JOSÉ",
        cedula_masked="17******03",
        pension_type_label="Vejez",
        facts="\n".join(FACTS),
        concession=True,
        previous_pension=Decimal("1234.56"),
        new_pension=Decimal("1500.00"),
        effective_date=date(2026, 3, 1),
        retroactive_amount=Decimal("2654.40"),
        verification_code=CODE,
        synced_at=datetime(2026, 2, 26, 14, 5, tzinfo=UTC),  # 09:05 in Ecuador
        printed_by="Peña Núñez Andrés",
        printed_at=datetime(2026, 3, 1, 14, 0, tzinfo=UTC),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def refusal(**changes: object) -> AgreementData:
    refused = {"concession": False, "new_pension": Decimal("1234.56"), "motivation": REFUSAL}
    return sample(**{**refused, **changes})


def test_concession_has_every_part_on_one_page() -> None:
    reader, text = read_pdf(render_agreement(sample()))

    assert len(reader.pages) == 1
    for expected in (
        "INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL — Sistema de Pensiones",
        f"ACUERDO No. {NUMBER}",
        "Quito, 20 de febrero de 2026",
        AUTHORITY,
        "CONSIDERANDO",
        *BASIS,
        "HECHOS",
        *FACTS,
        CASE,
        "GUAMÁN QUISHPE MARÍA JOSÉ",
        "17******03",
        "Vejez",
        "Renta mensual anterior USD 1.234,56",
        "Renta mensual reliquidada USD 1.500,00",
        "Diferencia mensual USD 265,44",
        "Fecha de efectos 01/03/2026",
        "Valor retroactivo USD 2.654,40",
        "RESUELVE",
        "Conceder la reliquidación de la renta de vejez",
        "disponer el pago del valor retroactivo de USD 2.654,40",
        "Notificar el presente acuerdo",
        "Buzón Electrónico del Pensionista",
        "Recursos",
        "recurso de apelación",
        "recurso extraordinario de revisión",
        "Código Orgánico Administrativo",
        "cualquier centro de atención del IESS",
        "Texto informativo general",
        CODE,
        "Copia impresa en ventanilla a partir de la información sincronizada el "
        "26/02/2026 09:05; el original firmado consta en el expediente.",
        "Impreso por Peña Núñez Andrés · 01/03/2026 09:00 · Primera impresión",
        "Página 1 de 1",
    ):
        assert expected in text, expected
    assert "Negar" not in text
    assert "Motivación" not in text
    assert not re.search(r"\b\d{10}\b", text)  # no full cédula anywhere


def test_refusal_states_its_motivation() -> None:
    _reader, text = read_pdf(render_agreement(refusal()))
    assert "Negar la reliquidación de la renta de vejez solicitada por GUAMÁN" in text
    assert f"Motivación: {REFUSAL}" in text
    assert "Diferencia mensual USD 0,00" in text
    assert "Conceder" not in text
    assert "recurso de apelación" in text


@pytest.mark.parametrize("motivation", ["", "   \n "])
def test_refusal_without_motivation_is_rejected(motivation: str) -> None:
    with pytest.raises(ValueError, match="motivation"):
        render_agreement(refusal(motivation=motivation))


def test_negative_difference_and_reprint_and_unsynced_copy() -> None:
    data = sample(new_pension=Decimal("1222.22"), copy_number=3, synced_at=None)
    _reader, text = read_pdf(render_agreement(data))
    assert "Diferencia mensual USD -12,34" in text
    assert "Reimpresión 2" in text
    assert "Primera impresión" not in text
    assert "a partir de información local sin sincronizar con la central" in text


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0", "USD 0,00"),
        ("5", "USD 5,00"),
        ("999.999", "USD 1.000,00"),
        ("1234567.891", "USD 1.234.567,89"),
        ("0.005", "USD 0,01"),  # half-up, not banker's rounding
        ("-12.345", "USD -12,35"),
    ],
)
def test_money_is_formatted_ecuadorian_style(amount: str, expected: str) -> None:
    assert format_usd(Decimal(amount)) == expected


def test_long_text_flows_to_a_numbered_second_page() -> None:
    facts = "\n".join(f"Periodo {i:03d}: aporte pagado por el empleador." for i in range(40))
    reader, text = read_pdf(render_agreement(sample(facts=facts)))
    assert len(reader.pages) == 2
    assert "Página 2 de 2" in text
    second = " ".join(reader.pages[1].extract_text().split())
    assert f"ACUERDO No. {NUMBER} · Copia impresa en ventanilla" in second


def test_page_size_metadata_and_determinism() -> None:
    pdf = render_agreement(sample())
    reader, _text = read_pdf(pdf)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(210 * MM, abs=0.5)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(297 * MM, abs=0.5)
    assert reader.metadata is not None
    assert reader.metadata.title == f"ACUERDO No. {NUMBER}"
    assert render_agreement(sample()) == pdf


@pytest.mark.parametrize(
    "changes",
    [
        {"previous_pension": Decimal("-1")},
        {"retroactive_amount": Decimal("NaN")},
        {"printed_at": datetime(2026, 3, 1, 9, 0)},
        {"copy_number": 0},
    ],
)
def test_invalid_data_is_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        render_agreement(sample(**changes))


def decoded_qr(pdf: bytes, tmp_path: Path) -> list[str]:
    missing = [tool for tool in ("pdftoppm", "zbarimg") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt: poppler-utils zbar-tools)")
    pdf_path = tmp_path / "acuerdo.pdf"
    pdf_path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(pdf_path), str(tmp_path / "page")], check=True
    )
    found: list[str] = []
    for image in sorted(tmp_path.glob("page*.png")):
        result = subprocess.run(
            ["zbarimg", "--nodbus", "-q", "--raw", str(image)],
            capture_output=True,
            text=True,
            check=False,  # exit status 4 = no code on this page
        )
        found += result.stdout.strip().splitlines()
    return found


def test_qr_decodes_to_the_verification_code(tmp_path: Path) -> None:
    assert decoded_qr(render_agreement(sample()), tmp_path) == [CODE]


def test_qr_falls_back_to_number_and_case(tmp_path: Path) -> None:
    pdf = render_agreement(refusal(verification_code=""))
    assert decoded_qr(pdf, tmp_path) == [f"IESS-ACUERDO|{NUMBER}|{CASE}"]
