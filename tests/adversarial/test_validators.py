"""Property tests over the validators with the strategies of `strategies.py`: every input
either comes back normalised or is refused with a Spanish ValidationError, never another
exception; what a clerk types correctly is always accepted, and accepting is idempotent."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from desktop.domain import contact, identity, periods
from desktop.domain.passport import validate_passport
from desktop.errors import ValidationError, VentanillaError
from desktop.services.status import StatusService
from tests.adversarial.strategies import (
    cedulas,
    emails,
    hostile_text,
    mobiles,
    rucs,
    searches,
    typed,
)
from tests.adversarial.strategies import (
    periods as period_lists,
)

TODAY = date(2026, 12, 1)
VALIDATORS = [
    pytest.param(identity.validate_cedula, id="cedula"),
    pytest.param(lambda text: identity.validate_ruc(text).ruc, id="ruc"),
    pytest.param(contact.validate_email, id="email"),
    pytest.param(contact.validate_phone, id="phone"),
    pytest.param(lambda text: validate_passport("CO", text).number, id="passport number"),
    pytest.param(lambda text: validate_passport(text, "AB123456").country,
                 id="passport country"),
    pytest.param(lambda text: periods.format_periods(periods.parse_periods(text, TODAY)),
                 id="periods"),
]


def answered(validate, text: str) -> str | None:
    try:
        return validate(text)
    except ValidationError as error:
        assert error.user_message and error.field, error
        return None


@pytest.mark.parametrize("validate", VALIDATORS)
@settings(max_examples=300, deadline=None)
@given(text=hostile_text())
def test_anything_is_normalised_or_refused_in_spanish(validate, text):
    result = answered(validate, text)
    if result is not None:
        assert answered(validate, result) == result  # idempotent


@settings(max_examples=300, deadline=None)
@given(typed(cedulas()))
def test_a_typed_cedula_is_accepted(text):
    assert identity.validate_cedula(text) == text.replace(" ", "").replace("-", "")


@settings(max_examples=200, deadline=None)
@given(rucs())
def test_a_natural_persons_ruc_is_accepted(text):
    assert identity.validate_ruc(text).ruc == text


@settings(max_examples=200, deadline=None)
@given(mobiles())
def test_a_mobile_as_people_write_it_is_accepted(text):
    assert contact.validate_phone(text).startswith("+5939")


@settings(max_examples=200, deadline=None)
@given(emails())
def test_an_email_is_accepted_or_refused_in_spanish(text):
    answered(contact.validate_email, text)


@settings(max_examples=200, deadline=None)
@given(period_lists())
def test_period_lists_are_accepted_and_stable(text):
    formatted = periods.format_periods(periods.parse_periods(text, TODAY))
    assert periods.format_periods(periods.parse_periods(formatted, TODAY)) == formatted


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=searches())
def test_a_status_search_answers_or_refuses_in_spanish(runtime, clerk, text):
    service = StatusService(runtime, clerk)
    try:
        result = service.search(text)
    except VentanillaError as error:
        assert error.user_message
        return
    assert len(result.cases) <= 50
