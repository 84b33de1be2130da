"""Self-update of the frozen bundle through tufup (TUF: signed metadata, archives, patches).

- **Where from**: the repository URL in IT's machine-wide settings (desktop.machine), with
  `metadata/` and `targets/` below it. The repository's root metadata is built into the
  bundle (`resources/updates/root.json`): everything fetched must be signed by its keys, so
  a tampered or replayed archive or metadata file is refused.
- **When**: the check runs in the background (the GUI's task runner, or `ventanilla
  update`); a newer version is downloaded, verified and unpacked into the user's data folder
  (`updates/staged/<version>`). It is installed at the next start of the GUI, before
  anything else loads, so never in the middle of a clerk's session or a registration.
- **Off**: `updates = false` or no `update_url` in the machine file; a checkout (not frozen);
  a package-managed install (the .deb: apt updates it), marked by `.package-manager` in the
  bundle folder. Nothing is fetched then.

Installing swaps the bundle folder on Linux (copy beside it, two renames, restart); on
Windows tufup's script copies the files over once this process has exited, then starts the
new version.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from packaging.version import InvalidVersion, Version

from desktop.config import Paths
from desktop.i18n import _
from desktop.machine import MachineSettings
from desktop.progress import CancelToken
from desktop.resources import resource
from desktop.version import __version__

log = logging.getLogger(__name__)

APP_NAME = "ventanilla"
PACKAGE_MANAGED = ".package-manager"  # in a bundle folder owned by dpkg
RESTART_ENV = "PYINSTALLER_RESET_ENVIRONMENT"  # the restarted bootloader starts afresh

OFF, UNSUPPORTED, CURRENT, STAGED, REFUSED, UNREACHABLE = (
    "off", "unsupported", "current", "staged", "refused", "unreachable")


@dataclass(frozen=True)
class UpdateCheck:
    status: str  # one of the constants above
    message: str  # Spanish, for the person
    version: str = ""


def trusted_root() -> Path:
    return resource("updates", "root.json")


def bundle_folder() -> Path | None:
    """The folder of the running frozen bundle, when it may update itself."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    return None if (folder / PACKAGE_MANAGED).exists() else folder


def updates_dir(paths: Paths) -> Path:
    return paths.data_dir / "updates"


def _newer(version: str, current: str) -> bool:
    try:
        return Version(version) > Version(current)
    except InvalidVersion:
        return False


# --- checking ---------------------------------------------------------------------------


def check_for_update(paths: Paths, machine: MachineSettings, current: str = __version__,
                     cancel: CancelToken | None = None) -> UpdateCheck:
    """Look for a newer version; download, verify and stage it. Never raises for the
    network or the repository (the answer says what happened); `cancel` stops a download
    between chunks (Cancelled)."""
    if not machine.self_update:
        return UpdateCheck(OFF, _("Las actualizaciones automáticas están desactivadas en "
                                  "este equipo."))
    folder = bundle_folder()
    if folder is None or not trusted_root().exists():
        return UpdateCheck(UNSUPPORTED, _("Esta instalación no se actualiza por sí misma (la "
                                          "actualiza el sistema o el área de TI)."))
    from tuf.api.exceptions import DownloadError, RepositoryError

    try:
        return _check(paths, machine.update_url.rstrip("/"), folder, current,
                      cancel or CancelToken())
    except DownloadError as error:
        log.info("update check: repository unreachable (%s)", type(error).__name__)
        return UpdateCheck(UNREACHABLE, _("No se pudo consultar el servidor de "
                                          "actualizaciones."))
    except RepositoryError as error:
        log.warning("update refused: %s: %s", type(error).__name__, error)
        return UpdateCheck(REFUSED, _("Se rechazó una actualización: su firma o su contenido "
                                      "no coinciden. Avise al área de TI."))


def _check(paths: Paths, url: str, folder: Path, current: str,
           cancel: CancelToken) -> UpdateCheck:
    root = updates_dir(paths)
    metadata, targets, incoming = root / "metadata", root / "targets", root / "incoming"
    for path in (metadata, targets):
        path.mkdir(parents=True, exist_ok=True)
    if not (metadata / "root.json").exists():
        shutil.copyfile(trusted_root(), metadata / "root.json")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir()
    client = _client(folder, current, metadata, targets, incoming, url)
    client.refresh()  # RepositoryError here: metadata not signed by the built-in root
    found = client.check_for_updates()
    if found is None:
        return UpdateCheck(CURRENT, _("Ventanilla {version} está al día.").format(
            version=current), current)
    version = str(found.version)
    staged: list[Path] = []
    client.download_and_apply_update(
        skip_confirmation=True,
        progress_hook=lambda **_sizes: cancel.raise_if_cancelled(),
        install=lambda src_dir, dst_dir, **_kw: staged.append(_stage(root, Path(src_dir),
                                                                     version)))
    if not staged:  # tufup could not rebuild the archive from its patches
        from tuf.api.exceptions import RepositoryError

        raise RepositoryError(f"update {version} could not be assembled")
    log.info("update %s downloaded, verified and staged", version)
    return UpdateCheck(STAGED, _("La versión {version} está lista; se instalará al volver a "
                                 "abrir Ventanilla.").format(version=version), version)


def _client(folder: Path, current: str, metadata: Path, targets: Path, incoming: Path,
            url: str) -> Any:
    from tufup.client import Client

    class OneRefreshClient(Client):
        """tufup refreshes inside check_for_updates and hides why it failed; refreshing
        first (once) lets a bad signature be told from an unreachable server."""

        refreshed = False

        def refresh(self) -> None:
            if not self.refreshed:
                super().refresh()
                self.refreshed = True

    return OneRefreshClient(
        app_name=APP_NAME, app_install_dir=folder, current_version=current,
        metadata_dir=metadata, metadata_base_url=f"{url}/metadata/", target_dir=targets,
        target_base_url=f"{url}/targets/", extract_dir=incoming)


def _stage(root: Path, unpacked: Path, version: str) -> Path:
    """The verified, unpacked bundle becomes `staged/<version>` in one rename."""
    staged = root / "staged" / version
    staged.parent.mkdir(exist_ok=True)
    shutil.rmtree(staged, ignore_errors=True)
    unpacked.rename(staged)
    return staged


# --- installing at the next start -------------------------------------------------------


def staged_update(paths: Paths, current: str = __version__) -> tuple[str, Path] | None:
    """The newest staged version above `current`; older leftovers are removed."""
    folder = updates_dir(paths) / "staged"
    if not folder.is_dir():
        return None
    newest: tuple[str, Path] | None = None
    for candidate in folder.iterdir():
        if not _newer(candidate.name, current):
            shutil.rmtree(candidate, ignore_errors=True)
        elif newest is None or Version(candidate.name) > Version(newest[0]):
            newest = (candidate.name, candidate)
    return newest


def install_staged_update(paths: Paths, machine: MachineSettings,
                          current: str = __version__) -> None:
    """At the start of the GUI: install a staged newer version and restart into it.

    Returns when there is nothing to do (or it cannot be done: logged, the current version
    goes on). A staged update is dropped when IT has turned updates off since.
    """
    folder = bundle_folder()
    found = staged_update(paths, current)
    if found is None or folder is None:
        return
    version, staged = found
    if not machine.self_update:
        shutil.rmtree(staged, ignore_errors=True)
        log.info("staged update %s dropped: updates are off on this machine", version)
        return
    log.info("installing update %s into %s", version, folder)
    if sys.platform == "win32":
        _install_windows(staged, folder)
    try:
        _swap_in(staged, folder)
    except OSError as error:
        log.warning("update %s not installed: %s", version, error)
        return
    log.info("update %s installed; restarting", version)
    _restart(folder)


def _swap_in(staged: Path, folder: Path) -> None:
    """A full copy beside the bundle, then two renames: never half a bundle in place."""
    new = folder.with_name(folder.name + ".update")
    old = folder.with_name(folder.name + ".previous")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(staged, new, symlinks=True)
    folder.rename(old)
    try:
        new.rename(folder)
    except OSError:
        old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staged, ignore_errors=True)


WINDOWS_SCRIPT = """@echo off
{log_lines}
timeout /t 2 /nobreak >nul
robocopy "{src_dir}" "{dst_dir}" {robocopy_options}
start "" "{dst_dir}\\ventanilla.exe"
{delete_self}
"""


def _install_windows(staged: Path, folder: Path) -> NoReturn:
    """tufup's script: robocopy once this process has exited, then start the new one."""
    import subprocess

    from tufup.utils.platform_specific import install_update

    install_update(src_dir=staged, dst_dir=folder, purge_dst_dir=True,
                   batch_template=WINDOWS_SCRIPT, log_file_name="actualizacion.log",
                   process_creation_flags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    raise SystemExit(0)  # install_update exits; this is for the type checker


def _restart(folder: Path) -> NoReturn:
    executable = folder / APP_NAME
    os.environ[RESTART_ENV] = "1"
    os.execv(executable, [str(executable), *sys.argv[1:]])


def install_at_start() -> None:
    """The GUI's first step (before Qt loads): install what an earlier session staged."""
    from desktop.errors import VentanillaError
    from desktop.logs import configure_logging
    from desktop.machine import load_machine_settings

    if not getattr(sys, "frozen", False):
        return
    paths = Paths.discover()
    configure_logging(paths.log_dir)
    try:
        machine = load_machine_settings()
    except VentanillaError as error:  # the window says so once it is up
        log.warning("update not installed: %s", error.log_message)
        return
    install_staged_update(paths, machine)


def how_updated(machine: MachineSettings) -> str:
    """One line for the «Acerca de» dialog: how this installation gets new versions."""
    if not getattr(sys, "frozen", False):
        return _("Copia de desarrollo: se actualiza desde el código fuente.")
    if bundle_folder() is None:
        return _("Paquete del sistema: lo actualiza el gestor de paquetes.")
    if machine.self_update:
        return _("Se actualiza sola desde {url}.").format(url=machine.update_url)
    return _("Actualizaciones automáticas desactivadas en este equipo.")
