"""Log files under the log folder; no personal data and no secrets go into them.

Our own log lines are written without personal data. What we do not write ourselves — the
text of an unexpected exception, a library's message — goes through `redact` first:
long digit runs (cédulas, phones, RUCs) and e-mail addresses are replaced.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE = "ventanilla.log"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DIGITS = re.compile(r"\d{9,}")


def redact(text: str) -> str:
    """Text with e-mail addresses and runs of nine or more digits blanked out."""
    return _DIGITS.sub("<digits>", _EMAIL.sub("<email>", text))


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> None:
    """Rotating file log (5 × 2 MB); idempotent so tests and the GUI may call it again."""
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    target = str(log_dir / LOG_FILE)
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == target:
            return
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
