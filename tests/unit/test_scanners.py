"""The scanner seam (platform choice, device lookup, missing driver) and scan profiles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.capture import sane_backend
from desktop.capture.backends import WindowsScannerBackend, available_backends, find_device
from desktop.capture.profiles import profile_for, scan_options_for
from desktop.capture.scanners import (
    Capabilities,
    DeviceInfo,
    ScannerNotFound,
    ScannerUnavailable,
    ScanOptions,
)
from desktop.config import ScanProfile, Settings, load_settings
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from tests.support.checks import refused
from tests.support.files import paths_in


class FakeBackend:
    name = "fake"

    def __init__(self, *devices: DeviceInfo):
        self._devices = list(devices)

    def devices(self) -> list[DeviceInfo]:
        return self._devices

    def capabilities(self, device: str) -> Capabilities:
        return Capabilities(("flatbed",), False, ("gray",), 75, 600)

    def scan(self, device, options, progress=None, cancel=None) -> Iterator[object]:  # type: ignore[no-untyped-def]
        return iter(())


EPSON = DeviceInfo("epson2:net:10.0.0.7", "Epson", "WF-C5790", "flatbed scanner", "fake")
CANON = DeviceInfo("canon_dr:libusb:001:004", "Canon", "DR-C225", "sheetfed scanner", "fake")


def test_windows_gets_the_wia_seam_with_a_spanish_message():
    [backend] = available_backends("win32")
    assert isinstance(backend, WindowsScannerBackend)
    with refused(ScannerUnavailable, "WIA/TWAIN) no está implementado todavía en Windows"):
        backend.devices()
    with refused(ScannerUnavailable, "escanear a carpeta"):
        list(backend.scan("x", ScanOptions()))


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_linux_and_macos_get_sane(platform):
    assert [backend.name for backend in available_backends(platform)] == ["sane"]


def test_a_missing_python_sane_is_a_spanish_message_not_an_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sane", None)  # import sane → ImportError
    with refused(ScannerUnavailable, "falta el paquete python-sane"):
        sane_backend.SaneBackend().devices()


def test_devices_are_found_by_exact_name_or_a_unique_part_of_it():
    backend = FakeBackend(EPSON, CANON)
    assert find_device("canon_dr:libusb:001:004", [backend])[1] is CANON
    assert find_device("WF-C5790", [backend])[1] is EPSON
    assert find_device("epson", [backend])[1] is EPSON
    with refused(ScannerNotFound, "Escáneres disponibles: epson2:net:10.0.0.7, canon_dr"):
        find_device("hp", [backend])
    with refused(ScannerNotFound, "no"):
        find_device("", [backend])


# --- scan profiles in the settings ----------------------------------------------------------


def test_default_profiles_are_200_dpi_grey_and_colour_where_the_checklist_says(tmp_path):
    settings = Settings(paths=paths_in(tmp_path))
    assert scan_options_for(settings, DocumentType.SIGNED_REQUEST) == ScanOptions(200, "gray")
    assert scan_options_for(settings, DocumentType.EMPLOYER_PAYMENT_PROOF) == ScanOptions(
        200, "color")


def test_the_administrator_overrides_a_profile_and_it_survives_a_restart(tmp_path):
    paths = paths_in(tmp_path)
    Settings(paths=paths).with_changes(
        scan_folder=str(tmp_path / "escaneos"), scanner="epson2:net:10.0.0.7",
        scan_profiles={"SOLICITUD_FIRMADA": ScanProfile(300, "gray", "adf", True)},
    ).save()
    settings = load_settings(paths)
    assert settings.scanner == "epson2:net:10.0.0.7"
    assert settings.scan_folder == str(tmp_path / "escaneos")
    assert profile_for(settings, DocumentType.SIGNED_REQUEST) == ScanProfile(300, "gray", "adf",
                                                                             True)
    assert scan_options_for(settings, DocumentType.OTHER_ANNEX) == ScanOptions(200, "gray")


def test_an_old_settings_file_without_scan_keys_still_loads(tmp_path):
    paths = paths_in(tmp_path)
    paths.ensure()
    paths.settings_file.write_text('centre = "GYE01"\ncounter = 3\ndemo = false\nversion = 1\n')
    settings = load_settings(paths)
    assert (settings.centre, settings.scan_folder, settings.scanner, settings.scan_profiles) == (
        "GYE01", "", "", {})


@pytest.mark.parametrize(("profile", "message"), [
    ('dpi = 50', "entre 100 y 600 ppp"),
    ('mode = "lineart"', "Modo de escaneo no válido"),
    ('source = "tray"', "Origen de escaneo no válido"),
    ('duplex = true', "doble cara solo es posible con el alimentador"),
])
def test_a_wrong_profile_in_the_file_is_a_spanish_message(tmp_path, profile, message):
    paths = paths_in(tmp_path)
    paths.ensure()
    paths.settings_file.write_text(f"[scan_profiles.SOLICITUD_FIRMADA]\n{profile}\n")
    with refused(ValidationError, message):
        load_settings(paths)


def test_a_profile_for_an_unknown_document_type_is_refused(tmp_path: Path):
    paths = paths_in(tmp_path)
    paths.ensure()
    paths.settings_file.write_text("[scan_profiles.CEDULA]\ndpi = 300\n")
    with refused(ValidationError, "tipo de documento desconocido: CEDULA"):
        load_settings(paths)
