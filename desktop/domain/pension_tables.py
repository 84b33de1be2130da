"""The tables behind the pension preview, as data with their sources and validity dates.

Everything here is transcribed from /work/shared/domain/DOMAIN.md §2.4 (coefficient by
years of imposiciones) and §2.5 (SBU by year, pensión mínima and máxima as % of the SBU).
DESIGN.md §4 asks for "tables as data with their source and validity dates, not constants
in code": each table carries the citation DOMAIN.md gives and the dates it is known to
apply. None of these figures was read in an IESS resolution (DOMAIN.md §7 item 3), so the
preview built on them is *referencial* only.

Validity dates are the calendar years the cited sources cover (2024–2026). The rules are
older (C.D. 100, 2006), but only those years are documented; a later year needs a new SBU
row and a review of the tables, and until then the lookup refuses it with a clear error
instead of silently reusing stale amounts.

Amounts are `Decimal`; a percentage is stored as a percentage (`Decimal("60")` is 60 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop.errors import ValidationError
from desktop.i18n import _

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Source:
    """Where a figure comes from, as DOMAIN.md cites it, and what is uncertain about it."""

    citation: str
    urls: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Validity:
    """First and last day (both inclusive) on which a table is known to apply."""

    valid_from: date
    valid_to: date

    def covers_year(self, year: int) -> bool:
        return self.valid_from <= date(year, 1, 1) and date(year, 12, 31) <= self.valid_to


def _calendar_years(first: int, last: int) -> Validity:
    return Validity(date(first, 1, 1), date(last, 12, 31))


# --- SBU (salario básico unificado), DOMAIN.md §2.5 ------------------------------------


@dataclass(frozen=True)
class Sbu:
    """The SBU of one calendar year, in force from 1 January to 31 December."""

    year: int
    amount: Decimal
    validity: Validity
    source: Source


SBU_TABLE: tuple[Sbu, ...] = (
    Sbu(
        2024,
        Decimal("460"),
        _calendar_years(2024, 2024),
        Source(
            "SBU 2024 = USD 460 (DOMAIN.md §2.5)",
            (
                "https://ultimahoraec.com/?p=5669",
                "https://laprensa.com.ec/aportaciones-al-iess-para-recibir-un-sueldo-basico-en-"
                "la-jubilacion",
            ),
        ),
    ),
    Sbu(
        2025,
        Decimal("470"),
        _calendar_years(2025, 2025),
        Source(
            "SBU 2025 = USD 470 (DOMAIN.md §2.5)",
            (
                "https://machalamovil.com/cuanto-me-debe-dar-el-iess-por-jubilacion-si-aporte-"
                "por-20-anos/",
            ),
        ),
    ),
    Sbu(
        2026,
        Decimal("482"),
        _calendar_years(2026, 2026),
        Source(
            "SBU 2026 = USD 482, Acuerdo Ministerial MDT-2025-195, Suplemento R.O. 187, "
            "18-Dec-2025, in force from 1-Jan-2026 (DOMAIN.md §2.5)",
            (
                "https://www.expreso.ec/opinion/carta-de-lectores/aumento-de-pension-jubilar-"
                "2026-no-cuadra-y-perjudica-la-mayoria-273716.html",
                "https://www.expreso.ec/actualidad/politica/alario-basico-unificado-2026-"
                "ministerio-del-trabajo-fijo-el-nuevo-monto-con-acuerdo-267925.html",
                "https://www.bluradio.com/mundo/ecuador-aumento-el-salario-minimo-para-2026-"
                "subira-45-586-anuncio-el-presidente-noboa-cb20",
            ),
        ),
    ),
)


# --- Coefficient by completed years of imposiciones, DOMAIN.md §2.4 -----------------------


@dataclass(frozen=True)
class CoefficientTable:
    """Coefficient by completed years of imposiciones; the last row holds for more years.

    `rows` is the full table as printed (typos corrected), not a formula: the formula
    `0.4375 + 0.0125 × (años − 5)` only describes 5–35 years, and the tests check that the
    stored rows agree with it there.
    """

    rows: tuple[tuple[int, Decimal], ...]
    validity: Validity
    source: Source

    @property
    def first_years(self) -> int:
        return self.rows[0][0]

    @property
    def last_years(self) -> int:
        return self.rows[-1][0]

    def for_years(self, years: int) -> Decimal | None:
        """The coefficient for `years` completed years; None below the first row (5 years).

        From 40 years on the coefficient stays at 1.0000: DOMAIN.md §2.4 could not confirm
        whether it grows past 40 years, and this preview assumes it does not.
        """
        if years < self.first_years:
            return None
        capped = min(years, self.last_years)
        for row_years, coefficient in self.rows:
            if row_years == capped:
                return coefficient
        raise AssertionError(f"coefficient table has no row for {capped} years")


COEFFICIENTS = CoefficientTable(
    rows=(
        (5, Decimal("0.4375")),
        (6, Decimal("0.4500")),
        (7, Decimal("0.4625")),
        (8, Decimal("0.4750")),  # press prints "46,2 %"; corrected by the linear rule (§2.4)
        (9, Decimal("0.4875")),
        (10, Decimal("0.5000")),
        (11, Decimal("0.5125")),
        (12, Decimal("0.5250")),
        (13, Decimal("0.5375")),
        (14, Decimal("0.5500")),
        (15, Decimal("0.5625")),
        (16, Decimal("0.5750")),
        (17, Decimal("0.5875")),
        (18, Decimal("0.6000")),
        (19, Decimal("0.6125")),
        (20, Decimal("0.6250")),  # press prints "0,6259"; corrected by the linear rule (§2.4)
        (21, Decimal("0.6375")),
        (22, Decimal("0.6500")),
        (23, Decimal("0.6625")),
        (24, Decimal("0.6750")),
        (25, Decimal("0.6875")),
        (26, Decimal("0.7000")),
        (27, Decimal("0.7125")),
        (28, Decimal("0.7250")),
        (29, Decimal("0.7375")),
        (30, Decimal("0.7500")),
        (31, Decimal("0.7625")),
        (32, Decimal("0.7750")),
        (33, Decimal("0.7875")),
        (34, Decimal("0.8000")),
        (35, Decimal("0.8125")),
        (36, Decimal("0.8325")),
        (37, Decimal("0.8605")),
        (38, Decimal("0.8970")),
        (39, Decimal("0.9430")),
        (40, Decimal("1.0000")),  # 40 years and more (assumption: no coefficient above 1.0)
    ),
    validity=_calendar_years(2024, 2026),
    source=Source(
        "Coeficiente por años de imposiciones, El Universo, \"Fuente: IESS\"; partial "
        "cross-check Vistazo (DOMAIN.md §2.4). Reported as C.D. 100 (art. 13 per the press, "
        "NOT CONFIRMED).",
        (
            "https://eluniverso.com/noticias/ecuador/cuanto-recibire-por-jubilacion-con-15-anos"
            "-de-aportes-al-iess-nota/?outputType=amp",
            "https://vistazo.com/actualidad/nacional/iess-porcentaje-salario-recibire-"
            "jubilarme-KI7956783",
        ),
        note=(
            "Two press typos corrected by the linear rule 0.4375 + 0.0125 × (años − 5): "
            "8 years 0.4750 (printed 46,2 %), 20 years 0.6250 (printed 0,6259). NOT CONFIRMED: "
            "partial years, coefficients above 1.0 past 40 years, the article of C.D. 100."
        ),
    ),
)


# --- Pensión mínima and máxima by years of aportación, DOMAIN.md §2.5 ----------------------


@dataclass(frozen=True)
class Bracket:
    """A range of completed years of aportación (`to_years` None: "y más") and its % of SBU.

    `assumed` marks a row no source prints; `note` says why the value was chosen.
    """

    from_years: int
    to_years: int | None
    percent: Decimal
    assumed: bool = False
    note: str = ""

    def contains(self, years: int) -> bool:
        return self.from_years <= years and (self.to_years is None or years <= self.to_years)

    def amount(self, sbu: Decimal) -> Decimal:
        """The bracket's amount at `sbu`, in cents (exact for whole percentages)."""
        return (sbu * self.percent / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def label(self) -> str:
        if self.to_years is None:
            return _("{n} años y más").format(n=self.from_years)
        if self.from_years == 0:
            return _("Hasta {n} años").format(n=self.to_years)
        return _("De {a} a {b} años").format(a=self.from_years, b=self.to_years)


@dataclass(frozen=True)
class BracketTable:
    """Minimum or maximum pension: brackets that cover every number of years exactly once."""

    name: str
    brackets: tuple[Bracket, ...]
    validity: Validity
    source: Source

    def bracket_for(self, years: int) -> Bracket:
        for bracket in self.brackets:
            if bracket.contains(years):
                return bracket
        raise AssertionError(f"{self.name} table has no bracket for {years} years")

    def amount(self, years: int, sbu: Decimal) -> Decimal:
        return self.bracket_for(years).amount(sbu)


MINIMUM = BracketTable(
    name="pensión mínima",
    brackets=(
        Bracket(0, 10, Decimal("50")),
        Bracket(11, 20, Decimal("60")),
        Bracket(21, 30, Decimal("70")),
        Bracket(31, 35, Decimal("80")),
        Bracket(36, 39, Decimal("90")),
        Bracket(40, None, Decimal("100")),
    ),
    validity=_calendar_years(2024, 2026),
    source=Source(
        "Pensión mínima por años de aportación, % del SBU: machalamovil (2025), El Universo "
        "(2024), ultimahoraec (2024), diariocentro (2026) (DOMAIN.md §2.5). Applies to vejez, "
        "invalidez and discapacidad (sisepuedeecuador).",
        (
            "https://machalamovil.com/cuanto-me-debe-dar-el-iess-por-jubilacion-si-aporte-por-"
            "20-anos/",
            "https://eluniverso-el-universo-prod.web.arc-cdn.net/noticias/ecuador/tus-ultimos-"
            "5-anos-de-trabajo-son-claves-el-error-que-muchos-cometen-y-que-reduce-"
            "drasticamente-tu-pension-del-iess-nota",
            "https://ultimahoraec.com/?p=5669",
            "https://www.diariocentro.ec/jubilados-iess-aumento-pensiones-enero-2026-cuanto-"
            "subiran-20260102/",
            "https://www.sisepuedeecuador.com/cuanto-recibiras-al-jubilarte-estos-son-los-"
            "montos-minimos-y-maximos-de-la-pension",
        ),
        note="Amounts are the percentage × SBU of the year (DOMAIN.md computed them).",
    ),
)

MAXIMUM_11_14_NOTE = (
    "ASSUMPTION: every source skips 11–14 years in the maximum table (DOMAIN.md §2.5, NOT "
    "CONFIRMED, 'probably 250 %'). 250 % is used: it continues the 'hasta 10' row and fits the "
    "table's pattern of +50 % every 5 years (10–14 → 250 %, 15–19 → 300 %). ultimahoraec "
    "groups the maximum by the minimum's brackets (11–20 → 1,380 = 300 % in 2024); DOMAIN.md "
    "did not use that grouping. Product owner to confirm."
)

MAXIMUM = BracketTable(
    name="pensión máxima",
    brackets=(
        Bracket(0, 10, Decimal("250")),
        Bracket(11, 14, Decimal("250"), assumed=True, note=MAXIMUM_11_14_NOTE),
        Bracket(15, 19, Decimal("300")),
        Bracket(20, 24, Decimal("350")),
        Bracket(25, 29, Decimal("400")),
        Bracket(30, 34, Decimal("450")),
        Bracket(35, 39, Decimal("500")),
        Bracket(40, None, Decimal("550")),
    ),
    validity=_calendar_years(2024, 2026),
    source=Source(
        "Pensión máxima por años de aportación, % del SBU: El Universo and machalamovil; 2024 "
        "amounts match laprensa; 2026 USD 2,651 printed by diariocentro and noticiaslatr "
        "(DOMAIN.md §2.5).",
        (
            "https://eluniverso-el-universo-prod.web.arc-cdn.net/noticias/ecuador/tus-ultimos-"
            "5-anos-de-trabajo-son-claves-el-error-que-muchos-cometen-y-que-reduce-"
            "drasticamente-tu-pension-del-iess-nota",
            "https://machalamovil.com/cuanto-me-debe-dar-el-iess-por-jubilacion-si-aporte-por-"
            "20-anos/",
            "https://laprensa.com.ec/aportaciones-al-iess-para-recibir-un-sueldo-basico-en-la-"
            "jubilacion",
            "https://www.diariocentro.ec/jubilados-iess-aumento-pensiones-enero-2026-cuanto-"
            "subiran-20260102/",
            "https://noticiaslatr.pages.dev/articulo/69644d802b27abd3c9b97ca7",
        ),
        note=(
            "2025 press printed 2,125 (30–34) and 1,635 (20–24): arithmetic slips for 2,115 "
            "and 1,645. The 11–14 row is an assumption, see its note."
        ),
    ),
)


# --- Lookup by the year the pension applies -----------------------------------------------


class NoTablesForYear(ValidationError):
    """No SBU (or no table) is recorded for the year asked: the preview cannot be made."""


@dataclass(frozen=True)
class YearTables:
    """Everything the preview needs for one calendar year, all valid in that year."""

    year: int
    sbu: Sbu
    coefficients: CoefficientTable
    minimum: BracketTable
    maximum: BracketTable

    def coefficient(self, years: int) -> Decimal | None:
        return self.coefficients.for_years(years)

    def minimum_amount(self, years: int) -> Decimal:
        return self.minimum.amount(years, self.sbu.amount)

    def maximum_amount(self, years: int) -> Decimal:
        return self.maximum.amount(years, self.sbu.amount)


def known_years() -> tuple[int, ...]:
    """Years for which an SBU and all three tables are recorded."""
    tables = (COEFFICIENTS.validity, MINIMUM.validity, MAXIMUM.validity)
    return tuple(
        sbu.year for sbu in SBU_TABLE if all(v.covers_year(sbu.year) for v in tables)
    )


def sbu_for(year: int) -> Sbu:
    """The SBU in force in `year`; refuses a year with no recorded SBU."""
    for sbu in SBU_TABLE:
        if sbu.year == year:
            return sbu
    raise _unknown_year(year)


def tables_for(year: int) -> YearTables:
    """The SBU and tables in force in `year` (the year the pension is paid at).

    Refuses (NoTablesForYear, Spanish message) a year outside the tables' validity instead
    of guessing an SBU: the amounts are tied to it (DOMAIN.md §2.5, §2.8).
    """
    if year not in known_years():
        raise _unknown_year(year)
    return YearTables(year, sbu_for(year), COEFFICIENTS, MINIMUM, MAXIMUM)


def year_in_force(day: date) -> int:
    """The year whose tables apply to a request filed on `day`: that year's, or while a new
    year's SBU is not registered yet, the latest earlier year's (the caller says so)."""
    years = [year for year in known_years() if year <= day.year]
    if not years:
        raise _unknown_year(day.year)
    return max(years)


def _unknown_year(year: int) -> NoTablesForYear:
    available = ", ".join(str(y) for y in known_years())
    return NoTablesForYear(
        _(
            "No hay SBU ni tablas de pensión registradas para el año {year} (años disponibles: "
            "{available}); el cálculo referencial no es posible."
        ).format(year=year, available=available),
        f"pension tables: no tables for year {year}",
        field="year",
    )
