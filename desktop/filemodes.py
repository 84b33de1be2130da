"""Who may read what Ventanilla writes (POSIX): the user alone.

The cache, backups, scanned documents, logs and settings hold personal data or describe
how to reach it. At start-up `restrict_new_files` sets the process umask to 077, so every
file the process creates (SQLite's own -wal and -shm included) is 0600 and every folder
0700; the data folders themselves are tightened too when an older version left them open.
The one kind of file meant for the person at the keyboard, a PDF written with `--out`,
gets the user's usual mode back (`user_file_mode`). Windows keeps its per-user profile ACLs.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_umask_before: list[int] = []  # the user's own umask, once restrict_new_files ran


def restrict_new_files() -> None:
    """Files and folders this process creates from now on are the user's alone."""
    if os.name != "posix" or _umask_before:
        return
    _umask_before.append(os.umask(0o077))


def user_file_mode() -> int:
    """The mode a file the user asked for gets under their own umask (0644 typically)."""
    if _umask_before:
        mask = _umask_before[0]
    else:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def private_folder(folder: Path) -> None:
    """Create `folder` (and parents) if needed; make it 0700 if it is ours."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if os.name == "posix":
        with contextlib.suppress(OSError):  # not ours (a shared mount): leave it
            if folder.stat().st_mode & 0o077:
                folder.chmod(PRIVATE_FOLDER)


def private_opener(path: str, flags: int) -> int:
    """`open(..., opener=private_opener)`: a new file is created 0600 whatever the umask."""
    return os.open(path, flags, PRIVATE_FILE)
