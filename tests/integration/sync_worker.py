"""A workstation process that runs one sync round, or stops at a chosen point inside it.

    VENTANILLA_HOME=<station> python -m tests.integration.sync_worker \\
        [--kill-point NAME --marker FILE [--at N] [--scope SCOPE] [--page-size N]]

Without a kill point it runs `SyncService.run()` once, prints the report and exits 0 when
the round was online, 1 when not. With one, it writes MARKER (what it stopped on, one
line) and sleeps at that point until the parent kills it:

- `after-central-commit`: the N-th event (`--at`) of this round has been applied and
  committed at central; its local acknowledgement has not run. MARKER: the event id.
- `mid-blob-upload`: N chunks (`--at`) of a document in several chunks were committed at
  central by this process, and the transaction of the next chunk has begun.
  MARKER: `<sha256> <index of the chunk about to go>`.
- `mid-pull`: the first page of the scope `--scope` was stored in the cache (its own
  transaction, committed) and more pages follow (`--page-size` makes pages small).
  MARKER: the scope name.
- `mid-pull-store`: the rows of a page of `--scope` have been written inside its cache
  transaction, which has not committed. MARKER: the scope name.

The hooks are installed here, by the test harness, around functions of desktop.sync.push
and desktop.central.blobs and through the round's progress callback; the product code has
no test switch.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, NoReturn

import desktop.central.blobs as central_blobs
import desktop.sync.pull as pull_module
import desktop.sync.push as push_module
from desktop.config import load_settings
from desktop.progress import Progress, no_progress
from desktop.services.runtime import open_runtime
from desktop.services.sync import SyncService

KILL_POINTS = ("after-central-commit", "mid-blob-upload", "mid-pull", "mid-pull-store")


def stall(marker: Path, what: str) -> NoReturn:
    """Say where we are (atomically: the parent never reads half a line) and wait to die."""
    temporary = marker.with_name(f".{marker.name}.tmp")
    temporary.write_text(what + "\n")
    temporary.replace(marker)
    while True:
        time.sleep(3600)


def stop_after_central_commit(marker: Path, at: int) -> None:
    """Wrap the local acknowledgement: `push` calls it right after `apply_event` returned,
    i.e. after central's transaction committed."""
    original = push_module._acknowledge
    calls = 0

    def acknowledge(cache_db: Any, event: Any, outcome: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == at:
            stall(marker, event.event_id)
        original(cache_db, event, outcome)

    push_module._acknowledge = acknowledge


def stop_mid_blob_upload(marker: Path, at: int) -> None:
    """Wrap `put_chunk` (run inside the chunk's own central transaction): once this process
    has committed `at` chunks of a document, stop in the transaction of its next chunk."""
    original = central_blobs.put_chunk
    committed: Counter[str] = Counter()

    def put_chunk(connection: Any, sha256: str, index: int, data: bytes) -> None:
        if committed[sha256] >= at:
            stall(marker, f"{sha256} {index}")
        original(connection, sha256, index, data)
        committed[sha256] += 1  # its transaction commits when put_chunk returns

    central_blobs.put_chunk = put_chunk


def stop_mid_pull(marker: Path, scope: str, page_size: int) -> Progress:
    """Small pages, and a progress callback that stops after the first page of `scope`:
    the pull reports progress after each page's cache transaction has committed."""
    label = next(s.label for s in pull_module.SCOPES if s.name == scope)
    pull_module.PAGE_SIZE = page_size

    def progress(done: int, total: int, text: str) -> None:
        if text == label:  # the first page is stored; the scope has more pages than one
            stall(marker, scope)

    return progress


def stop_mid_pull_store(marker: Path, scope: str, page_size: int) -> None:
    """Wrap the scope's store function: stop once it has written a page's rows, before the
    page's cache transaction commits."""
    pull_module.PAGE_SIZE = page_size

    def wrap(store: Any) -> Any:
        def stored_then_stall(session: Any, context: Any, rows: Any) -> None:
            store(session, context, rows)
            session.flush()
            stall(marker, scope)

        return stored_then_stall

    pull_module.SCOPES = tuple(
        dataclasses.replace(s, store=wrap(s.store)) if s.name == scope else s
        for s in pull_module.SCOPES)


def main() -> NoReturn:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kill-point", choices=KILL_POINTS)
    parser.add_argument("--marker", type=Path)
    parser.add_argument("--at", type=int, default=1)
    parser.add_argument("--scope", default="cases")
    parser.add_argument("--page-size", type=int, default=2)
    args = parser.parse_args()
    if args.kill_point and not args.marker:
        parser.error("--kill-point needs --marker")

    progress: Progress = no_progress
    if args.kill_point == "after-central-commit":
        stop_after_central_commit(args.marker, args.at)
    elif args.kill_point == "mid-blob-upload":
        stop_mid_blob_upload(args.marker, args.at)
    elif args.kill_point == "mid-pull":
        progress = stop_mid_pull(args.marker, args.scope, args.page_size)
    elif args.kill_point == "mid-pull-store":
        stop_mid_pull_store(args.marker, args.scope, args.page_size)

    runtime = open_runtime(load_settings())
    try:
        report = SyncService(runtime).run(progress=progress)
    finally:
        runtime.close()
    print(f"online={report.online} pushed={report.pushed} refused={report.refused} "
          f"deferred={report.deferred} pulled={report.pulled}: {report.message}", flush=True)
    sys.exit(0 if report.online else 1)


if __name__ == "__main__":
    main()
