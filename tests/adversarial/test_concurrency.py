"""Things happening at once at one workstation: each row starts several commands together on
the same station folder and every one of them must finish well (no «database is locked», no
half-made station), or the same event reaches central twice at the same moment."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.central.apply import APPLIED, apply_event
from desktop.config import HOME_ENV
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.store import models as cache
from desktop.sync.push import _envelope, upload_blob
from tests.adversarial.helpers import GENERIC, ROOT
from tests.support.accounts import CLERK
from tests.support.files import make_pdf

TOGETHER_S = 300


def run_together(home: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    environment = {**os.environ, HOME_ENV: str(home)}
    started = [subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                                env=environment, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
               for args in commands]
    finished = []
    for process, args in zip(started, commands, strict=True):
        try:
            out, err = process.communicate(timeout=TOGETHER_S)
        except subprocess.TimeoutExpired:
            for other in started:
                other.kill()
            raise AssertionError(f"hang: {' '.join(args)}") from None
        finished.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return finished


def assert_all_fine(results: list[subprocess.CompletedProcess[str]]) -> None:
    for result in results:
        output = result.stdout + result.stderr
        assert not any(word in output for word in GENERIC), output[-2000:]
        assert "database is locked" not in output, output[-2000:]
        assert result.returncode == 0, (result.args, output[-2000:])


EMPTY_HOME = [
    pytest.param([["sync", "--once"], ["sync", "--once"]], id="two-first-starts"),
    pytest.param([["sync", "--once"], ["audit", "verify"], ["verify"]],
                 id="three-commands-first-start"),
]


@pytest.mark.slow
@pytest.mark.parametrize("commands", EMPTY_HOME)
def test_first_starts_at_once_on_an_empty_home(commands, tmp_path):
    results = run_together(tmp_path / "home", *commands)
    assert_all_fine(results)


def test_two_commands_register_at_once_on_one_station(home):
    root = home.config_dir.parent
    results = run_together(root, ["demo", "--cases", "3"], ["demo", "--cases", "3"])
    assert_all_fine(results)
    from desktop.config import load_settings
    from desktop.services.runtime import open_runtime

    runtime = open_runtime(load_settings(home))
    try:
        with runtime.db.read() as session:  # the demo writes them at its central, pulled
            numbers = list(session.scalars(select(cache.Case.case_number)))
    finally:
        runtime.close()
    assert len(numbers) == len(set(numbers)) == 6


def test_the_same_event_applied_twice_at_the_same_moment(runtime, samples, tmp_path):
    form = tmp_path / "solicitud.pdf"
    form.write_bytes(make_pdf(1))
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567",
                                        True, (document,))).case_number
    central = runtime.central()
    upload_blob(central, runtime.blobs, document.sha256)
    with runtime.db.read() as session:
        event = session.scalars(select(cache.OutboxEvent).where(
            cache.OutboxEvent.case_number == number,
            cache.OutboxEvent.event_type == "case.registered")).one()
    outcomes: list[object] = []
    gate = threading.Barrier(2)

    def apply() -> None:
        gate.wait()
        outcomes.append(apply_event(central, _envelope(event)))

    threads = [threading.Thread(target=apply) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(outcomes) == 2
    assert sorted(o.repeated for o in outcomes) == [False, True]  # type: ignore[attr-defined]
    assert {o.status for o in outcomes} == {APPLIED}  # type: ignore[attr-defined]
