"""How the pages write amounts, dates and what a role may do with a case."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from desktop.clock import format_local
from desktop.domain.cases import TRANSITIONS, CaseState
from desktop.domain.roles import Role

CENT = Decimal("0.01")


def usd(amount: Decimal) -> str:
    """`USD 1.234,56`, as the acuerdo prints it (Ecuadorian separators)."""
    cents = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    whole, fraction = f"{abs(cents):,.2f}".split(".")
    return f"USD {'-' if cents < 0 else ''}{whole.replace(',', '.')},{fraction}"


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def moment(value: datetime | None) -> str:
    return format_local(value) if value is not None else ""


def role_may_move(role: Role, source: CaseState, target: CaseState) -> bool:
    """Whether the transition table lets `role` fire source → target (buttons follow it;
    the service checks again, four-eyes included)."""
    return any(t.source is source and t.target is target and role in t.roles
               for t in TRANSITIONS)
