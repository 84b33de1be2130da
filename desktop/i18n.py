"""The one translation function for every text a person reads (UI, PDFs, messages).

Message ids are the Spanish (Ecuador) texts themselves. The catalogue is extracted with
Babel into `resources/locale/ventanilla.pot` (`python -m installer.catalogs update`) and
compiled at build time into `resources/locale/<lang>/LC_MESSAGES/ventanilla.mo`; without a
compiled catalogue the Spanish ids are shown as they are.

- `_("…")` translates a literal where it is used. Only ever on a literal: extraction reads
  the source, it cannot see a message built at run time.
- `N_("…")` marks a literal defined at import time (a table of labels, a column header);
  it is translated where it is shown, with `translate(label)`, so the current language
  applies and not the one of the moment the module was imported.
- `ngettext("…", "…", n)` for plurals.
"""

from __future__ import annotations

import gettext

from desktop.resources import resource

DOMAIN = "ventanilla"
LANGUAGES = ["es_EC", "es"]
_LOCALE_DIR = resource("locale")
_translation: gettext.NullTranslations = gettext.translation(
    DOMAIN, localedir=_LOCALE_DIR, languages=LANGUAGES, fallback=True
)


def _(message: str) -> str:
    """Translate a Spanish message id (a literal) for the current language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a literal for extraction without translating it yet (see `translate`)."""
    return message


def translate(message: str) -> str:
    """Translate a message marked with `N_()` where it is shown."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation."""
    return _translation.ngettext(singular, plural, n)
