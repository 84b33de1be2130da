"""Text folding for search: accents, ñ and case do not matter to a clerk typing a name."""

from __future__ import annotations

import unicodedata


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
