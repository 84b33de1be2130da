"""What every command that acts or writes a file shares: who the log records for a terminal,
and writing the PDF the person asked for."""

from __future__ import annotations

import getpass
from pathlib import Path

from desktop.atomic import write_atomically
from desktop.domain.roles import Actor, Role
from desktop.errors import VentanillaError
from desktop.filemodes import user_file_mode
from desktop.i18n import _


def operator(centre: str) -> Actor:
    """Who the log records for a command run from a terminal."""
    return Actor(f"cli:{getpass.getuser()}", _("Línea de comandos"), Role.ADMINISTRATOR, centre)


def write_output(path: Path, data: bytes) -> None:
    """The PDF the person asked for, with their usual file mode; a symbolic link in its
    place is refused (it could send a copy of a case anywhere)."""
    if path.is_symlink():
        raise VentanillaError(
            _("{path} es un enlace simbólico; elija otro nombre de archivo.").format(path=path),
            "output is a symlink")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else user_file_mode()
        write_atomically(path, data, mode=mode)
    except OSError as error:
        raise VentanillaError(
            _("No se pudo escribir {path}: {error}").format(path=path,
                                                            error=error.strerror or error),
            f"output not writable: {error.__class__.__name__}",
        ) from error
