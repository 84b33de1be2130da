"""Text folding for search: accents, ñ and case do not matter to a clerk typing a name."""

from __future__ import annotations

import unicodedata

from desktop.errors import ValidationError
from desktop.i18n import _

#: Letters a name search needs at least (fewer would list half the country).
MIN_NAME_CHARS = 3


def fold(text: str) -> str:
    """`  Peñafiel  MUÑOZ José ` → `penafiel munoz jose`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def unreadable_characters(text: str) -> bool:
    """Control characters (line breaks and tabs aside) or a lone surrogate, which no
    database or printed document can hold: a paste gone wrong, or an attack."""
    return any((ord(char) < 32 and char not in "\n\r\t") or 0xD800 <= ord(char) <= 0xDFFF
               or ord(char) == 0x7F for char in text)


def name_words(text: str) -> list[str]:
    """The folded words of a name search, each to be found somewhere in the name."""
    words = fold(text).split()
    if sum(len(word) for word in words) < MIN_NAME_CHARS:
        raise ValidationError(
            _("Escriba al menos {n} letras del nombre.").format(n=MIN_NAME_CHARS),
            "name search: too short", field="query")
    return words
