"""Acuerdo benchmark: render, sign (PAdES, pyHanko) and verify offline, and the whole issue.

Run from the repository root:

    .venv/bin/python -m tests.benchmarks.bench_acuerdo [--repeat N] [--issues M]

Times, with time.perf_counter, each step the back office and the station pay per acuerdo:
rendering the form (reportlab), the code derived from the signature (RSA over the essential
data), the PAdES signature, and at the station the offline verification of an intact, an
altered and a foreign-signed copy. With `--issues M` it also builds a demo central (SQLite,
in a temporary folder) and times `desktop.central.acuerdos.issue` end to end (calculation,
number, render, sign, blob, row) for M cases. It prints numbers only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.documents.agreement import AgreementData, Calculation, render_agreement
from desktop.signing import pades, pki
from desktop.signing.verify import Verdict, check_pdf
from tests.benchmarks._stats import print_table, stats_row

COLUMNS = ("n", "median", "p95", "min", "max")


def sample(qr: str = "", code: str = "") -> AgreementData:
    calculation = Calculation(336, 360, Decimal("800.00"), Decimal("812.40"),
                              Decimal("0.7250"), Decimal("0.7500"), Decimal("580.00"),
                              Decimal("609.30"), date(2026, 3, 1), date(2026, 3, 1),
                              date(2026, 11, 30), Decimal("263.70"))
    return AgreementData(
        number="IESS-CPPPCH-2026-0012-A", issued_on=date(2026, 12, 5), city="Quito",
        unit_name="Coordinación Provincial de Prestaciones del Seguro de Pensiones de Pichincha",
        signer_name="María Fernanda Guerrero Andrade", signer_post="Coordinadora Provincial",
        case_number="REL-UIO01-01-2026-000001-Q", applicant_name="GUAMÁN QUISHPE MARÍA JOSÉ",
        applicant_document="cédula 17******03", pension_type_label="Vejez",
        filed_on=date(2026, 3, 14),
        centre_name="Centro de Atención Universal Quito", declared_employer="1790012345001",
        declared_periods="2019-01 a 2020-12", calculation=calculation, qr=qr, code=code)


def timed(repeat: int, work: Callable[[], object]) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def core(repeat: int) -> list[list[object]]:
    authority = pki.make_authority("AC de prueba")
    signer = pki.issue_signer(authority, "María Fernanda Guerrero Andrade", "IESS",
                              "Coordinadora Provincial")
    stranger = pki.issue_signer(pki.make_authority("Otra AC"), "Persona Ajena", "Otra", "X")
    roots = [pki.der(authority.certificate)]
    essentials = "IESS-CPPPCH-2026-0012-A|REL-UIO01-01-2026-000001-Q|CONCESION|609.30|263.70"
    code = pades.signature_code(signer, essentials)
    pdf = render_agreement(sample(pades.qr_content("IESS-CPPPCH-2026-0012-A", code), code))
    signed = pades.sign_pdf(pdf, signer, "Acuerdo", "Quito")
    altered = bytearray(signed)
    altered[signed.index(b"/Producer") + 3] ^= 1
    foreign = pades.sign_pdf(pdf, stranger, "Acuerdo", "Quito")
    assert check_pdf(signed, roots).verdict is Verdict.VALID
    assert check_pdf(bytes(altered), roots).verdict is Verdict.ALTERED
    assert check_pdf(foreign, roots).verdict is Verdict.UNTRUSTED
    print(f"unsigned PDF {len(pdf):,} bytes; signed {len(signed):,} bytes")
    return [
        stats_row("render (reportlab, A4)", timed(repeat, lambda: render_agreement(sample())),
                  COLUMNS),
        stats_row("signature code (RSA)", timed(repeat, lambda: pades.signature_code(
            signer, essentials)), COLUMNS),
        stats_row("sign (PAdES, pyHanko)", timed(repeat, lambda: pades.sign_pdf(
            pdf, signer, "Acuerdo", "Quito")), COLUMNS),
        stats_row("verify intact (offline)", timed(repeat, lambda: check_pdf(signed, roots)),
                  COLUMNS),
        stats_row("verify altered", timed(repeat, lambda: check_pdf(bytes(altered), roots)),
                  COLUMNS),
        stats_row("verify foreign signer", timed(repeat, lambda: check_pdf(foreign, roots)),
                  COLUMNS),
    ]


def issues(count: int, folder: Path) -> list[object]:
    """`acuerdos.issue` end to end at a demo SQLite central, for `count` derived cases."""
    from sqlalchemy import select

    from desktop.central import acuerdos
    from desktop.central.demo_cases import Station, add_demo_cases
    from desktop.central.models import Case
    from desktop.clock import now
    from desktop.db.engines import create_app_engine, writer
    from desktop.services.setup import init_central

    url = f"sqlite:///{folder / 'central.sqlite3'}"
    init_central(url, demo=True, pensioners=max(50, count * 3))
    engine = create_app_engine(url)
    add_demo_cases(engine, Station("UIO01", 1, "UIO01-01"), count, until=now(), taken={})
    with engine.connect() as connection:
        numbers = list(connection.scalars(select(Case.case_number).limit(count)))
    rng = random.Random(3)
    samples = []
    for number in numbers:
        start = time.perf_counter()
        with writer(engine).begin() as connection:
            acuerdos.issue(connection, number, concession=rng.random() < 0.85)
        samples.append(time.perf_counter() - start)
    engine.dispose()
    return stats_row("issue (calc+number+render+sign+blob+row)", samples, COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--issues", type=int, default=0)
    args = parser.parse_args()
    rows = core(args.repeat)
    if args.issues:
        folder = Path(tempfile.mkdtemp(prefix="bench-acuerdo-"))
        try:
            rows.append(issues(args.issues, folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("=== acuerdo: times in ms")
    print_table(("step", *COLUMNS), rows)


if __name__ == "__main__":
    main()
