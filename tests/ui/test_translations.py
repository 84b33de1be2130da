"""Qt's own dialogs speak Spanish (Ecuador) in every install: the catalogs are found whoever
created the QApplication, the Ecuadorian corrections win over Spain's words, and the
compiled catalogs in resources/ are the ones their sources make."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.resources import resource
from ui.app import install_translations, prepare

TRANSLATIONS = resource("translations")


def test_stock_strings_of_the_file_print_and_message_dialogs_are_spanish(qapp) -> None:
    prepare(qapp)  # pytest-qt made this QApplication, not ui.app: the catalogs still load
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "&Look in:") == "&Buscar en:"
    assert translate("QFileDialog", "Files of &type:") == "Archivos de &tipo:"
    assert "archivo" in translate("QFileDialog", "File &name:").lower()
    assert translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert translate("QPrintSettingsOutput", "Page &Set:") == "&Conjunto de páginas:"
    assert install_translations(qapp) == []  # idempotent: nothing installed twice


def test_no_word_from_spain_in_our_catalog() -> None:
    catalog = (TRANSLATIONS / "qtbase_es_EC.ts").read_text(encoding="utf-8")
    translations = "".join(line for line in catalog.splitlines() if "<translation" in line)
    assert "fichero" not in translations.lower()


@pytest.mark.parametrize("source", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_compiled_catalogs_match_their_sources(source: Path, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease not found (it comes with pyside6-essentials)")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(source), "-qm", str(fresh)], check=True,
                   capture_output=True, timeout=60)
    assert fresh.read_bytes() == source.with_suffix(".qm").read_bytes(), (
        f"{source.name} changed: compile it again (resources/translations/README.md)")
