"""Pension preview: the tables of DOMAIN.md §2.4–2.5 exactly, its worked examples, the base.

Test vectors are copied by hand from /work/shared/domain/DOMAIN.md (§2.4 coefficient table,
§2.5 minimum and maximum tables for 2024/2025/2026, §2.4 and §2.10 examples), not computed
from the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.pension import (
    REFERENTIAL_LABEL,
    Bound,
    History,
    PensionNotComputable,
    PensionPreview,
    best_years,
    calculate,
    preview,
)
from desktop.domain.pension_tables import (
    COEFFICIENTS,
    MAXIMUM,
    MINIMUM,
    SBU_TABLE,
    NoTablesForYear,
    known_years,
    sbu_for,
    tables_for,
)
from desktop.domain.periods import Month
from desktop.errors import ValidationError

D = Decimal


def month_at(index: int) -> str:
    """`AAAA-MM` for a month index counted from 1990-01 (index 0)."""
    year, month0 = divmod(1990 * 12 + index, 12)
    return f"{year:04d}-{month0 + 1:02d}"


def months(start: str, count: int) -> list[str]:
    year, month = (int(part) for part in start.split("-"))
    first = year * 12 + month - 1 - 1990 * 12
    return [month_at(first + i) for i in range(count)]


def run(start: str, salaries: list[Decimal] | list[int]) -> list[tuple[str, Decimal]]:
    """Consecutive months from `start`, one salary each."""
    return [(m, D(s)) for m, s in zip(months(start, len(salaries)), salaries, strict=True)]


def flat(start: str, count: int, salary: Decimal | int | str) -> list[tuple[str, Decimal]]:
    return run(start, [D(salary)] * count)


# --- §2.4 coefficient table ---------------------------------------------------------------

# DOMAIN.md §2.4, both columns of the table, as printed there (typos already corrected).
DOMAIN_COEFFICIENTS = {
    5: "0.4375", 6: "0.4500", 7: "0.4625", 8: "0.4750", 9: "0.4875", 10: "0.5000",
    11: "0.5125", 12: "0.5250", 13: "0.5375", 14: "0.5500", 15: "0.5625", 16: "0.5750",
    17: "0.5875", 18: "0.6000", 19: "0.6125", 20: "0.6250", 21: "0.6375", 22: "0.6500",
    23: "0.6625", 24: "0.6750", 25: "0.6875", 26: "0.7000", 27: "0.7125", 28: "0.7250",
    29: "0.7375", 30: "0.7500", 31: "0.7625", 32: "0.7750", 33: "0.7875", 34: "0.8000",
    35: "0.8125", 36: "0.8325", 37: "0.8605", 38: "0.8970", 39: "0.9430", 40: "1.0000",
}


def test_the_coefficient_table_is_stored_in_full_and_matches_domain_for_every_year() -> None:
    assert [years for years, _ in COEFFICIENTS.rows] == list(range(5, 41))
    for years, printed in DOMAIN_COEFFICIENTS.items():
        assert COEFFICIENTS.for_years(years) == D(printed), years
        assert str(COEFFICIENTS.for_years(years)) == printed  # four places, as printed


@pytest.mark.parametrize("years", range(5, 36))
def test_from_5_to_35_years_the_table_is_the_linear_rule(years: int) -> None:
    assert COEFFICIENTS.for_years(years) == D("0.4375") + D("0.0125") * (years - 5)


def test_after_35_years_the_table_leaves_the_linear_rule() -> None:
    for years in range(36, 41):
        assert COEFFICIENTS.for_years(years) != D("0.4375") + D("0.0125") * (years - 5)


def test_the_two_press_typos_are_corrected_as_domain_says() -> None:
    assert COEFFICIENTS.for_years(8) == D("0.4750")  # printed "46,2 %"
    assert COEFFICIENTS.for_years(20) == D("0.6250")  # printed "0,6259"
    assert "8 years 0.4750" in COEFFICIENTS.source.note
    assert "20 years 0.6250" in COEFFICIENTS.source.note


def test_the_vistazo_cross_check_is_the_table_truncated_to_one_decimal_percent() -> None:
    vistazo = {10: "50", 15: "56.2", 20: "62.5", 25: "68.7", 30: "75", 35: "81.2", 40: "100"}
    for years, percent in vistazo.items():
        coefficient = COEFFICIENTS.for_years(years)
        assert coefficient is not None
        truncated = (coefficient * 100).quantize(D("0.1"), rounding="ROUND_DOWN")
        assert truncated == D(percent), years


def test_below_5_years_there_is_no_coefficient_and_from_40_it_stays_at_one() -> None:
    for years in range(5):
        assert COEFFICIENTS.for_years(years) is None
    for years in (40, 41, 45, 60):
        assert COEFFICIENTS.for_years(years) == D("1.0000")


def test_the_coefficient_never_falls_with_more_years() -> None:
    values = [COEFFICIENTS.for_years(years) or D(0) for years in range(0, 61)]
    assert values == sorted(values)


# --- §2.5 SBU, minimum and maximum tables -----------------------------------------------------


def test_the_sbu_of_each_year_is_in_force_from_1_january_to_31_december() -> None:
    assert {sbu.year: sbu.amount for sbu in SBU_TABLE} == {
        2024: D("460"), 2025: D("470"), 2026: D("482")
    }
    for sbu in SBU_TABLE:
        assert (sbu.validity.valid_from.year, sbu.validity.valid_from.month) == (sbu.year, 1)
        assert sbu.validity.valid_from.day == 1
        assert (sbu.validity.valid_to.month, sbu.validity.valid_to.day) == (12, 31)
        assert sbu.validity.valid_to.year == sbu.year
    assert "MDT-2025-195" in sbu_for(2026).source.citation


def test_every_table_carries_a_source_and_validity_dates() -> None:
    for table in (COEFFICIENTS, MINIMUM, MAXIMUM, *SBU_TABLE):
        assert table.source.citation
        assert "DOMAIN.md" in table.source.citation
        assert table.source.urls
        assert all(url.startswith(("http://", "https://")) for url in table.source.urls)
        assert table.validity.valid_from <= table.validity.valid_to


def test_the_lookup_by_year_knows_2024_to_2026_and_refuses_any_other_year() -> None:
    assert known_years() == (2024, 2025, 2026)
    assert tables_for(2025).sbu.amount == D("470")
    for year in (2023, 2027, 1990):
        with pytest.raises(NoTablesForYear) as caught:
            tables_for(year)
        assert str(year) in caught.value.user_message
        assert "2024, 2025, 2026" in caught.value.user_message
        assert caught.value.field == "year"


# DOMAIN.md §2.5, pensión mínima: (from, to) years, %, amounts 2024 / 2025 / 2026.
DOMAIN_MINIMUM = [
    ((0, 10), "50", ("230.00", "235.00", "241.00")),
    ((11, 20), "60", ("276.00", "282.00", "289.20")),
    ((21, 30), "70", ("322.00", "329.00", "337.40")),
    ((31, 35), "80", ("368.00", "376.00", "385.60")),
    ((36, 39), "90", ("414.00", "423.00", "433.80")),
    ((40, 60), "100", ("460.00", "470.00", "482.00")),
]

# DOMAIN.md §2.5, pensión máxima ("1,150" is USD 1,150.00). 11–14 is not in DOMAIN.md.
DOMAIN_MAXIMUM = [
    ((0, 10), "250", ("1150", "1175", "1205")),
    ((15, 19), "300", ("1380", "1410", "1446")),
    ((20, 24), "350", ("1610", "1645", "1687")),
    ((25, 29), "400", ("1840", "1880", "1928")),
    ((30, 34), "450", ("2070", "2115", "2169")),
    ((35, 39), "500", ("2300", "2350", "2410")),
    ((40, 60), "550", ("2530", "2585", "2651")),
]


@pytest.mark.parametrize(("span", "percent", "amounts"), DOMAIN_MINIMUM)
def test_the_minimum_table_reproduces_domain(
    span: tuple[int, int], percent: str, amounts: tuple[str, str, str]
) -> None:
    for years in range(span[0], span[1] + 1):
        assert MINIMUM.bracket_for(years).percent == D(percent)
        for year, amount in zip((2024, 2025, 2026), amounts, strict=True):
            assert tables_for(year).minimum_amount(years) == D(amount), (years, year)
            assert str(tables_for(year).minimum_amount(years)) == amount


@pytest.mark.parametrize(("span", "percent", "amounts"), DOMAIN_MAXIMUM)
def test_the_maximum_table_reproduces_domain(
    span: tuple[int, int], percent: str, amounts: tuple[str, str, str]
) -> None:
    for years in range(span[0], span[1] + 1):
        bracket = MAXIMUM.bracket_for(years)
        assert bracket.percent == D(percent)
        assert not bracket.assumed
        for year, amount in zip((2024, 2025, 2026), amounts, strict=True):
            assert tables_for(year).maximum_amount(years) == D(amount), (years, year)


def test_the_2026_extremes_printed_by_the_press() -> None:
    assert tables_for(2026).minimum_amount(9) == D("241.00")
    assert tables_for(2026).maximum_amount(40) == D("2651.00")


def test_the_2025_press_slips_are_not_reproduced() -> None:
    assert tables_for(2025).maximum_amount(30) == D("2115.00")  # press: 2,125
    assert tables_for(2025).maximum_amount(20) == D("1645.00")  # press: 1,635


def test_the_11_to_14_year_maximum_is_a_marked_assumption_at_250_percent() -> None:
    for years in range(11, 15):
        bracket = MAXIMUM.bracket_for(years)
        assert bracket.assumed
        assert bracket.percent == D("250")
        assert "ASSUMPTION" in bracket.note
        assert tables_for(2024).maximum_amount(years) == D("1150.00")
    assert [b for b in MAXIMUM.brackets if b.assumed] == [MAXIMUM.bracket_for(12)]
    assert not any(b.assumed for b in MINIMUM.brackets)


@pytest.mark.parametrize("table", [MINIMUM, MAXIMUM], ids=["minimum", "maximum"])
def test_the_brackets_cover_every_number_of_years_once_and_never_fall(table) -> None:
    for years in range(0, 80):
        assert sum(b.contains(years) for b in table.brackets) == 1, years
    percents = [table.bracket_for(years).percent for years in range(0, 80)]
    assert percents == sorted(percents)
    for lower, upper in zip(table.brackets, table.brackets[1:], strict=False):
        assert lower.to_years is not None
        assert upper.from_years == lower.to_years + 1


def test_bracket_labels_are_spanish() -> None:
    assert MINIMUM.bracket_for(3).label == "Hasta 10 años"
    assert MINIMUM.bracket_for(15).label == "De 11 a 20 años"
    assert MAXIMUM.bracket_for(41).label == "40 años y más"


# --- Worked examples -------------------------------------------------------------------------


def test_domain_2_4_fifteen_years_at_one_sbu_gets_the_minimum() -> None:
    """15 years, base one SBU 2024 (460): 460 × 0.5625 = 258.75, below the 276 minimum.

    DOMAIN.md prints 258.52: that is 460 × 0.562, the press's rounded "56.2 %". The table's
    coefficient is 0.5625, so the test asserts 258.75; both are below 276, so the pension
    the example is about, 276.00, is the same either way.
    """
    history = History.of(flat("2000-01", 180, 460))
    result = calculate(history, 2024)
    assert (result.months, result.years) == (180, 15)
    assert result.coefficient == D("0.5625")
    assert result.base == D("460.00")
    assert result.raw == D("258.75")
    assert (D(460) * D("0.562")).quantize(D("0.01")) == D("258.52")  # DOMAIN's figure
    assert result.minimum == D("276.00")
    assert result.maximum == D("1380.00")
    assert result.bound is Bound.MINIMO
    assert result.final == D("276.00")
    assert result.referential


def illustration_histories() -> tuple[History, History]:
    """DOMAIN.md §2.10 as monthly data.

    Thirty years, 1990-01 to 2019-12. The five best years are the last five, each salary
    flat within a calendar year: 700, 750, 800, 850, 900 — they average exactly 800. Every
    other month is 600, and the 24 months the employer paid late (2005-01 to 2006-12) are
    500, so no other set of five non-overlapping windows can reach those 60 months' sum.
    """
    salaries: list[int] = [600] * 300 + [700] * 12 + [750] * 12 + [800] * 12
    salaries += [850] * 12 + [900] * 12
    late = set(months("2005-01", 24))
    after = [
        (month, D(500) if month in late else D(salary))
        for month, salary in zip(months("1990-01", 360), salaries, strict=True)
    ]
    history = History.of(after)
    return history.without(late), history


def test_domain_2_10_illustration_from_a_monthly_history() -> None:
    before, after = illustration_histories()
    result = preview(before, after, 2026)

    assert (result.before.months, result.before.years) == (336, 28)
    assert [str(w.start) for w in result.before.windows] == [
        "2015-01", "2016-01", "2017-01", "2018-01", "2019-01"
    ]
    assert [w.average for w in result.before.windows] == [
        D("700.00"), D("750.00"), D("800.00"), D("850.00"), D("900.00")
    ]
    assert result.before.base == D("800.00")
    assert result.before.coefficient == D("0.7250")
    assert result.before.raw == D("580.00")
    assert result.previous == D("580.00")

    assert (result.after.months, result.after.years) == (360, 30)
    assert result.after.base == D("800.00")  # the late months are not among the best
    assert result.after.coefficient == D("0.7500")
    assert result.new == D("600.00")
    assert result.difference == D("20.00")

    # 2026: the minimum stays at 70 % (it moves at 31 years); the maximum moves 400 → 450 %.
    assert result.before.minimum == result.after.minimum == D("337.40")
    assert (result.before.maximum, result.after.maximum) == (D("1928.00"), D("2169.00"))
    assert result.before.bound is result.after.bound is Bound.NINGUNO


def test_the_preview_is_always_referential_and_says_so() -> None:
    before, after = illustration_histories()
    result = preview(before, after, 2026)
    assert result.referential is True
    assert result.label == REFERENTIAL_LABEL == "Cálculo referencial, no vinculante"
    assert any(REFERENTIAL_LABEL in note for note in result.notes)
    assert any("USD 482" in note for note in result.notes)
    assert any("añadidas por el pago: 24" in note for note in result.notes)
    with pytest.raises(ValueError, match="referential"):
        PensionPreview(
            result.previous, result.new, result.difference, result.before, result.after, (),
            referential=False,
        )


# --- Base algorithm on hand-made histories ------------------------------------------------


def test_the_five_best_years_never_share_a_month() -> None:
    """72 months at 100 with one month at 10,000: only one year may hold the spike."""
    salaries = [D(100)] * 72
    salaries[30] = D(10000)
    windows = best_years(History.of(run("2010-01", salaries)))
    assert len(windows) == 5
    covered = [m for w in windows for m in months(str(w.start), 12)]
    assert len(covered) == len(set(covered)) == 60
    assert sum(w.total for w in windows) == D(10000) + 59 * D(100)


def test_a_best_year_need_not_start_in_january() -> None:
    history = History.of(flat("2010-01", 60, 500) + flat("2020-04", 12, 2000))
    windows = best_years(history)
    assert (str(windows[-1].start), str(windows[-1].end)) == ("2020-04", "2021-03")
    assert windows[-1].average == D("2000.00")


def test_a_missing_month_breaks_a_run_and_high_broken_months_do_not_count() -> None:
    """Assumption: 12 consecutive *calendar* months, each contributed; a gap breaks a year."""
    steady = flat("2000-01", 60, 500)
    broken = flat("2010-01", 6, 5000) + flat("2010-08", 6, 5000)  # gap 2010-07
    windows = best_years(History.of(steady + broken))
    assert all(w.average == D("500.00") for w in windows)
    # Read as "12 consecutive contributed months", the 12 high months would be one year.


def test_a_late_payment_that_completes_a_12_month_run_raises_the_base() -> None:
    late = "2020-06"
    before = History.of(
        flat("2010-01", 60, 500) + flat("2020-01", 5, 1000) + flat("2020-07", 6, 1000)
    )
    after = before.plus([(late, D(1000))])
    result = preview(before, after, 2024)

    assert result.before.months == 71 and result.before.years == 5
    assert result.before.base == D("500.00")
    assert result.before.raw == D("218.75")  # 500 × 0.4375
    assert result.before.bound is Bound.MINIMO and result.previous == D("230.00")

    assert result.after.months == 72 and result.after.years == 6
    assert str(result.after.windows[-1].start) == "2020-01"
    assert result.after.base == D("600.00")  # (12,000 + 4 × 6,000) ÷ 60
    assert result.after.coefficient == D("0.4500")
    assert result.after.bound is Bound.NINGUNO and result.new == D("270.00")
    assert result.difference == D("40.00")


def test_with_fewer_than_five_years_of_windows_the_base_averages_those_found() -> None:
    """Assumption: 3 runs of 12 months → the base divides by 3, and a note says so."""
    history = History.of(
        flat("2000-01", 12, 1000) + flat("2002-01", 12, 1100) + flat("2004-01", 12, 1200)
        + flat("2006-01", 6, 5000) + flat("2007-01", 6, 5000)
        + flat("2008-01", 6, 5000) + flat("2009-01", 6, 5000)
    )
    result = calculate(history, 2025)
    assert (result.months, result.years) == (60, 5)
    assert len(result.windows) == 3
    assert result.base == D("1100.00")
    assert any("Solo hay 3" in note for note in result.notes)


def test_with_fewer_than_five_windows_a_new_low_year_can_lower_the_base() -> None:
    """The price of dividing by the windows found: documented, for the product owner.

    One year at 1,000 plus 48 scattered months at 800 (every other month): one window,
    base 1,000. Paying the six missing months of 2002 makes 2002 a full year at 800: two
    windows, base 900. Dividing by five instead would raise it (200 → 360), but would give
    a gap-ridden history a base far below any salary it was paid.
    """
    before = History.of(flat("2000-01", 12, 1000) + flat("2002-01", 96, 800)[::2])
    filled = before.plus(flat("2002-01", 12, 800)[1::2])
    assert (len(before), len(best_years(before)), len(best_years(filled))) == (60, 1, 2)
    assert calculate(before, 2025).base == D("1000.00")
    assert calculate(filled, 2025).base == D("900.00")
    result = preview(before, filled, 2025)
    assert result.difference < 0
    assert any("menor" in note for note in result.notes)


def test_no_12_consecutive_months_means_no_preview() -> None:
    # 66 contributions (5 completed years), in runs of 11 with one missing month between.
    items = [item for k in range(6) for item in flat(month_at(12 * k), 11, 700)]
    history = History.of(items)
    assert len(history) == 66 and best_years(history) == ()
    with pytest.raises(PensionNotComputable) as caught:
        calculate(history, 2026)
    assert "12 meses consecutivos" in caught.value.user_message


def test_under_five_years_of_imposiciones_there_is_no_preview() -> None:
    with pytest.raises(PensionNotComputable) as caught:
        calculate(History.of(flat("2000-01", 59, 900)), 2026)
    assert "Con 59 imposiciones (4 años completos)" in caught.value.user_message
    assert caught.value.field == "history"
    assert calculate(History.of(flat("2000-01", 60, 900)), 2026).years == 5


def test_the_preview_says_which_side_cannot_be_computed() -> None:
    before = History.of(flat("2000-01", 59, 900))
    with pytest.raises(PensionNotComputable) as caught:
        preview(before, before.plus([("2010-01", D(900))]), 2026)
    assert caught.value.user_message.startswith("Antes del pago del empleador: Con 59")


def test_the_preview_refuses_an_unknown_year_and_an_after_that_lost_months() -> None:
    before, after = illustration_histories()
    with pytest.raises(NoTablesForYear):
        preview(before, after, 2027)
    with pytest.raises(ValidationError) as caught:
        preview(after, after.without(["1990-01"]), 2026)
    assert "no contiene 1990-01" in caught.value.user_message


def test_the_maximum_binds_for_high_salaries() -> None:
    result = calculate(History.of(flat("1980-01", 492, 9000)), 2026)
    assert (result.years, result.coefficient) == (41, D("1.0000"))
    assert result.raw == D("9000.00")
    assert result.bound is Bound.MAXIMO and result.final == D("2651.00")
    assert any("más de 40 años" in note for note in result.notes)


def test_the_assumed_11_to_14_maximum_is_noted_when_used() -> None:
    result = calculate(History.of(flat("2000-01", 150, 8000)), 2024)
    assert result.years == 12
    assert result.bound is Bound.MAXIMO and result.final == D("1150.00")
    assert any("supuesto" in note and "250" in note for note in result.notes)


def test_amounts_are_rounded_half_up_to_cents_at_the_end_only() -> None:
    # 120 months at 1,000 and one at 1,000.30 inside the chosen years: base 1,000.005 exactly.
    salaries = [D(1000)] * 120
    salaries[-1] = D("1000.30")
    result = calculate(History.of(run("2010-01", salaries)), 2024)
    assert result.years == 10 and result.coefficient == D("0.5000")
    assert result.base == D("1000.01")  # 1,000.005 → half up
    assert result.raw == D("500.00")  # 1,000.005 × 0.5 = 500.0025, not 1,000.01 × 0.5
    half = calculate(History.of(flat("2010-01", 120, "1000.01")), 2024)
    assert half.raw == D("500.01")  # 500.005 → half up (banker's rounding would say 500.00)


def test_partial_years_do_not_count_and_are_noted() -> None:
    result = calculate(History.of(flat("1990-01", 347, 1000)), 2026)
    assert (result.months, result.years, result.coefficient) == (347, 28, D("0.7250"))
    assert any("11 imposiciones no completan un año" in note for note in result.notes)


# --- Input checks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [
        [("2020-01", D(500)), ("2020-01", D(600))],
        [("2020-13", D(500))],
        [("2020-1", D(500))],
        [("1927-12", D(500))],
        [("2020-01", 500.0)],
        [("2020-01", D(0))],
        [("2020-01", D(-1))],
        [("2020-01", "abc")],
        [("2020-01", D("NaN"))],
    ],
    ids=["duplicate", "month 13", "short", "before 1928", "float", "zero", "negative",
         "text", "nan"],
)
def test_bad_histories_are_refused(items) -> None:
    with pytest.raises(ValidationError) as caught:
        History.of(items)
    assert caught.value.field == "history"
    assert caught.value.user_message


def test_adding_a_month_already_in_the_history_is_refused() -> None:
    history = History.of(flat("2020-01", 3, 500))
    with pytest.raises(ValidationError) as caught:
        history.plus([("2020-02", D(700))])
    assert "2020-02 aparece dos veces" in caught.value.user_message


def test_histories_accept_months_and_text_in_any_order() -> None:
    history = History.of([("2020-03", "500.10"), (Month(2020, 1), 500), ("2020-02", D(1))])
    assert [str(c.month) for c in history.contributions] == ["2020-01", "2020-02", "2020-03"]
    assert history.contributions[2].salary == D("500.10")


# --- Properties ----------------------------------------------------------------------------

SALARY = st.integers(min_value=1, max_value=900_000).map(lambda cents: D(cents) / 100)


@st.composite
def histories(draw: st.DrawFn, max_span: int = 150, five_years: bool = False) -> History:
    """Runs of contributed months separated by gaps, from a month around 1990–2010.

    Runs (1–30 months) make 12-month windows common, which independent coin flips per month
    would not. `five_years` inserts an unbroken 60-month run, so five best years exist.
    """
    start = draw(st.integers(min_value=0, max_value=240))
    runs = draw(st.lists(st.tuples(st.integers(1, 30), st.integers(1, 4)), min_size=1,
                         max_size=8))
    present = [here for length, gap in runs for here in [True] * length + [False] * gap]
    present = present[:max_span]
    if five_years:
        offset = draw(st.integers(min_value=0, max_value=len(present)))
        present[offset:offset] = [True] * 60
    salaries = draw(st.lists(SALARY, min_size=len(present), max_size=len(present)))
    return History.of(
        (month_at(start + i), salary)
        for i, (here, salary) in enumerate(zip(present, salaries, strict=True))
        if here
    )


def brute_force(history: History) -> tuple[int, Decimal]:
    """(number of windows, best total) by trying every set of non-overlapping windows."""
    salaries = history.salaries()
    ordered = sorted(salaries)
    starts = []
    for month in ordered:
        window = months(str(month), 12)
        if all(Month(int(m[:4]), int(m[5:])) in salaries for m in window):
            starts.append((month.year * 12 + month.month,
                           sum((salaries[Month(int(m[:4]), int(m[5:]))] for m in window), D(0))))

    best: tuple[int, Decimal] = (0, D(0))

    def extend(after: int, count: int, total: Decimal) -> None:
        nonlocal best
        best = max(best, (count, total))
        if count == 5:
            return
        for index, window_total in starts:
            if index >= after:
                extend(index + 12, count + 1, total + window_total)

    extend(0, 0, D(0))
    return best


@settings(max_examples=100, deadline=None)
@given(histories(max_span=75))
def test_the_best_years_are_the_best_non_overlapping_choice(history: History) -> None:
    windows = best_years(history)
    assert (len(windows), sum((w.total for w in windows), D(0))) == brute_force(history)
    salaries = history.salaries()
    covered = [m for w in windows for m in months(str(w.start), 12)]
    assert len(covered) == len(set(covered))
    for w in windows:
        window_months = [Month(int(m[:4]), int(m[5:])) for m in months(str(w.start), 12)]
        assert str(window_months[-1]) == str(w.end)
        assert w.total == sum((salaries[m] for m in window_months), D(0))


@settings(max_examples=100, deadline=None)
@given(histories())
def test_the_base_lies_within_the_salaries(history: History) -> None:
    windows = best_years(history)
    if not windows:
        return
    salaries = history.salaries().values()
    total = sum((w.total for w in windows), D(0))
    base = total / (12 * len(windows))
    assert min(salaries) <= base <= max(salaries)


@settings(max_examples=100, deadline=None)
@given(histories(five_years=True), st.sampled_from(known_years()))
def test_the_final_pension_is_always_within_minimum_and_maximum(
    history: History, year: int
) -> None:
    result = calculate(history, year)
    assert result.minimum <= result.final <= result.maximum
    assert result.base <= max(history.salaries().values())
    if result.bound is Bound.MINIMO:
        assert result.raw <= result.final == result.minimum
    elif result.bound is Bound.MAXIMO:
        assert result.raw >= result.final == result.maximum
    else:
        assert result.final == result.raw


@settings(max_examples=100, deadline=None)
@given(histories(five_years=True), st.integers(min_value=0, max_value=420), SALARY)
def test_adding_a_month_never_lowers_the_base_the_coefficient_or_the_pension(
    history: History, index: int, salary: Decimal
) -> None:
    """Holds whenever the history already has five best years (see the test above for <5)."""
    month = month_at(index)
    if Month(int(month[:4]), int(month[5:])) in history.months:
        return
    before = calculate(history, 2026)
    after = calculate(history.plus([(month, salary)]), 2026)
    assert after.base >= before.base
    assert after.coefficient >= before.coefficient
    assert after.final >= before.final
    assert len(after.windows) == len(before.windows) == 5
