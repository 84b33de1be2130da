"""Signing an acuerdo PDF (PAdES baseline, pyHanko) and the code its QR carries.

The QR is drawn before the PDF is signed, so its code cannot come from the PAdES signature
itself; it comes from a signature by the same key over the acuerdo's essential data
(number, case, result, amounts, date). Only the signer's key can produce it, and it changes
with any of those data.
"""

from __future__ import annotations

import base64
import hashlib
import io
import warnings

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from desktop.signing.pki import Identity, der

QR_PREFIX = "IESS-ACUERDO"
CODE_CHARS = 16
FIELD_NAME = "FirmaAcuerdo"

with warnings.catch_warnings():  # pyHanko still imports cryptography's deprecated DSA
    warnings.simplefilter("ignore")
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore


def signature_code(identity: Identity, essentials: str) -> str:
    """16 characters (base32) derived from the signer's signature over `essentials`."""
    signature = identity.key.sign(essentials.encode(), padding.PKCS1v15(), hashes.SHA256())
    digest = hashlib.sha256(signature).digest()
    return base64.b32encode(digest).decode()[:CODE_CHARS]


def qr_content(number: str, code: str) -> str:
    """What the acuerdo's QR holds (a barcode reader types it into the status search)."""
    return f"{QR_PREFIX}|{number}|{code}"


def _signer(identity: Identity) -> signers.SimpleSigner:
    key_der = identity.key.private_bytes(serialization.Encoding.DER,
                                         serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    chain = [asn1_x509.Certificate.load(der(c)) for c in identity.chain]
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(der(identity.certificate)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(chain))


def sign_pdf(pdf: bytes, identity: Identity, reason: str, location: str) -> bytes:
    """The PDF with an invisible PAdES signature (whole-document coverage) by `identity`."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", reason=reason, location=location,
        subfilter=fields.SigSeedSubFilter.PADES, name=identity.common_name)
    output = signers.sign_pdf(writer, meta, signer=_signer(identity))
    return output.getvalue()
