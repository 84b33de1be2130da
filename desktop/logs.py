"""Log files under the log folder; no personal data and no secrets go into them.

Our own log lines are written without personal data. What we do not write ourselves — the
text of an unexpected exception, a library's message — goes through `redact` first:
long digit runs (cédulas, phones, RUCs) and e-mail addresses are replaced.

A log folder that cannot be written (a read-only home, a full disk) never stops a command
or the window: the log goes to standard error instead, once, with a warning saying why.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from desktop.filemodes import private_folder

LOG_FILE = "ventanilla.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DIGITS = re.compile(r"\d{9,}")


def redact(text: str) -> str:
    """Text with e-mail addresses and runs of nine or more digits blanked out."""
    return _DIGITS.sub("<digits>", _EMAIL.sub("<email>", text))


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> bool:
    """Rotating file log (5 × 2 MB); idempotent so tests and the GUI may call it again.

    False when the folder could not be used and the log went to standard error.
    """
    logging.raiseExceptions = False  # a full disk must not print logging's own tracebacks
    root = logging.getLogger()
    target = str(log_dir / LOG_FILE)
    for existing in root.handlers:
        if getattr(existing, "baseFilename", None) == target:
            return True
    root.setLevel(level)
    try:
        private_folder(log_dir)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError as error:
        if not any(getattr(h, "_ventanilla_fallback", False) for h in root.handlers):
            fallback = logging.StreamHandler(sys.stderr)
            fallback.setLevel(logging.WARNING)
            fallback.setFormatter(RedactingFormatter(FORMAT))
            fallback._ventanilla_fallback = True  # type: ignore[attr-defined]
            root.addHandler(fallback)
        logging.getLogger(__name__).warning(
            "log folder not writable (%s); logging to standard error", type(error).__name__)
        return False
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    return True
