"""Who stands at the counter: the applicant's typed name when the registry does not know
them, and a representative (apoderado) with their own identity (issue 11).

A representative is identified like an applicant: by cédula, or by passport for a
foreigner without one. Their power of attorney is a checklist document (scanned like the
others); the intake service requires it when a representative files, and delivery to a
representative requires it on file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.central import models as central
from desktop.domain.identity import validate_cedula
from desktop.domain.passport import Passport, masked_document, validate_passport
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.limits import checked_text

LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Representative:
    """As typed: a name, and either a cédula or a passport (country + number)."""

    name: str
    cedula: str = ""
    passport_country: str = ""
    passport_number: str = ""

    @property
    def by_passport(self) -> bool:
        return bool(self.passport_country.strip() or self.passport_number.strip())


@dataclass(frozen=True)
class CheckedRepresentative:
    name: str
    cedula: str  # '' when identified by passport
    passport: Passport | None

    def columns(self) -> dict[str, Any]:
        return {"representative_name": self.name, "representative_cedula": self.cedula,
                "representative_passport_country": self.passport.country if self.passport
                else "",
                "representative_passport_number": self.passport.number if self.passport
                else ""}


def checked_name(text: str, field: str, label: str) -> str:
    """A person's full name: letters, at least two words, within central's column."""
    name = " ".join(checked_text(text, central.Case.applicant_name, field=field,
                                 label=label).split())
    if len(name.split()) < 2 or sum(1 for _c in LETTERS.finditer(name)) < 4:
        raise ValidationError(
            _("Escriba los nombres y apellidos completos en «{label}».").format(label=label),
            f"{field}: name missing or too short", field=field)
    if any(char.isdigit() for char in name):
        raise ValidationError(
            _("«{label}» no puede llevar dígitos.").format(label=label),
            f"{field}: digits in a name", field=field)
    return name.upper()


def checked_representative(representative: Representative | None,
                           applicant_cedula: str) -> CheckedRepresentative | None:
    """None when the applicant files in person; else the representative's checked identity
    (ValidationError in Spanish for a missing or bad one)."""
    if representative is None:
        return None
    name = checked_name(representative.name, "representative_name",
                        _("Nombres y apellidos del representante"))
    if representative.by_passport:
        passport = validate_passport(representative.passport_country,
                                     representative.passport_number)
        return CheckedRepresentative(name, "", passport)
    if not representative.cedula.strip():
        raise ValidationError(
            _("Escriba la cédula del representante (o su pasaporte si es extranjero)."),
            "representative: identity missing", field="representative_cedula")
    cedula = validate_cedula(representative.cedula)
    if cedula == applicant_cedula:
        raise ValidationError(
            _("El representante no puede tener la misma cédula que el pensionista."),
            "representative: same cedula as the applicant", field="representative_cedula")
    return CheckedRepresentative(name, cedula, None)


def representative_line(name: str, cedula: str, passport_country: str,
                        passport_number: str) -> str:
    """«NAME (cédula 17******03)», or '' when the applicant filed in person."""
    if not name:
        return ""
    return f"{name} ({masked_document(cedula, passport_country, passport_number)})"
