"""Contact data: an email (notifications go there) and an Ecuadorian mobile number."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.domain.contact import format_phone, validate_email, validate_phone
from desktop.errors import ValidationError

MOBILE = "+593991234567"


def refusal(function: Callable[[str], str], text: str, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        function(text)
    assert caught.value.field == field
    assert caught.value.user_message
    assert caught.value.user_message != caught.value.log_message
    return caught.value


# --- email -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("maria.perez@gmail.com", "maria.perez@gmail.com"),
        ("maria.perez@iess.gob.ec", "maria.perez@iess.gob.ec"),
        ("  maria.perez@iess.gob.ec \n", "maria.perez@iess.gob.ec"),
        ("peña@correo.ec", "peña@correo.ec"),  # ñ in the local part
        ("María.Pérez@GMAIL.COM", "María.Pérez@gmail.com"),  # domain lower-cased, name kept
        ("JUAN@Hotmail.Com", "JUAN@hotmail.com"),
        ("juan+iess@yahoo.es", "juan+iess@yahoo.es"),
    ],
)
def test_valid_email_is_normalised(text: str, normalised: str) -> None:
    assert validate_email(text) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "maria.perezgmail.com",  # missing @
        "maria perez@gmail.com",  # space
        "maria..perez@gmail.com",  # double dot
        "maria@gmail..com",
        ".maria@gmail.com",
        "maria@@gmail.com",
        "maria@",
        "@gmail.com",
        "maria@gmail",  # no top-level domain
        "maria@localhost",
    ],
)
def test_invalid_email(text: str) -> None:
    error = refusal(validate_email, text, "email")
    assert "no es válido" in error.user_message
    assert "nombre@dominio.ec" in error.user_message


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_missing_email_is_obligatorio(text: str) -> None:
    error = refusal(validate_email, text, "email")
    assert "obligatorio" in error.user_message
    assert error.user_message != refusal(validate_email, "x", "email").user_message


# --- mobile phone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0991234567",
        "099 123 4567",
        "+593991234567",
        "+593 99 123 4567",
        "(09) 9123-4567",
        "099-123-4567",
        "991234567",  # without the trunk 0
        " 0991234567 ",
    ],
)
def test_mobile_in_any_usual_form_becomes_e164(text: str) -> None:
    assert validate_phone(text) == MOBILE


@pytest.mark.parametrize(("text", "e164"), [
    ("022345678", "+59322345678"), ("02 234 5678", "+59322345678"),
    ("+59322345678", "+59322345678"), ("042345678", "+59342345678"),
])
def test_a_landline_is_accepted_too(text: str, e164: str) -> None:
    """The sheet asks only for an email: any Ecuadorian number will do (issue 11)."""
    assert validate_phone(text) == e164


@pytest.mark.parametrize("text", ["09912", "099123456", "09912345678", "0923456789"])
def test_too_short_too_long_or_not_a_number_of_ecuador(text: str) -> None:
    error = refusal(validate_phone, text, "phone")
    assert "no es un número válido de Ecuador" in error.user_message


@pytest.mark.parametrize("text", ["abc", "abcdefghij", "celular", "0991234ABC", "099-CALL-NOW"])
def test_letters_are_refused(text: str) -> None:
    assert "solo puede contener dígitos" in refusal(validate_phone, text, "phone").user_message


def test_a_dash_alone_is_not_a_number() -> None:
    assert "no es un número válido" in refusal(validate_phone, "-", "phone").user_message


def test_foreign_number_is_refused() -> None:
    assert "otro país" in refusal(validate_phone, "+14155552671", "phone").user_message


@pytest.mark.parametrize("text", ["", "  "])
def test_the_phone_is_optional(text: str) -> None:
    assert validate_phone(text) == ""


def test_each_phone_error_has_its_own_message() -> None:
    messages = {
        refusal(validate_phone, text, "phone").user_message
        for text in ("abc", "09912", "+14155552671")
    }
    assert len(messages) == 3


@pytest.mark.parametrize(
    ("e164", "shown"),
    [("+593991234567", "099 123 4567"), ("+593987654321", "098 765 4321")],
)
def test_format_phone_for_display(e164: str, shown: str) -> None:
    assert format_phone(e164) == shown
    assert validate_phone(shown) == e164
