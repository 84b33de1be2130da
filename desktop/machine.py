"""Machine-wide settings that IT places: which central, centre and counter this PC serves,
and whether (and from where) the frozen bundle updates itself.

One small TOML file, read-only for the clerk:

- Windows: `%PROGRAMDATA%\\Ventanilla\\settings.toml` (the installer writes it from its
  command line: /CENTRAL=… /CENTRE=… /COUNTER=… /UPDATES=off /UPDATEURL=…)
- Linux: `/etc/ventanilla/settings.toml`
- `VENTANILLA_MACHINE_SETTINGS=<file>` points elsewhere (tests); an empty value means none.

    central_url = "postgresql+psycopg://uio01@central.iess.gob.ec:5432/ventanilla"
    centre = "UIO01"
    counter = 3
    updates = false                 # IT deploys versions itself
    update_url = "https://actualizaciones.iess.gob.ec/ventanilla"

What the file names wins over the person's own settings file (IT decides which counter a PC
is); a central URL here also means a production station (never the demo). A password never
goes here: `ventanilla init` keeps it in the OS keyring. Self-update needs an `update_url`
and is off with `updates = false`.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.errors import ValidationError
from desktop.i18n import _

MACHINE_ENV = "VENTANILLA_MACHINE_SETTINGS"
_TYPES: dict[str, type] = {"central_url": str, "centre": str, "counter": int, "updates": bool,
                           "update_url": str}


def machine_settings_file() -> Path | None:
    if MACHINE_ENV in os.environ:
        value = os.environ[MACHINE_ENV]
        return Path(value) if value else None
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Ventanilla" / \
            "settings.toml"
    return Path("/etc/ventanilla/settings.toml")


@dataclass(frozen=True)
class MachineSettings:
    central_url: str | None = None
    centre: str | None = None
    counter: int | None = None
    updates: bool = True
    update_url: str = ""

    @property
    def station(self) -> dict[str, Any]:
        """The station settings IT fixed, to lay over the person's own."""
        fixed: dict[str, Any] = {name: value for name in ("central_url", "centre", "counter")
                                 if (value := getattr(self, name)) is not None}
        if self.central_url:
            fixed["demo"] = False
        return fixed

    @property
    def self_update(self) -> bool:
        """Whether the frozen bundle may look for updates at all."""
        return self.updates and bool(self.update_url)


def load_machine_settings(path: Path | None = None) -> MachineSettings:
    """The machine file's values; defaults when there is none."""
    path = path or machine_settings_file()
    if path is None or not path.exists():
        return MachineSettings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(
            _("El archivo de configuración del equipo {path} está dañado: {error}").format(
                path=path, error=error),
            f"machine settings unreadable: {type(error).__name__}") from error
    values: dict[str, Any] = {}
    for name, kind in _TYPES.items():
        if name not in raw:
            continue
        value = raw[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValidationError(
                _("En {path}, «{name}» no tiene un valor válido.").format(path=path, name=name),
                f"machine settings: bad type for {name}", field=name)
        values[name] = value.strip() if isinstance(value, str) else value
    return MachineSettings(**values)
