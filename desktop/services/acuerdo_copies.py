"""The signed acuerdo at a station: its PDF, its signature's verdict, finding it by number.

A station never renders an acuerdo: it prints the PDF central signed (fetched by sync into
the blob store, or now from central for another centre's case) and verifies its signature
offline against the trusted roots it pulled. The QR's content, or the acuerdo number typed
in the status search, lead to the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import NotFoundError, StorageError
from desktop.i18n import _
from desktop.services.case_views import CaseDetail
from desktop.services.runtime import Runtime
from desktop.signing.pades import QR_PREFIX
from desktop.signing.verify import SignatureCheck, check_pdf
from desktop.store.models import Agreement, Case, TrustedRoot
from desktop.sync.acuerdo_files import fetch_one
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable

NUMBER = re.compile(r"IESS-[A-Z0-9]{2,12}-\d{4}-\d{4,}-A")


@dataclass(frozen=True)
class SignedAcuerdo:
    case_number: str
    number: str
    pdf: bytes


def trusted_roots(runtime: Runtime) -> list[bytes]:
    with runtime.db.read() as session:
        return list(session.scalars(select(TrustedRoot.certificate)))


def verify_bytes(runtime: Runtime, data: bytes) -> SignatureCheck:
    """Any PDF judged against this station's trusted roots (no network)."""
    return check_pdf(data, trusted_roots(runtime))


def signed_acuerdo(runtime: Runtime, case_number: str, *, fetch: bool = True) -> SignedAcuerdo:
    """The signed PDF of the case's acuerdo: from this station, else (`fetch`) from central,
    kept here afterwards. NotFoundError when there is none, StorageError when it is not here
    and central cannot be reached."""
    with runtime.db.read() as session:
        row = session.execute(select(Agreement.case_number, Agreement.number,
                                     Agreement.signed_sha256).where(
            Agreement.case_number == case_number)).first()
    if row is None or row.signed_sha256 is None:
        raise NotFoundError(_("El trámite {number} no tiene un acuerdo firmado "
                              "electrónicamente.").format(number=case_number),
                            "no signed acuerdo")
    if runtime.blobs.exists(row.signed_sha256):
        return SignedAcuerdo(row.case_number, row.number, runtime.blobs.get(row.signed_sha256))
    if fetch:
        try:
            with offline_as_unreachable(), runtime.central().connect() as connection:
                data = fetch_one(connection, runtime.blobs, row.signed_sha256)
        except CentralUnreachable:
            data = None
        if data is not None:
            return SignedAcuerdo(row.case_number, row.number, data)
    raise StorageError(_("El acuerdo firmado {number} aún no llegó a esta estación; hace falta "
                         "conexión con la central.").format(number=row.number),
                       "signed acuerdo not here, central unreachable")


def check_case(runtime: Runtime, case_number: str) -> SignatureCheck | None:
    """The verdict on the case's signed acuerdo here, offline; None when it has none (yet)."""
    try:
        found = signed_acuerdo(runtime, case_number, fetch=False)
    except (NotFoundError, StorageError):
        return None
    return verify_bytes(runtime, found.pdf)


def with_signature(runtime: Runtime, detail: CaseDetail) -> CaseDetail:
    """The detail with its acuerdo's signature verdict, checked here and now (offline)."""
    if detail.agreement is None:
        return detail
    check = check_case(runtime, detail.summary.case_number)
    sentence = check.sentence() if check is not None else _(
        "El documento firmado aún no llegó a esta estación.")
    return replace(detail, agreement=replace(detail.agreement, signature=sentence))


def parse_acuerdo_query(text: str) -> tuple[str, str | None] | None:
    """(number, code) from a QR's content, (number, None) from a typed acuerdo number, None
    when `text` is neither."""
    cleaned = text.strip().upper()
    if cleaned.startswith(QR_PREFIX + "|"):
        parts = cleaned.split("|")
        if len(parts) == 3 and NUMBER.fullmatch(parts[1]):
            return parts[1], parts[2]
        return None
    return (cleaned, None) if NUMBER.fullmatch(cleaned) else None


def cases_by_acuerdo(session: Session, number: str, code: str | None) -> list[Case]:
    """The case of an acuerdo; a QR whose code is not the acuerdo's finds nothing."""
    query = select(Case).join(Agreement, Agreement.case_number == Case.case_number).where(
        Agreement.number == number)
    if code is not None:
        query = query.where(Agreement.signature_code == code)
    return list(session.scalars(query))
