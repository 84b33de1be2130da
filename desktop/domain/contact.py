"""Contact data: a valid email (the procedure requires it) and, optionally, an Ecuadorian
phone number, mobile or landline."""

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


def validate_phone(text: str) -> str:
    """Return the number in E.164 (`+593991234567`, `+59322345678`), or '' when none was
    given: the procedure asks only for an email, so a phone is optional; any Ecuadorian
    number, mobile or landline, is accepted."""
    text = text.strip()
    if not text:
        return ""
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
    if phonenumbers.is_valid_number(number) and (
        phonenumbers.region_code_for_number(number) != PHONE_REGION
    ):
        raise ValidationError(
            _("Ingrese un teléfono de Ecuador (+593, 09… o 0 y provincia); el número es de "
              "otro país."),
            "phone: not Ecuadorian",
            field="phone",
        )
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("El teléfono no es un número válido de Ecuador (celular: 09 y 8 dígitos; fijo: "
              "código de provincia y 7 dígitos, por ejemplo 02 234 5678)."),
            "phone: invalid",
            field="phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """`+593991234567` → `099 123 4567`, `+59322345678` → `(02) 234-5678` for display."""
    number = phonenumbers.parse(e164, PHONE_REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
