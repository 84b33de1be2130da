"""Pension preview: the vejez pension before and after the employer pays late contributions.

DESIGN.md §4 ("Pension preview", supervisor only) and DOMAIN.md §2.3–2.5, §2.10. The
result is a *cálculo referencial, no vinculante*: the rules were read in the press, not in
the IESS resolutions (DOMAIN.md §7 item 3), so it is never printed and never stored as a
figure the citizen is owed. The renta is whatever the Acuerdo says.

The calculation, in order:

1. **Base** (C.D. 100 Art. 2 as restored by C.D. 641, quoted in DOMAIN.md §2.3: "suma de
   doce (12) meses de imposiciones consecutivas … dividirá para doce … cinco (5) promedios
   mensuales de mayor cuantía … dividirá para cinco"). See `best_years` for how this module
   reads "consecutivas" and why the five years never overlap.
2. **Years of imposiciones** = contributed months // 12 (completed years). DOMAIN.md §2.4
   could not confirm how partial years count; this preview drops the remainder.
3. **Coefficient** from the table for those years (`pension_tables.COEFFICIENTS`); below
   5 years there is none and the preview refuses to compute.
4. **Raw pension** = base × coefficient, then **clamped** to the mínimo and máximo for those
   years at the SBU of the year asked (DOMAIN.md §2.5).

Amounts are `Decimal`. Sums of salaries are exact; divisions run at 50 significant digits;
base, raw, minimum, maximum and final are rounded to cents (ROUND_HALF_UP) only at the end,
so the shown raw is base_exact × coefficient rounded, not shown_base × coefficient.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import StrEnum
from itertools import pairwise

from desktop.domain.pension_tables import CENT, YearTables, tables_for
from desktop.domain.periods import FIRST_YEAR, Month
from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate

BEST_YEARS = 5
MONTHS_PER_WINDOW = 12
REFERENTIAL_LABEL = N_("Cálculo referencial, no vinculante")
_PRECISION = 50
_MONTH_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


class PensionNotComputable(ValidationError):
    """The history does not allow a vejez preview (under 5 years, or no 12-month run)."""


# --- Contribution history ---------------------------------------------------------------


def _index(month: Month) -> int:
    return month.year * 12 + month.month - 1


def _month_at(index: int) -> Month:
    year, month0 = divmod(index, 12)
    return Month(year, month0 + 1)


def _refuse(message: str, log: str) -> ValidationError:
    return ValidationError(message, f"pension history: {log}", field="history")


def parse_month(value: Month | str) -> Month:
    """A `Month` or its `AAAA-MM` text; the month must exist and not precede 1928."""
    if isinstance(value, str):
        match = _MONTH_TEXT.match(value.strip())
        if not match:
            raise _refuse(
                _("«{value}» no es un mes: use AAAA-MM.").format(value=value), "bad month text"
            )
        value = Month(int(match.group(1)), int(match.group(2)))
    if not 1 <= value.month <= 12 or value.year < FIRST_YEAR:
        raise _refuse(
            _("El mes {value} no existe o es anterior a 1928.").format(value=value),
            "month out of range",
        )
    return value


def parse_salary(value: Decimal | int | str) -> Decimal:
    """A positive, finite salary. Floats are refused: they cannot hold cents exactly."""
    if isinstance(value, bool | float):
        raise _refuse(_("El sueldo debe ser un valor decimal exacto."), "float salary")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise _refuse(
            _("«{value}» no es un sueldo válido.").format(value=value), "bad salary text"
        ) from None
    if not amount.is_finite() or amount <= 0:
        raise _refuse(
            _("El sueldo de aportación debe ser mayor que cero (se recibió {value}).").format(
                value=value
            ),
            "salary not positive",
        )
    return amount


@dataclass(frozen=True, order=True)
class Contribution:
    """One imposición: the month and the salary contributions were paid on."""

    month: Month
    salary: Decimal


@dataclass(frozen=True)
class History:
    """Contributions by month, sorted, at most one per month; months may be missing."""

    contributions: tuple[Contribution, ...]

    def __post_init__(self) -> None:
        months = [c.month for c in self.contributions]
        for earlier, later in pairwise(months):
            if earlier == later:
                raise _refuse(
                    _("El mes {month} aparece dos veces en la historia laboral.").format(
                        month=later
                    ),
                    "duplicate month",
                )
            if later < earlier:
                raise ValueError("History.contributions must be sorted by month")

    @classmethod
    def of(cls, items: Iterable[tuple[Month | str, Decimal | int | str]]) -> History:
        """Build from `(AAAA-MM or Month, salary)` pairs in any order; duplicates refused."""
        parsed = [Contribution(parse_month(m), parse_salary(s)) for m, s in items]
        return cls(tuple(sorted(parsed, key=lambda c: c.month)))

    def __len__(self) -> int:
        return len(self.contributions)

    @property
    def months(self) -> frozenset[Month]:
        return frozenset(c.month for c in self.contributions)

    def salaries(self) -> dict[Month, Decimal]:
        return {c.month: c.salary for c in self.contributions}

    def without(self, months: Iterable[Month | str]) -> History:
        """The same history minus `months` (e.g. the ones the employer paid late)."""
        drop = {parse_month(m) for m in months}
        return History(tuple(c for c in self.contributions if c.month not in drop))

    def plus(self, items: Iterable[tuple[Month | str, Decimal | int | str]]) -> History:
        """The history with more months (e.g. the ones the employer paid); duplicates refused."""
        added = History.of(items)
        return History(tuple(sorted(self.contributions + added.contributions)))


# --- Base: the five best years ---------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """Twelve consecutive calendar months, every one contributed: one "año" of the base."""

    start: Month
    end: Month
    total: Decimal  # exact sum of the twelve salaries

    @property
    def average(self) -> Decimal:
        """The monthly average of the window, in cents (for display)."""
        return _cents(_divide(self.total, Decimal(MONTHS_PER_WINDOW)))


def best_years(history: History, count: int = BEST_YEARS) -> tuple[Window, ...]:
    """The `count` non-overlapping 12-month windows with the largest total salary.

    How C.D. 100 Art. 2 (DOMAIN.md §2.3) is read here — each point is an ASSUMPTION, since
    the resolution's text was only seen quoted:

    - "doce (12) meses de imposiciones consecutivas" means twelve consecutive *calendar*
      months that all have an imposición. A missing month breaks the run; a window never
      jumps a gap. Two reasons: it is the literal reading (consecutive months, each with an
      imposición), and it is the reading under which paying late months can only add windows,
      never move existing ones — so an employer's payment never lowers the base. (Windows of
      12 consecutive *contributed* months skipping gaps would let one low late month, slotted
      into a run of high months, pull a best year down.) DOMAIN.md §2.10 also speaks of late
      months that "complete a 12-month run".
    - The five "años" are distinct: windows never share a month. Among all sets of
      non-overlapping windows the one with the largest sum is chosen (dynamic programming
      over calendar months, exact and O(months × 5)); windows need not start in January.
    - If fewer than five non-overlapping windows exist, all that exist are used and the base
      divides by their number (not by five). The preview notes this. With none, no base.
    - Ties (equal sums) are broken towards the most recent windows, so the result is stable.

    Returns the windows in calendar order.
    """
    salaries = {_index(c.month): c.salary for c in history.contributions}
    if not salaries:
        return ()
    first = min(salaries)
    span = max(salaries) - first + 1
    # totals[i]: exact sum of the window ending at calendar position i-1 (prefix i), if valid.
    totals: list[Decimal | None] = [None] * (span + 1)
    run = 0
    running: list[Decimal] = []
    for position in range(span):
        salary = salaries.get(first + position)
        if salary is None:
            run = 0
            running.clear()
            continue
        run += 1
        running.append(salary)
        if run >= MONTHS_PER_WINDOW:
            totals[position + 1] = sum(running[-MONTHS_PER_WINDOW:], Decimal(0))
    # best[i][j]: largest sum of exactly j non-overlapping windows inside the first i months.
    best: list[list[Decimal | None]] = [[Decimal(0)] + [None] * count]
    for prefix in range(1, span + 1):
        row = list(best[prefix - 1])
        total = totals[prefix]
        if total is not None:
            before = best[prefix - MONTHS_PER_WINDOW]
            for j in range(1, count + 1):
                previous, current = before[j - 1], row[j]
                if previous is not None and (current is None or previous + total >= current):
                    row[j] = previous + total  # ">=": on a tie, take the later window
        best.append(row)
    found = max(j for j in range(count + 1) if best[span][j] is not None)
    windows: list[Window] = []
    prefix, j = span, found
    while j > 0:
        total = totals[prefix]
        earlier = best[prefix - MONTHS_PER_WINDOW][j - 1] if total is not None else None
        if total is not None and earlier is not None and earlier + total == best[prefix][j]:
            end = first + prefix - 1
            windows.append(
                Window(_month_at(end - MONTHS_PER_WINDOW + 1), _month_at(end), total)
            )
            prefix -= MONTHS_PER_WINDOW
            j -= 1
        else:
            prefix -= 1
    return tuple(reversed(windows))


# --- One calculation ---------------------------------------------------------------------------


class Bound(StrEnum):
    """Which limit decided the pension, if any (DOMAIN.md §2.5)."""

    NINGUNO = "NINGUNO"
    MINIMO = "MINIMO"
    MAXIMO = "MAXIMO"

    @property
    def label(self) -> str:
        return {
            Bound.NINGUNO: _("Entre el mínimo y el máximo"),
            Bound.MINIMO: _("Se aplica la pensión mínima"),
            Bound.MAXIMO: _("Se aplica la pensión máxima"),
        }[self]


@dataclass(frozen=True)
class Calculation:
    """Every step of one calculation, so the supervisor can follow it (amounts in cents)."""

    year: int  # the year the pension is computed for: its SBU and tables
    sbu: Decimal
    months: int  # imposiciones in the history
    years: int  # completed years: months // 12
    windows: tuple[Window, ...]  # the best years used for the base (up to five)
    base: Decimal
    coefficient: Decimal
    raw: Decimal  # base × coefficient, before the limits
    minimum: Decimal
    maximum: Decimal
    bound: Bound
    final: Decimal
    notes: tuple[str, ...]
    referential: bool = True


def calculate(history: History, year: int) -> Calculation:
    """The referential vejez pension for `history` at the SBU and tables of `year`.

    Raises NoTablesForYear for a year without tables, PensionNotComputable below 5 years
    of imposiciones (the coefficient table starts there: other kinds of pension are not
    covered) or when no 12 consecutive contributed months exist.
    """
    tables = tables_for(year)
    months = len(history)
    years = months // MONTHS_PER_WINDOW
    coefficient = tables.coefficient(years)
    if coefficient is None:
        raise PensionNotComputable(
            _(
                "Con {months} imposiciones ({years} años completos) no hay coeficiente de "
                "vejez (la tabla empieza en 5 años, 60 imposiciones): el cálculo referencial "
                "no es posible."
            ).format(months=months, years=years),
            f"pension preview: {years} years, below the coefficient table",
            field="history",
        )
    windows = best_years(history)
    if not windows:
        raise PensionNotComputable(
            _(
                "La historia no tiene 12 meses consecutivos con aporte: no hay base de cálculo "
                "y el cálculo referencial no es posible."
            ),
            "pension preview: no 12-month run",
            field="history",
        )
    total = sum((w.total for w in windows), Decimal(0))
    divisor = Decimal(MONTHS_PER_WINDOW * len(windows))
    base_exact = _divide(total, divisor)
    raw_exact = _divide(total, divisor, coefficient)
    minimum = tables.minimum_amount(years)
    maximum = tables.maximum_amount(years)
    if raw_exact < minimum:
        bound, final = Bound.MINIMO, minimum
    elif raw_exact > maximum:
        bound, final = Bound.MAXIMO, maximum
    else:
        bound, final = Bound.NINGUNO, _cents(raw_exact)
    return Calculation(
        year=year,
        sbu=tables.sbu.amount,
        months=months,
        years=years,
        windows=windows,
        base=_cents(base_exact),
        coefficient=coefficient,
        raw=_cents(raw_exact),
        minimum=minimum,
        maximum=maximum,
        bound=bound,
        final=_cents(final),
        notes=_calculation_notes(tables, months, years, windows, bound),
    )


def _calculation_notes(
    tables: YearTables, months: int, years: int, windows: tuple[Window, ...], bound: Bound
) -> tuple[str, ...]:
    notes: list[str] = []
    if len(windows) < BEST_YEARS:
        notes.append(
            _(
                "Solo hay {n} período(s) de 12 meses consecutivos con aporte sin superponerse; "
                "la base promedia esos {n} y no cinco (supuesto)."
            ).format(n=len(windows))
        )
    if months % MONTHS_PER_WINDOW:
        notes.append(
            _(
                "{rest} imposiciones no completan un año y no cuentan para el coeficiente "
                "(supuesto: solo años completos)."
            ).format(rest=months % MONTHS_PER_WINDOW)
        )
    if years > tables.coefficients.last_years:
        notes.append(
            _("Con más de 40 años el coeficiente se mantiene en 1,0000 (supuesto).")
        )
    maximum_bracket = tables.maximum.bracket_for(years)
    if maximum_bracket.assumed:
        notes.append(
            _(
                "La pensión máxima para {label} ({percent} % del SBU) es un supuesto: ninguna "
                "fuente publica ese tramo."
            ).format(label=maximum_bracket.label.lower(), percent=maximum_bracket.percent)
        )
    if bound is not Bound.NINGUNO:
        notes.append(bound.label + ".")
    return tuple(notes)


# --- Preview: before and after the employer's payment ------------------------------------------


@dataclass(frozen=True)
class PensionPreview:
    """Previous and new monthly pension and the difference; referential, never binding."""

    previous: Decimal
    new: Decimal
    difference: Decimal  # new − previous, from the rounded amounts
    before: Calculation
    after: Calculation
    notes: tuple[str, ...]
    referential: bool = True
    label: str = REFERENTIAL_LABEL

    def __post_init__(self) -> None:
        if not self.referential:
            raise ValueError("a pension preview is always referential, never binding")


def preview(before: History, after: History, year: int) -> PensionPreview:
    """Compare the pension without and with the months the employer paid late.

    `before` is the history without the late-paid months, `after` with them (DOMAIN.md
    §2.10: they may add imposiciones, raise the coefficient, move the pensioner to another
    mínimo/máximo bracket, and change the base). `after` must hold every month of `before`
    (a salary may differ: a payment can be a *diferencia de aportes*). Both are computed with
    the SBU and tables of `year`, so the difference is only the effect of the payment.
    """
    missing = sorted(before.months - after.months)
    if missing:
        raise ValidationError(
            _(
                "La historia después del pago no contiene {month}, que sí está antes del pago."
            ).format(month=missing[0]),
            "pension preview: after lacks months of before",
            field="history",
        )
    previous = _side(before, year, _("Antes del pago del empleador"))
    new = _side(after, year, _("Después del pago del empleador"))
    added = len(after.months - before.months)
    old_salaries = before.salaries()
    changed = sum(
        1 for c in after.contributions if c.month in old_salaries
        and old_salaries[c.month] != c.salary
    )
    tables = tables_for(year)
    notes = [
        _("{label}: no se imprime; la renta la fija el Acuerdo de la Dirección del Sistema de "
          "Pensiones.").format(label=translate(REFERENTIAL_LABEL)),
        _(
            "Base según C.D. 100 Art. 2 (restituido por C.D. 641): los cinco mejores promedios "
            "de 12 meses consecutivos con aporte, sin superponerse. Las pensiones concedidas "
            "entre septiembre de 2017 y mayo de 2021 pudieron calcularse con otra regla "
            "(C.D. 554)."
        ),
        _("SBU {year}: USD {sbu}; mínimo y máximo según los años de aportación.").format(
            year=year, sbu=tables.sbu.amount
        ),
        _("Imposiciones añadidas por el pago: {added}; meses con sueldo corregido: "
          "{changed}.").format(added=added, changed=changed),
    ]
    notes += [_("Antes del pago: {note}").format(note=note) for note in previous.notes]
    notes += [_("Después del pago: {note}").format(note=note) for note in new.notes]
    difference = new.final - previous.final
    if difference < 0:
        notes.append(
            _("La pensión nueva resulta menor: revise los meses y los sueldos ingresados.")
        )
    return PensionPreview(
        previous=previous.final,
        new=new.final,
        difference=difference,
        before=previous,
        after=new,
        notes=tuple(notes),
        label=translate(REFERENTIAL_LABEL),
    )


def _side(history: History, year: int, side: str) -> Calculation:
    try:
        return calculate(history, year)
    except PensionNotComputable as error:
        raise PensionNotComputable(
            f"{side}: {error.user_message}", error.log_message, field=error.field
        ) from error


# --- Decimal helpers -------------------------------------------------------------------------


def _divide(numerator: Decimal, denominator: Decimal, factor: Decimal = Decimal(1)) -> Decimal:
    """numerator × factor ÷ denominator, at 50 significant digits (exact multiplication)."""
    with localcontext() as context:
        context.prec = _PRECISION
        return numerator * factor / denominator


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
