"""Field-by-field checks of the intake form, shared by the page (as typed) and the service.

Light on purpose (no database): the page imports it before the cache is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from desktop.clock import local, now
from desktop.domain import contact, identity, periods
from desktop.domain.checklist import DocumentType, RequestType, missing_required
from desktop.domain.passport import validate_passport
from desktop.errors import ValidationError
from desktop.i18n import _


@dataclass(frozen=True)
class FieldCheck:
    """`value` is the normalised input when `ok`; `message` says what is wrong."""

    ok: bool
    value: str = ""
    message: str = ""
    warning: str = ""


def _check(validate: Callable[[str], str], text: str) -> FieldCheck:
    try:
        return FieldCheck(True, validate(text))
    except ValidationError as error:
        return FieldCheck(False, message=error.user_message)


def check_cedula(text: str) -> FieldCheck:
    return _check(identity.validate_cedula, text)


def check_email(text: str) -> FieldCheck:
    return _check(contact.validate_email, text)


def check_phone(text: str) -> FieldCheck:
    """Optional: empty is fine; else any Ecuadorian number, mobile or landline."""
    return _check(contact.validate_phone, text)


def check_passport(country: str, number: str) -> FieldCheck:
    """`value` is «CC NUMBER» when the passport is well formed."""
    try:
        passport = validate_passport(country, number)
    except ValidationError as error:
        return FieldCheck(False, message=error.user_message)
    return FieldCheck(True, f"{passport.country} {passport.number}")


def check_ruc(text: str) -> FieldCheck:
    """Optional field: empty is fine; a company checksum failure is only a warning."""
    if not text.strip():
        return FieldCheck(True)
    try:
        result = identity.validate_ruc(text)
    except ValidationError as error:
        return FieldCheck(False, message=error.user_message)
    return FieldCheck(True, result.ruc, warning=result.warning)


def check_periods(text: str, today: date | None = None) -> FieldCheck:
    today = today or local(now()).date()
    try:
        return FieldCheck(True, periods.format_periods(periods.parse_periods(text, today)))
    except ValidationError as error:
        return FieldCheck(False, message=error.user_message)


@dataclass(frozen=True)
class FormState:
    """What the clerk has entered so far (raw text; the checks normalise it)."""

    cedula: str = ""
    passport_country: str = ""  # a foreigner without a cédula (then `cedula` is ignored)
    passport_number: str = ""
    by_passport: bool = False
    applicant_name: str = ""  # needed when the registry does not know the person
    name_needed: bool = False
    representative: bool = False  # an apoderado files: their identity and power of attorney
    representative_problem: str = ""  # what is wrong with the representative's data
    notice_given: bool = False  # the clerk read the privacy notice to the applicant
    email: str = ""
    phone: str = ""
    employer_ruc: str = ""
    periods: str = ""
    cedula_verified: bool = False
    attached: frozenset[DocumentType] = field(default_factory=frozenset)
    looked_up: bool = False  # the registry answered for this identity
    open_case: str = ""
    request_type: RequestType = RequestType.RELIQUIDACION


def missing(form: FormState) -> list[str]:
    """Everything that stops Registrar, in form order, in words for the clerk."""
    problems: list[str] = []
    if not form.notice_given:
        problems.append(_("Lea el aviso de privacidad al solicitante y márquelo como leído."))
    identity_check = (check_passport(form.passport_country, form.passport_number)
                      if form.by_passport else check_cedula(form.cedula))
    if form.by_passport and not (form.passport_country.strip()
                                 and form.passport_number.strip()):
        problems.append(_("el país y el número de pasaporte del solicitante"))
    elif not form.by_passport and not form.cedula.strip():
        problems.append(_("la cédula del solicitante"))
    elif not identity_check.ok:
        label = _("Pasaporte") if form.by_passport else _("Cédula")
        problems.append(f"{label}: {identity_check.message}")
    elif form.open_case:
        problems.append(
            _("Ya existe un trámite abierto ({n}) para esta persona.").format(n=form.open_case)
        )
    elif not form.looked_up:
        problems.append(_("esperar la consulta del registro de pensionistas"))
    elif form.name_needed and len(form.applicant_name.split()) < 2:
        problems.append(_("los nombres y apellidos del solicitante"))
    if form.representative and form.representative_problem:
        problems.append(_("Representante: {m}").format(m=form.representative_problem))
    for label, result in (
        (_("Correo"), check_email(form.email)),
        (_("Teléfono"), check_phone(form.phone)),
        (_("RUC del empleador"), check_ruc(form.employer_ruc)),
        (_("Períodos"), check_periods(form.periods)),
    ):
        if not result.ok:
            problems.append(f"{label}: {result.message}")
    if not form.cedula_verified:
        problems.append(
            _("Marque «Pasaporte original verificado» tras revisar el documento.")
            if form.by_passport else
            _("Marque «Cédula original verificada» tras revisar el documento."))
    for item in missing_required(form.request_type, set(form.attached), form.representative):
        problems.append(_("Falta el documento: {label}.").format(label=item.label))
    return problems
