"""Document files at central: uploaded in chunks, content-addressed, verified on completion.

Each chunk is its own short transaction, so an interrupted upload resumes with the chunks
still missing; a blob is usable (`complete`) only after its SHA-256 matches.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, delete, insert, select, update

from desktop.central.models import Blob, BlobChunk

CHUNK_BYTES = 256 * 1024


def is_complete(connection: Connection, sha256: str) -> bool:
    return bool(connection.scalar(select(Blob.complete).where(Blob.sha256 == sha256)))


def chunk_count(size: int) -> int:
    return max(1, -(-size // CHUNK_BYTES))


def missing_chunks(connection: Connection, sha256: str, size: int) -> list[int]:
    """Chunk indexes central still needs ([] when the blob is complete)."""
    blob = connection.execute(select(Blob).where(Blob.sha256 == sha256)).first()
    if blob is not None and blob.complete:
        return []
    if blob is None:
        connection.execute(insert(Blob).values(sha256=sha256, size_bytes=size, complete=False))
    present = set(connection.scalars(select(BlobChunk.index).where(BlobChunk.sha256 == sha256)))
    return [index for index in range(chunk_count(size)) if index not in present]


def put_chunk(connection: Connection, sha256: str, index: int, data: bytes) -> None:
    connection.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256,
                                               BlobChunk.index == index))
    connection.execute(insert(BlobChunk).values(sha256=sha256, index=index, data=data))


def finish(connection: Connection, sha256: str) -> bool:
    """Mark the blob complete if its chunks hash to its name; else drop them to start over."""
    digest = hashlib.sha256()
    for data in connection.scalars(
        select(BlobChunk.data).where(BlobChunk.sha256 == sha256).order_by(BlobChunk.index)
    ):
        digest.update(data)
    if digest.hexdigest() != sha256:
        connection.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
        return False
    connection.execute(update(Blob).where(Blob.sha256 == sha256).values(complete=True))
    return True


def read(connection: Connection, sha256: str) -> bytes:
    return b"".join(
        connection.scalars(
            select(BlobChunk.data).where(BlobChunk.sha256 == sha256).order_by(BlobChunk.index)
        )
    )
