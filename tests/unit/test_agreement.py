"""The acuerdo as the institution issues it: its form, both decisions, amounts in figures and
words, the declared periods labelled as declared, the QR, and the legal-text table."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.documents.agreement import (
    AgreementData,
    Calculation,
    amount_in_words,
    format_usd,
    render_agreement,
)
from desktop.domain import acuerdo_texts
from tests.pdf_text import read_pdf

NUMBER = "IESS-CPPPCH-2026-0012-A"
CASE = "REL-UIO01-01-2026-000001-Q"
QR = f"IESS-ACUERDO|{NUMBER}|ABCDEFGHJKLMNPQR"
SIGNER = "María Fernanda Guerrero Andrade"
REASONS = "Los periodos pagados no modifican los cinco mejores años de aportes."
MM = 72 / 25.4
CALCULATION = Calculation(
    contributions_before=336, contributions_after=360,
    base_before=Decimal("800.00"), base_after=Decimal("812.40"),
    coefficient_before=Decimal("0.7250"), coefficient_after=Decimal("0.7500"),
    previous_pension=Decimal("580.00"), new_pension=Decimal("609.30"),
    effective_date=date(2026, 3, 1), retro_from=date(2026, 3, 1), retro_to=date(2026, 11, 30),
    retroactive_amount=Decimal("263.70"))


def sample(**changes: object) -> AgreementData:
    data = AgreementData(
        number=NUMBER, issued_on=date(2026, 12, 5), city="Guayaquil",
        unit_name="Coordinación Provincial de Prestaciones del Seguro de Pensiones del Guayas",
        signer_name=SIGNER, signer_post="Coordinadora Provincial", case_number=CASE,
        applicant_name="GUAMÁN QUISHPE MARÍA JOSÉ", applicant_document="cédula 09******03",
        pension_type_label="Vejez", filed_on=date(2026, 3, 14),
        centre_name="Centro de Atención Universal Guayaquil",
        declared_employer="1790012345001", declared_periods="2019-01 a 2020-12",
        calculation=CALCULATION, qr=QR, code="ABCDEFGHJKLMNPQR")
    return replace(data, **changes)  # type: ignore[arg-type]


def test_a_concession_reads_like_an_acuerdo() -> None:
    _reader, text = read_pdf(render_agreement(sample()))
    for expected in (
        "ACUERDO DE CONCESIÓN DE MEJORA / RELIQUIDACIÓN DE PENSIONES – SISTEMA DE PENSIONES",
        f"ACUERDO Nro. {NUMBER}", "Guayaquil, 5 de diciembre de 2026", "CONSIDERANDO:",
        "Que, el artículo 98 del Código Orgánico Administrativo",
        "En ejercicio de las atribuciones", "ACUERDA:", "Artículo 1.- Conceder",
        "Artículo 2.- Disponer el pago del valor retroactivo de USD 263,70 (doscientos sesenta "
        "y tres dólares de los Estados Unidos de América con 70/100)",
        "entre el 1 de marzo de 2026 y el 30 de noviembre de 2026",
        "USD 609,30 (seiscientos nueve dólares de los Estados Unidos de América con 30/100)",
        "336", "360", "USD 800,00", "USD 812,40", "0,7250", "0,7500", "USD 580,00",
        "recurso de apelación", "diez (10) días", SIGNER.upper(), "Coordinadora Provincial",
        "(períodos declarados por el solicitante)", "sin que ello constituya un hecho "
        "establecido por este Instituto",
    ):
        assert expected in text, expected
    assert "RESUELVE" not in text and "Quito" not in text


def test_a_negacion_states_its_reasons_and_has_no_pension_table() -> None:
    _reader, text = read_pdf(render_agreement(sample(calculation=None, reasons=REASONS)))
    assert "ACUERDO DE NEGACIÓN" in text and "Artículo 1.- Negar" in text
    assert REASONS in text and "ACUERDA:" in text
    for absent in ("Renta mensual", "Coeficiente", "retroactivo", "USD", "Base de cálculo"):
        assert absent not in text, absent


@pytest.mark.parametrize("reasons", ["", "   \n  "])
def test_a_negacion_without_reasons_is_refused(reasons: str) -> None:
    with pytest.raises(ValueError):
        render_agreement(sample(calculation=None, reasons=reasons))


@pytest.mark.parametrize(("amount", "words"), [
    ("0", "cero dólares de los Estados Unidos de América con 00/100"),
    ("1", "un dólar de los Estados Unidos de América con 00/100"),
    ("21.05", "veintiún dólares de los Estados Unidos de América con 05/100"),
    ("1234.56", "mil doscientos treinta y cuatro dólares de los Estados Unidos de América "
                "con 56/100"),
    ("1000000", "un millón de dólares de los Estados Unidos de América con 00/100"),
    ("31", "treinta y un dólares de los Estados Unidos de América con 00/100"),
    ("0.005", "cero dólares de los Estados Unidos de América con 01/100"),
])
def test_amounts_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


@pytest.mark.parametrize(("amount", "expected"), [
    ("1234.56", "USD 1.234,56"), ("0.005", "USD 0,01"), ("-12.345", "USD -12,35")])
def test_money_is_formatted_ecuadorian_style(amount: str, expected: str) -> None:
    assert format_usd(Decimal(amount)) == expected


def test_a4_metadata_and_determinism() -> None:
    pdf = render_agreement(sample())
    reader, _text = read_pdf(pdf)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(210 * MM, abs=0.5)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(297 * MM, abs=0.5)
    assert reader.metadata is not None and reader.metadata.title == f"ACUERDO Nro. {NUMBER}"
    assert render_agreement(sample()) == pdf


@pytest.mark.parametrize("changes", [
    {"calculation": replace(CALCULATION, previous_pension=Decimal("-1"))},
    {"calculation": replace(CALCULATION, retroactive_amount=Decimal("NaN"))},
])
def test_invalid_amounts_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        render_agreement(sample(**changes))


def test_the_qr_holds_the_number_and_the_code(tmp_path: Path) -> None:
    missing = [tool for tool in ("pdftoppm", "zbarimg") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt: poppler-utils zbar-tools)")
    path = tmp_path / "acuerdo.pdf"
    path.write_bytes(render_agreement(sample()))
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    found = []
    for image in sorted(tmp_path.glob("page*.png")):
        found += subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", str(image)],
                                capture_output=True, text=True, check=False).stdout.split()
    assert found == [QR]


def test_every_legal_text_names_its_source_and_unsourced_ones_are_assumptions() -> None:
    keys = [text.key for text in acuerdo_texts.ALL]
    assert len(keys) == len(set(keys))
    for text in acuerdo_texts.ALL:
        assert text.source.strip(), text.key
        if text.source.startswith("none:"):
            assert text.assumption, text.key
    assert re.search(r"\{days\}", acuerdo_texts.REMEDY.text.text)
    assert acuerdo_texts.REMEDY.text.assumption  # DOMAIN.md: remedies not confirmed
