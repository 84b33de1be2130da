"""The signed acuerdo PDFs, from central's blobs into this station's blob store.

They travel as scanned documents do (content-addressed, checked against their SHA-256), but
the other way: each round brings the acuerdos of this centre's cases, so the counter prints
and verifies them with no connection; another centre's acuerdo is fetched when it is asked
for (desktop.services.acuerdo_copies) and kept.
"""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import Connection, Engine, select

from desktop.capture.blobstore import BlobStore
from desktop.central import blobs as central_blobs
from desktop.db.engines import SessionFactories
from desktop.store.models import Agreement, Case

log = logging.getLogger(__name__)
PER_ROUND = 500  # a first round after a long outage catches up over a few rounds


def fetch_one(connection: Connection, blobs: BlobStore, sha256: str) -> bytes | None:
    """The blob from central into `blobs`; None when central does not (yet) have it whole."""
    data = central_blobs.read(connection, sha256)
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    blobs.put(data)
    return data


def fetch_acuerdo_files(central: Engine, cache_db: SessionFactories, blobs: BlobStore,
                        centre: str, limit: int = PER_ROUND) -> int:
    """This centre's signed acuerdos not yet here; returns how many arrived."""
    with cache_db.read() as session:
        wanted = [sha for sha in session.scalars(
            select(Agreement.signed_sha256).join(Case, Case.case_number == Agreement.case_number)
            .where(Agreement.signed_sha256.is_not(None), Case.centre_code == centre))
            if sha is not None and not blobs.exists(sha)][:limit]
    if not wanted:
        return 0
    arrived = 0
    with central.connect() as connection:
        for sha256 in wanted:
            if fetch_one(connection, blobs, sha256) is not None:
                arrived += 1
            else:
                log.warning("signed acuerdo %s not complete at central", sha256[:12])
    return arrived
