"""Contact data the procedure requires: a valid email and an Ecuadorian mobile number."""

from __future__ import annotations

import email_validator
import phonenumbers

from desktop.errors import ValidationError
from desktop.i18n import _

PHONE_REGION = "EC"


def validate_email(text: str) -> str:
    """Return the normalised address; syntax and domain form only (no network check)."""
    text = text.strip()
    if not text:
        raise ValidationError(
            _("El correo electrónico es obligatorio: por él se notifica el trámite."),
            "email: missing",
            field="email",
        )
    try:
        result = email_validator.validate_email(text, check_deliverability=False)
    except email_validator.EmailNotValidError as error:
        raise ValidationError(
            _("El correo electrónico no es válido: revise que tenga la forma nombre@dominio.ec."),
            "email: invalid",
            field="email",
        ) from error
    return result.normalized


def validate_mobile(text: str) -> str:
    """Return the number in E.164 (`+593991234567`); only Ecuadorian mobiles are accepted."""
    text = text.strip()
    if not text:
        raise ValidationError(
            _("El teléfono celular es obligatorio."), "phone: missing", field="phone"
        )
    if any(char.isalpha() for char in text):
        raise ValidationError(
            _("El teléfono solo puede contener dígitos (y espacios o guiones)."),
            "phone: letters",
            field="phone",
        )
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("El teléfono no es un número válido."), "phone: unparseable", field="phone"
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("El teléfono no es un número válido de Ecuador (celular: 09 y 8 dígitos)."),
            "phone: invalid",
            field="phone",
        )
    if phonenumbers.region_code_for_number(number) != PHONE_REGION:
        raise ValidationError(
            _("Ingrese un celular de Ecuador (+593 o 09…); el número es de otro país."),
            "phone: not Ecuadorian",
            field="phone",
        )
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(
            _("Ingrese un teléfono celular (empieza con 09); el número es de línea fija."),
            "phone: not mobile",
            field="phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_mobile(e164: str) -> str:
    """`+593991234567` → `099 123 4567` for display."""
    number = phonenumbers.parse(e164, PHONE_REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
