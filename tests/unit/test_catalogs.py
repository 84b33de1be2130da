"""Every text a person reads reaches the gettext catalog, and the catalog covers them.

Extraction (Babel, as `python -m installer.catalogs update` runs it) can only see literals:
so every `_()`, `N_()` and `ngettext()` gets literals, nothing is translated at import time
(labels defined then use `N_()` and are translated where shown), and a Spanish text outside
those calls must be data (names, legal citations, audit reasons) listed below with why.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest

from installer.catalogs import (
    LOCALES,
    ROOT,
    SOURCES,
    _read,
    compile_catalogs,
    extract,
    po_path,
    template_path,
)

MARKERS = {"_": 1, "N_": 1, "ngettext": 2}  # how many leading arguments are messages
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}
SPANISH = re.compile(r"[áéíóúñÁÉÍÓÚÑ¿¡«»]")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:[:!][^}]*)?\}")

#: Spanish literals that are data, not interface text: whole modules, then single texts.
DATA_MODULES = {
    "desktop/central/demo_names.py": "the demo registry's names of people and employers",
    "desktop/central/demo.py": "demo centres, addresses and people (data in the database)",
    "desktop/central/demo_service.py": "demo complaints and reasons written as data into the "
                                       "demo central (what people said, not interface text)",
    "desktop/central/backoffice.py": "what the simulated back office writes into cases",
    "desktop/domain/identity.py": "province names, the registry's own spelling",
    "desktop/domain/pension_tables.py": "the tables' names and their sources",
    "desktop/central/demo_cases.py": "what the demo writes into its central's cases",
    "desktop/domain/holiday_table.py": "holiday names and their legal sources (reference data)",
    "desktop/domain/deadlines.py": "legal periods' sources (citations, shown as written)",
    "desktop/central/acuerdos.py": "issuing units and the analysis' reasons (acuerdo data)",
    "desktop/central/signer.py": "the demo signer's certificate names (certificate data)",
    "desktop/domain/acuerdo_texts.py": "the sources of the legal texts (English notes)",
}
DATA_TEXTS = {
    ("desktop/services/intake.py", "LOPDP Art. 7"): "legal basis stored with each case",
    ("desktop/services/demo_cases.py", "SOLICITUD DE RELIQUIDACIÓN"): "a demo scanned page",
    ("desktop/documents/agreement.py", "motivación"): "an English error naming a legal term",
    ("desktop/documents/agreement.py", "veintiún"): "the apocope of num2words' Spanish words",
    ("ui/review_page.py", "revisión del supervisor"): "audit reason stored in the access log",
    ("ui/status_page.py", "envío a revisión"): "audit reason stored in the access log",
    ("ui/status_page.py", "mis trámites"): "audit reason stored in the access log",
    ("ui/status_page.py", "corrección de trámite"): "audit reason stored in the access log",
    ("desktop/domain/reporting.py", "Año-Mes"): "the transparency table's published columns",
}


def _modules() -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for package in SOURCES for path in sorted((ROOT / package).rglob("*.py"))
            if "migrations" not in path.parts]


def _marker(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in MARKERS:
        return node.func.id
    return None


def test_translation_calls_take_literals_only():
    wrong = []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if (marker := _marker(node)) is not None:
                assert isinstance(node, ast.Call)
                messages = node.args[:MARKERS[marker]]
                if len(messages) < MARKERS[marker] or not all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str)
                        for a in messages):
                    wrong.append(f"{name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not wrong, "extraction cannot see these (use a literal):\n" + "\n".join(wrong)


def test_nothing_is_translated_at_import_time():
    """Module and class bodies run at import: their labels take N_() and translate()."""
    early = []

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if _marker(child) in ("_", "ngettext"):
                early.append(f"{name}:{child.lineno}: {ast.unparse(child)[:80]}")
            visit(child, name)

    for name, tree in _modules():
        visit(tree, name)
    assert not early, "translated at import time (use N_ and translate):\n" + "\n".join(early)


def _interface_texts(tree: ast.Module) -> list[ast.Constant]:
    """Spanish string literals that are neither messages, docstrings nor log lines."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        logs = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in LOG_METHODS
        if _marker(node) or logs:
            skip.update(id(sub) for sub in ast.walk(node))
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and SPANISH.search(node.value)]


def test_spanish_texts_go_through_the_catalog():
    outside = []
    for name, tree in _modules():
        if name in DATA_MODULES:
            continue
        for node in _interface_texts(tree):
            text = str(node.value)
            if not any(name == module and start in text for module, start in DATA_TEXTS):
                outside.append(f"{name}:{node.lineno}: {text[:70]!r}")
    assert not outside, "Spanish text outside _()/N_() (wrap it, or list it as data):\n" + \
        "\n".join(outside)


def test_the_data_exceptions_still_exist():
    """A stale exception would hide a new interface text with the same words."""
    texts = {name: [str(n.value) for n in _interface_texts(tree)] for name, tree in _modules()}
    for module, start in DATA_TEXTS:
        assert any(start in text for text in texts[module]), (module, start)
    for module in DATA_MODULES:
        assert texts[module], module


def test_the_template_holds_exactly_what_extraction_finds():
    extracted = {message.id for message in extract() if message.id}
    committed = {message.id for message in _read(template_path(), "es_EC") if message.id}
    assert extracted, "extraction found nothing"
    assert extracted == committed, (
        "resources/locale/ventanilla.pot is stale: run `python -m installer.catalogs update`;"
        f" missing {sorted(extracted - committed)[:5]}, gone {sorted(committed - extracted)[:5]}")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_with_its_placeholders(locale):
    catalog = _read(po_path(locale), locale)
    translations = {message.id: message for message in catalog if message.id}
    problems = []
    for message in extract():
        if not message.id:
            continue
        found = translations.get(message.id)
        strings = found.string if found else None
        if not strings or not all(_as_tuple(strings)) or (found and found.fuzzy):
            problems.append(f"untranslated: {message.id!r}")
            continue
        sources = _as_tuple(message.id)
        for index, target in enumerate(_as_tuple(strings)):
            source = sources[min(index, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
                problems.append(f"placeholders differ: {source!r} → {target!r}")
    assert not problems, "\n".join(problems[:20])


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def test_the_compiled_catalog_is_what_the_app_loads(tmp_path: Path):
    """Compiled as the build does; a changed translation shows through gettext."""
    from desktop.i18n import DOMAIN, LANGUAGES

    compile_catalogs(tmp_path)
    loaded = gettext.translation(DOMAIN, localedir=tmp_path, languages=LANGUAGES)
    assert loaded.gettext("Ingresado") == "Ingresado"
    assert loaded.gettext("Ventanilla {w}") == "Ventanilla {w}"
    catalog = _read(po_path("es_EC"), "es_EC")
    assert len(list(catalog)) > 500
    assert Path(po_path("es_EC")).is_relative_to(ROOT / "resources" / "locale")
