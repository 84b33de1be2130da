"""Scanned documents no case references are collected after a grace period (issue 10, 11):
refused registrations and abandoned intakes no longer pile up in blobs/."""

from __future__ import annotations

import os
import time

from desktop.capture.blobstore import BlobStore
from desktop.config import load_settings
from desktop.domain.checklist import DocumentType
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import ORPHAN_GRACE_SECONDS, collect_orphan_blobs, open_runtime
from tests.support.files import make_pdf

DAY = 86_400


def age(store: BlobStore, sha256: str, seconds: float) -> None:
    path = store.path_for(sha256)
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_old_orphans_go_referenced_and_young_ones_stay(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    kept, young, old = (store.put(f"documento {n}".encode()) for n in range(3))
    for digest in (kept, old):
        age(store, digest, 10 * DAY)
    assert store.collect({kept}, 3 * DAY) == 1
    assert store.exists(kept) and store.exists(young) and not store.exists(old)


def test_storing_the_same_document_again_restarts_its_grace_period(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    digest = store.put(b"la misma solicitud")
    age(store, digest, 10 * DAY)
    assert store.put(b"la misma solicitud") == digest  # attached again to a new intake
    assert store.collect(set(), 3 * DAY) == 0 and store.exists(digest)


def test_a_station_collects_what_its_cases_do_not_reference(runtime, clerk, samples, tmp_path,
                                                           home):
    intake = IntakeService(runtime, clerk)
    form = tmp_path / "solicitud.pdf"
    form.write_bytes(make_pdf(1))
    registered = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
    intake.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True,
                               (registered,)))
    other = tmp_path / "abandonado.pdf"
    other.write_bytes(make_pdf(2, "Trámite abandonado"))
    abandoned = intake.attach_file(other, DocumentType.OTHER_ANNEX)  # never registered
    for document in (registered, abandoned):
        age(runtime.blobs, document.sha256, ORPHAN_GRACE_SECONDS + DAY)
    assert collect_orphan_blobs(runtime.db, runtime.blobs) == 1
    assert runtime.blobs.exists(registered.sha256)
    assert not runtime.blobs.exists(abandoned.sha256)
    runtime.close()
    reopened = open_runtime(load_settings(home))  # start-up collects too (nothing left)
    try:
        assert reopened.blobs.exists(registered.sha256)
    finally:
        reopened.close()
