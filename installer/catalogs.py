"""The gettext catalogs: extraction with Babel, the Spanish (Ecuador) catalog, compilation.

    python -m installer.catalogs update     after changing texts: rewrites
                                            resources/locale/ventanilla.pot and es_EC's .po
    python -m installer.catalogs compile    the .mo files (the bundle build runs it)

Message ids are the Spanish texts of the source (`_()`, `N_()`, `ngettext()` in desktop/
and ui/). Spanish (Ecuador) is the source language, so `update` gives a new message its own
text as the es_EC translation; a reviewer may then change a term for the counter without
touching the code, and a second language is one more .po beside it. Compiled .mo files are
build products (not committed); without them the source texts show as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from desktop.i18n import DOMAIN
from desktop.resources import resource
from desktop.version import __version__

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("desktop", "ui")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LOCALES = ("es_EC",)


def template_path() -> Path:
    return resource("locale", f"{DOMAIN}.pot")


def po_path(locale: str) -> Path:
    return resource("locale", locale, "LC_MESSAGES", f"{DOMAIN}.po")


def mo_path(locale: str, root: Path | None = None) -> Path:
    base = root if root is not None else resource("locale")
    return base / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"


def extract() -> Catalog:
    """Every message the source marks, with the files that use it."""
    template = _catalog(None)
    for package in SOURCES:
        found = extract_from_dir(ROOT / package, keywords=KEYWORDS,
                                 directory_filter=lambda d: "__pycache__" not in d)
        for filename, lineno, message, comments, context in found:
            template.add(message, locations=[(f"{package}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    return template


def update() -> list[Path]:
    """Rewrite the template and bring every locale's catalog in line with it."""
    template = extract()
    _write(template, template_path())
    written = [template_path()]
    for locale in LOCALES:
        catalog = _read(po_path(locale), locale)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        for message in _messages(catalog):
            if not _translated(message.string) or message.fuzzy:
                message.string = _source_text(message.id, catalog.num_plurals)
                message.flags.discard("fuzzy")
        _write(catalog, po_path(locale))
        written.append(po_path(locale))
    return written


def compile_catalogs(root: Path | None = None) -> list[Path]:
    """The .mo of every locale, into `root` (default resources/locale)."""
    written = []
    for locale in LOCALES:
        target = mo_path(locale, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, _read(po_path(locale), locale))
        written.append(target)
    return written


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def _source_text(message_id: str | tuple[str, ...], plurals: int) -> str | tuple[str, ...]:
    """es_EC is the source language: its translation is the source text (the singular for
    the form of one, the plural for the others)."""
    if isinstance(message_id, tuple):
        return (message_id[0], *([message_id[1]] * (plurals - 1)))
    return message_id


def _messages(catalog: Catalog) -> Iterable:  # type: ignore[type-arg]
    return (message for message in catalog if message.id)


def _catalog(locale: str | None) -> Catalog:
    return Catalog(
        locale=locale, project="Ventanilla", version=__version__, fuzzy=False,
        msgid_bugs_address="atencionalusuario@iess.gob.ec",
        copyright_holder="Instituto Ecuatoriano de Seguridad Social",
        last_translator="IESS <atencionalusuario@iess.gob.ec>",
        language_team="IESS <atencionalusuario@iess.gob.ec>",
        header_comment="# Ventanilla IESS: textos de la aplicación (python -m installer.catalogs).")


def _read(path: Path, locale: str) -> Catalog:
    if not path.exists():
        return _catalog(locale)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    catalog.fuzzy = False
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_lineno=False,
                 omit_header=False)


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action not in ("update", "compile"):
        sys.exit("usage: python -m installer.catalogs update|compile")
    for path in update() if action == "update" else compile_catalogs():
        print(path.relative_to(ROOT))
