"""`ventanilla audit verify`: this station's audit chain, checked by itself and against the
anchors central keeps for it.

Central may hold several chains (epochs) of one workstation: each `ventanilla init` starts a
new one. The current chain is compared with its own epoch's anchors; the older ones are
history. A chain central has never heard of, while it knows others of this workstation,
means the local log was replaced outside `init`.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.config import Settings
from desktop.i18n import _
from desktop.security.audit import ChainCheck, chain_epoch, check_anchors, verify_chain
from desktop.services.cache import open_cache, startup_lock
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable, open_central
from desktop.sync.engine import central_anchors


@dataclass(frozen=True)
class AuditReport:
    check: ChainCheck
    anchors: int  # anchors of the current chain compared
    earlier_chains: int  # other epochs central knows for this workstation
    offline: bool  # central was not reachable: only the local chain was checked


def verify_audit(settings: Settings) -> AuditReport:
    by_epoch, offline = None, False
    with startup_lock(settings.paths):  # not while another process sets the station up
        try:
            central = open_central(settings)
            try:
                with offline_as_unreachable():
                    by_epoch = central_anchors(central, settings.workstation)
            finally:
                central.dispose()
        except CentralUnreachable:
            offline = True
        cache = open_cache(settings)
    try:
        with cache.read() as session:
            result = verify_chain(session)
            epoch = chain_epoch(session)
            anchors = (by_epoch or {}).get(epoch, [])
            if result.intact and by_epoch and epoch not in by_epoch:
                result = ChainCheck(result.checked, 0, _(
                    "la central no conoce esta cadena de auditoría (la base local fue "
                    "reemplazada sin «ventanilla init»)"))
            elif result.intact and anchors:
                anchored = check_anchors(session, anchors)
                if not anchored.intact:
                    result = anchored
    finally:
        cache.dispose()
    earlier = len(set(by_epoch or {}) - {epoch})
    return AuditReport(result, sum(1 for a in anchors if a.entry_id > 0), earlier, offline)
