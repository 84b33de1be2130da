"""Legal periods a case is measured against, each with its source (DOMAIN.md §3.2).

Periods are *términos* (working days, desktop.domain.calendar). DOMAIN.md states the COA's
30-day response term but not whether it binds pension prestaciones, and gives no figure for
completing information: rows it does not confirm are marked `assumed`, and the screens and
the status slip say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.i18n import N_, _, translate


class Period(StrEnum):
    RESPONSE = "RESPONSE"  # the institution answers the petition
    COMPLETE_INFO = "COMPLETE_INFO"  # the applicant provides what central asked for


@dataclass(frozen=True)
class LegalPeriod:
    period: Period
    working_days: int
    name: str  # N_(): translated where shown
    source: str  # the citation, as printed
    assumed: bool  # DOMAIN.md does not confirm it applies to this procedure
    note: str = ""  # why it is an assumption (for staff and maintainers, not printed)

    @property
    def label(self) -> str:
        return translate(self.name)


PERIODS: dict[Period, LegalPeriod] = {
    Period.RESPONSE: LegalPeriod(
        Period.RESPONSE, 30, N_("Plazo de respuesta de la institución"),
        "Código Orgánico Administrativo, art. 207", assumed=True,
        note="DOMAIN.md §3.2: término de 30 días, silencio administrativo positivo; no "
             "confirmado que rija para prestaciones de pensiones"),
    Period.COMPLETE_INFO: LegalPeriod(
        Period.COMPLETE_INFO, 10, N_("Plazo para completar la información"),
        "Código Orgánico Administrativo, art. 140", assumed=True,
        note="subsanación en 10 días: DOMAIN.md no da la cifra (apéndice c, «[assumption]»)"),
}


def period(kind: Period) -> LegalPeriod:
    return PERIODS[kind]


def cited(legal: LegalPeriod) -> str:
    """«Código Orgánico Administrativo, art. 140; plazo referencial» as printed: an assumed
    period says it is only a reference."""
    return legal.source + ("; " + _("plazo referencial") if legal.assumed else "")
