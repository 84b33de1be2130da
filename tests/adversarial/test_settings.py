"""The settings file, edited by hand: each row is a file with one thing wrong. Loading it
must refuse with a Spanish message that names the field and the file (the command line
shows the same message and exits 1); nothing may start half configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.config import load_settings
from desktop.errors import ValidationError
from tests.adversarial.helpers import assert_spanish, ventanilla
from tests.support.files import paths_in

CASES = [
    pytest.param('counter = "abc"\n', "counter", id="counter-text"),
    pytest.param("counter = 1.5\n", "counter", id="counter-decimal"),
    pytest.param("counter = true\n", "counter", id="counter-boolean"),
    pytest.param("counter = 0\n", "counter", id="counter-zero"),
    pytest.param("counter = 100\n", "counter", id="counter-too-high"),
    pytest.param("centre = 12345\n", "centre", id="centre-number"),
    pytest.param('centre = "uio01"\n', "centre", id="centre-lowercase"),
    pytest.param('centre = "ÚIO01"\n', "centre", id="centre-accented"),
    pytest.param("central_url = 5\n", "central_url", id="url-number"),
    pytest.param('central_url = "garbage"\n', "central_url", id="url-garbage"),
    pytest.param('central_url = "mysql://u@h/b"\n', "central_url", id="url-mysql"),
    pytest.param('central_url = "http://servidor/base"\n', "central_url", id="url-http"),
    pytest.param('idle_lock_minutes = "x"\n', "idle_lock_minutes", id="idle-text"),
    pytest.param("idle_lock_minutes = 35792\n", "idle_lock_minutes", id="idle-overflows-timer"),
    pytest.param("idle_lock_minutes = 0\n", "idle_lock_minutes", id="idle-zero"),
    pytest.param("idle_lock_minutes = -5\n", "idle_lock_minutes", id="idle-negative"),
    pytest.param('demo = "false"\n', "demo", id="demo-text-false"),
    pytest.param("demo = 0\n", "demo", id="demo-number"),
    pytest.param('central_password_in_keyring = "yes"\n', "central_password_in_keyring",
                 id="password-flag-text"),
    pytest.param('paper_format = "letter"\n', "paper_format", id="paper-unknown"),
    pytest.param("paper_format = 4\n", "paper_format", id="paper-number"),
    pytest.param("receipt_printer = 3\n", "receipt_printer", id="printer-number"),
    pytest.param('scanner = "epson\\u0000x"\n', "scanner", id="scanner-control-char"),
    pytest.param("scan_folder = [1, 2]\n", "scan_folder", id="scan-folder-list"),
    pytest.param('installation_id = "../../etc/passwd"\n', "installation_id",
                 id="installation-id-path"),
    pytest.param('version = "dos"\n', "version", id="version-text"),
    pytest.param("version = 99\n", "version", id="version-from-the-future"),
    pytest.param("scan_profiles = 3\n", "scan_profiles", id="scan-profiles-number"),
    pytest.param('[scan_profiles.SOLICITUD_FIRMADA]\ndpi = "alta"\n', "resolución",
                 id="scan-dpi-text"),
    pytest.param("sync_deadline_seconds = 0\n", "sync_deadline_seconds",
                 id="deadline-zero"),
    pytest.param("counter = \n", "está dañado", id="toml-broken"),
    pytest.param(b"\xff\xfe\x00garbage", "está dañado", id="not-utf8"),
]


def write(folder: Path, content: str | bytes) -> Path:
    paths = paths_in(folder)
    paths.config_dir.mkdir(parents=True)
    data = content.encode() if isinstance(content, str) else content
    paths.settings_file.write_bytes(data)
    return paths.settings_file


@pytest.mark.parametrize(("content", "field"), CASES)
def test_a_wrong_field_names_itself_and_the_file(content, field, tmp_path):
    file = write(tmp_path / "home", content)
    with pytest.raises(ValidationError) as raised:
        load_settings(paths_in(tmp_path / "home"))
    message = raised.value.user_message
    assert field in message and str(file) in message, message


@pytest.mark.parametrize(("content", "field"), CASES[:6] + CASES[12:14] + CASES[16:17])
def test_the_command_line_says_the_same(content, field, tmp_path):
    write(tmp_path / "home", content)
    result = ventanilla(tmp_path / "home", "audit", "verify")
    assert_spanish(result, field, 1)
