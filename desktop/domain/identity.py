"""Cédula and RUC rules (DOMAIN.md §1).

`stdnum.ec.ci` and `stdnum.ec.ruc` decide validity; this module turns their verdicts into
specific Spanish messages, names the province, and masks numbers for print.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.ec import ci, ruc

from desktop.errors import ValidationError
from desktop.i18n import _

PROVINCES: dict[str, str] = {
    "01": "Azuay",
    "02": "Bolívar",
    "03": "Cañar",
    "04": "Carchi",
    "05": "Cotopaxi",
    "06": "Chimborazo",
    "07": "El Oro",
    "08": "Esmeraldas",
    "09": "Guayas",
    "10": "Imbabura",
    "11": "Loja",
    "12": "Los Ríos",
    "13": "Manabí",
    "14": "Morona Santiago",
    "15": "Napo",
    "16": "Pastaza",
    "17": "Pichincha",
    "18": "Tungurahua",
    "19": "Zamora Chinchipe",
    "20": "Galápagos",
    "21": "Sucumbíos",
    "22": "Orellana",
    "23": "Santo Domingo de los Tsáchilas",
    "24": "Santa Elena",
    # Accepted by stdnum; not in an official list we could read (DOMAIN.md §1.1).
    "30": "Ecuatorianos registrados en el exterior",
    "50": "Extranjeros residentes",
}

CEDULA_LENGTH = 10


def compact_cedula(text: str) -> str:
    """What the person typed, without spaces or dashes (as stdnum compacts it)."""
    return ci.compact(text)


def validate_cedula(text: str) -> str:
    """Return the 10-digit cédula or raise ValidationError with a specific Spanish message."""
    number = compact_cedula(text)
    try:
        return ci.validate(number)
    except stdnum_errors.InvalidLength as error:
        raise ValidationError(
            _("La cédula debe tener 10 dígitos; tiene {n}.").format(n=len(number)),
            "cedula: invalid length",
            field="cedula",
        ) from error
    except stdnum_errors.InvalidFormat as error:
        raise ValidationError(
            _("La cédula solo puede contener dígitos."), "cedula: invalid format", field="cedula"
        ) from error
    except stdnum_errors.InvalidComponent as error:
        if number[:2] not in PROVINCES:
            message = _("Los dos primeros dígitos ({code}) no corresponden a ninguna provincia.")
            raise ValidationError(
                message.format(code=number[:2]), "cedula: unknown province", field="cedula"
            ) from error
        raise ValidationError(
            _("El tercer dígito ({digit}) no es válido para una cédula; debe ser de 0 a 6.").format(
                digit=number[2]
            ),
            "cedula: invalid third digit",
            field="cedula",
        ) from error
    except stdnum_errors.InvalidChecksum as error:
        raise ValidationError(
            _("El dígito verificador no coincide: revise la cédula."),
            "cedula: invalid checksum",
            field="cedula",
        ) from error


def is_valid_cedula(text: str) -> bool:
    try:
        validate_cedula(text)
    except ValidationError:
        return False
    return True


def province_name(cedula: str) -> str:
    return PROVINCES.get(cedula[:2], _("Desconocida"))


def cedula_check_digit(first_nine: str) -> str:
    """The Módulo 10 check digit (coefficients 2,1,2,1,…) for nine digits."""
    total = 0
    for position, char in enumerate(first_nine):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return str((10 - total % 10) % 10)


def mask_cedula(cedula: str) -> str:
    """`1714307103` → `17******03` (printed documents show no full cédula)."""
    return f"{cedula[:2]}{'*' * (len(cedula) - 4)}{cedula[-2:]}" if len(cedula) > 4 else "****"


def mask_email(email: str) -> str:
    """`maria.perez@gmail.com` → `ma*********@gmail.com`."""
    local, _at, domain = email.partition("@")
    if not domain:
        return "***"
    visible = local[:2] if len(local) > 2 else local[:1]
    return f"{visible}{'*' * max(len(local) - len(visible), 3)}@{domain}"


@dataclass(frozen=True)
class RucCheck:
    """A RUC accepted for the record; `warning` is set when only the checksum fails."""

    ruc: str
    warning: str = ""


def validate_ruc(text: str) -> RucCheck:
    """Validate an employer RUC.

    A checksum failure for a company RUC (third digit 6 or 9) is a warning, not a block:
    the SRI does not generate those with an algorithm (DOMAIN.md §1.2).
    """
    number = ruc.compact(text)
    try:
        return RucCheck(ruc.validate(number))
    except stdnum_errors.InvalidLength as error:
        raise ValidationError(
            _("El RUC debe tener 13 dígitos; tiene {n}.").format(n=len(number)),
            "ruc: invalid length",
            field="ruc",
        ) from error
    except stdnum_errors.InvalidFormat as error:
        raise ValidationError(
            _("El RUC solo puede contener dígitos."), "ruc: invalid format", field="ruc"
        ) from error
    except stdnum_errors.InvalidChecksum as error:
        if number[2] in "69":
            return RucCheck(
                number,
                _(
                    "El dígito verificador del RUC no coincide. Los RUC de sociedades pueden no "
                    "seguir el algoritmo: confirme el número con el documento del empleador."
                ),
            )
        raise ValidationError(
            _("El dígito verificador del RUC no coincide: revise el número."),
            "ruc: invalid checksum",
            field="ruc",
        ) from error
    except stdnum_errors.ValidationError as error:
        if number[:2] not in PROVINCES:
            message = _(
                "Los dos primeros dígitos del RUC ({code}) no corresponden a una provincia."
            )
            raise ValidationError(
                message.format(code=number[:2]), "ruc: unknown province", field="ruc"
            ) from error
        raise ValidationError(
            _("El RUC no tiene una estructura válida (tercer dígito o establecimiento)."),
            "ruc: invalid component",
            field="ruc",
        ) from error
