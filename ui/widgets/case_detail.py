"""One case as the review and status pages show it: who, what state since when, the
document checklist, the history, the acuerdo and the marks a reviewer must not miss
(a requirement that could not be confirmed at the counter, what central asks for).

Read-only; the pages put their actions around it. Only the masked cédula is shown.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseState
from desktop.domain.checklist import RequestType, checklist_for
from desktop.domain.eligibility import Verdict
from desktop.i18n import _
from desktop.services.case_views import CaseDetail, DocumentItem
from ui.style import Look, Tone, set_look
from ui.widgets.forms import SPACING, message_label, named, show_message
from ui.widgets.text import day, moment, usd

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 5


def _tree(name: str, accessible: str, headers: list[str]) -> QTreeWidget:
    tree = named(QTreeWidget(), name, accessible)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setUniformRowHeights(True)
    tree.header().setStretchLastSection(True)
    return tree


class CaseDetailView(QWidget):
    """`name` prefixes the objectNames (e.g. `review.detail`, `status.detail`)."""

    document_activated = Signal(object)  # DocumentItem (Enter or double click)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.detail: CaseDetail | None = None
        self.title = named(QLabel(), f"{name}.title", _("Trámite"))
        set_look(self.title, Look.CASE_TITLE)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = named(QLabel(), f"{name}.state", _("Estado actual"))
        set_look(self.state, Look.STRONG)
        self.warning = message_label(f"{name}.eligibilityWarning",
                                     _("Advertencia de requisitos"))
        self.missing_info = message_label(f"{name}.missingInfo", _("Información pedida"))
        self.returned = message_label(f"{name}.returned", _("Motivo de la devolución"))
        for label in (self.warning, self.missing_info, self.returned):
            label.setTextFormat(Qt.TextFormat.PlainText)  # people's words, not markup
        self.facts = {key: named(QLabel(), f"{name}.{key}", label) for key, label in (
            ("applicant", _("Solicitante")), ("cedula", _("Documento de identidad")),
            ("representative", _("Representante")),
            ("pension", _("Tipo de pensión")), ("registered", _("Ingreso")),
            ("email", _("Correo de notificación")), ("employer", _("Empleador y períodos")),
            ("response", _("Tiempo de respuesta de la institución")),
        )}
        for label in self.facts.values():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.documents = _tree(f"{name}.documents", _("Documentos del trámite"),
                               [_("Documento"), _("Estado")])
        self.documents.setAccessibleDescription(_("Enter o doble clic abre el documento en el "
                                                  "visor"))
        self.documents.setToolTip(self.documents.accessibleDescription())
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.header().setStretchLastSection(False)
        self.documents.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.history = _tree(f"{name}.history", _("Historial del trámite"),
                             [_("Fecha"), _("Estado"), _("Unidad"), _("Responsable"),
                              _("Observación")])
        self.agreement = message_label(f"{name}.agreement", _("Acuerdo"))
        self.agreement.setTextFormat(Qt.TextFormat.RichText)
        self._build()
        self.documents.itemActivated.connect(self._activated)
        self.show_detail(None)

    def _build(self) -> None:
        facts = QFormLayout()
        facts.addRow(_("Solicitante:"), self.facts["applicant"])
        facts.addRow(_("Identificación:"), self.facts["cedula"])
        facts.addRow(_("Representante:"), self.facts["representative"])
        facts.addRow(_("Pensión:"), self.facts["pension"])
        facts.addRow(_("Ingreso:"), self.facts["registered"])
        facts.addRow(_("Notificación:"), self.facts["email"])
        facts.addRow(_("Empleador:"), self.facts["employer"])
        facts.addRow(_("Tiempo de respuesta:"), self.facts["response"])
        documents = QGroupBox(_("Documentos recibidos"))
        QVBoxLayout(documents).addWidget(self.documents)
        history = QGroupBox(_("Historial"))
        QVBoxLayout(history).addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        for widget in (self.title, self.state, self.returned, self.warning, self.missing_info):
            layout.addWidget(widget)
        layout.addLayout(facts)
        layout.addWidget(documents)
        layout.addWidget(history, 1)
        layout.addWidget(self.agreement)

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show a case, or nothing (a hint) when `detail` is None."""
        self.detail = detail
        self.documents.clear()
        self.history.clear()
        for label in self.facts.values():
            label.clear()
        if detail is None:
            self.title.setText(_("Ningún trámite abierto"))
            self.state.clear()
            for label in (self.warning, self.missing_info, self.returned, self.agreement):
                show_message(label, "")
            return
        summary = detail.summary
        self.title.setText(summary.case_number)
        self.state.setText(_("{state} desde el {since}").format(
            state=summary.state_label, since=moment(summary.state_changed_at)))
        self.facts["applicant"].setText(summary.applicant_name)
        self.facts["cedula"].setText(detail.applicant_id)
        self.facts["representative"].setText(
            (detail.representative + " · " + (_("poder en el expediente")
                                              if detail.power_of_attorney
                                              else _("sin poder en el expediente")))
            if detail.representative else "—")
        self.facts["pension"].setText(detail.pension_type_label)
        self.facts["registered"].setText(_("{when} en {centre}, por {who}").format(
            when=moment(summary.registered_at), centre=detail.centre_name,
            who=summary.registered_by))
        self.facts["email"].setText(detail.email_masked or "—")
        self.facts["employer"].setText(_("RUC {ruc}; períodos: {periods}").format(
            ruc=detail.employer_ruc or "—", periods=detail.periods or "—"))
        show_message(self.warning, _(
            "Advertencia leída al solicitante al registrar (el IESS decide): {warning}").format(
            warning=detail.eligibility_warning) if detail.eligibility_warning else "",
            Tone.WARNING)
        show_message(self.returned, _returned_text(detail), Tone.WARNING)
        deadlines = detail.deadlines
        self.facts["response"].setText(deadlines.response_text() if deadlines else "—")
        missing = _("La Dirección de Pensiones pide: {what}").format(
            what=detail.missing_info) if detail.missing_info else ""
        if missing and deadlines and deadlines.info_due_on:
            missing += " " + _("Plazo: {due}.").format(due=deadlines.info_due_text())
        show_message(self.missing_info, missing, Tone.WARNING)
        self._fill_documents(detail)
        for item in reversed(detail.history):  # the latest first
            self.history.addTopLevelItem(QTreeWidgetItem([
                moment(item.at), item.state.label, item.unit, item.actor, item.reason]))
        for column in range(4):
            self.history.resizeColumnToContents(column)
        show_message(self.agreement, _agreement_text(detail), Tone.HINT)

    def _fill_documents(self, detail: CaseDetail) -> None:
        current = {d.document_type: d for d in detail.documents if not d.replaced}
        for item in checklist_for(RequestType.RELIQUIDACION):
            document = current.pop(item.document_type, None)
            if document is not None:
                status = _("Recibido: {pages} pág.").format(pages=document.pages)
            else:
                status = _("Falta (obligatorio)") if item.required else _("No presentado")
            row = QTreeWidgetItem([item.label + (" *" if item.required else ""), status])
            row.setData(0, DOCUMENT_ROLE, document)
            self.documents.addTopLevelItem(row)
        # a type no longer in the checklist, and the versions a correction replaced
        for document in [*current.values(), *(d for d in detail.documents if d.replaced)]:
            status = (_("Reemplazado: {pages} pág.") if document.replaced
                      else _("Recibido: {pages} pág.")).format(pages=document.pages)
            row = QTreeWidgetItem([document.label, status])
            row.setData(0, DOCUMENT_ROLE, document)
            self.documents.addTopLevelItem(row)
        self.documents.setMaximumHeight(
            self.documents.sizeHintForRow(0) * VISIBLE_ROWS
            + self.documents.header().sizeHint().height() + 8)

    def received_documents(self) -> list[DocumentItem]:
        return list(self.detail.documents) if self.detail is not None else []

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        document = row.data(0, DOCUMENT_ROLE)
        if document is not None:
            self.document_activated.emit(document)


def _returned_text(detail: CaseDetail) -> str:
    """The supervisor's reason in full, with who returned it and when."""
    if detail.summary.state is not CaseState.DEVUELTO:
        return ""
    item = next((h for h in reversed(detail.history) if h.state is CaseState.DEVUELTO), None)
    if item is None:
        return ""
    return _("Devuelto por {who} el {when}. Motivo: «{reason}». Corrija y reenvíe a "
             "revisión.").format(who=item.actor, when=moment(item.at), reason=item.reason)


def _agreement_text(detail: CaseDetail) -> str:
    agreement = detail.agreement
    if agreement is None:
        return ""
    if agreement.concession:
        text = _("<b>Acuerdo {number}</b> del {date}: Concesión. Renta {previous} → {new}; "
                 "retroactivo {retro}.").format(
            number=html.escape(agreement.number), date=day(agreement.issued_on),
            previous=usd(agreement.previous_pension), new=usd(agreement.new_pension),
            retro=usd(agreement.retroactive_amount))
    else:  # a negación has reasons, not amounts
        text = _("<b>Acuerdo {number}</b> del {date}: Negación.").format(
            number=html.escape(agreement.number), date=day(agreement.issued_on))
    if agreement.signature:
        text += "<br>" + html.escape(agreement.signature)
    if detail.delivered_to:
        text += " " + _("Entregado a {who}.").format(who=html.escape(detail.delivered_to))
    return text


def verdict_html(verdict: Verdict) -> str:
    """The eligibility facts a reviewer weighs, as the registry has them now."""
    head = (_("Cumple los requisitos según la información sincronizada:") if verdict.eligible
            else _("No cumple los requisitos según la información sincronizada:"))
    reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in verdict.reasons)
    return f"<b>{head}</b><ul>{reasons}</ul>"
