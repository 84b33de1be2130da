"""Case states and the one table of transitions with who may fire them (DESIGN.md §4).

Services and the central database both check transitions against this table; anything
not in it is refused with a Spanish reason.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.roles import Role
from desktop.errors import VentanillaError
from desktop.i18n import N_, _, translate


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
    ABANDONO = "ABANDONO"
    ANULADO = "ANULADO"

    @property
    def label(self) -> str:
        return translate(_STATE_LABELS[self])

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


_STATE_LABELS = {
    CaseState.INGRESADO: N_("Ingresado"),
    CaseState.EN_REVISION: N_("En revisión"),
    CaseState.DEVUELTO: N_("Devuelto con observaciones"),
    CaseState.DERIVADO: N_("Derivado a la Dirección de Pensiones"),
    CaseState.EN_ANALISIS: N_("En análisis"),
    CaseState.REQUIERE_INFO: N_("Requiere información"),
    CaseState.ACUERDO_EMITIDO: N_("Acuerdo emitido"),
    CaseState.NOTIFICADO: N_("Entregado / notificado"),
    CaseState.CERRADO: N_("Archivado"),
    CaseState.DESISTIDO: N_("Desistido"),
    CaseState.ABANDONO: N_("Abandono (plazo vencido)"),
    CaseState.ANULADO: N_("Anulado"),
}

TERMINAL_STATES = frozenset({CaseState.CERRADO, CaseState.DESISTIDO, CaseState.ABANDONO,
                             CaseState.ANULADO})
#: A case in one of these blocks a new request of the same type for the same cédula.
#: A delivered acuerdo (NOTIFICADO) ends the request for the citizen, so it does not block.
OPEN_STATES = frozenset(CaseState) - TERMINAL_STATES - {CaseState.NOTIFICADO}

#: The state a case enters when the counter registers it.
INITIAL_STATE = CaseState.INGRESADO

COUNTER = frozenset({Role.CLERK, Role.SUPERVISOR})
SUPERVISOR = frozenset({Role.SUPERVISOR})
CENTRAL = frozenset({Role.BACK_OFFICE})


@dataclass(frozen=True)
class Transition:
    source: CaseState
    target: CaseState
    roles: frozenset[Role]
    needs_reason: bool = False
    four_eyes: bool = False  # never by the person who registered the case
    document: str = ""  # a document type the case must hold (the signed withdrawal)


#: desktop.domain.checklist.DocumentType.WITHDRAWAL (this module does not import checklist)
WITHDRAWAL_DOCUMENT = "DESISTIMIENTO_FIRMADO"


_S = CaseState
TRANSITIONS: tuple[Transition, ...] = (
    Transition(_S.INGRESADO, _S.EN_REVISION, COUNTER),
    Transition(_S.INGRESADO, _S.ANULADO, SUPERVISOR, needs_reason=True),
    Transition(_S.EN_REVISION, _S.DERIVADO, SUPERVISOR, four_eyes=True),
    Transition(_S.EN_REVISION, _S.DEVUELTO, SUPERVISOR, needs_reason=True, four_eyes=True),
    Transition(_S.EN_REVISION, _S.ANULADO, SUPERVISOR, needs_reason=True, four_eyes=True),
    Transition(_S.DEVUELTO, _S.EN_REVISION, COUNTER),
    Transition(_S.DEVUELTO, _S.ANULADO, SUPERVISOR, needs_reason=True),
    Transition(_S.DERIVADO, _S.EN_ANALISIS, CENTRAL),
    Transition(_S.EN_ANALISIS, _S.REQUIERE_INFO, CENTRAL, needs_reason=True),
    Transition(_S.REQUIERE_INFO, _S.EN_ANALISIS, CENTRAL),
    # the term to complete the information lapsed (COA: abandono), decided by the back office
    Transition(_S.REQUIERE_INFO, _S.ABANDONO, CENTRAL, needs_reason=True),
    Transition(_S.EN_ANALISIS, _S.ACUERDO_EMITIDO, CENTRAL),
    # delivered at a counter, or notified by email by the back office
    Transition(_S.ACUERDO_EMITIDO, _S.NOTIFICADO, COUNTER | CENTRAL),
    Transition(_S.NOTIFICADO, _S.CERRADO, CENTRAL),
    # the citizen withdraws in writing (desistimiento): recorded at a counter or by the
    # central office, with the signed withdrawal on file
    *(
        Transition(state, _S.DESISTIDO, COUNTER | CENTRAL, needs_reason=True,
                   document=WITHDRAWAL_DOCUMENT)
        for state in CaseState
        if state not in TERMINAL_STATES and state is not _S.NOTIFICADO
    ),
)
_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


class TransitionRefused(VentanillaError):
    """A transition outside the table, by the wrong role, or without what it needs."""


def check_transition(
    source: CaseState,
    target: CaseState,
    role: Role,
    *,
    actor: str,
    registered_by: str,
    reason: str = "",
    documents: Collection[str] = (),
) -> Transition:
    """The transition from the table, or TransitionRefused with the reason in Spanish.
    `documents`: the document types the case holds (a withdrawal needs its signed form)."""
    transition = _BY_PAIR.get((source, target))
    if transition is None:
        raise TransitionRefused(
            _("Un trámite «{source}» no puede pasar a «{target}».").format(
                source=source.label, target=target.label
            ),
            f"no transition {source} -> {target}",
        )
    if role not in transition.roles:
        raise TransitionRefused(
            _("El rol {role} no puede pasar un trámite de «{source}» a «{target}».").format(
                role=role.label, source=source.label, target=target.label
            ),
            f"role {role} may not {source} -> {target}",
        )
    if transition.four_eyes and actor == registered_by:
        raise TransitionRefused(
            _("Usted registró este trámite: otra persona debe revisarlo."),
            f"four-eyes: {actor} registered the case",
        )
    if transition.needs_reason and not reason.strip():
        raise TransitionRefused(
            _("Escriba el motivo para pasar el trámite a «{target}».").format(
                target=target.label
            ),
            f"reason required for {target}",
        )
    if transition.document and transition.document not in documents:
        raise TransitionRefused(
            _("Para registrar el desistimiento agregue primero el desistimiento firmado por "
              "el solicitante («Agregar documento…»)."),
            f"{target} needs document {transition.document}",
        )
    return transition


def allowed_targets(source: CaseState, role: Role) -> tuple[CaseState, ...]:
    return tuple(t.target for t in TRANSITIONS if t.source is source and role in t.roles)
