"""Is this acuerdo PDF intact, and signed by someone we trust? Offline, against given roots.

No network: certificate paths are built only from what the PDF carries and the trusted roots
the station holds (reference data pulled from central); revocation is not fetched (an offline
station cannot), which the answer does not hide: it speaks of the signature and its chain.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from desktop.i18n import N_, translate

log = logging.getLogger(__name__)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext


class Verdict(Enum):
    VALID = N_("firma válida")
    ALTERED = N_("alterada")
    UNTRUSTED = N_("firmante no reconocido")
    UNSIGNED = N_("sin firma electrónica")
    UNREADABLE = N_("dañado o no es un PDF")

    @property
    def label(self) -> str:
        return translate(self.value)


@dataclass(frozen=True)
class SignatureCheck:
    verdict: Verdict
    signer: str = ""  # the certificate's common name
    signed_at: datetime | None = None  # as the signer's clock reported it
    covers_whole_file: bool = False

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VALID

    def sentence(self) -> str:
        """«Firmado electrónicamente por … — firma válida / alterada / firmante no reconocido»."""
        if not self.signer:
            return translate(N_("Documento {verdict}")).format(verdict=self.verdict.label) \
                if self.verdict is not Verdict.UNSIGNED else \
                translate(N_("Documento sin firma electrónica"))
        return translate(N_("Firmado electrónicamente por {signer} — {verdict}")).format(
            signer=self.signer, verdict=self.verdict.label)


def check_pdf(data: bytes, trusted_roots: list[bytes]) -> SignatureCheck:
    """The first signature of `data` judged against the DER certificates `trusted_roots`."""
    if data.lstrip()[:5] != b"%PDF-":
        return SignatureCheck(Verdict.UNREADABLE)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        log.info("signature check: unreadable PDF (%s)", type(error).__name__)
        return SignatureCheck(Verdict.UNREADABLE)
    if not signatures:
        return SignatureCheck(Verdict.UNSIGNED)
    signature = signatures[0]
    roots = [asn1_x509.Certificate.load(root) for root in trusted_roots]
    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            status = validate_pdf_signature(signature, context)
    except Exception as error:  # pyHanko raises many kinds on damaged signature data
        log.info("signature check: damaged signature (%s)", type(error).__name__)
        return SignatureCheck(Verdict.ALTERED, _signer_name(signature))
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    signer = status.signing_cert.subject.native.get("common_name", "") \
        if status.signing_cert is not None else ""
    if not (status.intact and status.valid) or not whole:
        verdict = Verdict.ALTERED
    elif not status.trusted:
        verdict = Verdict.UNTRUSTED
    else:
        verdict = Verdict.VALID
    return SignatureCheck(verdict, signer, status.signer_reported_dt, whole)


def _signer_name(signature: object) -> str:
    try:
        cert = signature.signer_cert  # type: ignore[attr-defined]
        return str(cert.subject.native.get("common_name", ""))
    except Exception:
        return ""
