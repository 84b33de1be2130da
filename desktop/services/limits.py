"""Free text from a person, checked against what central can store, before anything is
written: a 302-character representative's name once passed the service, failed central's
`varchar(170)` and came back on every retry (its SQL parameters in the log).

Lengths come from the central models themselves, so a column that changes size changes
the check; `Text` columns get a generous common limit.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.text import unreadable_characters
from desktop.errors import ValidationError
from desktop.i18n import _

LONG_TEXT = 2_000  # reasons, justifications: a page of text at most


def limit_of(column: Any) -> int:
    """The length a central column holds (LONG_TEXT for unbounded text)."""
    length = getattr(column.type, "length", None)
    return int(length) if length else LONG_TEXT


def checked_text(text: str, column: Any, *, field: str, label: str) -> str:
    """`text` with its spaces tidied, if central can store it; else ValidationError."""
    if not isinstance(text, str) or unreadable_characters(text):
        raise ValidationError(
            _("«{label}» contiene caracteres que no se pueden guardar.").format(label=label),
            f"{field}: unreadable characters", field=field)
    tidy = text.strip()
    limit = limit_of(column)
    if len(tidy) > limit:
        raise ValidationError(
            _("«{label}» admite hasta {n} caracteres (tiene {m}).").format(
                label=label, n=limit, m=len(tidy)),
            f"{field}: {len(tidy)} characters, limit {limit}", field=field)
    return tidy
