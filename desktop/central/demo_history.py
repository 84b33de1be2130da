"""Demo contribution histories for pensioners whose employer paid a debt late.

These are the realistic applicants of a reliquidación: the employer owed months (mora),
paid them (the debt is `settled_on`), and the pensioner asks for the pension to be
recalculated. Each gets a monthly salary history in which those months are marked late,
so the supervisor's preview has a "before" and an "after". Drawn from their own Random,
so adding them leaves the rest of the demo registry as it was.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

Row = dict[str, Any]
SETTLED_SHARE = 0.10
HISTORY_CAP = 5_000  # enough for demos and load tests; a 1M registry stays quick to build
LATE_RUN = (6, 30)  # months the employer paid late, in one run


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass
class HistoryMaker:
    rng: random.Random
    made: int = 0

    def wanted(self) -> bool:
        """Draw whether the next pensioner is one whose employer settled a debt."""
        return self.rng.random() < SETTLED_SHARE and self.made < HISTORY_CAP

    def make(self, pension: Row, employer_ruc: str) -> tuple[Row, Row]:
        """(the settled debt, the contribution history) of one pensioner."""
        rng = self.rng
        self.made += 1
        granted: date = pension["granted_on"]
        last = granted.year * 12 + granted.month - 2  # the month before the pension began
        months = max(pension["contribution_months"], 72)
        first = last - months + 1
        salary = rng.uniform(320.0, 1400.0)
        growth = rng.uniform(0.02, 0.06) / 12
        items = []
        for index in range(first, last + 1):
            salary *= 1 + growth + rng.uniform(-0.004, 0.004)
            items.append(f"{month_text(index)}:{salary:.2f}")
        length = rng.randint(*LATE_RUN)
        # inside the last ten working years, where the five best years usually are
        start = rng.randint(max(first, last - 120), last - length + 1)
        late = [month_text(index) for index in range(start, start + length)]
        paid = date(2025 + rng.randint(0, 1), rng.randint(1, 10), rng.randint(1, 28))
        debt = {
            "cedula": pension["cedula"],
            "employer_ruc": employer_ruc,
            "period_from": late[0],
            "period_to": late[-1],
            "amount": round(length * rng.uniform(45.0, 420.0), 2),
            "settled_on": paid,
        }
        history = {"cedula": pension["cedula"], "months": ";".join(items),
                   "late": ";".join(late)}
        return debt, history
