"""Pointing a workstation at a central PostgreSQL: the password lives only in the keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import keyring
import pytest
from sqlalchemy.engine import make_url

from desktop.config import HOME_ENV, Paths, load_settings
from desktop.security.secrets import SERVICE
from desktop.services.setup import init_central
from desktop.sync.connection import central_engine, secret_name
from tests.services import centre_logins, login_url

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "S3cr3t-Clave-Ñandú-2026"


def ventanilla(home: Path, *args: str, env: dict[str, str] | None = None):
    environment = {**(env or os.environ), HOME_ENV: str(home)}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=300, check=False)


def with_password(url: str) -> str:
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def every_file_text(root: Path) -> str:
    return "\n".join(path.read_bytes().decode("utf-8", "replace")
                     for path in root.rglob("*") if path.is_file())


def holds_password(text: str) -> bool:
    """In clear or percent-encoded, as a URL would carry it."""
    return PASSWORD in text or quote(PASSWORD, safe="") in text


@pytest.fixture
def station_url(pg_url: str) -> Iterator[str]:
    """A demo central and the URL of its UIO01 login (made by `central add-login`), with no
    password: stations never connect as the owner."""
    init_central(pg_url, demo=True, pensioners=50)
    with centre_logins(pg_url) as logins:
        yield login_url(pg_url, logins["UIO01"])


def test_init_keeps_the_password_in_the_keyring_only(station_url, keyring_env, tmp_path):
    pg_url = station_url
    home = tmp_path / "station"
    result = ventanilla(home, "init", "--central", with_password(pg_url), "--centre", "uio01",
                        "--counter", "2")
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    settings = load_settings(Paths(home / "config", home / "data", home / "logs"))
    assert (settings.centre, settings.counter, settings.demo) == ("UIO01", 2, False)
    assert settings.central_password_in_keyring
    assert not holds_password(every_file_text(home))  # settings, cache, logs
    url = make_url(settings.central_url)
    assert keyring.get_password(SERVICE, secret_name(url)) == PASSWORD
    engine = central_engine(settings)
    assert engine.url.password == PASSWORD
    assert PASSWORD not in repr(engine.url)
    engine.dispose()
    synced = ventanilla(home, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert not holds_password(every_file_text(home))


def test_an_unknown_centre_is_refused_and_nothing_is_configured(station_url, keyring_env,
                                                                tmp_path):
    pg_url = station_url
    home = tmp_path / "station"
    result = ventanilla(home, "init", "--central", pg_url, "--centre", "CUE01", "--counter", "1")
    assert result.returncode == 1
    assert "El centro CUE01 no existe" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (home / "config" / "settings.toml").exists()


def test_a_counter_the_centre_does_not_have_is_refused(station_url, keyring_env, tmp_path):
    pg_url = station_url
    result = ventanilla(tmp_path / "s", "init", "--central", pg_url, "--centre", "UIO01",
                        "--counter", "9")
    assert result.returncode == 1 and "la 9 no existe" in result.stderr


def test_without_a_keyring_the_password_is_refused_with_what_to_set_up(station_url, tmp_path):
    pg_url = station_url
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "GNOME_KEYRING"))}
    bare["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    home = tmp_path / "station"
    result = ventanilla(home, "init", "--central", with_password(pg_url), "--centre", "UIO01",
                        "--counter", "1", env=bare)
    assert result.returncode == 1
    assert "almacén seguro de contraseñas" in result.stderr
    assert "Secret Service" in result.stderr and "Windows" in result.stderr
    assert PASSWORD not in result.stderr
    assert not (home / "config" / "settings.toml").exists()


def test_init_refuses_to_drop_events_that_never_reached_their_central(stations, pg_url,
                                                                      keyring_env, signed_form):
    from desktop.central.demo import find_samples
    from desktop.domain.checklist import DocumentType
    from desktop.services.auth import sign_in
    from desktop.services.intake import IntakeForm, IntakeService
    from tests.support.accounts import CLERK

    runtime = stations.open(1)
    service = IntakeService(runtime, sign_in(runtime, *CLERK))
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    eligible = find_samples(runtime.central()).eligible
    service.register(IntakeForm(eligible, "a@correo.ec", "0991234567", True, (document,)))
    init_central(pg_url, demo=True, pensioners=50)
    with centre_logins(pg_url) as logins:
        result = ventanilla(stations.home(1), "init", "--central",
                            login_url(pg_url, logins["UIO01"]), "--centre", "UIO01",
                            "--counter", "1")
    assert result.returncode == 1 and "eventos sin enviar" in result.stderr
