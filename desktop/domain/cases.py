"""Case states (DESIGN.md §4). The transition table and its permissions grow here."""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import _


class CaseState(StrEnum):
    INGRESADO = "INGRESADO"
    EN_REVISION = "EN_REVISION"
    DEVUELTO = "DEVUELTO"
    DERIVADO = "DERIVADO"
    EN_ANALISIS = "EN_ANALISIS"
    REQUIERE_INFO = "REQUIERE_INFO"
    ACUERDO_EMITIDO = "ACUERDO_EMITIDO"
    NOTIFICADO = "NOTIFICADO"
    CERRADO = "CERRADO"
    DESISTIDO = "DESISTIDO"
    ANULADO = "ANULADO"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


_STATE_LABELS = {
    CaseState.INGRESADO: _("Ingresado"),
    CaseState.EN_REVISION: _("En revisión"),
    CaseState.DEVUELTO: _("Devuelto con observaciones"),
    CaseState.DERIVADO: _("Derivado a la Dirección de Pensiones"),
    CaseState.EN_ANALISIS: _("En análisis"),
    CaseState.REQUIERE_INFO: _("Requiere información"),
    CaseState.ACUERDO_EMITIDO: _("Acuerdo emitido"),
    CaseState.NOTIFICADO: _("Entregado / notificado"),
    CaseState.CERRADO: _("Archivado"),
    CaseState.DESISTIDO: _("Desistido"),
    CaseState.ANULADO: _("Anulado"),
}

TERMINAL_STATES = frozenset({CaseState.CERRADO, CaseState.DESISTIDO, CaseState.ANULADO})
#: A case in one of these blocks a new request of the same type for the same cédula.
#: A delivered acuerdo (NOTIFICADO) ends the request for the citizen, so it does not block.
OPEN_STATES = frozenset(CaseState) - TERMINAL_STATES - {CaseState.NOTIFICADO}

#: The state a case enters when the counter registers it.
INITIAL_STATE = CaseState.INGRESADO
