"""Certificates for signing acuerdos: the demo certification authority, and PKCS#12 files.

Production loads the signer's PKCS#12 as FirmaEC signers hold it (a certificate issued by an
accredited Ecuadorian authority); the demo makes its own authority and one signer, so a demo
acuerdo is signed and verified like a real one, and recognised only where the demo root is
trusted. Keys are RSA 2048 with SHA-256, as the accredited authorities issue them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.clock import now
from desktop.errors import ValidationError
from desktop.i18n import _

KEY_BITS = 2048
CA_YEARS, SIGNER_YEARS = 10, 2


@dataclass(frozen=True)
class Identity:
    """A certificate with its private key (and the chain up to, and with, its root)."""

    certificate: x509.Certificate
    key: rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def common_name(self) -> str:
        return common_name(self.certificate)

    def root(self) -> x509.Certificate:
        """The self-signed certificate at the top of the chain (the signer's own if none)."""
        for candidate in (*self.chain, self.certificate):
            if candidate.issuer == candidate.subject:
                return candidate
        return self.chain[-1] if self.chain else self.certificate


def common_name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def _name(common: str, organisation: str, unit: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "EC"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)]
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


def make_authority(name: str, at: datetime | None = None) -> Identity:
    """A self-signed root that may issue signing certificates (and nothing below them)."""
    at = at or now()
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    subject = _name(name, name)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(at - timedelta(days=1))
        .not_valid_after(at + timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256()))
    return Identity(certificate, key, (certificate,))


def issue_signer(authority: Identity, full_name: str, organisation: str, post: str,
                 at: datetime | None = None) -> Identity:
    """A person's signing certificate (non-repudiation), issued by `authority`."""
    at = at or now()
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    certificate = (
        x509.CertificateBuilder().subject_name(_name(full_name, organisation, post))
        .issuer_name(authority.certificate.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(at - timedelta(days=1))
        .not_valid_after(at + timedelta(days=365 * SIGNER_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            authority.key.public_key()), critical=False)
        .sign(authority.key, hashes.SHA256()))
    return Identity(certificate, key, (*authority.chain,))


def to_pkcs12(identity: Identity, password: bytes | None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(password) if password
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(
        identity.common_name.encode(), identity.key, identity.certificate,
        list(identity.chain) or None, encryption)


def from_pkcs12(data: bytes, password: bytes | None) -> Identity:
    """The signer in a PKCS#12 file; a wrong password or another kind of file is said in
    words."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("No se pudo abrir el certificado de firma: la clave no corresponde o el archivo "
              "no es un PKCS#12 (.p12 / .pfx)."), f"pkcs12 unreadable: {error}") from None
    if certificate is None or not isinstance(key, rsa.RSAPrivateKey):
        raise ValidationError(
            _("El archivo PKCS#12 no contiene un certificado con su clave privada RSA."),
            "pkcs12 without an RSA key and certificate")
    return Identity(certificate, key, tuple(chain))


def der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()
