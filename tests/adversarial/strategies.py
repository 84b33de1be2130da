"""Hypothesis strategies for what reaches the validators: the well-formed inputs a counter
types (with its spaces and dashes) and hostile text (control characters, lone surrogates,
other scripts, very long). Shared by the property tests here and by any test that needs a
valid cédula, RUC, email, mobile or period list."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from desktop.domain.identity import PROVINCES, cedula_check_digit

DIGITS = "0123456789"
PROVINCE_CODES = tuple(sorted(PROVINCES))


@st.composite
def cedulas(draw: st.DrawFn) -> str:
    """A valid 10-digit cédula (a person's: third digit 0 to 5)."""
    body = (draw(st.sampled_from(PROVINCE_CODES)) + draw(st.sampled_from("012345"))
            + draw(st.text(DIGITS, min_size=6, max_size=6)))
    return body + cedula_check_digit(body)


def typed(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """As a clerk types it: surrounding spaces, a dash or a space inside."""
    return st.tuples(strategy, st.sampled_from(["", " ", "-"]), st.sampled_from(["", " "])).map(
        lambda parts: f"{parts[2]}{parts[0][:9]}{parts[1]}{parts[0][9:]}{parts[2]}")


def rucs() -> st.SearchStrategy[str]:
    """A natural person's RUC: their cédula and an establishment number."""
    return st.tuples(cedulas(), st.integers(1, 999)).map(lambda p: f"{p[0]}{p[1]:03d}")


def mobiles() -> st.SearchStrategy[str]:
    """An Ecuadorian mobile as people write it: 09…, +593 9…, with spaces or not."""
    # 098x and 099x: mobile ranges in use (phonenumbers' metadata for EC leaves out some
    # of 090–097)
    return st.tuples(st.tuples(st.sampled_from("89"), st.text(DIGITS, min_size=7,
                                                               max_size=7)).map("".join),
                     st.sampled_from(["09{0}", "+5939{0}", "+593 9{0}", "0{1} {2} {3}"])).map(
        lambda p: p[1].format(p[0], "9" + p[0][:2], p[0][2:5], p[0][5:]))


def emails() -> st.SearchStrategy[str]:
    return st.emails().filter(lambda text: len(text) <= 254)


@st.composite
def periods(draw: st.DrawFn, today: date = date(2026, 12, 1)) -> str:
    """`2023-01 a 2023-12; 2024-03`: ordered ranges within 1928 and `today`."""
    items = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.tuples(st.integers(1928, today.year), st.integers(1, 12)))
        start = min(start, (today.year, today.month))
        end = draw(st.tuples(st.integers(start[0], today.year), st.integers(1, 12)))
        end = max(start, min(end, (today.year, today.month)))
        items.append(f"{start[0]:04d}-{start[1]:02d}" if end == start else
                     f"{start[0]:04d}-{start[1]:02d} a {end[0]:04d}-{end[1]:02d}")
    return "; ".join(items)


def hostile_text(max_size: int = 300) -> st.SearchStrategy[str]:
    """Anything at all: control characters, lone surrogates, any script, long."""
    return st.one_of(
        st.text(max_size=max_size),
        st.text(st.characters(codec=None, categories=None), max_size=max_size),
        st.text(st.sampled_from(["\x00", "\ud800", "\udfff", "\n", "%", "_", "'", "\\", "ñ",
                                 "ß", "١", "⁰", "a", " ", "-"]), max_size=max_size),
    )


def searches() -> st.SearchStrategy[str]:
    """What can land in «Consulta de estado»: names, numbers, many words, garbage."""
    words = st.text("abcdefghijklmnñopqrstuvwxyzáéíóú", min_size=1, max_size=12)
    return st.one_of(
        st.lists(words, min_size=1, max_size=1200).map(" ".join),
        cedulas(), typed(cedulas()), hostile_text(2000),
    )
