"""Writing a file so that a crash leaves either the whole file or nothing under its name.

A temporary file beside the target, fsynced, renamed over it, then the folder fsynced so
the rename itself survives a power cut. Used for scanned documents and for every PDF the
command line writes; callers turn the OSError into their own Spanish message.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` all at once (OSError if it cannot be written).

    The file is private (0600) unless `mode` says otherwise (a PDF the user asked for).
    """
    folder = path.absolute().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        if mode is not None and os.name == "posix":
            os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
