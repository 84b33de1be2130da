"""Who signs acuerdos at the back office, and the roots stations trust (reference data).

Production: the signer's PKCS#12 (desktop.signing.keystore) is given to the back office
explicitly. The demo: `central init --demo` makes a demo certification authority and one
signer, keeps the signer in `demo_signers` (demo data only; stations never read it) and its
root in `trusted_roots`, which every station pulls.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from desktop.central.models import DemoSigner, TrustedRoot
from desktop.clock import now
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.signing import pki
from desktop.signing.pki import Identity

DEMO = "demo"
DEMO_AUTHORITY = "Autoridad de Certificación de Demostración Ventanilla"
DEMO_SIGNER = "María Fernanda Guerrero Andrade"
DEMO_POST = "Coordinadora Provincial de Prestaciones del Seguro de Pensiones (demostración)"


@dataclass(frozen=True)
class Signer:
    identity: Identity
    post: str

    @property
    def name(self) -> str:
        return self.identity.common_name


def signer_of(identity: Identity) -> Signer:
    """The post comes from the certificate's organisational unit, as FirmaEC issues it."""
    from cryptography.x509.oid import NameOID

    units = identity.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return Signer(identity, str(units[0].value) if units else "")


def trust_root(connection: Connection, identity_or_root: Identity) -> str:
    """Add the root of `identity_or_root`'s chain to the roots stations trust (idempotent)."""
    root = identity_or_root.root()
    fingerprint = pki.fingerprint(root)
    if connection.scalar(select(TrustedRoot.fingerprint).where(
            TrustedRoot.fingerprint == fingerprint)) is None:
        connection.execute(insert(TrustedRoot).values(
            fingerprint=fingerprint, subject=root.subject.rfc4514_string()[:200],
            certificate=pki.der(root), added_at=now()))
    return fingerprint


def install_demo_signer(connection: Connection) -> Signer:
    """The demo's authority and signer, made once; later calls return the same signer."""
    found = demo_signer(connection)
    if found is not None:
        return found
    authority = pki.make_authority(DEMO_AUTHORITY)
    identity = pki.issue_signer(authority, DEMO_SIGNER,
                                "Instituto Ecuatoriano de Seguridad Social", DEMO_POST)
    connection.execute(insert(DemoSigner).values(name=DEMO,
                                                 pkcs12=pki.to_pkcs12(identity, None)))
    trust_root(connection, identity)
    return signer_of(identity)


def demo_signer(connection: Connection) -> Signer | None:
    data = connection.scalar(select(DemoSigner.pkcs12).where(DemoSigner.name == DEMO))
    return None if data is None else signer_of(pki.from_pkcs12(data, None))


def require_signer(connection: Connection, signer: Signer | None) -> Signer:
    """The given signer, else the demo's; a production central without one is refused."""
    found = signer or demo_signer(connection)
    if found is None:
        raise ValidationError(
            _("No hay un certificado de firma configurado para los acuerdos: cárguelo con "
              "«ventanilla central signer --p12 ARCHIVO»."), "no acuerdo signer")
    return found
