"""A workstation process that adds scanned documents to a case until it is killed.

Used by the crash tests. The hooks are attached here, by the test harness; the product code
has no test switch:

- `--pause-in-blob MARKER`: stop inside the blob store's write, after the temporary file
  is written and before it is renamed to its SHA-256, write MARKER and wait to be killed.
- `--pause-before-commit MARKER`: stop inside the transaction that adds the document row,
  its outbox event and its audit entry, after the blob is complete and before COMMIT.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PIL import Image
from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.capture.draft import DraftDocument
from desktop.capture.scanners import ScannedPage
from desktop.config import load_settings
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.documents import DocumentService
from desktop.services.runtime import open_runtime
from desktop.store import models
from tests.page_images import form_page
from tests.support.accounts import CLERK


def stall(marker: Path) -> None:
    marker.write_text("paused")
    time.sleep(3600)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("case_number")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--pause-in-blob", type=Path)
    parser.add_argument("--pause-before-commit", type=Path)
    args = parser.parse_args()
    runtime = open_runtime(load_settings())
    service = DocumentService(runtime, sign_in(runtime, *CLERK))
    pages = [form_page(dpi=150) for _ in range(args.pages)]

    if args.pause_in_blob:
        real_replace = os.replace

        def pausing_replace(source: str, target: str) -> None:
            if Path(target).is_relative_to(runtime.blobs.root):
                stall(args.pause_in_blob)
            real_replace(source, target)

        os.replace = pausing_replace  # desktop.atomic renames through it

    if args.pause_before_commit:
        @event.listens_for(Session, "before_commit")
        def pause(session: Session) -> None:
            objects = [*session.new, *session.identity_map.values()]
            if any(isinstance(obj, models.CaseDocument) for obj in objects):
                stall(args.pause_before_commit)

    print("ready", flush=True)
    for _ in range(args.documents):
        draft = DraftDocument(DocumentType.OTHER_ANNEX)
        for index, page in enumerate(pages, start=1):
            # random bytes in the corner: a new file (and SHA-256) every time, in every run
            marked = page.copy()
            marked.paste(Image.frombytes("L", (32, 8), os.urandom(256)), (8, 8))
            draft.add_scan(ScannedPage(marked, 150, index))
        added = service.add_to_case(args.case_number, draft)
        print(added.document.sha256, flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
