"""Scan-to-folder: pick up what a shared multifunction printer drops into a folder.

Polling, not OS notifications: the folder is usually a network share (SMB), where inotify
and ReadDirectoryChangesW see nothing or too much, and polling a few files once a second
costs nothing and needs no extra dependency.

A file is taken only when it has stopped growing: its size and modification time must be
the same in two polls at least `settle` seconds apart (an empty file, which is how many
printers start a file, must stay empty five times as long before it is refused). It is then
claimed by renaming it into `procesados/`: a rename is atomic, so two watchers of the same
folder can never both take it, and the same file is never taken twice. It is read and
checked there (type by content, size, pages, readability; TIFF included); a file that fails
goes on to `rechazados/` with a `.motivo.txt` beside it saying why in Spanish. Every file the
printer delivered stays in one of the two folders, so nothing is ever lost.

Hidden and temporary files (".x", "~x", "*.tmp", "*.part", …) and files whose extension is
not a document's (.pdf, .jpg, .jpeg, .png, .tif, .tiff) are left alone.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.capture.files import CAPTURE_TYPES, CheckedFile, read_checked
from desktop.errors import StorageError, ValidationError
from desktop.i18n import _

log = logging.getLogger(__name__)

PROCESSED, REJECTED = "procesados", "rechazados"
DOCUMENT_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})
TEMPORARY_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".filepart", ".lock", ".swp")
EMPTY_SETTLE_FACTOR = 5
REASON_SUFFIX = ".motivo.txt"


@dataclass(frozen=True)
class PickedUp:
    name: str  # the name the printer gave the file
    moved_to: Path  # where it is now (procesados/ or rechazados/)
    checked: CheckedFile | None  # None when refused
    reason: str = ""  # why it was refused (Spanish)

    @property
    def accepted(self) -> bool:
        return self.checked is not None


@dataclass(frozen=True)
class _Seen:
    size: int
    mtime_ns: int
    since: float


def ignored(name: str) -> bool:
    lowered = name.lower()
    return (
        lowered.startswith((".", "~"))
        or lowered.endswith(TEMPORARY_SUFFIXES)
        or Path(lowered).suffix not in DOCUMENT_SUFFIXES
    )


class FolderWatcher:
    """Call `poll()` every second or so (from a timer or a worker)."""

    def __init__(
        self, folder: Path, settle: float = 2.0, clock: Callable[[], float] = time.monotonic
    ):
        self.folder = folder
        self.settle = settle
        self.clock = clock
        self._seen: dict[str, _Seen] = {}

    @property
    def processed(self) -> Path:
        return self.folder / PROCESSED

    @property
    def rejected(self) -> Path:
        return self.folder / REJECTED

    def poll(self) -> list[PickedUp]:
        """The files that became stable since the last poll, claimed and checked."""
        try:
            self.processed.mkdir(exist_ok=True)  # not parents: the share must be there
            self.rejected.mkdir(exist_ok=True)
            entries = sorted(
                (entry for entry in os.scandir(self.folder)
                 if entry.is_file(follow_symlinks=False) and not ignored(entry.name)),
                key=lambda entry: entry.name,
            )
        except OSError as error:
            raise StorageError(
                _("No se puede leer la carpeta de escaneo {folder}: {error}").format(
                    folder=self.folder, error=error.strerror or error
                ),
                f"scan folder unreadable: {error.__class__.__name__}",
            ) from error
        now = self.clock()
        present = {entry.name for entry in entries}
        for name in list(self._seen):
            if name not in present:
                del self._seen[name]
        picked = []
        for entry in entries:
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # gone since the listing
            current = (status.st_size, status.st_mtime_ns)
            seen = self._seen.get(entry.name)
            if seen is None or (seen.size, seen.mtime_ns) != current:
                self._seen[entry.name] = _Seen(*current, now)
                continue
            wait = self.settle * (EMPTY_SETTLE_FACTOR if status.st_size == 0 else 1)
            if now - seen.since < wait:
                continue
            del self._seen[entry.name]
            result = self._take(Path(entry.path), current)
            if result is not None:
                picked.append(result)
        return picked

    def _take(self, path: Path, stable: tuple[int, int]) -> PickedUp | None:
        claimed = _unique(self.processed, path.name)
        try:
            os.rename(path, claimed)
        except (FileNotFoundError, PermissionError):
            return None  # taken by another watcher, or still held by the writer (Windows)
        except OSError as error:
            raise StorageError(
                _("No se pudo mover el archivo escaneado a {folder}: {error}").format(
                    folder=self.processed, error=error.strerror or error
                ),
                f"scan folder move failed: {error.__class__.__name__}",
            ) from error
        try:
            checked = read_checked(claimed, CAPTURE_TYPES)
        except ValidationError as error:
            return self._refuse(path.name, claimed, error.user_message)
        status = claimed.stat()
        if (status.st_size, status.st_mtime_ns) != stable:
            os.rename(claimed, _unique(self.folder, path.name))  # still being written
            return None
        log.info("scan-to-folder: took a %s file of %d pages", checked.media_type, checked.pages)
        return PickedUp(path.name, claimed, checked)

    def _refuse(self, name: str, claimed: Path, reason: str) -> PickedUp:
        target = _unique(self.rejected, name)
        os.rename(claimed, target)
        note = target.with_name(target.name + REASON_SUFFIX)
        temporary = note.with_name(f".{note.name}.tmp")
        temporary.write_text(reason + "\n", encoding="utf-8")
        os.replace(temporary, note)
        log.info("scan-to-folder: refused a file (%s)", Path(name).suffix.lower())
        return PickedUp(name, target, None, reason)


def _unique(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem-2.ext`, `-3`… when a file of that name is there."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}{suffix}"
    return candidate
