"""Cédula and RUC rules (DESIGN.md §4, DOMAIN.md §1): stdnum decides, we explain in Spanish."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import exceptions as stdnum_errors
from stdnum.ec import ci, ruc

from desktop.domain.identity import (
    PROVINCES,
    RucCheck,
    cedula_check_digit,
    compact_cedula,
    is_valid_cedula,
    mask_cedula,
    mask_email,
    province_name,
    validate_cedula,
    validate_ruc,
)
from desktop.errors import ValidationError

DIGITS = "0123456789"
# DOMAIN.md §1.1/§1.3: 01–24, plus 30 and 50, which stdnum accepts.
VALID_PROVINCE_CODES = (*(f"{code:02d}" for code in range(1, 25)), "30", "50")
INVALID_PROVINCE_CODES = tuple(
    f"{code:02d}" for code in range(100) if f"{code:02d}" not in VALID_PROVINCE_CODES
)


def cedula_error(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_cedula(text)
    error = caught.value
    assert error.field == "cedula"
    assert error.user_message
    assert error.user_message != error.log_message  # Spanish for the person, English for logs
    assert not is_valid_cedula(text)
    return error


def ruc_error(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_ruc(text)
    error = caught.value
    assert error.field == "ruc"
    assert error.user_message
    assert error.user_message != error.log_message
    return error


# --- generated inputs ------------------------------------------------------------------


# Each generator maps one integer to one input string (see CEDULA_INPUTS).
SEQUENCES = 10**6
SEPARATORS = (" ", "-", "  ", " - ")
NON_DIGITS = "AbOoIlxñ.,_/#+"


def _valid_from(index: int) -> str:
    index, sequence = divmod(index, SEQUENCES)
    province, third = divmod(index, 7)
    nine = f"{VALID_PROVINCE_CODES[province]}{third}{sequence:06d}"
    return nine + cedula_check_digit(nine)


VALID_COUNT = len(VALID_PROVINCE_CODES) * 7 * SEQUENCES


def _one_digit_changed(index: int) -> str:
    index, change = divmod(index, 90)
    cedula = _valid_from(index)
    position, shift = divmod(change, 9)
    digit = str((int(cedula[position]) + shift + 1) % 10)
    return cedula[:position] + digit + cedula[position + 1 :]


def _with_non_digit(index: int) -> str:
    index, change = divmod(index, 10 * len(NON_DIGITS))
    cedula = _valid_from(index)
    position, char = divmod(change, len(NON_DIGITS))
    return cedula[:position] + NON_DIGITS[char] + cedula[position + 1 :]


def _with_separators(index: int) -> str:
    index, mask = divmod(index, 2**11)
    index, separator = divmod(index, len(SEPARATORS))
    index, pad = divmod(index, 4)
    index, changed = divmod(index, 2)
    cedula = _one_digit_changed(index) if changed else _valid_from(index // 90)
    text = "".join(
        (SEPARATORS[separator] if mask >> slot & 1 else "") + char
        for slot, char in enumerate(cedula)
    )
    if mask >> 10 & 1:
        text += SEPARATORS[separator]
    padding = ("", " ", "\t", "\n")[pad]
    return padding + text + padding


def _bad_province(index: int) -> str:
    province, rest = divmod(index, 10**7)
    nine = f"{INVALID_PROVINCE_CODES[province]}{rest:07d}"
    return nine + cedula_check_digit(nine)


def _bad_third_digit(index: int) -> str:
    index, sequence = divmod(index, SEQUENCES)
    province, third = divmod(index, 3)
    nine = f"{VALID_PROVINCE_CODES[province]}{7 + third}{sequence:06d}"
    return nine + cedula_check_digit(nine)


def _random_digits(index: int) -> str:
    return f"{index % 10**10:010d}"


def _wrong_length(index: int) -> str:
    length = index % 21
    length = length if length != 10 else 9
    return str(index // 21)[:length].rjust(length, "0") if length else ""


JUNK = "0123456789 -.\t\nAaÑ_١٣１７"  # incl. Arabic-Indic and full-width digits


def _junk(index: int) -> str:
    length, index = index % 16, index // 16
    chars = []
    for _ in range(length):
        index, char = divmod(index, len(JUNK))
        chars.append(JUNK[char])
    return "".join(chars)


# (generator, how many distinct inputs it maps from)
GENERATORS = (
    (_junk, 16 * len(JUNK) ** 15),
    (_random_digits, 10**10),
    (_valid_from, VALID_COUNT),
    (_one_digit_changed, VALID_COUNT * 90),
    (_wrong_length, 21 * 10**20),
    (_with_non_digit, VALID_COUNT * 10 * len(NON_DIGITS)),
    (_with_separators, VALID_COUNT * 90 * 2 * 4 * len(SEPARATORS) * 2**11),
    (_bad_province, len(INVALID_PROVINCE_CODES) * 10**7),
    (_bad_third_digit, len(VALID_PROVINCE_CODES) * 3 * SEQUENCES),
)


SCRAMBLE = 0x9E3779B97F4A7C15F39CC0605CEDC8341082276BF3A27251F86C6A11D0C18E95  # odd


def _generated(index: int) -> str:
    # hypothesis favours small integers; an odd multiplier mod 2**256 (a bijection) spreads
    # them, so the provinces, positions and digits below are all reached.
    index = index * SCRAMBLE % 2**256
    kind, index = index % len(GENERATORS), index // len(GENERATORS)
    generate, size = GENERATORS[kind]
    return generate(index % size)


valid_cedulas = st.integers(0, VALID_COUNT - 1).map(
    lambda index: _valid_from(index * SCRAMBLE % VALID_COUNT)
)
# One integer draw per input: hypothesis costs ~0.3 ms per example plus more per extra draw;
# 10,000 examples of composite strategies (st.one_of, st.lists...) took 15 s instead of ~4 s.
CEDULA_INPUTS = st.integers(0, 2**256 - 1).map(_generated)

STDNUM_ERROR_LOGS = {
    stdnum_errors.InvalidLength: "cedula: invalid length",
    stdnum_errors.InvalidFormat: "cedula: invalid format",
    stdnum_errors.InvalidChecksum: "cedula: invalid checksum",
}


def stdnum_verdict(text: str) -> tuple[str, str]:
    """(compact number, outcome): `valid` or the log message our error should carry."""
    number = ci.compact(text)
    try:
        ci.validate(number)
    except stdnum_errors.InvalidComponent:
        if number[:2] in VALID_PROVINCE_CODES:
            return number, "cedula: invalid third digit"
        return number, "cedula: unknown province"
    except stdnum_errors.ValidationError as error:
        return number, STDNUM_ERROR_LOGS[type(error)]
    return number, "valid"


def test_cedula_agrees_with_stdnum_on_10000_inputs() -> None:
    seen: Counter[str] = Counter()
    distinct: set[str] = set()

    @settings(max_examples=10_000, deadline=None, database=None)
    @given(CEDULA_INPUTS)
    def check(text: str) -> None:
        number, outcome = stdnum_verdict(text)
        assert is_valid_cedula(text) is (outcome == "valid") is ci.is_valid(text)
        try:
            result = validate_cedula(text)
        except ValidationError as error:
            assert error.field == "cedula"
            assert error.user_message
            assert error.log_message == outcome
        else:
            assert outcome == "valid"
            assert result == number == ci.validate(text)
        seen[outcome] += 1
        distinct.add(text)

    check()
    # The mix really reaches every branch of validate_cedula, each many times, with variety.
    assert set(seen) == {
        "valid",
        "cedula: invalid length",
        "cedula: invalid format",
        "cedula: unknown province",
        "cedula: invalid third digit",
        "cedula: invalid checksum",
    }
    assert min(seen.values()) >= 100, seen
    assert len(distinct) >= 9_000


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=14))
def test_cedula_agrees_with_stdnum_on_arbitrary_text(text: str) -> None:
    assert is_valid_cedula(text) is ci.is_valid(text)
    if ci.is_valid(text):
        assert validate_cedula(text) == ci.validate(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID_PROVINCE_CODES), st.sampled_from("0123456"),
       st.text(DIGITS, min_size=6, max_size=6))
def test_check_digit_is_the_only_digit_stdnum_accepts(province: str, third: str, rest: str) -> None:
    nine = province + third + rest
    accepted = [digit for digit in DIGITS if ci.is_valid(nine + digit)]
    assert accepted == [cedula_check_digit(nine)]


# --- specific messages -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "count"), [("171430710", 9), ("17143071034", 11), ("", 0),
                                             ("1714-3071", 8)])
def test_wrong_length_says_ten_digits_and_actual_count(text: str, count: int) -> None:
    error = cedula_error(text)
    assert "10 dígitos" in error.user_message
    assert f"tiene {count}" in error.user_message


@pytest.mark.parametrize("text", ["17143O7103", "A714307103", "171430710.", "17143071_3"])
def test_non_digits_message(text: str) -> None:
    assert cedula_error(text).user_message == "La cédula solo puede contener dígitos."


@pytest.mark.parametrize("text", ["0012345674", "2512345675", "9912345670"])
def test_unknown_province_message_names_the_code(text: str) -> None:
    error = cedula_error(text)
    assert f"({text[:2]})" in error.user_message
    assert "provincia" in error.user_message


@pytest.mark.parametrize("text", ["1771234562", "1781234565", "1791234568"])
def test_third_digit_7_8_9_message(text: str) -> None:
    error = cedula_error(text)
    assert f"tercer dígito ({text[2]})" in error.user_message
    assert "de 0 a 6" in error.user_message


@pytest.mark.parametrize("text", ["1714307104", "1714307130", "0912345670"])
def test_wrong_check_digit_message(text: str) -> None:
    assert "dígito verificador" in cedula_error(text).user_message


def test_each_error_kind_has_its_own_message() -> None:
    messages = {
        cedula_error(text).user_message
        for text in ("171430710", "17143O7103", "0012345674", "1771234562", "1714307104")
    }
    assert len(messages) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1714307103", "1714307103"),
        ("171430710-3", "1714307103"),
        (" 1714307103 ", "1714307103"),
        ("2412345676", "2412345676"),  # province 24, Santa Elena
        ("3001234560", "3001234560"),  # province 30, third digit 0
        ("3041234562", "3041234562"),  # province 30, third digit 4
        ("5012345673", "5012345673"),  # province 50
        ("1751234566", "1751234566"),  # third digit 5
        ("1761234564", "1761234564"),  # third digit 6
        ("2222222222", "2222222222"),  # repeated digits pass the checksum (DOMAIN.md §1.3)
    ],
)
def test_valid_examples_from_domain_table(text: str, expected: str) -> None:
    assert validate_cedula(text) == expected
    assert is_valid_cedula(text)


def test_compact_cedula_removes_spaces_and_dashes() -> None:
    assert compact_cedula(" 17 1430-710-3 ") == "1714307103"


@pytest.mark.parametrize("cedula", ["1714307103", "0912345675", "3001234560", "2222222222"])
def test_every_single_digit_change_of_a_valid_cedula_is_refused(cedula: str) -> None:
    assert is_valid_cedula(cedula)
    for position in range(10):
        for digit in DIGITS.replace(cedula[position], ""):
            changed = cedula[:position] + digit + cedula[position + 1 :]
            assert not is_valid_cedula(changed), changed


def test_unicode_digits_are_read_as_digits_like_stdnum_does() -> None:
    # stdnum normalises full-width digits; the result is plain ASCII.
    assert validate_cedula("１７１４３０７１０３") == "1714307103"


# --- province, masks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cedula", "name"),
    [
        ("1714307103", "Pichincha"),
        ("0912345670", "Guayas"),
        ("0112345678", "Azuay"),
        ("2412345676", "Santa Elena"),
        ("3001234560", "Ecuatorianos registrados en el exterior"),
    ],
)
def test_province_name(cedula: str, name: str) -> None:
    assert province_name(cedula) == name


def test_province_name_unknown_code() -> None:
    assert province_name("9912345670") == "Desconocida"


def test_province_table_covers_exactly_the_codes_stdnum_accepts() -> None:
    assert set(PROVINCES) == set(VALID_PROVINCE_CODES)


def test_mask_cedula_example() -> None:
    masked = mask_cedula("1714307103")
    assert masked == "17******03"
    assert "143071" not in masked


@settings(max_examples=200, deadline=None)
@given(valid_cedulas)
def test_mask_cedula_never_shows_the_middle_digits(cedula: str) -> None:
    masked = mask_cedula(cedula)
    assert len(masked) == 10
    assert masked[:2] == cedula[:2]
    assert masked[-2:] == cedula[-2:]
    assert masked[2:-2] == "******"


def test_mask_cedula_too_short_hides_everything() -> None:
    assert mask_cedula("17") == "****"


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("maria.perez@gmail.com", "ma*********@gmail.com"),
        ("abc@iess.gob.ec", "ab***@iess.gob.ec"),  # at least three stars
        ("ab@x.ec", "a***@x.ec"),  # a two-letter name shows one letter only
        ("a@x.ec", "a***@x.ec"),
        ("no-es-correo", "***"),
    ],
)
def test_mask_email(email: str, masked: str) -> None:
    assert mask_email(email) == masked


# --- RUC -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1714307103001", "1714307103-001", " 1714307103002 "])
def test_natural_ruc_is_valid_without_warning(text: str) -> None:
    result = validate_ruc(text)
    assert result == RucCheck(text.strip().replace("-", ""), "")


@pytest.mark.parametrize("text", ["1793221293001", "0962467429001", "1760001550001"])
def test_company_and_third_digit_6_rucs_that_pass_are_valid_without_warning(text: str) -> None:
    assert validate_ruc(text) == RucCheck(text, "")


@pytest.mark.parametrize("text", ["1793213150001", "0993370026001", "1793189906001",
                                  "0993366721001"])
def test_real_company_rucs_failing_the_checksum_are_accepted_with_a_warning(text: str) -> None:
    assert not ruc.is_valid(text)  # stdnum refuses them (issue #497)
    result = validate_ruc(text)
    assert result.ruc == text
    assert "dígito verificador" in result.warning
    assert "confirme" in result.warning


def test_natural_ruc_with_bad_checksum_is_refused() -> None:
    error = ruc_error("1714307104001")
    assert "dígito verificador" in error.user_message
    assert "revise" in error.user_message


def test_ruc_with_establishment_000_is_refused() -> None:
    error = ruc_error("1714307103000")
    assert "establecimiento" in error.user_message


def test_ruc_third_digit_7_is_refused() -> None:
    assert "tercer dígito" in ruc_error("1771234562001").user_message


def test_ruc_unknown_province_names_the_code() -> None:
    assert "(00)" in ruc_error("0012345678001").user_message


@pytest.mark.parametrize(("text", "count"), [("179322129300", 12), ("17932212930011", 14),
                                             ("1714307103", 10)])
def test_ruc_wrong_length(text: str, count: int) -> None:
    error = ruc_error(text)
    assert "13 dígitos" in error.user_message
    assert f"tiene {count}" in error.user_message


def test_ruc_non_digits() -> None:
    assert ruc_error("17932212930O1").user_message == "El RUC solo puede contener dígitos."


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID_PROVINCE_CODES), st.text(DIGITS, min_size=7, max_size=7),
       st.integers(1, 999))
def test_company_ruc_third_digit_9_is_never_blocked_by_its_checksum(
    province: str, middle: str, establishment: int
) -> None:
    number = f"{province}9{middle}{establishment:03d}"
    result = validate_ruc(number)
    assert result.ruc == number
    assert bool(result.warning) is not ruc.is_valid(number)


@settings(max_examples=300, deadline=None)
@given(valid_cedulas.filter(lambda c: c[2] < "6"), st.integers(1, 999), st.integers(1, 9))
def test_natural_ruc_follows_the_cedula(cedula: str, establishment: int, shift: int) -> None:
    assert validate_ruc(f"{cedula}{establishment:03d}") == RucCheck(f"{cedula}{establishment:03d}")
    wrong = cedula[:9] + str((int(cedula[9]) + shift) % 10)
    ruc_error(f"{wrong}{establishment:03d}")
