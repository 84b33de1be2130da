"""Data at rest on a production workstation (DESIGN.md §5, §7; issue "Security and privacy",
points 3 and 4), with the keys in a real Secret Service (GNOME Keyring, `keyring_env`).

The cache is SQLCipher and the scanned documents AES-GCM: a copied file is unreadable
elsewhere, a wrong or missing key is refused in Spanish, no keyring means no production
(and the demo runs without one and says so), and after a full session nothing under the
station's folders nor in its log holds a password, a key or a cédula in a file name.
"""

from __future__ import annotations

import base64
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import keyring
import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop.capture.blobstore import BlobStore
from desktop.capture.draft import DraftDocument
from desktop.capture.scanners import ScannedPage
from desktop.central.demo import find_samples
from desktop.central.logins import create_login
from desktop.config import HOME_ENV, Paths, Settings, load_settings
from desktop.db import cipher
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import alembic_config, upgrade
from desktop.domain.checklist import DocumentType
from desktop.errors import UnreadableData
from desktop.logs import configure_logging
from desktop.security.keys import BLOBS, CACHE, MissingKey, entry_name
from desktop.security.secrets import SERVICE
from desktop.services.auth import sign_in
from desktop.services.documents import DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.protection import at_rest
from desktop.services.receipts import ReceiptService
from desktop.services.runtime import Runtime, open_cache, open_runtime
from desktop.services.setup import init_central, init_workstation
from desktop.services.sync import SyncService
from desktop.store import models
from tests.page_images import form_page
from tests.support.accounts import CLERK
from tests.support.checks import refused
from tests.support.files import make_pdf, paths_in

ROOT = Path(__file__).resolve().parents[2]
SIGNATURES = (b"%PDF", b"\xff\xd8\xff", b"\x89PNG")
NO_KEYRING = ("almacén seguro de contraseñas", "Windows", "macOS", "Secret Service")
pytestmark = pytest.mark.usefixtures("keyring_env")


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def central(tmp_path: Path) -> str:
    """A small demo central (SQLite file: encryption does not depend on the central)."""
    url = sqlite_url(tmp_path / "central.sqlite3")
    init_central(url, demo=True, pensioners=50)
    return url


def production(root: Path, central: str, counter: int = 1) -> Paths:
    """A production station's settings, as `ventanilla init` writes them (not opened)."""
    paths = paths_in(root)
    Settings(paths=paths, centre="UIO01", counter=counter, central_url=central,
             demo=False).save()
    return paths


@pytest.fixture
def opened(tmp_path: Path, central: str) -> Iterator[Runtime]:
    runtime = open_runtime(load_settings(production(tmp_path / "station", central)))
    yield runtime
    runtime.close()


def register(runtime: Runtime, *, cedula: str | None = None, extra: Path | None = None
             ) -> tuple[str, str, tuple[str, ...]]:
    """Sign in, scan the signed form (and attach `extra`), register: number, cédula, blobs."""
    clerk = sign_in(runtime, *CLERK)
    cedula = cedula or find_samples(runtime.central()).eligible
    draft = DraftDocument(DocumentType.SIGNED_REQUEST)
    draft.add_scan(ScannedPage(form_page(), 200, 1))
    documents = [DocumentService(runtime, clerk).store(draft)]
    if extra is not None:
        documents.append(IntakeService(runtime, clerk).attach_file(extra,
                                                                   DocumentType.OTHER_ANNEX))
    case = IntakeService(runtime, clerk).register(
        IntakeForm(cedula, "persona@correo.ec", "0991234567", True, tuple(documents)))
    return case.case_number, cedula, tuple(d.sha256 for d in documents)


def without_keyring() -> dict[str, str]:
    """This process's environment with no D-Bus session and keyring's failing backend."""
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "GNOME_KEYRING"))}
    bare["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return bare


def ventanilla(home: Path, *args: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                          env={**(env or os.environ), HOME_ENV: str(home)},
                          capture_output=True, text=True, timeout=300, check=False)


def assert_not_a_database(path: Path) -> None:
    """What anyone without the key gets from the file: plain SQLite does not recognise it."""
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


def forget_keys(installation_id: str) -> None:
    for kind in (CACHE, BLOBS):
        keyring.delete_password(SERVICE, entry_name(kind, installation_id))


# --- the cache -----------------------------------------------------------------------------


def test_the_cache_file_is_not_a_database_without_its_key(opened):
    _number, cedula, _blobs = register(opened)
    cache = opened.settings.paths.cache_db
    assert cipher.is_encrypted(cache)
    for name in (cache, cache.with_name(cache.name + "-wal")):
        if name.exists():
            assert cedula.encode() not in name.read_bytes()
    assert_not_a_database(cache)
    with opened.db.read() as session:  # the station itself reads it as usual, same pragmas
        assert session.scalar(select(func.count()).select_from(models.Case)) == 1
        pragma = session.connection().exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA cipher_version").scalar()  # SQLCipher, not plain SQLite


def test_the_cache_key_shows_in_no_repr_url_or_database_error(opened):
    key = at_rest(opened.settings).cache_key
    assert key is not None
    shown = [repr(opened), repr(opened.db.engine), str(opened.db.engine.url),
             repr(at_rest(opened.settings))]
    with pytest.raises(DBAPIError) as failed, opened.db.read() as session:
        session.execute(text("SELECT * FROM no_such_table"))
    shown.append(str(failed.value))
    assert not [text_ for text_ in shown if key.hex() in text_.lower()]


def test_a_wrong_key_is_refused_with_a_clear_message(opened):
    cache = opened.settings.paths.cache_db
    other = os.urandom(32)
    engine = create_app_engine(sqlite_url(cache), key=other)
    with refused(UnreadableData, "La clave de la base local no corresponde"):
        engine.connect()
    engine.dispose()
    try:
        cipher.connect(str(cache), other, timeout=1)
    except cipher.WrongKey as error:
        assert other.hex() not in str(error) + error.log_message + error.user_message
    # the same through the command line: one Spanish line, no traceback
    settings = opened.settings
    opened.close()
    keyring.set_password(SERVICE, entry_name(CACHE, settings.installation_id), other.hex())
    result = ventanilla(settings.paths.config_dir.parent, "sync", "--once")
    assert result.returncode == 1
    assert "La clave de la base local no corresponde" in result.stderr
    assert "Traceback" not in result.stderr and other.hex() not in result.stderr


def test_a_migration_backup_of_the_encrypted_cache_stays_encrypted(opened, monkeypatch):
    """As in tests/unit/test_store.py, a next revision is simulated to make upgrade back up."""
    script_location = "desktop.store:migrations"
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    monkeypatch.setattr(ScriptDirectory, "get_current_head", lambda self: "next-revision")
    monkeypatch.setattr("desktop.db.migrate.at_head", lambda *_args: False)  # its quick look too
    monkeypatch.setattr("alembic.command.upgrade", lambda config, target: None)
    backup_dir = opened.settings.paths.backup_dir
    assert upgrade(opened.db.engine, script_location, backup_dir=backup_dir)
    [backup] = backup_dir.glob("cache-*.sqlite3")
    assert cipher.is_encrypted(backup)
    assert_not_a_database(backup)
    key = at_rest(opened.settings).cache_key
    assert key is not None
    copy = cipher.connect(str(backup), key, timeout=1)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    assert copy.execute("SELECT count(*) FROM pensioners").fetchone()[0] == 50
    copy.close()


# --- documents -------------------------------------------------------------------------------


def test_a_scanned_document_is_sealed_on_disk_and_reads_back(opened, tmp_path):
    photo = tmp_path / "anexo.pdf"
    photo.write_bytes(make_pdf(1, "Comprobante de pago del empleador"))
    _number, _cedula, blobs = register(opened, extra=photo)
    for sha256 in blobs:
        stored = opened.blobs.path_for(sha256).read_bytes()
        assert not any(signature in stored[:16] for signature in SIGNATURES)
        assert b"%PDF" not in stored and b"JFIF" not in stored
    assert opened.blobs.get(blobs[1]) == photo.read_bytes()
    assert opened.blobs.get(blobs[0]).startswith(b"%PDF")


# --- another machine, another installation -----------------------------------------------------


def test_a_copied_cache_and_blob_folder_are_unreadable_elsewhere(tmp_path, central):
    first = open_runtime(load_settings(production(tmp_path / "a", central, counter=1)))
    _number, _cedula, blobs = register(first)
    first.close()
    second = open_runtime(load_settings(production(tmp_path / "b", central, counter=2)))
    second.close()
    here, there = first.settings.paths, second.settings.paths
    assert here.data_dir != there.data_dir
    assert first.settings.installation_id != second.settings.installation_id
    # another installation (its own keys): the copied files do not open
    shutil.copyfile(here.cache_db, there.cache_db)
    shutil.rmtree(there.blob_dir)
    shutil.copytree(here.blob_dir, there.blob_dir)
    with refused(UnreadableData, "no corresponde a este archivo"):
        open_runtime(load_settings(there))
    copied = at_rest(load_settings(there))
    with refused(UnreadableData, "fue copiado de otro equipo"):
        BlobStore(there.blob_dir, copied.blob_key).get(blobs[0])
    # another machine (the whole folder, but that machine's keyring has no such keys)
    machine = tmp_path / "machine"
    shutil.copytree(here.config_dir.parent, machine)
    forget_keys(first.settings.installation_id)
    with refused(MissingKey, "Falta la clave de la base local en el almacén de contraseñas"):
        open_runtime(load_settings(paths_in(machine)))
    assert cipher.is_encrypted(paths_in(machine).cache_db)  # nothing replaced it


def test_a_production_station_without_a_keyring_refuses_with_what_to_set_up(tmp_path, central):
    opened_once = production(tmp_path / "used", central)
    open_runtime(load_settings(opened_once)).close()
    never_opened = production(tmp_path / "new", central)
    for paths in (opened_once, never_opened):
        result = ventanilla(paths.config_dir.parent, "sync", "--once", env=without_keyring())
        assert result.returncode == 1, result.stdout
        assert all(text in result.stderr for text in NO_KEYRING), result.stderr
        assert "Traceback" not in result.stderr
    assert not never_opened.cache_db.exists()  # no plaintext fallback, not even an empty one


def test_the_demo_runs_without_a_keyring_and_says_so(tmp_path):
    home = tmp_path / "demo"
    result = ventanilla(home, "demo", "--pensioners", "10", env=without_keyring())
    assert result.returncode == 0, result.stderr
    assert "no se cifran" in result.stdout
    paths = paths_in(home)
    assert load_settings(paths).demo and cipher.is_plain_sqlite(paths.cache_db)
    assert "NOT encrypted" in (paths.log_dir / "ventanilla.log").read_text()


def test_init_without_a_keyring_changes_nothing_even_without_a_password(pg_url, tmp_path):
    init_central(pg_url, demo=True, pensioners=50)
    home = tmp_path / "demo"
    assert ventanilla(home, "demo", "--pensioners", "10", env=without_keyring()).returncode == 0
    paths = paths_in(home)
    before = paths.settings_file.read_bytes()
    result = ventanilla(home, "init", "--central", pg_url, "--centre", "UIO01", "--counter", "1",
                        env=without_keyring())
    assert result.returncode == 1
    assert all(text in result.stderr for text in NO_KEYRING), result.stderr
    assert paths.settings_file.read_bytes() == before  # still the demo, its cache in place
    assert cipher.is_plain_sqlite(paths.cache_db) and not paths.backup_dir.exists()


def test_a_plain_cache_and_documents_left_behind_are_encrypted_at_a_production_start(tmp_path):
    """What the demo (or a build without encryption) left in the data folder."""
    paths = paths_in(tmp_path / "station")
    demo = Settings(paths=paths, demo=True)
    open_cache(demo).dispose()
    document = make_pdf(1)
    sha256 = BlobStore(paths.blob_dir).put(document)
    production_settings = demo.with_changes(demo=False)
    protection = at_rest(production_settings)
    assert cipher.is_encrypted(paths.cache_db)
    assert not paths.blob_dir.joinpath(sha256[:2], sha256[2:]).read_bytes().startswith(b"%PDF")
    assert BlobStore(paths.blob_dir, protection.blob_key).get(sha256) == document
    cache = open_cache(production_settings, protection)
    with cache.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Centre)) == 0
    cache.dispose()


# --- losing the keyring, and the way back -------------------------------------------------------


@pytest.fixture
def uio_login(pg_url: str) -> Iterator[str]:
    """A demo central on PostgreSQL; the URL of its UIO01 login, password included, as
    `ventanilla init` is given it."""
    from tests.services import LOGIN_PASSWORD, centre_logins, login_url

    init_central(pg_url, demo=True, pensioners=50)
    with centre_logins(pg_url) as logins:
        url = make_url(login_url(pg_url, logins["UIO01"])).set(password=LOGIN_PASSWORD)
        yield url.render_as_string(hide_password=False)


def test_init_sets_aside_what_a_lost_key_made_unreadable_and_pulls_again(uio_login, tmp_path):
    pg_url = uio_login
    paths = paths_in(tmp_path / "station")
    settings = init_workstation(paths, pg_url, "UIO01", 1)
    runtime = open_runtime(load_settings(paths))
    register(runtime)
    assert SyncService(runtime).run().online
    runtime.close()
    forget_keys(settings.installation_id)
    with refused(MissingKey, "vuelva a configurar la estación con «ventanilla init»"):
        open_runtime(load_settings(paths))
    again = init_workstation(paths, pg_url, "UIO01", 1)
    assert again.installation_id == settings.installation_id
    runtime = open_runtime(load_settings(paths))
    with runtime.db.read() as session:  # pulled again, the synced case included
        assert session.scalar(select(func.count()).select_from(models.Case)) == 1
    runtime.close()
    aside = sorted(p.name for p in paths.backup_dir.iterdir())
    assert any(n.startswith("cache-before-init-") for n in aside)
    assert any(n.startswith("blobs-unreadable-") for n in aside)


# --- nothing secret or personal where it does not belong ----------------------------------------


def encodings(secret: bytes | str) -> set[bytes]:
    raw = secret.encode() if isinstance(secret, str) else secret
    forms = {raw, base64.b64encode(raw), base64.urlsafe_b64encode(raw).rstrip(b"=")}
    if isinstance(secret, str):
        forms.add(quote(secret, safe="").encode())
    else:
        forms |= {raw.hex().encode(), raw.hex().upper().encode()}
    return forms


@pytest.fixture
def central_login(pg_url: str) -> Iterator[tuple[str, str]]:
    """A demo central on PostgreSQL and a UIO01 login with a password: (URL, password)."""
    init_central(pg_url, demo=True, pensioners=50)
    login, password = f"t{uuid.uuid4().hex[:8]}_uio", f"Clave-Central-Ñ-{uuid.uuid4().hex}"
    engine = create_app_engine(pg_url)
    try:
        create_login(engine, "UIO01", login, password)
    finally:
        engine.dispose()
    url = make_url(pg_url).set(username=login, password=password)
    try:
        yield url.render_as_string(hide_password=False), password
    finally:
        from tests.services import PG_ADMIN

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_after_a_full_session_no_file_or_log_line_holds_a_secret(central_login, tmp_path,
                                                                 caplog):
    url, password = central_login
    caplog.set_level(logging.DEBUG)  # every logger, SQLAlchemy and keyring included
    paths = paths_in(tmp_path / "station")
    configure_logging(paths.log_dir)
    try:
        settings = init_workstation(paths, url, "UIO01", 1)
        runtime = open_runtime(load_settings(paths))
        cedula = find_samples(runtime.central()).eligible
        named = tmp_path / "importados" / f"{cedula}-pago.pdf"  # a file named after a person
        named.parent.mkdir()
        named.write_bytes(make_pdf(1, "Pago del empleador"))
        number, _cedula, _blobs = register(runtime, cedula=cedula, extra=named)
        clerk = sign_in(runtime, *CLERK)
        receipts = ReceiptService(runtime, clerk)
        rendered = receipts.render(number)
        (tmp_path / "comprobante.pdf").write_bytes(rendered.pdf)  # printed to a file
        receipts.record_print(rendered, "archivo:comprobante.pdf")
        report = SyncService(runtime).run()
        assert report.online and report.pushed >= 1, report.message
        keys = at_rest(settings).keys
        assert keys is not None
        station = paths.config_dir.parent
        assert any(p.name.endswith("-wal") for p in station.rglob("*"))  # scanned open
        leaks = find_leaks(station, caplog, password, keys.cache, keys.blobs, cedula)
        runtime.close()
        init_workstation(paths, url, "UIO01", 1)  # sets the cache aside into backups/
        assert any(paths.backup_dir.glob("cache-before-init-*"))
        leaks += find_leaks(station, caplog, password, keys.cache, keys.blobs, cedula)
    finally:
        remove_file_log(paths)
    assert not leaks, leaks


def find_leaks(station: Path, caplog: pytest.LogCaptureFixture, password: str,
               cache_key: bytes, blob_key: bytes, cedula: str) -> list[str]:
    secrets = {"central password": encodings(password), "cache key": encodings(cache_key),
               "blob key": encodings(blob_key), "staff password": encodings(CLERK[1])}
    leaks = []
    for path in sorted(p for p in station.rglob("*") if p.is_file()):
        name = str(path.relative_to(station))
        if cedula in name:
            leaks.append(f"cédula in the file name {name}")
        content = path.read_bytes()
        leaks += [f"{what} in {name}" for what, forms in secrets.items()
                  if any(form in content for form in forms)]
        if cedula.encode() in content:
            leaks.append(f"cédula in plain text in {name}")
    for record in caplog.records:
        line = record.getMessage()
        leaks += [f"{what} in a log line of {record.name}" for what, forms in secrets.items()
                  if any(form.decode("utf-8", "replace") in line for form in forms)]
        if record.name.startswith("desktop") and cedula in line:
            leaks.append(f"cédula in a log line of {record.name}")
    return leaks


def remove_file_log(paths: Paths) -> None:
    target = str(paths.log_dir / "ventanilla.log")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == target:
            root.removeHandler(handler)
            handler.close()
