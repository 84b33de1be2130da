"""«Bandeja de revisión»: the supervisor's queue of cases waiting for review.

Choosing a case opens its file: facts and eligibility, the checklist and history, the
received documents in a viewer and the referential pension preview. Aprobar derives it
to the Dirección de Pensiones; Devolver (reason required) sends it back to the clerk's
«Mis trámites»; Anular (reason required) ends it. Each asks first, with «No» as the
default, so a key pressed twice never acts on two cases. A case the supervisor
registered shows with the actions disabled and why (four eyes). The services check all
of it again; the page only arranges and explains.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.eligibility import Verdict
from desktop.domain.roles import Actor
from desktop.i18n import _, ngettext, translate
from desktop.services.case_views import CaseDetail, DocumentItem
from desktop.services.document_viewer import DocumentContent, DocumentViewerService
from desktop.services.review import PreviewAnswer, ReviewItem, ReviewService
from desktop.services.runtime import Runtime
from desktop.services.status import StatusService
from desktop.services.workflow import TransitionDone, WorkflowService
from ui.commands import COMMANDS, bind_keys, command_button
from ui.icons import with_icon
from ui.models.cases import CaseFilterProxy, ReviewQueueModel
from ui.style import Look, Tone, set_look
from ui.tasks import TaskRunner
from ui.widgets.case_detail import CaseDetailView, verdict_html
from ui.widgets.confirm import confirm
from ui.widgets.forms import (
    MARGIN,
    buddy,
    message_label,
    named,
    show_message,
)
from ui.widgets.pdf_viewer import PdfViewer
from ui.widgets.pension_preview import PensionPreviewView
from ui.widgets.tables import rows_table

OPEN_DELAY_MS = 200  # arrowing through the queue opens only the case the person stops at
WHY = "revisión del supervisor"


@dataclass(frozen=True)
class _Opened:
    detail: CaseDetail
    verdict: Verdict


class ReviewPage(QWidget):
    case_changed = Signal(str)  # a case moved: the sync status counts it as pending

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review.page")
        self.review = ReviewService(runtime, actor)
        self.status = StatusService(runtime, actor)
        self.workflow = WorkflowService(runtime, actor)
        self.documents = DocumentViewerService(runtime, actor)
        self.tasks = tasks
        self.item: ReviewItem | None = None  # the case chosen in the queue
        self.opened: CaseDetail | None = None  # its file, once loaded
        self._busy = False
        self._asking = False  # a confirmation is open: no second action meanwhile
        self._shown_document = ""
        self._done_text = ""
        self.model = ReviewQueueModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._open_timer = QTimer(self, singleShot=True, interval=OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        self._build()
        self._connect()
        self._update_actions()

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(_("Bandeja de revisión"))
        set_look(title, Look.PAGE_TITLE)
        find = COMMANDS["review.filter"]
        self.filter = named(QLineEdit(), find.name, translate(find.accessible), find.tooltip())
        self.filter.setPlaceholderText(_("Filtrar por número, nombre o funcionario"))
        self.filter.setClearButtonEnabled(True)
        filter_label = buddy(_("&Filtrar:"), self.filter)
        self.queue = rows_table(
            named(QTableView(), "review.queue", _("Trámites por revisar"),
                  _("Los más antiguos primero; Enter pasa a las acciones")),
            self.proxy, ReviewQueueModel.DAYS, Qt.SortOrder.DescendingOrder,
            ReviewQueueModel.FLAGS)
        self.count = named(QLabel(), "review.count", _("Trámites en la bandeja"))
        self.refresh = command_button("review.refresh")

        self.eligibility = message_label("review.eligibility", _("Requisitos del solicitante"))
        self.eligibility.setTextFormat(Qt.TextFormat.RichText)
        self.detail = CaseDetailView("review.detail")
        file_page = QWidget()
        file_layout = QVBoxLayout(file_page)
        file_layout.addWidget(self.eligibility)
        file_layout.addWidget(self.detail, 1)
        file_scroll = QScrollArea()
        file_scroll.setWidget(file_page)
        file_scroll.setWidgetResizable(True)
        file_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.document_choice = named(QComboBox(), "review.document", _("Documento a mostrar"))
        self.viewer = PdfViewer("review.viewer", _("Documento del trámite"))
        documents_page = QWidget()
        documents_layout = QVBoxLayout(documents_page)
        documents_layout.addWidget(self.document_choice)
        documents_layout.addWidget(self.viewer, 1)
        self.preview = PensionPreviewView()
        self.tabs = named(QTabWidget(), "review.tabs", _("Partes del expediente"))
        self.tabs.tabBar().setObjectName("review.tabBar")
        self.tabs.tabBar().setAccessibleName(_("Partes del expediente"))
        self.tabs.addTab(file_scroll, _("E&xpediente"))
        self.tabs.addTab(documents_page, _("Doc&umentos"))
        self.tabs.addTab(self.preview, _("Cálculo &referencial"))

        self.approve = named(with_icon(QPushButton(_("A&probar")), "approve"), "review.approve",
                             _("Aprobar"),
                             _("Derivar a la Dirección de Pensiones (Alt+P)"))
        self.reason = named(QLineEdit(), "review.reason", _("Motivo"),
                            _("Obligatorio para devolver o anular; lo lee quien registró"))
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(_("Motivo para devolver o anular"))
        reason_label = buddy(_("&Motivo:"), self.reason)
        self.return_case = named(with_icon(QPushButton(_("De&volver")), "return"),
                                 "review.return",
                                 _("Devolver con observaciones"),
                                 _("Vuelve a «Mis trámites» de quien lo registró (Alt+V)"))
        self.annul = named(with_icon(QPushButton(_("A&nular")), "annul"), "review.annul",
                           _("Anular"),
                           _("Error de registro; no se borra (Alt+N)"))
        self.blocked = message_label("review.blocked", _("Por qué no puede actuar"))
        self.message = message_label("review.message", _("Resultado de la revisión"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.queue, 1)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.refresh)
        left_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([480, 720])
        actions = QHBoxLayout()
        actions.addWidget(self.approve)
        actions.addSpacing(MARGIN)
        actions.addWidget(reason_label)
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.return_case)
        actions.addWidget(self.annul)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.blocked)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        order = [self.filter, self.queue, self.refresh, self.tabs.tabBar(),
                 self.detail.documents, self.detail.history, self.document_choice,
                 self.viewer.previous, self.viewer.next, self.viewer.zoom_out, self.viewer.fit,
                 self.viewer.zoom_in, self.viewer.view, self.preview.table,
                 self.approve, self.reason, self.return_case, self.annul]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.filter.returnPressed.connect(self.queue.setFocus)
        self.queue.selectionModel().currentRowChanged.connect(lambda *_a: self._open_timer.start())
        self.queue.activated.connect(lambda _index: self._to_actions())
        self.refresh.clicked.connect(self.reload)
        self.reason.returnPressed.connect(self.focusNextChild)
        self.approve.clicked.connect(self.approve_case)
        self.return_case.clicked.connect(self.return_with_reason)
        self.annul.clicked.connect(self.confirm_annul)
        self.detail.document_activated.connect(self._show_document_item)
        self.document_choice.currentIndexChanged.connect(lambda _i: self._load_document())
        self.tabs.currentChanged.connect(lambda _i: self._load_document())
        bind_keys("review.filter", self, self.filter.setFocus)
        bind_keys("review.refresh", self, self.reload)  # as the button: also while it is hidden

    # --- the queue ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue again (on showing the page, after an action, on Ctrl+R)."""
        self.tasks.run(lambda _p, _c: self.review.queue(), on_success=self._queue_loaded,
                       on_failure=self._show_error, owner=self)

    def _queue_loaded(self, items: list[ReviewItem]) -> None:
        current = self.item.summary.case_number if self.item else ""
        position = max(0, self.queue.currentIndex().row())
        self.model.set_rows(items)
        self.queue.resizeColumnsToContents()
        self.count.setText(ngettext("{n} trámite por revisar", "{n} trámites por revisar",
                                    len(items)).format(n=len(items)))
        row = self.model.row_of(current)
        if row >= 0:
            self.queue.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        elif current:  # the case left the queue (acted on): the next one takes its place
            self.item = None
            self._show(None)
            if self.proxy.rowCount():
                self.queue.selectRow(min(position, self.proxy.rowCount() - 1))

    def _open_current(self) -> None:
        index = self.queue.currentIndex()
        item = self.proxy.item(index.row()) if index.isValid() else None
        if item is None or (self.item is not None and item == self.item and self.opened):
            return
        self.item, self.opened = item, None
        number = item.summary.case_number
        self._show(None, loading=True)
        self.tasks.run(lambda _p, _c: _Opened(self.status.detail(number, WHY),
                                              self.review.eligibility(number)),
                       on_success=self._opened, on_failure=self._open_failed, writes=True,
                       owner=self)
        self.preview.show_message(_("Consultando la historia laboral en la central…"))
        self.tasks.run(lambda _p, _c: (number, self.review.pension_preview(number)),
                       on_success=self._preview, on_failure=self.preview.show_message, owner=self)

    def _is_current(self, number: str) -> bool:
        return self.item is not None and self.item.summary.case_number == number

    def _opened(self, opened: _Opened) -> None:
        if not self._is_current(opened.detail.summary.case_number):
            return
        self._show(opened)

    def _show_error(self, message: str) -> None:
        show_message(self.message, message)

    def _open_failed(self, message: str) -> None:
        self._show(None)
        show_message(self.message, message)

    def _preview(self, result: tuple[str, PreviewAnswer]) -> None:
        number, answer = result
        if not self._is_current(number):
            return
        if answer.preview is not None:
            self.preview.show_preview(answer.preview)
        else:
            self.preview.show_message(answer.message, Tone.WARNING)

    def _show(self, opened: _Opened | None, loading: bool = False) -> None:
        self.opened = opened.detail if opened else None
        self.detail.show_detail(self.opened)
        if loading:
            self.detail.title.setText(_("Abriendo el trámite…"))
        if opened is None:
            show_message(self.eligibility, "")
            self.preview.show_message("")
        else:
            show_message(self.eligibility, verdict_html(opened.verdict),
                         Tone.OK if opened.verdict.eligible else Tone.WARNING)
        self.document_choice.blockSignals(True)
        self.document_choice.clear()
        for document in self.detail.received_documents():
            self.document_choice.addItem(_("{label} ({pages} pág.)").format(
                label=document.label, pages=document.pages), document)
        self.document_choice.blockSignals(False)
        self._shown_document = ""
        self.viewer.show_message(_("Elija un documento.") if self.opened else "")
        self._load_document()
        self._update_actions()

    # --- documents ---------------------------------------------------------------------

    def _show_document_item(self, document: DocumentItem) -> None:
        self.tabs.setCurrentIndex(1)
        self.document_choice.setCurrentIndex(max(0, self.document_choice.findText(
            document.label, Qt.MatchFlag.MatchStartsWith)))
        self._load_document()

    def _load_document(self) -> None:
        """Only when the documents tab is in view: each opened document is logged."""
        document: DocumentItem | None = self.document_choice.currentData()
        if self.opened is None or document is None or self.tabs.currentIndex() != 1:
            return
        if document.sha256 == self._shown_document:
            return
        self._shown_document = document.sha256
        number = self.opened.summary.case_number
        self.viewer.show_message(_("Abriendo «{label}»…").format(label=document.label))
        self.tasks.run(lambda _p, _c: self.documents.open(number, document.sha256),
                       on_success=self._document_loaded,
                       on_failure=self.viewer.show_message, writes=True, owner=self)

    def _document_loaded(self, content: DocumentContent) -> None:
        if not self._is_current(content.case_number):
            return
        if content.data is None:
            self.viewer.show_message(content.message)
        elif content.is_pdf:
            self.viewer.show_pdf(content.data)
        else:
            self.viewer.show_image(content.data)

    # --- actions -----------------------------------------------------------------------

    def _to_actions(self) -> None:
        target = self.approve if self.approve.isEnabled() else self.reason
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _update_actions(self) -> None:
        ready = self.opened is not None and not self._busy and not self._asking
        own = self.item is not None and self.item.own
        for button in (self.approve, self.return_case, self.annul):
            button.setEnabled(ready and not own)
        show_message(self.blocked, _(
            "Usted registró este trámite: no puede aprobarlo, devolverlo ni anularlo; "
            "debe revisarlo otro supervisor.") if self.item is not None and own else "",
            Tone.WARNING)

    def approve_case(self) -> None:
        if self.opened is None or self._busy:
            return
        number = self.opened.summary.case_number
        self._confirm("review.confirmApprove", _("Aprobar trámite"), _(
            "¿Aprobar el trámite {number} de {name} y derivarlo a la Dirección de Pensiones?")
            .format(number=number, name=self.opened.summary.applicant_name),
            _("Aprobar y derivar"), _("No aprobar"),
            lambda: self._act(lambda: self.workflow.approve(number),
                              _("Trámite {number} aprobado: derivado a la Dirección de "
                                "Pensiones.")), number)

    def _reason_or_ask(self, what: str) -> str:
        reason = " ".join(self.reason.text().split())
        if not reason:
            show_message(self.message, _("Escriba el motivo para {what}.").format(what=what))
            self.reason.setFocus()
        return reason

    def return_with_reason(self) -> None:
        reason = self._reason_or_ask(_("devolver el trámite"))
        if self.opened is None or not reason or self._busy:
            return
        number = self.opened.summary.case_number
        self._confirm("review.confirmReturn", _("Devolver trámite"), _(
            "¿Devolver el trámite {number} a {who} con este motivo?\n\n«{reason}»").format(
            number=number, who=self.opened.summary.registered_by, reason=reason),
            _("Devolver"), _("No devolver"),
            lambda: self._act(lambda: self.workflow.return_case(number, reason),
                              _("Trámite {number} devuelto a quien lo registró, con su "
                                "motivo.")), number)

    def confirm_annul(self) -> None:
        reason = self._reason_or_ask(_("anular el trámite"))
        if self.opened is None or not reason:
            return
        number = self.opened.summary.case_number
        self._confirm("review.confirmAnnul", _("Anular trámite"), _(
            "¿Anular el trámite {number}? Queda registrado como anulado y no puede "
            "continuar.").format(number=number), _("Anular trámite"), _("No anular"),
            lambda: self._act(lambda: self.workflow.annul(number, reason),
                              _("Trámite {number} anulado.")), number)

    def _confirm(self, name: str, title: str, text: str, yes: str, no: str,
                 act: Callable[[], None], number: str) -> None:
        """Ask; act only if the same case is still the one open when «yes» comes."""
        self._asking = True
        self._update_actions()

        def answered_yes() -> None:
            if self.opened is not None and self.opened.summary.case_number == number:
                act()

        box = confirm(self, name, title, text, yes, no, answered_yes)
        box.finished.connect(self._answered)

    def _answered(self, _result: int = 0) -> None:
        self._asking = False
        self._update_actions()

    def _act(self, work: Callable[[], TransitionDone], done_text: str) -> None:
        self._busy = True
        self._update_actions()
        show_message(self.message, _("Guardando…"), Tone.HINT)
        self._done_text = done_text
        self.tasks.run(lambda _p, _c: work(), writes=True, on_success=self._acted,
                       on_failure=self._act_failed, owner=self)

    def _acted(self, done: TransitionDone) -> None:
        self._busy = False
        self.reason.clear()
        show_message(self.message, self._done_text.format(number=done.case_number), Tone.OK)
        self.case_changed.emit(done.case_number)
        self.reload()
        self.queue.setFocus()

    def _act_failed(self, message: str) -> None:
        self._busy = False
        show_message(self.message, message)
        self._update_actions()
