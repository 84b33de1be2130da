"""PAdES signing and offline verification, without a database: the verdicts a station gives."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from desktop.services.acuerdo_copies import parse_acuerdo_query
from desktop.signing import pades, pki
from desktop.signing.verify import Verdict, check_pdf
from tests.support.files import make_pdf

AUTHORITY = pki.make_authority("AC de prueba")
SIGNER = pki.issue_signer(AUTHORITY, "Ana María Loor Vera", "IESS", "Directora")
ROOTS = [pki.der(AUTHORITY.certificate)]
SIGNED = pades.sign_pdf(make_pdf(1), SIGNER, "Acuerdo", "Quito")


def test_intact_and_trusted_is_valid_with_who_and_when() -> None:
    check = check_pdf(SIGNED, ROOTS)
    assert check.verdict is Verdict.VALID and check.ok
    assert check.signer == "Ana María Loor Vera" and check.covers_whole_file
    assert check.signed_at is not None and check.signed_at.tzinfo is not None


def test_no_trusted_roots_means_not_recognised() -> None:
    assert check_pdf(SIGNED, []).verdict is Verdict.UNTRUSTED


def test_a_page_added_after_signing_is_altered() -> None:
    """An incremental update keeps the signed bytes intact but adds what the signer never
    saw: the signature no longer covers the whole file."""
    writer = PdfWriter(io.BytesIO(SIGNED), incremental=True)
    writer.add_blank_page(200, 200)
    extended = io.BytesIO()
    writer.write(extended)
    assert extended.getvalue().startswith(SIGNED[:1000])
    assert check_pdf(extended.getvalue(), ROOTS).verdict is Verdict.ALTERED


def test_the_code_depends_on_the_signer_and_on_every_essential() -> None:
    other = pki.issue_signer(AUTHORITY, "Otra Persona", "IESS", "Director")
    base = pades.signature_code(SIGNER, "A|1|CONCESION|600.00")
    assert len(base) == pades.CODE_CHARS and base.isalnum() and base.isupper()
    assert base == pades.signature_code(SIGNER, "A|1|CONCESION|600.00")  # deterministic
    assert base != pades.signature_code(SIGNER, "A|1|CONCESION|600.01")
    assert base != pades.signature_code(other, "A|1|CONCESION|600.00")


@pytest.mark.parametrize(("text", "expected"), [
    ("IESS-ACUERDO|IESS-CPPPCH-2026-0012-A|ABCDEFGH23456777",
     ("IESS-CPPPCH-2026-0012-A", "ABCDEFGH23456777")),
    (" iess-cppgys-2026-12345-a ", ("IESS-CPPGYS-2026-12345-A", None)),
    ("IESS-CPPPCH-2026-12-A", None),  # the sequence has at least four digits
    ("IESS-ACUERDO|REL-UIO01-01-2026-000001-Q|X", None),  # a case number is no acuerdo
    ("IESS-ACUERDO|IESS-CPPPCH-2026-0012-A", None),  # a QR without its code
    ("1712345678", None),
    ("Pérez", None),
])
def test_acuerdo_queries(text: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_acuerdo_query(text) == expected
