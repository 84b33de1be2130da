"""The architecture's promises, checked: the core runs without Qt; lint, types and contracts
pass."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


def test_importing_every_core_module_loads_no_qt():
    script = (
        "import importlib, pkgutil, sys, desktop\n"
        "names = [m.name for m in pkgutil.walk_packages(desktop.__path__, 'desktop.')\n"
        "         if m.name != 'desktop.__main__']\n"
        "for name in names: importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'ui')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(len(names)); print(loaded)\n"
    )
    result = run(sys.executable, "-c", script)
    assert result.returncode == 0, result.stderr
    count, loaded = result.stdout.split("\n", 1)
    assert int(count) >= 25
    assert loaded.strip() == "[]"


def test_the_login_window_module_does_not_import_the_database_or_pdf_libraries():
    script = (
        "import sys\n"
        "import ui.app\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'pypdf')"
        " if m in sys.modules))\n"
    )
    result = run(sys.executable, "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the dev extra"
    result = run(lint_imports)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean():
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    """The type check of desktop/ and ui/ with pyproject's [tool.mypy] (strict on the core)."""
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_tests_share_helpers_through_tests_support_not_conftest():
    """A conftest is pytest's to load; importing it as a module loads it twice."""
    statement = "from tests." + "conftest import"  # not this file's own text
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("*.py")
                 if statement in path.read_text(encoding="utf-8")]
    assert offenders == []
