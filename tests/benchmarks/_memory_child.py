"""Child process of bench_core --gui-memory: the real GUI's resident memory on a big cache.

Run by bench_core as `python -m tests.benchmarks._memory_child HOURS` with VENTANILLA_HOME
set to the benchmark's workstation (offscreen Qt). It starts the application as the
`ventanilla` command does (`ui.app.launch()`), signs the clerk in through the sign-in page,
and prints the RSS then; then it does `HOURS` of a busy counter's work in the same process
(per hour: 60 cédula lookups, 12 registrations with a scanned page and their receipt, 120
name searches, 40 case views, 120 sync rounds, the window's own timers running), and prints
the RSS again. One line `MEMORY {json}` on stdout.
"""

from __future__ import annotations

import gc
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks._floors import name_fragments, peak_rss_mib, rss_mib

PER_HOUR = {"lookups": 60, "registrations": 12, "searches": 120, "views": 40, "syncs": 120}
TIMEOUT_S = 600


def wait_until(app: Any, condition: Any) -> None:
    deadline = time.time() + TIMEOUT_S
    while not condition():
        if time.time() > deadline:
            raise SystemExit("timeout")
        app.processEvents()
        time.sleep(0.005)


def settle(app: Any, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def work(window: Any, app: Any, hours: float, rng: random.Random) -> dict[str, int]:
    """A busy counter's hours, through the services the pages call, in this process."""
    from sqlalchemy import text

    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService
    from desktop.services.receipts import ReceiptService
    from desktop.services.status import StatusService
    from desktop.services.sync import SyncService
    from tests.support.files import make_pdf

    runtime, actor = window.runtime, window.actor
    counts = {name: round(per_hour * hours) for name, per_hour in PER_HOUR.items()}
    with runtime.db.engine.connect() as connection:
        people = list(connection.execute(text(
            "SELECT cedula FROM pensioners WHERE pension_state = 'ACTIVA' AND cedula NOT IN "
            "(SELECT cedula FROM contribution_debts) AND cedula NOT IN (SELECT cedula FROM "
            "cases) ORDER BY random() LIMIT :n"), {"n": counts["lookups"]}).scalars())
        names = list(connection.execute(text(
            "SELECT applicant_name FROM cases ORDER BY random() LIMIT 500")).scalars()) or [
            "Pérez Ana"]
    intake, status = IntakeService(runtime, actor), StatusService(runtime, actor)
    receipts, sync = ReceiptService(runtime, actor), SyncService(runtime)
    numbers: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for index, cedula in enumerate(people):
            intake.lookup(cedula)
            if index < counts["registrations"]:
                scan = Path(folder) / f"solicitud-{index}.pdf"
                scan.write_bytes(make_pdf(1, f"Solicitud {index}"))
                document = intake.attach_file(scan, DocumentType.SIGNED_REQUEST)
                case = intake.register(IntakeForm(cedula, "persona@correo.ec", "0991234567",
                                                  True, (document,)))
                numbers.append(case.case_number)
                receipts.render(case.case_number, "a4")
            app.processEvents()
    for fragment in name_fragments(names, rng, counts["searches"]):
        found = status.search(fragment).cases
        numbers.extend(case.case_number for case in found[:1])
        app.processEvents()
    for number in rng.sample(numbers, min(len(numbers), counts["views"])):
        status.detail(number, why="consulta de estado")
    for _round in range(counts["syncs"]):
        sync.run()
        app.processEvents()
    return counts


def main() -> None:
    hours = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    from PySide6.QtWidgets import QApplication

    from desktop.central.demo import DEMO_LOGINS
    from desktop.domain.roles import Role
    from ui.app import launch

    result: dict[str, Any] = {"started": rss_mib()}
    window = launch()
    app = QApplication.instance()
    wait_until(app, window.login.submit.isEnabled)
    result["sign-in page ready"] = rss_mib()
    clerk = next(login for login in DEMO_LOGINS
                 if login.role is Role.CLERK and login.centre_code == "UIO01")
    window.login.username.setText(clerk.username)
    window.login.password.setText(clerk.password)
    window.login.submit.click()
    wait_until(app, lambda: window.workspace is not None)
    settle(app, 2.0)  # the start page's own reads, the first sync round
    gc.collect()
    result["after sign-in"] = rss_mib()
    start = time.perf_counter()
    result["work"] = work(window, app, hours, random.Random(5))
    result["work seconds"] = time.perf_counter() - start
    settle(app, 1.0)
    gc.collect()
    result[f"after {hours:g} h of work"] = rss_mib()
    result["peak"] = peak_rss_mib()
    window.close()
    app.quit()
    print("MEMORY " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
