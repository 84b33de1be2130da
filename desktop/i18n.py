"""The one translation function for every text a person reads (UI, PDFs, messages).

Message ids are the Spanish (Ecuador) texts themselves; a catalogue under
`resources/locale/<lang>/LC_MESSAGES/ventanilla.mo` adds another language.
"""

from __future__ import annotations

import gettext

from desktop.resources import resource

_LOCALE_DIR = resource("locale")
_translation: gettext.NullTranslations = gettext.translation(
    "ventanilla", localedir=_LOCALE_DIR, languages=["es_EC", "es"], fallback=True
)


def _(message: str) -> str:
    """Translate a Spanish message id for the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation."""
    return _translation.ngettext(singular, plural, n)
