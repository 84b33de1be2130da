"""Status slip PDF: contents, sync/stale honesty, paging per paper, and a QR that scans."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.documents.status_slip import HistoryLine, StatusSlipData, render_status_slip
from tests.pdf_text import read_pdf

CASE = "REL-UIO01-01-2026-000001-Q"
PAPERS = ("a4", "80mm")
MM = 72 / 25.4
STALE = "Información posiblemente desactualizada"
T0 = datetime(2026, 1, 15, 3, 30, tzinfo=UTC)  # 14/01/2026 22:30 in Ecuador (UTC-5)
HISTORY = (
    HistoryLine(T0, "Ingresado", "Ventanilla UIO01-01"),
    HistoryLine(T0 + timedelta(days=2), "En revisión", "Ventanilla UIO01-01"),
    HistoryLine(T0 + timedelta(days=3), "Derivado a la Dirección de Pensiones", "Supervisión"),
    HistoryLine(
        T0 + timedelta(days=10),
        "Requiere información",
        "Dirección de Pensiones",
        "Falta certificado bancario",
    ),
)


def sample(**changes: object) -> StatusSlipData:
    data = StatusSlipData(
        case_number=CASE,
        filed_at=T0,
        applicant_name="GUAMÁN QUISHPE MARÍA JOSÉ",
        applicant_document="Cédula 17******03",
        centre_name="Centro de Atención Universal Quito",
        state_label="Requiere información",
        state_since=T0 + timedelta(days=10),  # 24/01/2026 22:30
        responsible_unit="Dirección de Pensiones",
        history=HISTORY,
        missing="Certificado bancario a nombre del solicitante; plazo: 10/02/2026",
        agreement_number="IESS-DSP-2026-00012-A",
        agreement_date=date(2026, 2, 20),
        agreement_result="Concesión",
        notified_at=datetime(2026, 2, 25, 15, 0, tzinfo=UTC),
        synced_at=datetime(2026, 2, 26, 14, 5, tzinfo=UTC),
        printed_by="Peña Núñez Andrés",
        printed_at=datetime(2026, 3, 1, 14, 0, tzinfo=UTC),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", PAPERS)
def test_slip_is_one_page_with_all_contents(paper: str) -> None:
    reader, text = read_pdf(render_status_slip(sample(), paper))

    assert len(reader.pages) == 1
    for expected in (
        "INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL",
        "Centro de Atención Universal Quito",
        "Hoja de estado del trámite",
        "Reliquidación de pensiones",
        "IESS-034-01-07",
        CASE,
        "Fecha de ingreso",
        "14/01/2026 22:30",
        "GUAMÁN QUISHPE MARÍA JOSÉ",
        "17******03",
        "Estado actual",
        "Requiere información",
        "24/01/2026 22:30",
        "Unidad responsable",
        "Dirección de Pensiones",
        "Información o documentos que faltan",
        "Certificado bancario a nombre del solicitante; plazo: 10/02/2026",
        "IESS-DSP-2026-00012-A",
        "20/02/2026",
        "Concesión",
        "Fecha de notificación",
        "25/02/2026 10:00",
        "Historial del trámite",
        "Ingresado",
        "En revisión",
        "Derivado a la Dirección de Pensiones",
        "Ventanilla UIO01-01",
        "Falta certificado bancario",
        "Según la información del sistema del IESS actualizada al 26/02/2026 09:05",
        "Impreso por Peña Núñez Andrés el 01/03/2026 09:00",
        "atencionalusuario@iess.gob.ec",
        "02 3945666",
        "TRÁMITE GRATUITO",
    ):
        assert expected in text, expected
    assert STALE not in text
    assert "Reimpresión" not in text
    assert "15/01/2026" not in text  # the UTC date must not leak
    assert not re.search(r"\b\d{10}\b", text)  # no full cédula anywhere


@pytest.mark.parametrize("paper", PAPERS)
def test_stale_cache_is_warned_in_a_box(paper: str) -> None:
    _reader, text = read_pdf(render_status_slip(sample(stale=True), paper))
    assert f"{STALE}: los datos de este centro son del 26/02/2026 09:05" in text


@pytest.mark.parametrize("paper", PAPERS)
def test_never_synced_says_so(paper: str) -> None:
    _reader, text = read_pdf(render_status_slip(sample(synced_at=None), paper))
    assert "aún sin actualizar con el sistema del IESS" in text
    assert "actualizada al" not in text
    assert STALE not in text
    _reader, text = read_pdf(render_status_slip(sample(synced_at=None, stale=True), paper))
    assert f"{STALE}: este centro aún no ha recibido los datos del sistema del IESS" in text


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("synced", ["yes", "never"])
@pytest.mark.parametrize("stale", [False, True])
def test_no_back_office_words_on_the_citizen_slip(paper: str, synced: str, stale: bool) -> None:
    """«sincronizada», «estación», «central» mean nothing to the citizen (issue 11)."""
    data = sample(stale=stale) if synced == "yes" else sample(synced_at=None, stale=stale)
    _reader, text = read_pdf(render_status_slip(data, paper))
    folded = text.lower()
    for word in ("sincroniz", "estación", "central"):
        assert word not in folded, word


@pytest.mark.parametrize("paper", PAPERS)
def test_optional_sections_are_left_out(paper: str) -> None:
    data = sample(
        state_label="En revisión",
        missing="",
        agreement_number="",
        agreement_date=None,
        agreement_result="",
        notified_at=None,
        history=(),
        printed_by="",
        printed_at=None,
    )
    _reader, text = read_pdf(render_status_slip(data, paper))
    for absent in ("faltan", "Número de acuerdo", "Fecha de notificación", "Impreso"):
        assert absent not in text, absent
    assert "Sin movimientos registrados." in text


@pytest.mark.parametrize("paper", PAPERS)
def test_reprint_is_marked(paper: str) -> None:
    _reader, text = read_pdf(render_status_slip(sample(copy_number=3), paper))
    assert "Reimpresión 2" in text


def long_history(count: int) -> tuple[HistoryLine, ...]:
    return tuple(
        HistoryLine(T0 + timedelta(hours=i), "En análisis", "Dirección de Pensiones", f"Paso {i}")
        for i in range(1, count + 1)
    )


def test_long_history_flows_to_a_numbered_second_a4_page() -> None:
    reader, text = read_pdf(render_status_slip(sample(history=long_history(40)), "a4"))
    assert len(reader.pages) == 2
    assert "Página 1 de 2" in text
    assert "Página 2 de 2" in text
    second = " ".join(reader.pages[1].extract_text().split())
    assert CASE in second  # a loose second sheet still names the case
    assert "Fecha Estado Unidad Observación" in second  # the table header repeats
    assert "Paso 1 " in text
    assert "Paso 40" in text


def test_long_history_stays_on_one_taller_ticket() -> None:
    short_reader, _ = read_pdf(render_status_slip(sample(), "80mm"))
    reader, text = read_pdf(render_status_slip(sample(history=long_history(40)), "80mm"))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.height) > float(short_reader.pages[0].mediabox.height)
    assert "Paso 40" in text
    assert "Página" not in text


def test_page_sizes() -> None:
    a4, _text = read_pdf(render_status_slip(sample(), "a4"))
    assert float(a4.pages[0].mediabox.width) == pytest.approx(210 * MM, abs=0.5)
    assert float(a4.pages[0].mediabox.height) == pytest.approx(297 * MM, abs=0.5)
    ticket, _text = read_pdf(render_status_slip(sample(), "80mm"))
    assert float(ticket.pages[0].mediabox.width) == pytest.approx(80 * MM, abs=0.01)


def test_metadata_and_determinism() -> None:
    pdf = render_status_slip(sample(), "a4")
    reader, _text = read_pdf(pdf)
    assert reader.metadata is not None
    assert reader.metadata.title == f"Hoja de estado del trámite {CASE}"
    assert render_status_slip(sample(), "a4") == pdf
    assert render_status_slip(sample(), "80mm") == render_status_slip(sample(), "80mm")


@pytest.mark.parametrize("paper", ["A4", "letter", "58mm", ""])
def test_unknown_paper_is_rejected(paper: str) -> None:
    with pytest.raises(ValueError):
        render_status_slip(sample(), paper)


@pytest.mark.parametrize(
    "changes",
    [
        {"filed_at": datetime(2026, 1, 15, 3, 30)},
        {"synced_at": datetime(2026, 1, 15, 3, 30)},
        {"history": (HistoryLine(datetime(2026, 1, 15), "Ingresado", "Ventanilla"),)},
        {"copy_number": 0},
    ],
)
def test_invalid_data_is_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        render_status_slip(sample(**changes), "a4")


@pytest.mark.parametrize("paper", PAPERS)
def test_qr_decodes_to_case_number(paper: str, tmp_path: Path) -> None:
    missing = [tool for tool in ("pdftoppm", "zbarimg") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt: poppler-utils zbar-tools)")
    pdf_path = tmp_path / "slip.pdf"
    pdf_path.write_bytes(render_status_slip(sample(stale=True), paper))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(pdf_path), str(tmp_path / "page")], check=True
    )
    (image,) = sorted(tmp_path.glob("page*.png"))
    result = subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(image)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines() == [CASE]
