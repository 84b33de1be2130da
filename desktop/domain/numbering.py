"""Case numbers: unique without the central database, with a check character.

`REL-<centre>-<counter 2 digits>-<year>-<6-digit per-counter sequence>-<check char>`,
e.g. `REL-UIO01-01-2026-000001-Q`. The check character is Luhn mod 36 over the other
characters (dashes left out), so a misread or mistyped number is caught.

Next to «UIO01» a check letter O or I is read as the digit 0 or 1, so new numbers print
those two values as 0 and 1: the check treats O≡0 and I≡1, as people read them (a
mistake that turns one of these values into its look-alike goes undetected, which is the
confusion it removes). Numbers issued earlier with O or I stay valid as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdnum import luhn

from desktop.errors import ValidationError
from desktop.i18n import _

PREFIX = "REL"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_SEQUENCE = 999_999
#: Check letters printed as the digit they are confused with.
_LOOK_ALIKE = {"O": "0", "I": "1"}
_PATTERN = re.compile(r"^REL-([A-Z0-9]{5})-(\d{2})-(\d{4})-(\d{6})-([0-9A-Z])$")


@dataclass(frozen=True, order=True)
class CaseNumber:
    centre: str
    counter: int
    year: int
    sequence: int
    #: the check character as an older number printed it (O or I); "" for the current rule
    written_check: str = field(default="", compare=False)

    @property
    def body(self) -> str:
        return f"{PREFIX}-{self.centre}-{self.counter:02d}-{self.year:04d}-{self.sequence:06d}"

    @property
    def luhn_char(self) -> str:
        return luhn.calc_check_digit(self.body.replace("-", ""), alphabet=ALPHABET)

    @property
    def check_char(self) -> str:
        """The check character new numbers print: never O or I."""
        value = self.luhn_char
        return _LOOK_ALIKE.get(value, value)

    def __str__(self) -> str:
        return f"{self.body}-{self.written_check or self.check_char}"


def next_case_number(centre: str, counter: int, year: int, last_sequence: int) -> CaseNumber:
    if last_sequence >= MAX_SEQUENCE:
        raise ValidationError(
            _("Se agotó la numeración de esta ventanilla para {year}.").format(year=year),
            "case numbering exhausted",
        )
    return CaseNumber(centre, counter, year, last_sequence + 1)


def looks_like_case_number(text: str) -> bool:
    """True for text shaped like a case number, whether or not its check character is right."""
    return text.strip().upper().startswith(f"{PREFIX}-")


def parse_case_number(text: str) -> CaseNumber:
    """Parse and verify; a mistyped number says which part is wrong."""
    cleaned = text.strip().upper()
    match = _PATTERN.match(cleaned)
    if not match:
        raise ValidationError(
            _("El número de trámite debe tener la forma REL-UIO01-01-2026-000123-X."),
            "case number: bad shape",
            field="case_number",
        )
    number = CaseNumber(
        match.group(1), int(match.group(2)), int(match.group(3)), int(match.group(4))
    )
    written = match.group(5)
    older = written in _LOOK_ALIKE and written == number.luhn_char  # valid as printed
    if older:
        number = CaseNumber(number.centre, number.counter, number.year, number.sequence,
                            written)
    elif written != number.check_char:
        raise ValidationError(
            _(
                "El número de trámite tiene un error de digitación (el carácter de control no "
                "coincide). Revíselo en el comprobante."
            ),
            "case number: bad check char",
            field="case_number",
        )
    if number.counter == 0 or number.sequence == 0:
        raise ValidationError(
            _("El número de trámite no es válido: la ventanilla y la secuencia empiezan en 1."),
            "case number: zero counter or sequence",
            field="case_number",
        )
    return number
