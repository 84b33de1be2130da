"""Documents the counter receives per request type (DESIGN.md §4, DOMAIN.md §3.1)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.i18n import _


class RequestType(StrEnum):
    RELIQUIDACION = "RELIQUIDACION"


class DocumentType(StrEnum):
    SIGNED_REQUEST = "SOLICITUD_FIRMADA"
    EMPLOYER_PAYMENT_PROOF = "COMPROBANTE_PAGO_EMPLEADOR"
    OTHER_ANNEX = "OTRO_ANEXO"
    WITHDRAWAL = "DESISTIMIENTO_FIRMADO"  # desktop.domain.cases.WITHDRAWAL_DOCUMENT
    POWER_OF_ATTORNEY = "PODER"


@dataclass(frozen=True)
class ChecklistItem:
    document_type: DocumentType
    label: str
    required: bool
    colour: bool = False  # scan in colour (stamps, photos) rather than grey


PROCEDURE_CODE = "IESS-034-01-07"


def procedure_name() -> str:
    return _("Reliquidación de pensiones")


def request_type_label(request_type: RequestType) -> str:
    return {RequestType.RELIQUIDACION: _("Reliquidación de pensiones")}[request_type]


def checklist_for(request_type: RequestType) -> tuple[ChecklistItem, ...]:
    """The checklist of a request type, required items first."""
    if request_type is RequestType.RELIQUIDACION:
        return (
            ChecklistItem(
                DocumentType.SIGNED_REQUEST,
                _("Solicitud de reliquidación con firma manuscrita"),
                required=True,
            ),
            ChecklistItem(
                DocumentType.EMPLOYER_PAYMENT_PROOF,
                _("Comprobantes de pago del empleador / planillas"),
                required=False,
                colour=True,
            ),
            ChecklistItem(DocumentType.OTHER_ANNEX, _("Otros anexos"), required=False),
            ChecklistItem(
                DocumentType.POWER_OF_ATTORNEY,
                _("Poder del representante (si lo presenta un apoderado)"),
                required=False,
            ),
        )
    raise ValueError(request_type)


def after_filing() -> tuple[ChecklistItem, ...]:
    """Documents a registered case may receive that are not part of the request."""
    return (ChecklistItem(DocumentType.WITHDRAWAL,
                          _("Desistimiento firmado por el solicitante"), required=False),)


def document_label(document_type: DocumentType) -> str:
    for request_type in RequestType:
        for item in (*checklist_for(request_type), *after_filing()):
            if item.document_type is document_type:
                return item.label
    raise ValueError(document_type)


def missing_required(
    request_type: RequestType, attached: set[DocumentType], representative: bool = False
) -> tuple[ChecklistItem, ...]:
    """Required items not attached; a representative must also bring the power of attorney."""
    return tuple(
        item
        for item in checklist_for(request_type)
        if (item.required or (representative and item.document_type
                              is DocumentType.POWER_OF_ATTORNEY))
        and item.document_type not in attached
    )
