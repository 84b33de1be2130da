"""IT's machine-wide settings over the person's own, and the update steps that run without
a frozen bundle (the whole update path runs against a real bundle in tests/package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import updates
from desktop.config import Settings, load_settings
from desktop.errors import ValidationError
from desktop.machine import MACHINE_ENV, MachineSettings, load_machine_settings
from desktop.updates import OFF, UNSUPPORTED, check_for_update, staged_update
from tests.support.files import paths_in


def _machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "machine.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(MACHINE_ENV, str(path))
    return path


def test_no_machine_file_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(MACHINE_ENV, str(tmp_path / "absent.toml"))
    assert load_machine_settings() == MachineSettings()
    assert not MachineSettings().self_update
    settings = load_settings(paths_in(tmp_path / "home"))
    assert settings.demo and not settings.central_url


def test_what_it_fixed_wins_over_the_persons_file(tmp_path, monkeypatch):
    paths = paths_in(tmp_path / "home")
    Settings(paths=paths, centre="GYE01", counter=7, receipt_printer="Caja").save()
    _machine(tmp_path, monkeypatch, 'central_url = "postgresql+psycopg://uio01@central/v"\n'
                                    'centre = "UIO01"\ncounter = 3\nupdates = false\n'
                                    'update_url = "https://actualizaciones.example/v"\n')
    settings = load_settings(paths)
    assert (settings.central_url, settings.centre, settings.counter) == (
        "postgresql+psycopg://uio01@central/v", "UIO01", 3)
    assert not settings.demo  # a central named by IT is never the demo
    assert settings.receipt_printer == "Caja"  # what IT left alone stays the person's
    machine = load_machine_settings()
    assert machine.update_url and not machine.self_update


@pytest.mark.parametrize("text, message", [
    ("counter = 'tres'\n", "«counter» no tiene un valor válido"),
    ("updates = 'no'\n", "«updates» no tiene un valor válido"),
    ("counter = true\n", "«counter» no tiene un valor válido"),
    ("centre = \n", "está dañado"),
    ("centre = 'uio'\n", "5 caracteres"),
])
def test_a_bad_machine_file_is_refused_with_a_message(tmp_path, monkeypatch, text, message):
    _machine(tmp_path, monkeypatch, text)
    with pytest.raises(ValidationError) as raised:
        load_settings(paths_in(tmp_path / "home"))
    assert message in raised.value.user_message


def test_updates_off_or_without_a_url_fetch_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # even a bundle asks nothing
    paths = paths_in(tmp_path / "home")
    for machine in (MachineSettings(), MachineSettings(updates=False, update_url="http://x")):
        result = check_for_update(paths, machine)
        assert result.status == OFF and "desactivadas" in result.message
    assert not (paths.data_dir / "updates").exists()


def test_a_checkout_never_updates_itself(tmp_path):
    result = check_for_update(paths_in(tmp_path), MachineSettings(update_url="http://x"))
    assert result.status == UNSUPPORTED
    assert updates.bundle_folder() is None


def test_a_bundle_installed_by_the_package_manager_is_left_to_it(tmp_path, monkeypatch):
    bundle = tmp_path / "opt" / "ventanilla"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "ventanilla"))
    assert updates.bundle_folder() == bundle
    (bundle / updates.PACKAGE_MANAGED).write_text("dpkg\n")
    assert updates.bundle_folder() is None
    assert "gestor de paquetes" in updates.how_updated(MachineSettings(update_url="http://x"))


def test_the_newest_staged_version_wins_and_older_ones_go(tmp_path):
    paths = paths_in(tmp_path)
    staged = updates.updates_dir(paths) / "staged"
    for version in ("0.0.9", "0.1.0", "0.1.2", "0.1.10"):
        (staged / version).mkdir(parents=True)
    found = staged_update(paths, current="0.1.0")
    assert found is not None and found[0] == "0.1.10"
    assert sorted(p.name for p in staged.iterdir()) == ["0.1.10", "0.1.2"]
    assert staged_update(paths, current="0.1.10") is None
    assert not any(staged.iterdir())


def test_the_swap_replaces_the_whole_folder_or_nothing(tmp_path, monkeypatch):
    folder, staged = tmp_path / "app" / "ventanilla", tmp_path / "staged" / "0.2.0"
    for root, text in ((folder, "old"), (staged, "new")):
        (root / "_internal").mkdir(parents=True)
        (root / "ventanilla").write_text(text)
    (folder / "_internal" / "stale.so").write_text("only in the old version")
    updates._swap_in(staged, folder)
    assert (folder / "ventanilla").read_text() == "new"
    assert not (folder / "_internal" / "stale.so").exists()
    assert sorted(p.name for p in folder.parent.iterdir()) == ["ventanilla"]
    assert not staged.exists()

    (staged / "_internal").mkdir(parents=True)
    (staged / "ventanilla").write_text("newer")
    real_rename = Path.rename

    def refuse_second(self, target):  # the new folder cannot take the old one's place
        if self.name.endswith(".update"):
            raise PermissionError("busy")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_second)
    with pytest.raises(PermissionError):
        updates._swap_in(staged, folder)
    assert (folder / "ventanilla").read_text() == "new"  # still the working version
