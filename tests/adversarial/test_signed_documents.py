"""`ventanilla document verify` and `central signer` given what is not a signed acuerdo: the
answer names the problem in Spanish and exits 1, with no traceback and nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.signing import pades, pki
from tests.adversarial.helpers import assert_spanish, ventanilla
from tests.support.files import make_pdf

Maker = Callable[[Path], Path]


def written(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def signed_by_a_stranger() -> bytes:
    stranger = pki.issue_signer(pki.make_authority("AC desconocida"), "Persona Ajena",
                                "Otra institución", "Firmante")
    return pades.sign_pdf(make_pdf(1), stranger, "prueba", "Quito")


SIGNED = signed_by_a_stranger()

CASES = [
    pytest.param(written("nota.pdf", b"esto no es un PDF\n"), "dañado o no es un PDF",
                 id="not-a-pdf"),
    pytest.param(written("vacio.pdf", b""), "dañado o no es un PDF", id="empty-file"),
    pytest.param(written("foto.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                 "dañado o no es un PDF", id="png-named-pdf"),
    pytest.param(written("cortado.pdf", SIGNED[: len(SIGNED) // 2]), "Documento",
                 id="truncated-signed-pdf"),
    pytest.param(written("sin-firma.pdf", make_pdf(1)), "Documento sin firma electrónica",
                 id="unsigned-pdf"),
    pytest.param(written("ajeno.pdf", SIGNED), "firmante no reconocido",
                 id="signed-by-another-authority"),
    pytest.param(lambda folder: folder / "no-existe.pdf", "No se pudo leer", id="missing-file"),
    pytest.param(lambda folder: folder, "No se pudo leer", id="a-folder"),
]


@pytest.mark.parametrize(("make", "fragment"), CASES)
def test_document_verify_refuses(home, tmp_path, make: Maker, fragment: str) -> None:
    path = make(tmp_path)
    result = ventanilla(home.config_dir.parent, "document", "verify", str(path))
    assert_spanish(result, fragment, 1)
    if "firma" not in fragment and fragment != "Documento":
        assert "válida" not in result.stdout


def test_truncated_signed_pdf_is_never_called_valid(home, tmp_path) -> None:
    path = written("cortado.pdf", SIGNED[: len(SIGNED) - 200])(tmp_path)
    result = ventanilla(home.config_dir.parent, "document", "verify", str(path))
    assert_spanish(result, "Documento", 1)
    assert "firma válida" not in result.stdout


@pytest.mark.parametrize(("data", "fragment"), [
    pytest.param(b"no es un certificado", "No se pudo abrir el certificado de firma",
                 id="not-pkcs12"),
    pytest.param(pki.to_pkcs12(pki.issue_signer(pki.make_authority("AC"), "A", "B", "C"),
                               b"correcta"), "No se pudo abrir el certificado de firma",
                 id="wrong-password"),
])
def test_central_signer_refuses_a_bad_pkcs12(home, tmp_path, data: bytes, fragment: str) -> None:
    p12 = tmp_path / "firma.p12"
    p12.write_bytes(data)
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    result = ventanilla(home.config_dir.parent, "central", "signer", "--p12", str(p12),
                        "--url", url, VENTANILLA_P12_PASSWORD="equivocada")
    assert_spanish(result, fragment, 1)
    assert not (home.data_dir / "firma").exists()
