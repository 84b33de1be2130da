"""Pension kinds and states in the pensioner registry."""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import _


class PensionType(StrEnum):
    VEJEZ = "VEJEZ"
    INVALIDEZ = "INVALIDEZ"
    VIUDEZ = "VIUDEZ"
    ORFANDAD = "ORFANDAD"

    @property
    def label(self) -> str:
        return {
            PensionType.VEJEZ: _("Vejez"),
            PensionType.INVALIDEZ: _("Invalidez"),
            PensionType.VIUDEZ: _("Montepío – viudez"),
            PensionType.ORFANDAD: _("Montepío – orfandad"),
        }[self]


#: Survivors' pensions (muerte): their amount derives from the deceased's, so no vejez
#: calculation applies to them.
MONTEPIO = frozenset({PensionType.VIUDEZ, PensionType.ORFANDAD})


class PensionState(StrEnum):
    ACTIVA = "ACTIVA"
    SUSPENDIDA = "SUSPENDIDA"

    @property
    def label(self) -> str:
        return {PensionState.ACTIVA: _("Activa"), PensionState.SUSPENDIDA: _("Suspendida")}[self]
