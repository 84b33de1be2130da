"""Contribution periods typed at the counter: `2023-01 a 2023-12; 2024-03`."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.periods import (
    FIRST_YEAR,
    Month,
    PeriodRange,
    format_periods,
    parse_periods,
)
from desktop.errors import ValidationError

TODAY = date(2026, 5, 15)


def periods(text: str) -> list[str]:
    return [str(period) for period in parse_periods(text, TODAY)]


def periods_on(text: str, today: date) -> tuple[str, ...]:
    return tuple(str(period) for period in parse_periods(text, today))


def refusal(text: str, today: date = TODAY) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_periods(text, today)
    assert caught.value.field == "periods"
    assert caught.value.user_message
    return caught.value


def test_the_example_of_the_form() -> None:
    parsed = parse_periods("2023-01 a 2023-12; 2024-03", TODAY)
    assert parsed == (
        PeriodRange(Month(2023, 1), Month(2023, 12)),
        PeriodRange(Month(2024, 3), Month(2024, 3)),
    )
    assert [period.months for period in parsed] == [12, 1]


@pytest.mark.parametrize(
    "text",
    [
        "2023-01 a 2023-12; 2024-03",
        "2023-01 a 2023-12, 2024-03",
        "2023-01 al 2023-12; 2024-03",
        "2023-01 AL 2023-12; 2024-03",
        "2023-01 A 2023-12; 2024-03",
        "2023-01 - 2023-12; 2024-03",
        "2023-01-2023-12; 2024-03",
        "2023-01 – 2023-12; 2024-03",  # en dash
        "2023-01a2023-12;2024-03",
        "  2023-01   a   2023-12 ;  2024-03  ",
        "2024-03; 2023-01 a 2023-12",  # any order
        "2024-03;; 2023-01 a 2023-12;",  # empty items are skipped
    ],
)
def test_separators_and_order(text: str) -> None:
    assert periods(text) == ["2023-01 a 2023-12", "2024-03"]


def test_output_is_sorted_by_start_then_end() -> None:
    assert periods("2024-03; 1990-01 a 1990-06; 2020-05; 1990-01 a 1990-02") == [
        "1990-01 a 1990-02",
        "1990-01 a 1990-06",
        "2020-05",
        "2024-03",
    ]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2023-01", 1),
        ("2023-01 a 2023-01", 1),
        ("2023-01 a 2023-12", 12),
        ("2023-11 a 2024-02", 4),
        ("1928-01 a 2026-05", (2026 - 1928) * 12 + 5),
    ],
)
def test_months_count(text: str, months: int) -> None:
    (period,) = parse_periods(text, TODAY)
    assert period.months == months


def test_a_single_month_range_prints_as_one_month() -> None:
    assert str(PeriodRange(Month(2024, 3), Month(2024, 3))) == "2024-03"
    assert str(Month(1999, 7)) == "1999-07"


@pytest.mark.parametrize("text", ["", "   ", ";", " ; , "])
def test_empty_text_is_no_periods(text: str) -> None:
    assert parse_periods(text, TODAY) == ()
    assert format_periods(()) == ""


def test_format_periods_example() -> None:
    assert (
        format_periods(parse_periods("2024-03, 2023-01 al 2023-12", TODAY))
        == "2023-01 a 2023-12; 2024-03"
    )


months = st.builds(Month, st.integers(FIRST_YEAR, TODAY.year - 1), st.integers(1, 12))


@st.composite
def ranges(draw: st.DrawFn) -> PeriodRange:
    start, end = sorted((draw(months), draw(months)))
    return PeriodRange(start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(ranges(), max_size=6))
def test_format_then_parse_round_trips(items: list[PeriodRange]) -> None:
    text = format_periods(tuple(items))
    parsed = parse_periods(text, TODAY)
    assert parsed == tuple(sorted(items))
    assert format_periods(parsed) == format_periods(tuple(sorted(items)))
    assert parse_periods(format_periods(parsed), TODAY) == parsed


# --- errors, each with its own message -------------------------------------------------


@pytest.mark.parametrize("text", ["2023-13", "2023-00", "2023-01 a 2023-13"])
def test_month_that_does_not_exist(text: str) -> None:
    error = refusal(text)
    assert error.log_message == "periods: bad month"
    assert "no existe" in error.user_message
    assert "01 a 12" in error.user_message


def test_future_month_relative_to_today() -> None:
    error = refusal("2026-06")
    assert error.log_message == "periods: in the future"
    assert "2026-06" in error.user_message
    assert "posterior al mes actual" in error.user_message
    # The same month is fine a month later: `today` decides, not the clock.
    assert periods_on("2026-06", date(2026, 7, 1)) == ("2026-06",)


def test_end_of_range_in_the_future_is_refused() -> None:
    assert "2027-01" in refusal("2026-01 a 2027-01").user_message


def test_last_month_is_accepted() -> None:
    assert periods_on("2026-04", TODAY) == ("2026-04",)


def test_month_before_1928_is_refused() -> None:
    error = refusal("1927-12")
    assert error.log_message == "periods: before first year"
    assert "1927-12" in error.user_message
    assert periods_on("1928-01", TODAY) == ("1928-01",)


def test_month_before_1928_says_why() -> None:
    before = refusal("1927-12").user_message
    future = refusal("2026-06").user_message
    assert "1928" in before
    assert before.replace("1927-12", "") != future.replace("2026-06", "")


def test_reversed_range() -> None:
    error = refusal("2023-12 a 2023-01")
    assert error.log_message == "periods: reversed"
    assert "2023-12 a 2023-01" in error.user_message
    assert "termina antes de empezar" in error.user_message


@pytest.mark.parametrize(
    "text",
    ["hola", "2023-1", "2023/01", "01-2023", "2023-01 y 2023-02", "2023-01 a",
     "2023-01 to 2023-02", "2023-01 a 2023-12; marzo 2024"],
)
def test_garbage_names_the_item(text: str) -> None:
    error = refusal(text)
    assert error.log_message == "periods: unparseable"
    item = text.rsplit(";", maxsplit=1)[-1].strip()
    assert f"«{item}»" in error.user_message
    assert "2023-01 a 2023-12; 2024-03" in error.user_message  # shows the expected form


def test_every_error_has_its_own_message() -> None:
    texts = ("2023-13", "2026-06", "2023-12 a 2023-01", "hola")
    assert len({refusal(text).user_message for text in texts}) == len(texts)
    assert len({refusal(text).log_message for text in texts}) == len(texts)
