"""The document checklist of a request type: what is required, what is attached."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from desktop.domain.checklist import ChecklistItem, DocumentType, RequestType, checklist_for
from desktop.i18n import _
from desktop.services.attached import AttachedDocument
from desktop.services.case_views import DocumentItem
from ui.widgets.forms import named

DOC_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 6


class DocumentChecklist(QTreeWidget):
    def __init__(self, request_type: RequestType, name: str = "intake.checklist",
                 items: tuple[ChecklistItem, ...] | None = None):
        super().__init__()
        named(self, name, _("Documentos del trámite"))
        self.items = checklist_for(request_type) if items is None else items
        self.setColumnCount(2)
        self.setHeaderLabels([_("Documento"), _("Estado")])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for item in self.items:
            row = QTreeWidgetItem([item.label + (" *" if item.required else ""), ""])
            row.setData(0, DOC_ROLE, item.document_type.value)
            self.addTopLevelItem(row)
        self.setMaximumHeight(self.sizeHintForRow(0) * VISIBLE_ROWS + 8)

    def _rows(self) -> list[tuple[QTreeWidgetItem, ChecklistItem]]:
        rows = [(self.topLevelItem(index), item) for index, item in enumerate(self.items)]
        return [(row, item) for row, item in rows if row is not None]

    def item(self, document_type: DocumentType) -> ChecklistItem:
        return next(i for i in self.items if i.document_type is document_type)

    def selected_type(self) -> DocumentType | None:
        row = self.currentItem()
        return DocumentType(row.data(0, DOC_ROLE)) if row else None

    def show_attached(self, attached: Mapping[DocumentType, AttachedDocument],
                      pending: Mapping[DocumentType, str] | None = None,
                      received: Mapping[DocumentType, str] | None = None) -> None:
        """The status column: attached, missing, `pending` text (pages not saved yet) or
        `received` text (already in the case: a returned case being corrected)."""
        pending, received = pending or {}, received or {}
        for row, item in self._rows():
            document = attached.get(item.document_type)
            if item.document_type in pending:
                row.setText(1, pending[item.document_type])
            elif document:
                row.setText(1, _("Adjuntado: {pages} pág., {kb} KB").format(
                    pages=document.pages, kb=max(1, document.size_bytes // 1024)))
            elif item.document_type in received:
                row.setText(1, received[item.document_type])
            else:
                row.setText(1, _("Falta (obligatorio)") if item.required else _("Opcional"))
        if not self.selectedItems():
            self.select_first_missing(attached)

    def select_first_missing(self, attached: Mapping[DocumentType, object]) -> None:
        """Select the first required item still missing, else the first item."""
        rows = self._rows()
        missing = [row for row, item in rows
                   if item.required and item.document_type not in attached]
        self.setCurrentItem((missing or [rows[0][0]])[0])


def received_on_file(documents: Iterable[DocumentItem]) -> dict[DocumentType, str]:
    """The status column for what a registered case already holds (newest of each type)."""
    return {d.document_type: _("Recibido: {pages} pág.").format(pages=d.pages)
            for d in documents if not d.replaced}
