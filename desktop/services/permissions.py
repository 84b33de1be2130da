"""The guard every service calls; the UI hiding a button is only a convenience."""

from __future__ import annotations

from desktop.domain.roles import Action, Actor, may
from desktop.errors import PermissionDenied
from desktop.i18n import _


def require(actor: Actor, action: Action) -> None:
    if not may(actor.role, action):
        raise PermissionDenied(
            _("Su rol ({role}) no permite esta acción.").format(role=actor.role.label),
            f"{actor.role.value} may not {action.value}",
        )
