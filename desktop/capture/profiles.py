"""Which scan settings a document type gets: the administrator's profile, else the default.

The default is what forms need, 200 dpi grey from the flatbed, in colour for the types the
checklist marks as colour (payment proofs with stamps); `settings.scan_profiles` overrides
it per document type (see `desktop.config.ScanProfile`).
"""

from __future__ import annotations

from desktop.capture.scanners import ScanOptions
from desktop.config import ScanProfile, Settings
from desktop.domain.checklist import DocumentType, RequestType, checklist_for

DEFAULT_DPI = 200


def needs_colour(document_type: DocumentType) -> bool:
    return any(
        item.colour
        for request_type in RequestType
        for item in checklist_for(request_type)
        if item.document_type is document_type
    )


def profile_for(settings: Settings, document_type: DocumentType) -> ScanProfile:
    override = settings.scan_profiles.get(document_type.value)
    if override is not None:
        return override
    return ScanProfile(dpi=DEFAULT_DPI, mode="color" if needs_colour(document_type) else "gray")


def scan_options_for(settings: Settings, document_type: DocumentType) -> ScanOptions:
    profile = profile_for(settings, document_type)
    return ScanOptions(profile.dpi, profile.mode, profile.source, profile.duplex)
