"""Build the frozen bundle and the Linux package.

    python -m installer.build bundle [--update-root root.json]   → dist/ventanilla/
    python -m installer.build deb                                → dist/ventanilla_<v>_amd64.deb
    python -m installer.build all [--update-root root.json]

`bundle` compiles the catalogs, runs PyInstaller on installer/ventanilla.spec and, with
`--update-root`, builds in the update repository's trusted root metadata (without it the
bundle never updates itself). The same command builds the Windows bundle on a Windows build
machine (installer/windows/build.ps1 runs it, then makensis).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from installer.catalogs import compile_catalogs

ROOT = Path(__file__).resolve().parent.parent
CONTENTS = "_internal"  # PyInstaller's onedir contents folder


def bundle_resources(bundle: Path) -> Path:
    return bundle / CONTENTS / "resources"


def build_bundle(dist: Path | None = None, update_root: Path | None = None) -> Path:
    dist = dist or ROOT / "dist"
    compile_catalogs()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist),
                    "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "installer" / "ventanilla.spec")], check=True, cwd=ROOT)
    bundle = dist / "ventanilla"
    if update_root is not None:
        target = bundle_resources(bundle) / "updates" / "root.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(update_root, target)
    return bundle


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build")
    parser.add_argument("what", choices=("bundle", "deb", "all"))
    parser.add_argument("--update-root", type=Path,
                        help="root.json of the update repository (python -m installer.updates)")
    args = parser.parse_args(argv)
    if args.what in ("bundle", "all"):
        start = time.monotonic()
        bundle = build_bundle(update_root=args.update_root)
        print(f"{bundle}: {folder_size(bundle) / 2**20:.0f} MiB in "
              f"{time.monotonic() - start:.0f} s")
    if args.what in ("deb", "all"):
        from installer.linux.deb import build

        start = time.monotonic()
        deb = build(ROOT / "dist" / "ventanilla", ROOT / "dist")
        print(f"{deb}: {deb.stat().st_size / 2**20:.0f} MiB in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
