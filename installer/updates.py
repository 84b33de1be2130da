"""The update repository IT serves to the frozen bundles (tufup: TUF-signed metadata).

    python -m installer.updates init --repository DIR --keys DIR
        new keys (keep them offline) and the repository's first metadata; prints the
        root.json to build into the bundle (python -m installer.build bundle --update-root)
    python -m installer.updates publish --repository DIR --keys DIR --bundle dist/ventanilla
        adds that bundle (its version from desktop/version.py, or --version) and re-signs
    python -m installer.updates refresh --repository DIR --keys DIR
        re-signs snapshot and timestamp before they expire (a weekly task)

Serve DIR over HTTPS (its metadata/ and targets/ folders) at the `update_url` of the
machine-wide settings. Patches are off by default (a binary diff of two 80 MB archives takes
minutes and much memory); a first update is always a full archive anyway.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from desktop.updates import APP_NAME
from desktop.version import __version__

EXPIRATION_DAYS = {"root": 365, "targets": 30, "snapshot": 30, "timestamp": 7}


@contextlib.contextmanager
def _repository(repository: Path, keys: Path, *, new: bool = False):  # type: ignore[no-untyped-def]
    """tufup keeps its settings in the working directory: the keys folder here."""
    from tufup.repo import Repository

    keys.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(keys):
        if new:
            yield Repository(app_name=APP_NAME, repo_dir=repository.resolve(),
                             keys_dir=keys.resolve(), expiration_days=dict(EXPIRATION_DAYS))
        else:
            yield Repository.from_config()


def init(repository: Path, keys: Path) -> Path:
    with _repository(repository, keys, new=True) as repo:
        repo.initialize()
    return repository / "metadata" / "root.json"


def publish(repository: Path, keys: Path, bundle: Path, version: str = __version__,
            patch: bool = False) -> Path:
    if not (bundle / APP_NAME).exists() and not (bundle / f"{APP_NAME}.exe").exists():
        raise SystemExit(f"{bundle} is not a Ventanilla bundle")
    with _repository(repository, keys) as repo:
        repo.add_bundle(new_bundle_dir=bundle, new_version=version, skip_patch=not patch)
        repo.publish_changes(private_key_dirs=[keys.resolve()])
    return repository / "targets" / f"{APP_NAME}-{version}.tar.gz"


def refresh(repository: Path, keys: Path) -> None:
    with _repository(repository, keys) as repo:
        for role in ("snapshot", "timestamp"):
            repo.refresh_expiration_date(role)
        repo.publish_changes(private_key_dirs=[keys.resolve()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.updates")
    parser.add_argument("action", choices=("init", "publish", "refresh"))
    parser.add_argument("--repository", type=Path, required=True)
    parser.add_argument("--keys", type=Path, required=True)
    parser.add_argument("--bundle", type=Path)
    parser.add_argument("--version", default=__version__)
    parser.add_argument("--patch", action="store_true", help="also publish a binary patch")
    args = parser.parse_args(argv)
    if args.action == "init":
        print(init(args.repository, args.keys))
    elif args.action == "publish":
        if args.bundle is None:
            parser.error("publish needs --bundle")
        print(publish(args.repository, args.keys, args.bundle, args.version, args.patch))
    else:
        refresh(args.repository, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
