"""Where files live and what the workstation is set to.

Folders come from platformdirs; `VENTANILLA_HOME` moves all of them into one folder
(tests, demos, portable installs). Settings are a small TOML file in the config folder,
upgraded by version number so old files keep working.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import platformdirs
import tomli_w

from desktop.errors import ValidationError
from desktop.i18n import _

APP_NAME = "Ventanilla"
APP_AUTHOR = "IESS"
HOME_ENV = "VENTANILLA_HOME"
SETTINGS_VERSION = 1

PaperFormat = Literal["a4", "80mm"]
PAPER_FORMATS: tuple[PaperFormat, ...] = ("a4", "80mm")


@dataclass(frozen=True)
class Paths:
    """Every folder and file the application writes."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def discover(cls) -> Paths:
        """VENTANILLA_HOME if set, else the platform's per-user folders."""
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home).expanduser().resolve()
            return cls(root / "config", root / "data", root / "logs")
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def cache_db(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def demo_central_db(self) -> Path:
        return self.data_dir / "central-demo.sqlite3"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def ensure(self) -> None:
        for folder in (self.config_dir, self.data_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class Settings:
    """The workstation's configuration (no secrets: those live in the OS keyring)."""

    paths: Paths = field(compare=False)
    centre: str = "UIO01"
    counter: int = 1
    central_url: str = ""
    central_password_in_keyring: bool = False  # the password itself is only in the keyring
    receipt_printer: str = ""
    paper_format: PaperFormat = "a4"
    demo: bool = True
    version: int = SETTINGS_VERSION

    @property
    def workstation(self) -> str:
        """The name this workstation signs its events with, e.g. `UIO01-01`."""
        return f"{self.centre}-{self.counter:02d}"

    @property
    def is_configured(self) -> bool:
        return self.paths.settings_file.exists()

    def with_changes(self, **changes: Any) -> Settings:
        updated = replace(self, **changes)
        updated.validate()
        return updated

    def validate(self) -> None:
        if self.paper_format not in PAPER_FORMATS:
            raise ValidationError(
                _("Formato de papel no válido: use «a4» u «80mm»."),
                f"invalid paper format {self.paper_format!r}",
                field="paper_format",
            )
        if not 1 <= self.counter <= 99:
            raise ValidationError(
                _("El número de ventanilla debe estar entre 1 y 99."),
                f"invalid counter {self.counter}",
                field="counter",
            )
        if not (len(self.centre) == 5 and self.centre.isalnum() and self.centre.isupper()):
            raise ValidationError(
                _("El código de centro debe tener 5 caracteres, por ejemplo UIO01."),
                f"invalid centre code {self.centre!r}",
                field="centre",
            )

    def save(self) -> None:
        """Write atomically, so a crash never leaves half a settings file."""
        self.validate()
        self.paths.ensure()
        values = {k: v for k, v in asdict(self).items() if k != "paths"}
        target = self.paths.settings_file
        temporary = target.with_suffix(".toml.tmp")
        with temporary.open("wb") as handle:
            tomli_w.dump(values, handle)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)


def load_settings(paths: Paths | None = None) -> Settings:
    """Read the settings file; defaults (demo mode) when there is none."""
    paths = paths or Paths.discover()
    file = paths.settings_file
    if not file.exists():
        return Settings(paths=paths)
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(
            _("El archivo de configuración {path} está dañado: {error}").format(
                path=file, error=error
            ),
            f"settings file unreadable: {error}",
        ) from error
    raw = upgrade_settings(raw)
    known = {name for name in Settings.__dataclass_fields__ if name != "paths"}
    settings = Settings(paths=paths, **{k: v for k, v in raw.items() if k in known})
    settings.validate()
    return settings


def upgrade_settings(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to SETTINGS_VERSION, one step at a time."""
    version = int(raw.get("version", 1))
    # Each future step reads version N and returns version N + 1; none exists yet.
    raw["version"] = max(version, SETTINGS_VERSION)
    return raw
