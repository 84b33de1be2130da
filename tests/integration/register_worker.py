"""A workstation process that registers cases until it is killed (used by crash tests).

With `--pause-before-commit MARKER` it stops inside the registering transaction, after
every row is written and before COMMIT, writes MARKER, and waits there to be killed.
The hook is attached here, by the test harness; the product code has no test switch.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from desktop.config import load_settings
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_runtime
from desktop.store import models
from tests.support.accounts import CLERK
from tests.support.files import make_pdf


def eligible_cedulas(runtime, limit: int) -> list[str]:
    with runtime.db.read() as session:
        return list(session.scalars(
            select(models.Pensioner.cedula)
            .where(models.Pensioner.pension_state == "ACTIVA",
                   ~models.Pensioner.cedula.in_(select(models.ContributionDebt.cedula)),
                   ~models.Pensioner.cedula.in_(select(models.Case.cedula)))
            .order_by(models.Pensioner.cedula).limit(limit)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--pause-before-commit", type=Path)
    args = parser.parse_args()
    runtime = open_runtime(load_settings())
    service = IntakeService(runtime, sign_in(runtime, *CLERK))
    form_path = Path(load_settings().paths.data_dir) / "form.pdf"
    form_path.write_bytes(make_pdf(2))
    document = service.attach_file(form_path, DocumentType.SIGNED_REQUEST)

    if args.pause_before_commit:
        marker: Path = args.pause_before_commit

        @event.listens_for(Session, "before_commit")
        def stall(session: Session) -> None:
            if any(isinstance(obj, models.Case) for obj in session.identity_map.values()):
                marker.write_text("inside the transaction")
                time.sleep(3600)

    print("ready", flush=True)
    for cedula in eligible_cedulas(runtime, args.cases):
        case = service.register(IntakeForm(cedula, "persona@correo.ec", "0991234567", True,
                                           (document,)))
        print(case.case_number, flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
