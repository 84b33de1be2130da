"""The core's modules import each other without a cycle, imports inside functions included.

A function-level import hides a cycle from the interpreter (it works until the order of first
use changes) and from import-linter's layers; this test reads every import statement.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in (ROOT / "desktop").rglob("*.py")
            if "migrations" not in path.parts}


def _imported(node: ast.AST, here: str, is_package: bool, known: set[str]) -> set[str]:
    """The project modules one import statement names (`from a import b` names a.b when b is a
    module, else a)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = here.split(".") if is_package else here.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join(package + ([base] if base else []))
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                 for alias in node.names]
    return {name for name in names if name in known}


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges: set[str] = set()
        for node in ast.walk(tree):
            edges |= _imported(node, name, path.name == "__init__.py", known)
        graph[name] = edges - {name}
    return graph


def test_the_graph_is_read():
    graph = import_graph()
    assert "desktop.services.cache" in graph["desktop.services.runtime"]
    assert "desktop.capture.sane_backend" in graph["desktop.capture.backends"]
    # a function-level import is an edge too
    assert "desktop.services.demo" in graph["desktop.services.runtime"]


def test_no_import_cycle_in_the_core():
    try:
        tuple(TopologicalSorter(import_graph()).static_order())
    except CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None
