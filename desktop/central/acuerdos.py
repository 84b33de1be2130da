"""Issuing an acuerdo at the back office: number, calculation, the form, the signature.

The acuerdo is rendered once, here (desktop.documents.agreement), signed with PAdES by the
back office's signer (desktop.signing), and stored as a blob like a scanned document; the
agreements row names that blob and the code its QR carries. Stations pull the row, fetch the
blob (desktop.sync.acuerdo_files) and print those bytes.

Issuing units (their siglas in the Quipux number, and their city) are not confirmed
(DOMAIN.md §3.4: «IESS's actual área siglas … [NOT CONFIRMED]»): UNITS below is an
assumption, by the city of the centre where the case was filed.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Connection, insert, select

from desktop.central import blobs
from desktop.central.counters import next_number as counter
from desktop.central.models import (
    Agreement,
    Blob,
    BlobChunk,
    Case,
    Centre,
    ContributionHistory,
    Pension,
    history_items,
)
from desktop.central.signer import Signer, require_signer
from desktop.clock import local, now
from desktop.documents.agreement import AgreementData, Calculation, render_agreement
from desktop.domain.acuerdo_texts import CONSIDERANDOS
from desktop.domain.passport import masked_document
from desktop.domain.pension import History, preview
from desktop.domain.pensions import PensionType
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.signing.pades import qr_content, sign_pdf, signature_code


@dataclass(frozen=True)
class Unit:
    sigla: str
    name: str
    city: str


#: [assumption] the issuing unit by the filing centre's city (DOMAIN.md §3.3, §3.4).
UNITS = {
    "Quito": Unit("CPPPCH", "Coordinación Provincial de Prestaciones del Seguro de Pensiones "
                            "de Pichincha", "Quito"),
    "Guayaquil": Unit("CPPGYS", "Coordinación Provincial de Prestaciones del Seguro de "
                                "Pensiones del Guayas", "Guayaquil"),
}
NATIONAL = Unit("DSP", "Dirección del Sistema de Pensiones", "Quito")
REFUSAL_REASONS = (
    "Los períodos pagados por el empleador no modifican el promedio de los cinco mejores años "
    "ni el número de imposiciones que determinan la renta, según la historia laboral "
    "registrada en el Instituto.")
NO_HISTORY_REASONS = (
    "La historia laboral registrada en el Instituto no contiene aportes pagados en mora por "
    "el empleador que permitan recalcular la renta.")


def next_number(connection: Connection, unit: Unit, year: int) -> str:
    """Quipux numbering: institution-unit-year-sequence-type, one counter per unit, year and
    type, the sequence at least four digits (DOMAIN.md §3.4)."""
    sequence = counter(connection, f"acuerdo-{unit.sigla}-{year}")
    return f"IESS-{unit.sigla}-{year}-{sequence:04d}-A"


def _calculation(connection: Connection, cedula: str, previous: Decimal, filed: date,
                 issued: date) -> Calculation | None:
    """Before and after the employer's payment from the contribution history; None when the
    payment raises nothing (or there is no history to compute it from)."""
    row = connection.execute(select(ContributionHistory.months, ContributionHistory.late).where(
        ContributionHistory.cedula == cedula)).first()
    if row is None:
        return None
    after = History.of(history_items(row.months))
    before = after.without([month for month in row.late.split(";") if month])
    try:
        result = preview(before, after, issued.year)
    except ValidationError:
        return None
    if result.difference <= 0:
        return None
    new = previous + result.difference
    effective = date(filed.year, filed.month, 1)
    retro_to = date(issued.year, issued.month, 1) - timedelta(days=1)
    months = max(0, (retro_to.year - effective.year) * 12 + retro_to.month - effective.month + 1)
    if months == 0:
        retro_to = effective
    return Calculation(
        contributions_before=result.before.months, contributions_after=result.after.months,
        base_before=result.before.base, base_after=result.after.base,
        coefficient_before=result.before.coefficient,
        coefficient_after=result.after.coefficient,
        previous_pension=previous, new_pension=new, effective_date=effective,
        retro_from=effective, retro_to=retro_to,
        retroactive_amount=(result.difference * months).quantize(Decimal("0.01")))


def store_blob(connection: Connection, data: bytes) -> str:
    """The signed PDF as a complete blob, written whole in this transaction."""
    sha256 = hashlib.sha256(data).hexdigest()
    if blobs.is_complete(connection, sha256):
        return sha256
    connection.execute(insert(Blob).values(sha256=sha256, size_bytes=len(data), complete=True))
    size = blobs.CHUNK_BYTES
    connection.execute(insert(BlobChunk), [
        {"sha256": sha256, "index": index, "data": data[index * size:(index + 1) * size]}
        for index in range(blobs.chunk_count(len(data)))])
    return sha256


def _pension_label(pension_type: str) -> str:
    """The pension's name in the acuerdo; a petitioner the registry did not know (a
    passport holder, say) has none, and the acuerdo names the Seguro General."""
    return PensionType(pension_type).label if pension_type else _("Seguro General")


def issue(connection: Connection, case_number: str, concession: bool,
          signer: Signer | None = None, reasons: str = "") -> str:
    """Render, sign and record the acuerdo of `case_number`; returns its number.

    A concession the history does not support (no history, or no increase) becomes a
    negación with the reasons the analysis gives.
    """
    signer = require_signer(connection, signer)
    case = connection.execute(select(Case).where(Case.case_number == case_number)).one()
    centre = connection.execute(select(Centre.name, Centre.city).where(
        Centre.code == case.centre_code)).first()
    pension = connection.execute(select(Pension.monthly_amount).where(
        Pension.cedula == case.cedula)).first()
    previous = Decimal(pension.monthly_amount) if pension else Decimal("482.00")
    issued = local(now()).date()
    filed = local(case.registered_at).date()
    calculation = _calculation(connection, case.cedula, previous, filed, issued) \
        if concession else None
    if calculation is None and not reasons:
        has_history = connection.scalar(select(ContributionHistory.cedula).where(
            ContributionHistory.cedula == case.cedula)) is not None
        reasons = REFUSAL_REASONS if has_history else NO_HISTORY_REASONS
    unit = UNITS.get(centre.city if centre else "", NATIONAL)
    number = next_number(connection, unit, issued.year)
    kind = "CONCESION" if calculation else "NEGACION"
    new = calculation.new_pension if calculation else previous
    retro = calculation.retroactive_amount if calculation else Decimal("0.00")
    code = signature_code(signer.identity, f"{number}|{case_number}|{kind}|{new}|{retro}|{issued}")
    data = AgreementData(
        number=number, issued_on=issued, city=unit.city, unit_name=unit.name,
        signer_name=signer.name, signer_post=signer.post, case_number=case_number,
        applicant_name=case.applicant_name, applicant_document=masked_document(
            case.cedula, case.passport_country, case.passport_number),
        pension_type_label=_pension_label(case.pension_type), filed_on=filed,
        centre_name=centre.name if centre else case.centre_code,
        declared_employer=case.employer_ruc or "", declared_periods=case.periods,
        calculation=calculation, reasons="" if calculation else reasons,
        qr=qr_content(number, code), code=code)
    signed = sign_pdf(render_agreement(data), signer.identity,
                      reason=f"Acuerdo Nro. {number}", location=unit.city)
    sha256 = store_blob(connection, signed)
    values = dict(
        case_number=case_number, number=number, kind=kind, issued_on=issued,
        authority=f"{signer.name}, {signer.post}"[:160],
        legal_basis="; ".join(text.source for text in CONSIDERANDOS), previous_pension=previous,
        new_pension=new, effective_date=calculation.effective_date if calculation else filed,
        retroactive_amount=retro, motivation="" if calculation else reasons,
        unit_name=unit.name, city=unit.city, signer_name=signer.name[:120],
        signer_post=signer.post[:160], signed_sha256=sha256, signature_code=code)
    if calculation:
        values.update(
            contributions_before=calculation.contributions_before,
            contributions_after=calculation.contributions_after,
            base_before=calculation.base_before, base_after=calculation.base_after,
            coefficient_before=calculation.coefficient_before,
            coefficient_after=calculation.coefficient_after,
            retro_from=calculation.retro_from, retro_to=calculation.retro_to)
    connection.execute(insert(Agreement).values(**values))
    return number


def simulated_concession(rng: random.Random) -> bool:
    return rng.random() < 0.85
