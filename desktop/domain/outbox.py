"""What becomes of an event a station queued for central, on both sides of the wire.

The values are the words stored in the cache's outbox and in central's event log (so they
compare equal to what is already there); the labels are what the sync panel shows.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import N_, translate


class OutboxStatus(StrEnum):
    """An outbox event at the station."""

    PENDING = "pendiente"  # not yet taken by central (or central asked to retry)
    SENT = "enviado"  # central applied it
    REFUSED = "rechazado"  # central refused it; the station undid its effect
    STUCK = "atascado"  # still pending after many tries (shown, never stored)

    @property
    def label(self) -> str:
        return translate(_OUTBOX_LABELS[self])


_OUTBOX_LABELS = {
    OutboxStatus.PENDING: N_("Pendiente"),
    OutboxStatus.SENT: N_("Enviado"),
    OutboxStatus.REFUSED: N_("Rechazado"),
    OutboxStatus.STUCK: N_("Atascado"),
}


class OutcomeStatus(StrEnum):
    """Central's answer to one event, recorded once and given again on a resend."""

    APPLIED = "aplicado"
    REFUSED = "rechazado"

    @property
    def label(self) -> str:
        return translate(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    OutcomeStatus.APPLIED: N_("Aplicado"),
    OutcomeStatus.REFUSED: N_("Rechazado"),
}
