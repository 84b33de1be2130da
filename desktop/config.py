"""Where files live and what the workstation is set to.

Folders come from platformdirs; `VENTANILLA_HOME` moves all of them into one folder
(tests, demos, portable installs). Settings are a small TOML file in the config folder,
upgraded by version number so old files keep working.

Every field of the file is checked on its own, type and range, and a wrong one is a Spanish
message that names the field and the file (`counter = "abc"`, `demo = "false"`, a URL that is
not PostgreSQL…): a hand-edited file never reaches the rest of the program half valid.
On POSIX the folders are private to the user (0700).
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import platformdirs
import tomli_w

from desktop.atomic import write_atomically
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from desktop.filemodes import private_folder
from desktop.i18n import _
from desktop.urls import check_central_url

APP_NAME = "Ventanilla"
APP_AUTHOR = "IESS"
HOME_ENV = "VENTANILLA_HOME"
SETTINGS_VERSION = 1

PaperFormat = Literal["a4", "80mm"]
PAPER_FORMATS: tuple[PaperFormat, ...] = ("a4", "80mm")

ScanMode = Literal["gray", "color"]
ScanSource = Literal["flatbed", "adf"]
SCAN_MODES: tuple[ScanMode, ...] = ("gray", "color")
SCAN_SOURCES: tuple[ScanSource, ...] = ("flatbed", "adf")
SCAN_DPI_MIN, SCAN_DPI_MAX = 100, 600


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
        """The configuration and data folders (OSError if they cannot be made); the log
        folder if possible: without it the log goes to standard error (desktop.logs)."""
        for folder in (self.config_dir, self.data_dir):
            private_folder(folder)
        with contextlib.suppress(OSError):
            private_folder(self.log_dir)


@dataclass(frozen=True)
class ScanProfile:
    """How one document type is scanned; the administrator overrides the built-in default
    (200 dpi grey, colour for types the checklist marks as colour) per document type."""

    dpi: int = 200
    mode: ScanMode = "gray"
    source: ScanSource = "flatbed"
    duplex: bool = False

    @classmethod
    def from_toml(cls, raw: Any) -> ScanProfile:
        if not isinstance(raw, dict):
            raise ValidationError(
                _("Perfil de escaneo no válido en la configuración."),
                "scan profile is not a table",
                field="scan_profiles",
            )
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def validate(self) -> None:
        if not (_is_int(self.dpi) and SCAN_DPI_MIN <= self.dpi <= SCAN_DPI_MAX):
            raise ValidationError(
                _("La resolución de escaneo debe estar entre {low} y {high} ppp.").format(
                    low=SCAN_DPI_MIN, high=SCAN_DPI_MAX
                ),
                f"invalid scan dpi {self.dpi!r}",
                field="scan_profiles",
            )
        if self.mode not in SCAN_MODES:
            raise ValidationError(
                _("Modo de escaneo no válido: use «gray» (gris) o «color»."),
                f"invalid scan mode {self.mode!r}",
                field="scan_profiles",
            )
        if self.source not in SCAN_SOURCES:
            raise ValidationError(
                _("Origen de escaneo no válido: use «flatbed» (vidrio) o «adf» (alimentador)."),
                f"invalid scan source {self.source!r}",
                field="scan_profiles",
            )
        if not isinstance(self.duplex, bool) or (self.duplex and self.source != "adf"):
            raise ValidationError(
                _("El escaneo a doble cara solo es posible con el alimentador («adf»)."),
                "duplex without adf",
                field="scan_profiles",
            )


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
    idle_lock_minutes: int = 5  # the window locks itself after this long without input
    #: demo: plain cache and blobs, no keyring; production (False): encrypted at rest
    demo: bool = True
    #: names this installation's keys in the OS keyring (not a secret; assigned at the first
    #: production start or by `ventanilla init`; a new id means new, empty key entries)
    installation_id: str = ""
    scanner: str = ""  # default scanner device name ("" = the first one found)
    scan_folder: str = ""  # folder a shared printer scans into ("" = not used)
    #: per document type (DocumentType value) overrides of the default scan profile;
    #: read-only: change it with `with_changes(scan_profiles=...)`
    scan_profiles: dict[str, ScanProfile] = field(default_factory=dict, hash=False)
    #: a sync round that takes longer ends as offline; the next round retries
    sync_deadline_seconds: int = 60
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
        """Each field's type and range (ValidationError naming the field)."""
        for name, check in FIELD_CHECKS.items():
            problem = check(getattr(self, name))
            if problem:
                raise field_error(name, problem, getattr(self, name))
        known_types = {document_type.value for document_type in DocumentType}
        for document_type, profile in self.scan_profiles.items():
            if document_type not in known_types:
                raise ValidationError(
                    _("Perfil de escaneo para un tipo de documento desconocido: {name}.").format(
                        name=document_type
                    ),
                    f"scan profile for unknown document type {document_type!r}",
                    field="scan_profiles",
                )
            try:
                profile.validate()
            except ValidationError as error:
                raise ValidationError(
                    _("El perfil «scan_profiles.{name}»: {problem}").format(
                        name=document_type, problem=error.user_message),
                    error.log_message, field="scan_profiles") from None

    def save(self) -> None:
        """Write atomically, so a crash never leaves half a settings file."""
        self.validate()
        self.paths.ensure()
        values = {k: v for k, v in asdict(self).items() if k != "paths"}
        write_atomically(self.paths.settings_file, tomli_w.dumps(values).encode("utf-8"))


def load_settings(paths: Paths | None = None) -> Settings:
    """The settings file (defaults, demo mode, when there is none) under what IT fixed in
    the machine-wide file (desktop.machine)."""
    from desktop.machine import load_machine_settings

    settings = _user_settings(paths or Paths.discover())
    fixed = load_machine_settings().station
    return settings.with_changes(**fixed) if fixed else settings


def _user_settings(paths: Paths) -> Settings:
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
            f"settings file unreadable: {type(error).__name__}",
        ) from error
    except OSError as error:
        raise ValidationError(
            _("No se puede leer el archivo de configuración {path}: {error}").format(
                path=file, error=error.strerror or error),
            f"settings file unreadable: {type(error).__name__}",
        ) from error
    try:
        raw = upgrade_settings(raw)
        known = {name for name in Settings.__dataclass_fields__ if name != "paths"}
        values = {k: v for k, v in raw.items() if k in known}
        if "scan_profiles" in values:
            profiles = values["scan_profiles"]
            if not isinstance(profiles, dict):
                raise field_error("scan_profiles", _("debe ser una tabla de perfiles por tipo de "
                                                     "documento"), profiles)
            values["scan_profiles"] = {
                str(name): ScanProfile.from_toml(profile) for name, profile in profiles.items()
            }
        settings = Settings(paths=paths, **values)
        settings.validate()
    except ValidationError as error:
        raise ValidationError(
            _("Error en la configuración ({path}): {problem}").format(
                path=file, problem=error.user_message),
            f"settings file: {error.log_message}", field=error.field) from None
    return settings


# --- one check per field ---------------------------------------------------------------------

Check = Callable[[Any], str]  # the problem in Spanish, or ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(low: int, high: int) -> Check:
    def check(value: Any) -> str:
        if not _is_int(value) or not low <= value <= high:
            return _("debe ser un número entero entre {low} y {high}").format(low=low, high=high)
        return ""
    return check


def _boolean(value: Any) -> str:
    return "" if isinstance(value, bool) else _("debe ser true o false (sin comillas)")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        return _("debe ser un texto entre comillas")
    if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in value) or len(value) > 500:
        return _("contiene caracteres no válidos o es demasiado largo")
    return ""


def _centre(value: Any) -> str:
    if not (isinstance(value, str) and len(value) == 5 and value.isascii()
            and value.isalnum() and value.isupper()):
        return _("debe ser el código de 5 caracteres de un centro, por ejemplo UIO01")
    return ""


def _central_url(value: Any) -> str:
    if _text(value) or not value:
        return _text(value)
    try:
        check_central_url(value, sqlite=True)  # an SQLite central: tests, training rooms
    except ValidationError as error:
        return error.user_message
    return ""


def _paper(value: Any) -> str:
    return "" if value in PAPER_FORMATS else _("debe ser «a4» u «80mm»")


def _installation_id(value: Any) -> str:
    if not isinstance(value, str) or (value and not (
            len(value) == 32 and all(ch in "0123456789abcdef" for ch in value))):
        return _("debe ser el identificador que asignó Ventanilla (32 caracteres)")
    return ""


#: The idle lock's timer counts milliseconds in a signed 32-bit integer: 35,791 minutes
#: overflow it. Four hours is already longer than any counter's shift.
IDLE_LOCK_MAX_MINUTES = 240

FIELD_CHECKS: dict[str, Check] = {
    "centre": _centre,
    "counter": _integer(1, 99),
    "central_url": _central_url,
    "central_password_in_keyring": _boolean,
    "receipt_printer": _text,
    "paper_format": _paper,
    "idle_lock_minutes": _integer(1, IDLE_LOCK_MAX_MINUTES),
    "demo": _boolean,
    "installation_id": _installation_id,
    "scanner": _text,
    "scan_folder": _text,
    "sync_deadline_seconds": _integer(10, 3600),
    "version": _integer(1, SETTINGS_VERSION),
}


def field_error(name: str, problem: str, found: Any) -> ValidationError:
    shown = repr(found)
    shown = shown if len(shown) <= 40 else shown[:37] + "…"
    return ValidationError(
        _("El campo «{field}» {problem} (tiene {found}).").format(
            field=name, problem=problem, found=shown),
        f"setting {name}: wrong type or range", field=name)


def upgrade_settings(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to SETTINGS_VERSION, one step at a time."""
    version = raw.get("version", 1)
    if not _is_int(version) or version < 1:
        raise field_error("version", _("debe ser un número entero"), version)
    # SETTINGS_VERSION 1 is the only format: there is no step to run, the number is recorded.
    raw["version"] = max(version, SETTINGS_VERSION)
    return raw
