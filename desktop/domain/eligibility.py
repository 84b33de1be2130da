"""Who may file a reliquidación (RUTER IESS-034-01-07; DESIGN.md §4).

Be a pensioner of the Seguro General with an active pension, and have no pending employer
contributions recorded. The verdict lists every reason, so the clerk can explain it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.pensions import PensionState
from desktop.i18n import _


@dataclass(frozen=True)
class DebtFact:
    """Pending employer contributions (mora patronal) for some months."""

    employer_ruc: str
    employer_name: str
    period_from: str  # AAAA-MM
    period_to: str  # AAAA-MM

    @property
    def periods(self) -> str:
        if self.period_from == self.period_to:
            return self.period_from
        return f"{self.period_from} a {self.period_to}"


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    reasons: tuple[str, ...]


def assess(pension_state: PensionState | None, debts: tuple[DebtFact, ...]) -> Verdict:
    """`pension_state` None means the person is not in the pensioner registry."""
    reasons: list[str] = []
    if pension_state is None:
        reasons.append(
            _("No consta como pensionista del Seguro General en la información sincronizada.")
        )
    elif pension_state is PensionState.SUSPENDIDA:
        reasons.append(_("La pensión está suspendida."))
    for debt in debts:
        reasons.append(
            _("Aportes pendientes del empleador {name} (RUC {ruc}): {periods}.").format(
                name=debt.employer_name, ruc=debt.employer_ruc, periods=debt.periods
            )
        )
    if reasons:
        return Verdict(False, tuple(reasons))
    return Verdict(
        True,
        (_("Pensionista del Seguro General con pensión activa y sin aportes pendientes."),),
    )
