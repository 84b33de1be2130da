"""Real services for tests: a fresh PostgreSQL database, a private Secret Service.

Each fixture skips with the reason when its service cannot run here; in CI
(`VENTANILLA_CI=1`) a skip fails the run, so these always run there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

PG_ADMIN = os.environ.get("VENTANILLA_TEST_PG", "host=127.0.0.1 port=5432 user=postgres "
                          "dbname=postgres")
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def postgres_available() -> str | None:
    """None when reachable, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as error:
        return f"PostgreSQL not reachable ({type(error).__name__}); CI starts it on 127.0.0.1:5432"


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test; dropped afterwards."""
    import psycopg

    name = f"ventanilla_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_URL.format(name=name)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def secret_service(folder: Path) -> Iterator[dict[str, str]]:
    """A private D-Bus session with an unlocked GNOME Keyring (Secret Service) in it.

    Yields the environment variables that point clients (this process and subprocesses)
    at it.
    """
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: dbus gnome-keyring)")
    data, runtime = folder / "data", folder / "runtime"
    data.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert bus.stdout is not None
    env = {"DBUS_SESSION_BUS_ADDRESS": bus.stdout.readline().strip(),
           "XDG_DATA_HOME": str(data), "XDG_RUNTIME_DIR": str(runtime)}
    daemon = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                            input="ventanilla-tests", env={**os.environ, **env},
                            capture_output=True, text=True, timeout=30, check=True)
    for line in daemon.stdout.splitlines():
        key, _, value = line.partition("=")
        if key and value:
            env[key] = value
    try:
        yield env
    finally:
        subprocess.run(["pkill", "-f", f"gnome-keyring-daemon.*{runtime}"], check=False)
        bus.terminate()
        bus.wait(10)


@contextmanager
def private_keyring(folder: Path) -> Iterator[dict[str, str]]:
    """`secret_service` made this process's keyring, and its children's (they inherit the
    environment); the environment is put back afterwards."""
    import keyring
    from keyring.backends import SecretService

    with secret_service(folder) as env:
        previous = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        keyring.set_keyring(SecretService.Keyring())
        try:
            yield env
        finally:
            for key, value in previous.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


# --- centre logins, as `ventanilla central add-login` makes them --------------------------

LOGIN_PASSWORD = "clave-de-prueba-larga-2026"  # trust authentication on 127.0.0.1 ignores it


def add_login(owner_url: str, who: str, login: str) -> None:
    """`ventanilla central add-login --url OWNER (--centre WHO | --backoffice) --login L`,
    through the command's own parser and handler, password from the environment."""
    import argparse

    from desktop.central.cli import PASSWORD_ENV, add_commands

    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    where = ["--backoffice"] if who == "central" else ["--centre", who]
    args = parser.parse_args(["add-login", "--url", owner_url, *where, "--login", login])
    previous = os.environ.get(PASSWORD_ENV)
    os.environ[PASSWORD_ENV] = LOGIN_PASSWORD
    try:
        assert args.handler(args, None) == 0
    finally:
        if previous is None:
            os.environ.pop(PASSWORD_ENV, None)
        else:
            os.environ[PASSWORD_ENV] = previous


def drop_roles(names: list[str]) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


@contextmanager
def centre_logins(owner_url: str, centres: tuple[str, ...] = ("UIO01", "GYE01")
                  ) -> Iterator[dict[str, str]]:
    """A login per centre and one for the back office ("central"), unique on the server
    (roles are cluster-wide); dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    logins = {who: f"t{tag}_{who.lower()}" for who in (*centres, "central")}
    try:
        for who, login in logins.items():
            add_login(owner_url, who, login)
        yield logins
    finally:
        drop_roles(list(logins.values()))


def login_url(owner_url: str, login: str) -> str:
    """The owner's URL with another user and no password (stations keep it in the keyring)."""
    from sqlalchemy.engine import make_url

    return make_url(owner_url).set(username=login, password=None).render_as_string(False)


@contextmanager
def pgbouncer(users: list[str], pool_mode: str = "transaction", server_port: int = 5432,
              pool_size: int = 4, max_clients: int = 200) -> Iterator[int]:
    """PgBouncer (Debian package) in front of the test server, on a free port; yields it.

    Trust authentication as the test server has (every user named in its auth file); the
    process runs as the `postgres` user (PgBouncer refuses root) from a folder it can read.
    """
    import socket
    import tempfile
    import time

    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not Path(binary).exists():
        pytest.skip("pgbouncer not installed (Debian: pgbouncer)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    folder.chmod(0o777)
    (folder / "users.txt").write_text("".join(f'"{user}" ""\n' for user in users))
    config = folder / "pgbouncer.ini"
    config.write_text(
        f"[databases]\n* = host=127.0.0.1 port={server_port}\n"
        f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\npool_mode = {pool_mode}\n"
        f"unix_socket_dir =\nlogfile = {folder / 'pgbouncer.log'}\n"
        f"max_client_conn = {max_clients}\ndefault_pool_size = {pool_size}\n"
        "ignore_startup_parameters = "
        "extra_float_digits,options\n")
    for path in folder.iterdir():
        path.chmod(0o666)
    command = [binary, str(config)]
    if os.geteuid() == 0:
        command = [binary, "-u", "postgres", str(config)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while True:
            with socket.socket() as client:
                if client.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                log = folder / "pgbouncer.log"
                raise RuntimeError("pgbouncer did not start: " + (
                    log.read_text() if log.exists() else "") + process.stdout.read().decode())
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def file_withdrawal_at_central(connection: Any, case_number: str) -> None:
    """The applicant's signed withdrawal on file at central (its scan: the case's first
    document's file, enough for a back-office DESISTIDO), as the owner writes it."""
    from sqlalchemy import insert, select

    from desktop.central.models import CaseDocument
    from desktop.domain.checklist import DocumentType

    first = connection.execute(select(CaseDocument).where(
        CaseDocument.case_number == case_number).order_by(CaseDocument.id).limit(1)).one()
    values = {c: getattr(first, c) for c in ("sha256", "media_type", "pages", "size_bytes",
                                             "source", "added_by", "added_at")}
    connection.execute(insert(CaseDocument).values(
        case_number=case_number, document_type=DocumentType.WITHDRAWAL.value, **values))
