"""Assertions the tests share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from desktop.errors import VentanillaError


@contextmanager
def refused(kind: type[VentanillaError], message: str) -> Iterator[None]:
    """Expect a refusal whose Spanish message (not the log text) contains `message`."""
    with pytest.raises(kind) as raised:
        yield
    assert message in raised.value.user_message, raised.value.user_message
