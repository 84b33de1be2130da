"""Deterministic demo data for the central database (the SQLite registry of the demo).

The demo must look like an IESS registry: valid cédulas and RUCs from many provinces, names
with accents and ñ, the four pension kinds in plausible proportions, and some suspended
pensions and employer debts, so every eligibility outcome can be shown at the counter.
Everything comes from one `random.Random(seed)` and a fixed reference month (November 2026),
never from the clock, so two runs with the same seed produce the same registry.

Speed matters because a benchmark loads a million pensioners: rows are plain dicts inserted
with SQLAlchemy Core in batches inside one transaction (which also makes cancel atomic).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, exists, insert, select

from desktop.central import demo_names as names
from desktop.central.demo_history import HistoryMaker
from desktop.central.feed import reserve_marker
from desktop.central.models import (
    Case,
    Centre,
    ContributionDebt,
    ContributionHistory,
    Employer,
    Holiday,
    Pension,
    Person,
    Staff,
)
from desktop.central.signer import install_demo_signer
from desktop.db.engines import writer
from desktop.domain.cases import OPEN_STATES
from desktop.domain.identity import cedula_check_digit
from desktop.domain.pensions import PensionState, PensionType
from desktop.domain.roles import Role
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.security.passwords import hash_password

Row = dict[str, Any]


@dataclass(frozen=True)
class DemoLogin:
    """A staff account of the demo; the password is public on purpose (it is a demo)."""

    username: str
    password: str
    role: Role
    centre_code: str
    full_name: str


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "oficinista.uio", "uio-oficinista-2026", Role.CLERK, "UIO01", "María José Pazmiño Yánez"
    ),
    DemoLogin(
        "supervisor.uio",
        "uio-supervisor-2026",
        Role.SUPERVISOR,
        "UIO01",
        "Ángel Patricio Tenesaca Chimbo",
    ),
    DemoLogin(
        "admin.uio",
        "uio-admin-2026",
        Role.ADMINISTRATOR,
        "UIO01",
        "Inés del Rocío Peñafiel Ordóñez",
    ),
    DemoLogin(
        "oficinista.gye", "gye-oficinista-2026", Role.CLERK, "GYE01", "Jorge Andrés Zambrano Cedeño"
    ),
    DemoLogin(
        "supervisor.gye",
        "gye-supervisor-2026",
        Role.SUPERVISOR,
        "GYE01",
        "Narcisa de Jesús Muñoz Alcívar",
    ),
    DemoLogin(
        "admin.gye", "gye-admin-2026", Role.ADMINISTRATOR, "GYE01", "Byron Efraín Núñez Tomalá"
    ),
)


@dataclass(frozen=True)
class DemoSamples:
    """One cédula per eligibility outcome, for the demo script and the tests."""

    eligible: str
    pending_contributions: str
    suspended: str
    not_pensioner: str


CENTRES: tuple[Row, ...] = (
    {
        "code": "UIO01",
        "name": "Centro de Atención Universal Quito",
        "city": "Quito",
        "address": "Av. 10 de Agosto N21-37 y Bogotá",
        "counters": 3,
    },
    {
        "code": "GYE01",
        "name": "Centro de Atención Universal Guayaquil",
        "city": "Guayaquil",
        "address": "Olmedo y Francisco de Paula Lavayen",
        "counters": 3,
    },
)

_QUITO = ("Ordenanza del Distrito Metropolitano de Quito (fundación de Quito); traslado según "
          "R.O. Supl. 906 (2016)")
_GUAYAQUIL = ("Fundación de Guayaquil, feriado cantonal; traslado según R.O. Supl. 906 (2016)")
#: The demo centres' cantonal days off (central's holiday table; national days are seeded
#: by the 0011 migration). Moved days no official calendar confirms are `assumed`.
CANTONAL_HOLIDAYS: tuple[Row, ...] = (
    {"centre_code": "UIO01", "day": date(2025, 12, 5), "assumed": True,
     "name": "Fundación de Quito (trasladado del sábado 6)", "source": _QUITO},
    {"centre_code": "UIO01", "day": date(2026, 12, 7), "assumed": True,
     "name": "Fundación de Quito (trasladado del domingo 6)", "source": _QUITO},
    {"centre_code": "UIO01", "day": date(2027, 12, 6), "assumed": False,
     "name": "Fundación de Quito", "source": _QUITO},
    {"centre_code": "GYE01", "day": date(2025, 7, 25), "assumed": False,
     "name": "Fundación de Guayaquil", "source": _GUAYAQUIL},
    {"centre_code": "GYE01", "day": date(2026, 7, 24), "assumed": True,
     "name": "Fundación de Guayaquil (trasladado del sábado 25)", "source": _GUAYAQUIL},
    {"centre_code": "GYE01", "day": date(2027, 7, 26), "assumed": True,
     "name": "Fundación de Guayaquil (trasladado del domingo 25)", "source": _GUAYAQUIL},
)

BATCH_ROWS = 10_000
EMPLOYER_COUNT = 300
NON_PENSIONER_SHARE = 0.05
SUSPENDED_SHARE = 0.04
DEBT_SHARE = 0.06

REFERENCE_DAY = date(2026, 11, 1)
FIRST_GRANT = date(1995, 1, 1)
LAST_GRANT = date(2026, 10, 31)
LAST_DEBT_MONTH = 2026 * 12 + 9  # October 2026 as a month index (year * 12 + month - 1)
DEBT_WINDOW_MONTHS = 120
MIN_PENSION = 241.0
DAYS_PER_YEAR = 365.25

#: Relative weight of each province code in the generated cédulas (DOMAIN.md §1.1):
#: roughly where people live, Pichincha and Guayas first.
# fmt: off
PROVINCE_WEIGHTS: dict[str, int] = {
    "17": 30, "09": 28, "13": 7, "01": 6, "07": 4, "12": 4, "18": 3, "06": 3, "11": 3,
    "10": 3, "08": 2, "05": 2, "23": 2, "24": 1, "02": 1, "03": 1, "04": 1, "14": 1,
    "15": 1, "16": 1, "19": 1, "20": 1, "21": 1, "22": 1,
}
# fmt: on

#: The first three pensioners are fixed as (suspended, indebted) so that every sample kind
#: exists even in a tiny registry; the rest is random.
SEEDED_OUTCOMES: tuple[tuple[bool, bool], ...] = ((False, False), (False, True), (True, False))


@dataclass(frozen=True)
class _Profile:
    """What a plausible pension of one kind looks like (ages in years at November 2026)."""

    kind: PensionType
    weight: int
    ages: tuple[int, int]
    granted_from_age: int
    months: tuple[int, int]
    amount_mode: float
    amount_max: float
    female_share: float


PROFILES: tuple[_Profile, ...] = (
    _Profile(PensionType.VEJEZ, 70, (60, 95), 60, (120, 520), 650.0, 2651.0, 0.45),
    _Profile(PensionType.INVALIDEZ, 10, (30, 80), 25, (60, 360), 480.0, 1800.0, 0.40),
    _Profile(PensionType.VIUDEZ, 15, (35, 95), 25, (60, 480), 380.0, 1500.0, 0.85),
    _Profile(PensionType.ORFANDAD, 5, (5, 25), 0, (60, 400), 260.0, 900.0, 0.50),
)


def populate(
    engine: Engine,
    *,
    pensioners: int = 5000,
    seed: int = 2026,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Fill an EMPTY, migrated central schema with the demo registry.

    One transaction: a cancel (desktop.errors.Cancelled) or any error leaves nothing behind.
    Raises ValueError if the database already has centres, because mixing two registries
    would break the uniqueness the generator relies on.
    """
    if pensioners < 0:
        raise ValueError("pensioners must not be negative")
    label = _("Generando pensionistas…")
    progress(0, pensioners, label)
    generator = _Generator(random.Random(seed), HistoryMaker(random.Random(seed + 1)))
    extras = max(1, round(pensioners * NON_PENSIONER_SHARE)) if pensioners else 0
    with writer(engine).begin() as connection:
        if _has_centres(connection):
            raise ValueError("the central database already holds data; populate needs it empty")
        marker = {"change_id": reserve_marker(connection)}
        connection.execute(insert(Centre), [{**row, **marker} for row in CENTRES])
        connection.execute(insert(Staff), [{**row, **marker} for row in _staff_rows()])
        connection.execute(insert(Holiday), [{**row, "active": True, **marker}
                                             for row in CANTONAL_HOLIDAYS])
        connection.execute(insert(Employer), generator.employers(EMPLOYER_COUNT))
        for start in range(0, pensioners, BATCH_ROWS):
            stop = min(start + BATCH_ROWS, pensioners)
            batch_extras = extras * stop // pensioners - extras * start // pensioners
            _insert_batch(connection, generator.batch(start, stop, batch_extras), marker)
            progress(stop, pensioners, label)
            if cancel is not None:
                cancel.raise_if_cancelled()
        install_demo_signer(connection)  # the demo back office signs its acuerdos


def is_populated(engine: Engine) -> bool:
    """True once populate has run (it always writes the centres first)."""
    with engine.connect() as connection:
        return _has_centres(connection)


def find_samples(engine: Engine, busy: Collection[str] = ()) -> DemoSamples:
    """The lowest cédula of each kind that can still file a request: not one with an open
    case at central, nor one of `busy` (open cases a station has not sent yet). Read from
    the database, so any populated DB works.

    Raises LookupError if a kind is missing (a registry not made by populate).
    """
    indebted = select(ContributionDebt.cedula).where(ContributionDebt.settled_on.is_(None))
    open_states = [state.value for state in OPEN_STATES]
    taken = select(Case.cedula).where(Case.state.in_(open_states))

    def free(column: Any) -> tuple[Any, ...]:
        return column.not_in(taken), column.not_in(list(busy))

    active = Pension.state == PensionState.ACTIVA.value
    has_pension = exists().where(Pension.cedula == Person.cedula)
    with engine.connect() as connection:
        return DemoSamples(
            eligible=_lowest(connection, "eligible", Pension.cedula, *free(Pension.cedula),
                             active, Pension.cedula.not_in(indebted)),
            pending_contributions=_lowest(connection, "pending", Pension.cedula,
                                          *free(Pension.cedula), active,
                                          Pension.cedula.in_(indebted)),
            suspended=_lowest(connection, "suspended", Pension.cedula, *free(Pension.cedula),
                              Pension.state == PensionState.SUSPENDIDA.value,
                              Pension.cedula.not_in(indebted)),
            not_pensioner=_lowest(connection, "not pensioner", Person.cedula,
                                  *free(Person.cedula), ~has_pension),
        )


def _lowest(connection: Connection, kind: str, column: Any, *conditions: Any) -> str:
    # ORDER BY the primary key with LIMIT 1 walks the index and stops at the first match,
    # which stays fast on a million rows where MIN() over a filter would scan.
    query = select(column).where(*conditions).order_by(column).limit(1)
    found = connection.execute(query).scalar_one_or_none()
    if found is None:
        raise LookupError(f"the central database has no {kind} sample")
    return str(found)


def _has_centres(connection: Connection) -> bool:
    return connection.execute(select(exists().select_from(Centre))).scalar_one()


def _staff_rows() -> list[Row]:
    return [
        {
            "username": login.username,
            "full_name": login.full_name,
            "role": login.role.value,
            "centre_code": login.centre_code,
            "password_hash": hash_password(login.password),
            "active": True,
        }
        for login in DEMO_LOGINS
    ]


@dataclass
class _Batch:
    people: list[Row]
    pensions: list[Row]
    debts: list[Row]
    histories: list[Row]


def _insert_batch(connection: Connection, batch: _Batch, marker: dict[str, int]) -> None:
    connection.execute(insert(Person), batch.people)
    connection.execute(insert(Pension), [{**row, **marker} for row in batch.pensions])
    if batch.debts:
        connection.execute(insert(ContributionDebt), [{**row, **marker} for row in batch.debts])
    if batch.histories:
        connection.execute(insert(ContributionHistory), batch.histories)


def _years(years: float) -> int:
    return round(years * DAYS_PER_YEAR)


def _period(month_index: int) -> str:
    return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"


class _Generator:
    """Draws every value from one Random, in a fixed order, so output depends on the seed only."""

    def __init__(self, rng: random.Random, histories: HistoryMaker):
        self.rng = rng
        self.histories = histories
        self.seen: set[str] = set()
        self.employer_rucs: list[str] = []
        self._provinces = list(PROVINCE_WEIGHTS)
        self._province_cum = list(itertools.accumulate(PROVINCE_WEIGHTS.values()))
        self._profile_cum = list(itertools.accumulate(p.weight for p in PROFILES))

    # identity numbers -----------------------------------------------------------------

    def _province(self) -> str:
        point = self.rng.random() * self._province_cum[-1]
        return self._provinces[bisect.bisect_right(self._province_cum, point)]

    def cedula(self) -> str:
        """A new valid cédula: province, third digit 0–5, six digits, Módulo 10 check."""
        while True:
            nine = f"{self._province()}{self.rng.randrange(6_000_000):07d}"
            number = nine + cedula_check_digit(nine)
            if number not in self.seen:
                self.seen.add(number)
                return number

    def _mod11_ruc(self, third: str, weights: tuple[int, ...], tail: str) -> str:
        """A company RUC whose mod-11 check digit follows the digits the weights cover."""
        free = len(weights) - 3  # after the province code and the third digit
        while True:
            body = f"{self._province()}{third}{self.rng.randrange(10**free):0{free}d}"
            check = -sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
            number = f"{body}{check}{tail}"
            if check != 10 and number not in self.seen:  # 10 cannot be written as one digit
                self.seen.add(number)
                return number

    def private_ruc(self) -> str:
        return self._mod11_ruc("9", (4, 3, 2, 7, 6, 5, 4, 3, 2), "001")

    def public_ruc(self) -> str:
        return self._mod11_ruc("6", (3, 2, 7, 6, 5, 4, 3, 2), "0001")

    # people ---------------------------------------------------------------------------

    def given_names(self, female: bool) -> str:
        rng = self.rng
        pool = names.FEMALE_GIVEN if female else names.MALE_GIVEN
        first = rng.choice(pool)
        if first == "María" and rng.random() < 0.5:
            return f"{first} {rng.choice(names.MARIA_SECOND)}"
        second = rng.choice(pool)
        while second == first:
            second = rng.choice(pool)
        return f"{first} {second}"

    def surnames(self) -> str:
        return f"{self.rng.choice(names.SURNAMES)} {self.rng.choice(names.SURNAMES)}"

    def _birth(self, ages: tuple[int, int]) -> date:
        reference = REFERENCE_DAY.toordinal()
        oldest = reference - _years(ages[1] + 1) + 1
        youngest = reference - _years(ages[0])
        return date.fromordinal(self.rng.randint(oldest, youngest))

    def person(self, ages: tuple[int, int], female: bool) -> Row:
        return {
            "cedula": self.cedula(),
            "given_names": self.given_names(female),
            "surnames": self.surnames(),
            "birth_date": self._birth(ages),
        }

    # pensions and debts ---------------------------------------------------------------

    def _profile(self) -> _Profile:
        point = self.rng.random() * self._profile_cum[-1]
        return PROFILES[bisect.bisect_right(self._profile_cum, point)]

    def _granted(self, birth: date, profile: _Profile) -> date:
        of_age = birth.toordinal() + _years(profile.granted_from_age) + 1
        earliest = max(FIRST_GRANT.toordinal(), of_age)
        latest = LAST_GRANT.toordinal()
        return date.fromordinal(self.rng.randint(min(earliest, latest), latest))

    def pension(self, person: Row, profile: _Profile, suspended: bool) -> Row:
        rng = self.rng
        amount = rng.triangular(MIN_PENSION, profile.amount_max, profile.amount_mode)
        return {
            "cedula": person["cedula"],
            "pension_type": profile.kind.value,
            "state": (PensionState.SUSPENDIDA if suspended else PensionState.ACTIVA).value,
            "granted_on": self._granted(person["birth_date"], profile),
            "contribution_months": rng.randint(*profile.months),
            "monthly_amount": round(amount, 2),
        }

    def debts(self, cedula: str) -> list[Row]:
        """One or two periods of unpaid contributions, inside the last ten years."""
        rng = self.rng
        rows = []
        for _index in range(rng.randint(1, 2)):
            first = rng.randint(LAST_DEBT_MONTH - DEBT_WINDOW_MONTHS + 1, LAST_DEBT_MONTH)
            last = min(first + rng.randint(0, 23), LAST_DEBT_MONTH)
            months = last - first + 1
            rows.append(
                {
                    "cedula": cedula,
                    "employer_ruc": rng.choice(self.employer_rucs),
                    "period_from": _period(first),
                    "period_to": _period(last),
                    "amount": round(months * rng.uniform(45.0, 420.0), 2),
                    "settled_on": None,
                }
            )
        return rows

    def batch(self, start: int, stop: int, extras: int) -> _Batch:
        """Pensioners number start..stop-1, plus `extras` people who receive no pension."""
        rng = self.rng
        batch = _Batch([], [], [], [])
        for index in range(start, stop):
            profile = self._profile()
            person = self.person(profile.ages, rng.random() < profile.female_share)
            suspended = rng.random() < SUSPENDED_SHARE
            indebted = rng.random() < DEBT_SHARE
            if index < len(SEEDED_OUTCOMES):
                suspended, indebted = SEEDED_OUTCOMES[index]
            batch.people.append(person)
            pension = self.pension(person, profile, suspended)
            batch.pensions.append(pension)
            if indebted:
                batch.debts.extend(self.debts(person["cedula"]))
            elif not suspended and self.histories.wanted():
                debt, history = self.histories.make(
                    pension, self.histories.rng.choice(self.employer_rucs))
                batch.debts.append(debt)
                batch.histories.append(history)
        for _index in range(extras):
            batch.people.append(self.person((18, 90), rng.random() < 0.5))
        return batch

    # employers ------------------------------------------------------------------------

    def employers(self, count: int) -> list[Row]:
        """Mostly private companies (RUC third digit 9), a few public bodies (6), and
        natural persons (cédula + 001), the three RUC structures the counter meets."""
        rng = self.rng
        rows: list[Row] = []
        for name in names.PUBLIC_EMPLOYERS[: max(0, count // 20)]:
            rows.append({"ruc": self.public_ruc(), "name": name})
        for _index in range(count * 15 // 100):
            female = rng.random() < 0.5
            name = f"{self.surnames()} {self.given_names(female)}"  # as the SRI lists them
            rows.append({"ruc": self.cedula() + "001", "name": name})
        used = {row["name"] for row in rows}
        while len(rows) < count:
            name = " ".join(
                (
                    rng.choice(names.COMPANY_KINDS),
                    rng.choice(names.COMPANY_WORDS),
                    rng.choice(names.COMPANY_SUFFIXES),
                )
            )
            if name not in used:
                used.add(name)
                rows.append({"ruc": self.private_ruc(), "name": name})
        self.employer_rucs = [row["ruc"] for row in rows]
        return rows
