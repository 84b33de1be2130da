"""`dist/ventanilla_<version>_amd64.deb` from the onedir bundle, with dpkg-deb.

    python -m installer.linux.deb            (after `python -m installer.build bundle`)

Layout: the bundle in /opt/ventanilla, the command /usr/bin/ventanilla (a symlink: the
PyInstaller bootloader finds its folder through /proc/self/exe), the desktop entry, the
AppStream metadata and the icons in the hicolor theme. No maintainer scripts: dpkg owns every
file, so `apt remove` leaves nothing but the users' own data (their config, data and log
folders), and dpkg triggers refresh the icon and desktop caches.

Depends: is what dpkg-shlibdeps finds the bundle linking from the system (the spec leaves
every system library to the system: CUPS, SANE, xcb, fontconfig, D-Bus…), plus what the app
loads without linking: SANE's network scanner backend (sane-airscan), a Secret Service for
the keyring and a D-Bus session bus to reach it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.resources import resource
from desktop.updates import PACKAGE_MANAGED
from desktop.version import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "ec.gob.iess.Ventanilla"
PACKAGE = "ventanilla"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: loaded at run time without being linked, so dpkg-shlibdeps cannot see them
RUNTIME_DEPENDS = (
    "sane-airscan",  # eSCL/WSD network scanners through SANE
    "gnome-keyring | keepassxc | kwalletmanager",  # a Secret Service for the OS keyring
    "default-dbus-session-bus | dbus-session-bus",  # how the keyring is reached
    "fonts-dejavu-core",  # what documents and the window render accents with
)
DESCRIPTION = """\
Ventanilla IESS: reliquidación de pensiones (IESS-034-01-07)
 Aplicación de las ventanillas de los Centros de Atención Universal del IESS:
 ingreso del trámite, escaneo de documentos, comprobante de recepción,
 revisión por el supervisor, consulta de estado y sincronización con la base
 central. Incluye sus propias bibliotecas de Qt y Python en /opt/ventanilla."""


def deb_path(dist: Path) -> Path:
    return dist / f"{PACKAGE}_{__version__}_amd64.deb"


def stage(bundle: Path, root: Path) -> None:
    """The package's file tree under `root` (owner and modes set by dpkg-deb)."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / INSTALL_DIR / PACKAGE_MANAGED).write_text("dpkg\n")  # apt updates it, not tufup
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    share = root / "usr" / "share"
    _install(resource("linux", f"{APP_ID}.desktop"), share / "applications")
    _install(resource("linux", f"{APP_ID}.metainfo.xml"), share / "metainfo")
    icons = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        _install(resource("icons", f"ventanilla-{size}.png"),
                 icons / f"{size}x{size}" / "apps", f"{APP_ID}.png")
    _install(resource("icons", "ventanilla.svg"), icons / "scalable" / "apps", f"{APP_ID}.svg")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)


def _install(source: Path, folder: Path, name: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder / (name or source.name))


def shlib_depends(bundle: Path) -> list[str]:
    """dpkg-shlibdeps over every ELF file of the bundle, its own folders as private ones."""
    elves = [path for path in bundle.rglob("*") if path.is_file() and _is_elf(path)]
    private = sorted({str(path.parent) for path in elves})
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: amd64\n")
        output = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0",
             *(f"-l{folder}" for folder in private), *(f"-e{path}" for path in elves)],
            cwd=work, check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("shlibs:Depends="))
    return [item.strip() for item in line.split("=", 1)[1].split(",") if item.strip()]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def control(depends: list[str], installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        "Architecture: amd64\n"
        "Maintainer: IESS - Dirección Nacional de Tecnología de la Información "
        "<atencionalusuario@iess.gob.ec>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join([*depends, *RUNTIME_DEPENDS])}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Homepage: https://www.iess.gob.ec/\n"
        f"Description: {DESCRIPTION}\n"
    )


def build(bundle: Path, dist: Path) -> Path:
    """Stage, describe and pack; returns the .deb path."""
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"no bundle at {bundle}: run `python -m installer.build bundle` first")
    target = deb_path(dist)
    with tempfile.TemporaryDirectory(prefix="ventanilla-deb-") as work:
        root = Path(work) / "root"
        stage(bundle, root)
        size = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
        (root / "DEBIAN").mkdir(mode=0o755)
        (root / "DEBIAN" / "control").write_text(
            control(shlib_depends(bundle), (size + 1023) // 1024), encoding="utf-8")
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--threads-max=2",
                        "--build", str(root), str(target)], check=True, stdout=subprocess.DEVNULL)
    return target


if __name__ == "__main__":
    print(build(ROOT / "dist" / PACKAGE, ROOT / "dist"))
    sys.exit(0)
