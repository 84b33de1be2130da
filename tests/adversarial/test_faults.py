"""Bad luck at the station: a full disk, a read-only home, an unreachable central, damaged
files. Each row runs a real command in its own process on a station prepared that way; the
answer is a Spanish message and exit 1 (or the command simply works), never a traceback.

A full disk and a read-only disk are real: a small tmpfs, filled up or remounted read-only
(root on the CI machine may mount; elsewhere these rows skip and say why).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.adversarial.helpers import assert_spanish, ventanilla

Prepare = Callable[[Path], None]


@contextmanager
def tmpfs(where: Path, megabytes: int) -> Iterator[Path]:
    where.mkdir(parents=True)
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs",
                           str(where)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip()}); CI runs as root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Write until the file system has no room left."""
    with (folder / "relleno.bin").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * (1 << 20))
                handle.flush()
        except OSError:
            pass


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def damage(relative: str, data: bytes = b"esto no es una base de datos " * 100) -> Prepare:
    def prepare(home: Path) -> None:
        (home / relative).write_bytes(data)
    return prepare


def replace_with_folder(relative: str) -> Prepare:
    def prepare(home: Path) -> None:
        target = home / relative
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
        target.mkdir(parents=True)
    return prepare


def replace_with_file(relative: str) -> Prepare:
    def prepare(home: Path) -> None:
        target = home / relative
        shutil.rmtree(target, ignore_errors=True)
        target.write_bytes(b"x")
    return prepare


CACHE = "data/cache.sqlite3"
DAMAGED = "dañada"
LOCAL = [
    # (how the home is prepared, command, expected fragment, exit status)
    # garbage is what an encrypted cache looks like without its key: set the station up again
    pytest.param(damage(CACHE), ["audit", "verify"], "Vuelva a configurar", 1,
                 id="cache-garbage"),
    pytest.param(damage(CACHE, b"SQLite format 3\x00" + b"\xff" * 4000), ["verify"], DAMAGED, 1,
                 id="cache-bad-header"),
    pytest.param(damage("data/central-demo.sqlite3"), ["sync", "--once"], DAMAGED, 1,
                 id="demo-central-garbage"),
    pytest.param(replace_with_folder("config/settings.toml"), ["sync", "--once"],
                 "configuración", 1, id="settings-is-a-folder"),
    pytest.param(replace_with_folder("logs/ventanilla.log"), ["audit", "verify"],
                 "Cadena de auditoría íntegra", 0, id="log-file-is-a-folder"),
    pytest.param(replace_with_file("data/blobs"), ["demo", "--cases", "1"], "documento", 1,
                 id="blob-folder-is-a-file"),
    pytest.param(replace_with_file("logs"), ["audit", "verify"], "Cadena de auditoría íntegra",
                 0, id="log-folder-is-a-file"),
]


@pytest.mark.parametrize(("prepare", "args", "fragment", "code"), LOCAL)
def test_damaged_local_files(prepare, args, fragment, code, home):
    root = home.config_dir.parent
    prepare(root)
    assert_spanish(ventanilla(root, *args), fragment, code)


DISK = [
    pytest.param("full", ["demo", "--cases", "2"], "lleno", id="disk-full-registering"),
    # even reading needs room: SQLite's write-ahead log keeps its index in a file
    pytest.param("full", ["audit", "verify"], "lleno", id="disk-full-read"),
    pytest.param("read-only", ["demo", "--cases", "1"], "solo lectura", id="read-only-register"),
    pytest.param("read-only", ["sync", "--once"], "solo lectura", id="read-only-sync"),
    pytest.param("read-only", ["verify"], "solo lectura", id="read-only-verify"),
    pytest.param("read-only", ["print", "receipt", "REL-UIO01-01-2026-000001-Q", "--out",
                               "/tmp/i10-comprobante.pdf"], "solo lectura",
                 id="read-only-print"),
    pytest.param("not-creatable", ["sync", "--once"], "no se puede usar", id="home-not-creatable"),
    pytest.param("not-creatable", ["verify"], "no se puede usar", id="home-not-creatable-verify"),
]


@pytest.mark.parametrize(("disk", "args", "fragment"), DISK)
def test_a_full_or_read_only_disk(disk, args, fragment, demo_template, tmp_path):
    if disk == "not-creatable":  # mkdir is refused there, even to root (EPERM)
        assert_spanish(ventanilla(Path("/sys/ventanilla-estacion"), *args), fragment, 1)
        return
    with tmpfs(tmp_path / "disco", 24) as disk_root:
        root = disk_root / "home"
        shutil.copytree(demo_template, root)
        if disk == "full":
            fill(disk_root)
        else:
            remount_read_only(disk_root)
        result = ventanilla(root, *args)
    assert_spanish(result, fragment, 1)


UNREACHABLE = "postgresql+psycopg://estacion@127.0.0.1:9/central"


@pytest.mark.usefixtures("keyring_env")
@pytest.mark.parametrize("args", [
    pytest.param(["init", "--central", UNREACHABLE, "--centre", "UIO01", "--counter", "1"],
                 id="init-central-unreachable"),
    pytest.param(["central", "init", "--url", UNREACHABLE], id="central-init-unreachable"),
])
def test_an_unreachable_central_at_set_up_says_what_to_check(args, tmp_path):
    result = ventanilla(tmp_path / "home", *args)
    assert_spanish(result, "No se pudo conectar con la base central", 1)
    assert "información local" not in result.stderr  # that is what a counter hears in a sync
    assert not (tmp_path / "home" / "config" / "settings.toml").exists()
