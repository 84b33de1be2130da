"""Text folding for search: accents, ñ and case do not matter to a clerk typing a name."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`  Peñafiel  MUÑOZ José ` → `penafiel munoz jose`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())
