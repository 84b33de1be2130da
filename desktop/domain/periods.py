"""Contribution periods as the citizen states them: `2023-01 a 2023-12; 2024-03`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.errors import ValidationError
from desktop.i18n import _

_MONTH = r"(\d{4})-(\d{2})"
_RANGE = re.compile(rf"^{_MONTH}(?:\s*(?:a|-|–|al)\s*{_MONTH})?$", re.IGNORECASE)
FIRST_YEAR = 1928  # the Caja del Seguro, predecessor of the IESS, starts in 1928


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True)
class PeriodRange:
    start: Month
    end: Month

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start} a {self.end}"

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def _month(year: str, month: str, today: date) -> Month:
    value = Month(int(year), int(month))
    if not 1 <= value.month <= 12:
        raise ValidationError(
            _("El mes {value} no existe (use AAAA-MM, con mes de 01 a 12).").format(value=value),
            "periods: bad month",
            field="periods",
        )
    if value.year < FIRST_YEAR:
        raise ValidationError(
            _("El período {value} es anterior a 1928, año en que empiezan los aportes al "
              "seguro social.").format(value=value),
            "periods: before first year",
            field="periods",
        )
    if value > Month(today.year, today.month):
        raise ValidationError(
            _("El período {value} es futuro: no puede ser posterior al mes actual.").format(
                value=value
            ),
            "periods: in the future",
            field="periods",
        )
    return value


def parse_periods(text: str, today: date) -> tuple[PeriodRange, ...]:
    """Parse `AAAA-MM[ a AAAA-MM]` items separated by `;` or `,`; empty text is no periods."""
    ranges: list[PeriodRange] = []
    for raw in re.split(r"[;,]", text):
        item = raw.strip()
        if not item:
            continue
        match = _RANGE.match(item)
        if not match:
            raise ValidationError(
                _(
                    "No se entiende «{item}»: escriba períodos como 2023-01 a 2023-12; 2024-03."
                ).format(item=item),
                "periods: unparseable",
                field="periods",
            )
        start = _month(match.group(1), match.group(2), today)
        end = _month(match.group(3), match.group(4), today) if match.group(3) else start
        if end < start:
            raise ValidationError(
                _("El período {start} a {end} termina antes de empezar.").format(
                    start=start, end=end
                ),
                "periods: reversed",
                field="periods",
            )
        ranges.append(PeriodRange(start, end))
    return tuple(sorted(ranges))


def format_periods(ranges: tuple[PeriodRange, ...]) -> str:
    return "; ".join(str(r) for r in ranges)
