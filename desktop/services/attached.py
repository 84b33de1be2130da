"""A document attached to a case (or to a registration in progress), as the GUI shows it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.checklist import DocumentType, document_label


@dataclass(frozen=True)
class AttachedDocument:
    document_type: DocumentType
    sha256: str
    media_type: str
    pages: int
    size_bytes: int
    source: str = "archivo"

    @property
    def label(self) -> str:
        return document_label(self.document_type)
