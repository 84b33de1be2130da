"""Passports of foreign applicants without a cédula (the sheet serves «Persona Natural –
Extranjera»; DOMAIN.md §5 lists the passport «only if there is no cédula»).

A passport is its issuing country (ISO 3166 alpha-2, named in Spanish by Babel's CLDR data)
and its number. No country publishes a checksum for the printed number, so the number is
checked for form only: letters and digits, 5 to 20 of them (ICAO 9303 allows 9 in the
machine-readable zone; some countries print longer numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale

from desktop.domain.identity import mask_cedula
from desktop.errors import ValidationError
from desktop.i18n import _

ECUADOR = "EC"
NUMBER = re.compile(r"[A-Z0-9]{5,20}")


@dataclass(frozen=True)
class Passport:
    country: str  # "CO"
    number: str  # "AB123456"

    @property
    def country_name(self) -> str:
        return country_names().get(self.country, self.country)

    def masked(self) -> str:
        """`AB123456` → `AB****56`: printed documents show no full identity number."""
        number = self.number
        hidden = "*" * max(len(number) - 4, 2)
        return f"{self.country_name} {number[:2]}{hidden}{number[-2:]}"

    def __str__(self) -> str:
        return f"{self.country_name} {self.number}"


@cache
def country_names() -> dict[str, str]:
    """Country code → Spanish name, sorted by name (for the picker)."""
    territories = Locale("es").territories
    codes = [code for code in territories
             if isinstance(code, str) and len(code) == 2 and code.isalpha()
             and code not in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ")]
    return dict(sorted(((code, territories[code]) for code in codes),
                       key=lambda item: item[1]))


def compact_number(text: str) -> str:
    return "".join(char for char in text.upper() if char not in " -.")


def validate_passport(country: str, number_text: str) -> Passport:
    """The passport of a foreigner, or a ValidationError in Spanish (field «passport»)."""
    country = country.strip().upper()
    if not country:
        raise ValidationError(_("Elija el país que emitió el pasaporte."),
                              "passport: country missing", field="passport_country")
    if country not in country_names():
        raise ValidationError(_("El país del pasaporte no es válido."),
                              "passport: unknown country", field="passport_country")
    if country == ECUADOR:
        raise ValidationError(
            _("Una persona ecuatoriana se identifica con su cédula, no con pasaporte."),
            "passport: Ecuadorian", field="passport_country")
    number = compact_number(number_text)
    if not number:
        raise ValidationError(_("Escriba el número del pasaporte."),
                              "passport: number missing", field="passport_number")
    if not NUMBER.fullmatch(number):
        raise ValidationError(
            _("El número de pasaporte solo lleva letras y dígitos, de 5 a 20 caracteres."),
            "passport: malformed number", field="passport_number")
    if not any(char.isdigit() for char in number):
        raise ValidationError(_("El número de pasaporte debe tener al menos un dígito."),
                              "passport: no digits", field="passport_number")
    return Passport(country, number)


def masked_document(cedula: str, passport_country: str, passport_number: str) -> str:
    """«cédula 17******03» or «pasaporte Colombia AB****56», as printed documents show it."""
    if passport_number:
        return _("pasaporte {p}").format(p=Passport(passport_country, passport_number).masked())
    return _("cédula {c}").format(c=mask_cedula(cedula))
