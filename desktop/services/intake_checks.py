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
    return _check(contact.validate_mobile, text)


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
    email: str = ""
    phone: str = ""
    employer_ruc: str = ""
    periods: str = ""
    cedula_verified: bool = False
    attached: frozenset[DocumentType] = field(default_factory=frozenset)
    eligible: bool = False
    open_case: str = ""
    request_type: RequestType = RequestType.RELIQUIDACION


def missing(form: FormState) -> list[str]:
    """Everything that stops Registrar, in form order, in words for the clerk."""
    problems: list[str] = []
    cedula = check_cedula(form.cedula)
    if not form.cedula.strip():
        problems.append(_("la cédula del solicitante"))
    elif not cedula.ok:
        problems.append(_("Cédula: {m}").format(m=cedula.message))
    elif form.open_case:
        problems.append(
            _("Ya existe un trámite abierto ({n}) para esta cédula.").format(n=form.open_case)
        )
    elif not form.eligible:
        problems.append(_("La persona no cumple los requisitos del trámite."))
    for label, result in (
        (_("Correo"), check_email(form.email)),
        (_("Celular"), check_phone(form.phone)),
        (_("RUC del empleador"), check_ruc(form.employer_ruc)),
        (_("Períodos"), check_periods(form.periods)),
    ):
        if not result.ok:
            problems.append(f"{label}: {result.message}")
    if not form.cedula_verified:
        problems.append(_("Marque «Cédula original verificada» tras revisar el documento."))
    for item in missing_required(form.request_type, set(form.attached)):
        problems.append(_("Falta el documento: {label}.").format(label=item.label))
    return problems
