"""Log files under the log folder; no personal data and no secrets go into them."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "ventanilla.log"


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
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
