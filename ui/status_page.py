"""«Consulta de estado»: how is a case going, answered from this station's cache.

One search field takes a cédula, a case number (a mistyped one says so) or part of a
name (accents and case ignored). A barcode reader typing the receipt's QR (the case number
and Enter) opens the case at once. Every answer says which synchronisation it is based
on. From the open case: the status slip, the acuerdo copy, recording the acuerdo's
delivery. The «Mis trámites» tab lists the clerk's own open cases, whatever their state;
a returned one shows the supervisor's reason in full and is corrected and sent back to
review from here (ui/correction_dialog.py).

One click, the arrow keys or Enter open a case in either list. A new search clears the
case shown before it, so the next person in the queue is never handed someone else's slip.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
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

from desktop.domain.cases import CaseState
from desktop.domain.roles import Action, Actor, may
from desktop.i18n import _, ngettext
from desktop.progress import CancelToken, Progress
from desktop.services.case_files import CaseFileService
from desktop.services.case_views import CaseDetail, DocumentItem
from desktop.services.document_viewer import DocumentContent
from desktop.services.review import PendingCase, ReviewService
from desktop.services.runtime import Runtime
from desktop.services.status import SearchResult, StatusService, freshness
from desktop.services.workflow import TransitionDone, WorkflowService
from ui.attention_status import start_attention
from ui.commands import command_button, wire
from ui.models.cases import CaseFilterProxy, CaseListModel
from ui.style import Look, Tone, set_look
from ui.tasks import TaskRunner
from ui.widgets.case_detail import CaseDetailView
from ui.widgets.forms import (
    MARGIN,
    buddy,
    message_label,
    named,
    show_message,
)
from ui.widgets.tables import rows_table
from ui.widgets.text import role_may_move
from ui.widgets.viewer_dialog import ViewerDialog

if TYPE_CHECKING:
    from ui.sync_controller import SyncState

Online = Callable[[], bool | None]


def _newer(moment: datetime | None, than: datetime | None) -> bool:
    return moment is not None and (than is None or moment > than)


OPEN_DELAY_MS = 200  # arrowing through a list opens only the case the person stops at


def _table(name: str, accessible: str, description: str, model: CaseFilterProxy) -> QTableView:
    return rows_table(named(QTableView(), name, accessible, description), model,
                      CaseListModel.REGISTERED, Qt.SortOrder.DescendingOrder,
                      CaseListModel.NOTE)


class StatusPage(QWidget):
    case_changed = Signal(str)  # a case moved here: the sync status counts it as pending

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, online: Online,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status.page")
        self.runtime, self.actor, self.tasks, self.online = runtime, actor, tasks, online
        self.status = StatusService(runtime, actor)
        self.review = ReviewService(runtime, actor)
        self.workflow = WorkflowService(runtime, actor)
        self.files = CaseFileService(runtime, actor)
        self.viewer: ViewerDialog | None = None
        self.opened: CaseDetail | None = None
        self.answer_at: datetime | None = None  # the sync the shown answer comes from
        self.latest_at: datetime | None = None  # the last good sync known to the page
        self.answered = False
        self._busy = False
        self._chosen_table: QTableView | None = None
        self.working_dialog: QWidget | None = None  # what closing the window asks about
        self.results = CaseListModel(self)
        self.results_proxy = CaseFilterProxy(self)
        self.results_proxy.setSourceModel(self.results)
        self.mine = CaseListModel(self)
        self.mine_proxy = CaseFilterProxy(self)
        self.mine_proxy.setSourceModel(self.mine)
        self._build()
        self._connect()
        self._update_actions()
        self.tasks.run(lambda _p, _c: self.status.synced_at(), on_success=self._latest, owner=self)

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(_("Consulta de estado"))
        set_look(title, Look.PAGE_TITLE)
        self.query = named(QLineEdit(), "status.query", _("Cédula, número de trámite o nombre"),
                           _("También el lector de códigos sobre el QR del comprobante (F2)"))
        self.query.setPlaceholderText(_("Cédula, número de trámite (REL-…) o nombre"))
        self.query.setMaxLength(120)
        self.query.setClearButtonEnabled(True)
        query_label = buddy(_("&Consultar:"), self.query)
        self.search_button = named(QPushButton(_("Buscar")), "status.search", _("Buscar"),
                                   _("Enter en el campo de consulta"))
        self.freshness = named(QLabel(), "status.freshness", _("Fecha de la información"))
        set_look(self.freshness, Look.STRONG)
        self.freshness.setWordWrap(True)  # its notes (newer data, offline) must not widen the
        # window past a 1024-px screen
        self.message = message_label("status.message", _("Resultado de la consulta"))

        self.results_table = _table("status.results", _("Trámites encontrados"),
                                    _("Enter abre el trámite"), self.results_proxy)
        self.mine_table = _table("status.myCases", _("Mis trámites abiertos"),
                                 _("Los trámites abiertos que usted registró, en cualquier "
                                   "estado; un clic o Enter lo abre"), self.mine_proxy)
        self.refresh_mine = named(QPushButton(_("Actuali&zar")), "status.refreshMine",
                                  _("Actualizar mis trámites"))
        mine_page = QWidget()
        mine_layout = QVBoxLayout(mine_page)
        mine_layout.addWidget(self.mine_table, 1)
        mine_layout.addWidget(self.refresh_mine, 0, Qt.AlignmentFlag.AlignRight)
        self.lists = named(QTabWidget(), "status.lists", _("Listas de trámites"))
        self.lists.tabBar().setObjectName("status.listTabs")
        self.lists.tabBar().setAccessibleName(_("Listas de trámites"))
        self.lists.addTab(self.results_table, _("&Resultados"))
        self.lists.addTab(mine_page, _("&Mis trámites"))

        self.detail = CaseDetailView("status.detail")
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(self.detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_slip = command_button("status.printSlip")
        self.print_agreement = command_button("status.printAgreement")
        self.deliver = command_button("status.deliver")
        self.add_document = command_button("status.addDocument")
        self.withdraw = command_button("status.withdraw")
        self.correct = command_button("status.correct")
        self.send_to_review = command_button("status.sendToReview")

        row = QHBoxLayout()
        row.addWidget(query_label)
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        splitter = QSplitter()
        splitter.addWidget(self.lists)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # two rows, so that every button a supervisor sees fits a 1024-px screen: what the
        # citizen takes home, then what changes the case
        actions = QHBoxLayout()
        for button in (self.print_slip, self.print_agreement, self.deliver):
            actions.addWidget(button)
        actions.addStretch()
        changes = QHBoxLayout()
        for button in (self.add_document, self.withdraw):
            changes.addWidget(button)
        changes.addStretch()
        changes.addWidget(self.correct)
        changes.addWidget(self.send_to_review)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.freshness)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addLayout(changes)
        order = [self.query, self.search_button, self.lists.tabBar(), self.results_table,
                 self.mine_table, self.refresh_mine, self.detail.documents, self.detail.history,
                 self.print_slip, self.print_agreement, self.deliver, self.add_document,
                 self.withdraw, self.correct, self.send_to_review]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        may_deliver = role_may_move(self.actor.role, CaseState.ACUERDO_EMITIDO,
                                    CaseState.NOTIFICADO)
        may_send = role_may_move(self.actor.role, CaseState.DEVUELTO, CaseState.EN_REVISION)
        #: the states this role may record a withdrawal from (none: the button is hidden)
        self.withdrawable_from = frozenset(
            state for state in CaseState
            if role_may_move(self.actor.role, state, CaseState.DESISTIDO))
        self.deliver.setVisible(may_deliver)
        self.add_document.setVisible(may(self.actor.role, Action.ADD_DOCUMENT))
        self.withdraw.setVisible(bool(self.withdrawable_from))
        self.correct.setVisible(may_send)
        self.send_to_review.setVisible(False)  # shown only for an old case left «Ingresado»
        self.may_send = may_send
        self.lists.setTabVisible(1, may_send)

    def _connect(self) -> None:
        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self._open_timer = QTimer(self, singleShot=True, interval=OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        for table, proxy, why in ((self.results_table, self.results_proxy, "consulta de estado"),
                                  (self.mine_table, self.mine_proxy, "mis trámites")):
            table.activated.connect(
                lambda index, proxy=proxy, why=why: self._activated(proxy, index, why))
            table.clicked.connect(
                lambda index, proxy=proxy, why=why: self._activated(proxy, index, why))
            table.selectionModel().currentRowChanged.connect(
                lambda *_args, table=table: self._chosen(table))
        self.refresh_mine.clicked.connect(self.load_mine)
        wire(self.print_slip, self, lambda: self._request_document("slip"))
        wire(self.print_agreement, self, lambda: self._request_document("agreement"))
        wire(self.deliver, self, self._request_delivery)
        wire(self.add_document, self, self.open_add_document)
        wire(self.withdraw, self, self.open_withdrawal)
        wire(self.correct, self, self.open_correction)
        wire(self.send_to_review, self, self.send_opened_to_review)
        self.detail.document_activated.connect(self.open_document)

    def focus_query(self) -> None:
        """F2 (and a barcode reader after it): the query, its old text selected."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    # --- freshness ---------------------------------------------------------------------

    def show_freshness(self) -> None:
        """Every answer says which synchronisation it comes from (DESIGN.md §5); a newer
        one arriving while an answer is shown is announced, not silently claimed."""
        shown = self.answer_at if self.answered else self.latest_at
        text = _("Trámites y estados {freshness}.").format(freshness=freshness(shown))
        if self.answered and _newer(self.latest_at, self.answer_at):
            text += " " + _("Hay información más reciente: consulte de nuevo para verla.")
        if self.online() is False:
            text += " " + _("Sin conexión con la central: puede haber cambios más recientes.")
        self.freshness.setText(text)

    def show_sync_state(self, state: SyncState) -> None:
        """After each sync round: a newer good sync, or being offline, shows at once."""
        self._latest(state.last_success_at)

    def _latest(self, synced_at: datetime | None) -> None:
        if _newer(synced_at, self.latest_at):
            self.latest_at = synced_at
        self.show_freshness()

    def _answer(self, synced_at: datetime | None) -> None:
        self.answered, self.answer_at = True, synced_at
        self._latest(synced_at)

    # --- searching ---------------------------------------------------------------------

    def search(self) -> None:
        text = self.query.text()
        self._show_case(None)  # the last person's case leaves the screen before anything else
        self.results.set_cases(())
        show_message(self.message, _("Buscando…"), Tone.HINT)
        start_attention(self.runtime, self.actor, self.tasks, self)
        # bound methods as callbacks: a page deleted at sign-out gets no late answers
        self.tasks.run(lambda _p, _c: self.status.search(text), on_success=self._searched,
                       on_failure=self._search_failed, owner=self)

    def _searched(self, result: SearchResult) -> None:
        self.results.set_cases(result.cases)
        self.results_table.resizeColumnsToContents()
        self._answer(result.synced_at)
        self.lists.setCurrentIndex(0)
        count = len(result.cases)
        if count == 0:
            show_message(self.message, _(
                "No hay trámites que coincidan en esta estación. Si se registró hace poco en "
                "otro centro, sincronice (F5) y busque de nuevo."), Tone.HINT)
            return
        self.results_table.selectRow(0)
        if result.exact or count == 1:  # a scanned QR, or only one answer: open it
            show_message(self.message, "")
            self.open_case(result.cases[0].case_number, "consulta de estado")
            self.query.selectAll()  # ready for the next scan
            return
        show_message(self.message, ngettext(
            "{n} trámite encontrado.", "{n} trámites encontrados; elija uno y presione Enter.",
            count).format(n=count), Tone.HINT)
        self.results_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, message: str) -> None:
        show_message(self.message, message)

    def _search_failed(self, message: str) -> None:
        show_message(self.message, message)
        self.query.setFocus()
        self.query.selectAll()

    def _activated(self, proxy: CaseFilterProxy, index: QModelIndex, why: str) -> None:
        self._open_timer.stop()
        summary = proxy.item(index.row())
        if summary is not None and not self._is_open(summary.case_number):
            self.open_case(summary.case_number, why)

    def _chosen(self, table: QTableView) -> None:
        """The current row changed (arrow keys): open it once the person stops on it."""
        self._chosen_table = table
        self._open_timer.start()

    def _open_current(self) -> None:
        table = self._chosen_table
        if table is None or not table.isVisible():
            return
        index = table.currentIndex()
        if index.isValid():
            mine = table is self.mine_table
            self._activated(self.mine_proxy if mine else self.results_proxy, index,
                            "mis trámites" if mine else "consulta de estado")

    def _is_open(self, case_number: str) -> bool:
        return self.opened is not None and self.opened.summary.case_number == case_number

    # --- mis trámites --------------------------------------------------------------------

    def load_mine(self) -> None:
        if self.lists.isTabVisible(1):
            self.tasks.run(lambda _p, _c: self.review.my_open_cases(),
                           on_success=self._mine_loaded,
                           on_failure=self._show_error, owner=self)

    def _mine_loaded(self, cases: list[PendingCase]) -> None:
        self.mine.set_cases([c.summary for c in cases],
                            {c.summary.case_number: c.returned_reason for c in cases})
        self.mine_table.resizeColumnsToContents()
        returned = sum(1 for c in cases if c.summary.state is CaseState.DEVUELTO)
        label = _("&Mis trámites ({n})").format(n=len(cases))
        if returned:
            label += " · " + ngettext("{n} devuelto", "{n} devueltos", returned).format(
                n=returned)
        self.lists.setTabText(1, label)

    # --- the open case -----------------------------------------------------------------

    def open_case(self, case_number: str, why: str) -> None:
        """Read the case's detail (the view is logged) and show it."""
        def work(_progress: Progress, _cancel: CancelToken) -> tuple[CaseDetail, datetime | None]:
            synced_at = self.status.synced_at()  # read first: never claim a newer sync
            return self.status.detail(case_number, why), synced_at

        self.tasks.run(work, writes=True, on_success=self._opened,
                       on_failure=self._show_error, owner=self)

    def _opened(self, answer: tuple[CaseDetail, datetime | None]) -> None:
        detail, synced_at = answer
        self._answer(synced_at)
        self._show_case(detail)
        for model in (self.results, self.mine):
            model.replace(detail.summary)

    def _show_case(self, detail: CaseDetail | None) -> None:
        self.opened = detail
        self.detail.show_detail(detail)
        self._update_actions()

    def _update_actions(self) -> None:
        detail, idle = self.opened, not self._busy
        state = detail.summary.state if detail else None
        self.print_slip.setEnabled(detail is not None and idle)
        self.print_agreement.setEnabled(detail is not None and idle
                                        and detail.agreement is not None)
        self.deliver.setEnabled(idle and state is CaseState.ACUERDO_EMITIDO)
        here = detail is not None and detail.summary.centre_code == self.runtime.settings.centre
        self.correct.setEnabled(idle and here and state is CaseState.DEVUELTO)
        self.add_document.setEnabled(idle and here and state is not None
                                     and not state.is_terminal)
        self.withdraw.setEnabled(idle and here and state in self.withdrawable_from)
        self.send_to_review.setVisible(self.may_send and state is CaseState.INGRESADO)
        self.send_to_review.setEnabled(idle and here and state is CaseState.INGRESADO)

    def _request_document(self, kind: str) -> None:
        """The preview dialog; printing there is counted and logged by the service."""
        from ui import document_dialog as documents

        if self.opened is None:
            return
        number = self.opened.summary.case_number
        printable = (documents.status_slip(self.runtime, self.actor, number, self.online)
                     if kind == "slip" else documents.agreement(self.runtime, self.actor, number))
        dialog = documents.DocumentDialog(printable, self.tasks, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.document_dialog = dialog

    def open_document(self, document: DocumentItem) -> None:
        """A received document in the viewer (Enter on it), when it is on this station."""
        if self.opened is None:
            return
        number = self.opened.summary.case_number
        self.tasks.run(lambda _p, _c: self.files.open(number, document.sha256), writes=True,
                       on_success=self._show_document, on_failure=self._show_error, owner=self)

    def _show_document(self, content: DocumentContent) -> None:
        if self.viewer is None:
            self.viewer = ViewerDialog("status.viewer", _("Documento del trámite"), self)
        self.viewer.show_document(_("{label} — {number}").format(
            label=content.label, number=content.case_number), content.data, content.is_pdf,
            content.message)

    def _request_delivery(self) -> None:
        from ui.delivery_dialog import DeliveryDialog

        if self.opened is None:
            return
        summary = self.opened.summary
        dialog = DeliveryDialog(self.runtime, self.actor, self.tasks, summary.case_number,
                                summary.applicant_name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.delivered.connect(self._delivered)
        dialog.open()
        self.delivery_dialog = dialog

    def _delivered(self, case_number: str) -> None:
        show_message(self.message, _("Entrega del acuerdo registrada: el trámite {number} "
                                     "queda «Entregado / notificado».").format(
            number=case_number), Tone.OK)
        self._changed(case_number, "entrega del acuerdo")

    def open_correction(self) -> None:
        """The returned case in the correction dialog; it comes back corrected and in review."""
        from ui.correction_dialog import CorrectionDialog

        if self.opened is None:
            return
        dialog = CorrectionDialog(self.runtime, self.actor, self.tasks,
                                  self.opened.summary.case_number, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resubmitted.connect(self._resubmitted)
        dialog.open()
        self.working_dialog = dialog

    def open_add_document(self) -> None:
        """A document brought after registration (a poder, a signed withdrawal)."""
        from ui.add_document_dialog import AddDocumentDialog

        if self.opened is None:
            return
        dialog = AddDocumentDialog(self.runtime, self.actor, self.tasks, self.opened,
                                   self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        number = self.opened.summary.case_number
        dialog.added.connect(lambda said: self._documents_added(number, said))
        dialog.open()
        self.working_dialog = dialog

    def open_withdrawal(self) -> None:
        """The applicant's written withdrawal, recorded (the case ends DESISTIDO)."""
        from ui.withdrawal_dialog import WithdrawalDialog

        if self.opened is None:
            return
        dialog = WithdrawalDialog(self.runtime, self.actor, self.tasks, self.opened,
                                  self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.withdrawn.connect(self._withdrawn)
        dialog.open()

    def _withdrawn(self, case_number: str) -> None:
        show_message(self.message, _("Desistimiento del trámite {number} registrado.").format(
            number=case_number), Tone.OK)
        self._changed(case_number, "desistimiento")

    def _documents_added(self, case_number: str, said: str) -> None:
        show_message(self.message, said, Tone.OK)
        self._changed(case_number, "documento agregado")

    def _resubmitted(self, case_number: str) -> None:
        show_message(self.message, _("Trámite {number} corregido y enviado otra vez a revisión "
                                     "del supervisor.").format(number=case_number), Tone.OK)
        self._changed(case_number, "corrección de trámite devuelto")

    def work_in_progress(self) -> str:
        dialog = self.working_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            return dialog.work_in_progress()  # type: ignore[attr-defined]
        return ""

    def send_opened_to_review(self) -> None:
        if self.opened is None:
            return
        number = self.opened.summary.case_number
        self._busy = True
        self._update_actions()
        self.tasks.run(lambda _p, _c: self.workflow.send_to_review(number), writes=True,
                       on_success=self._sent, on_failure=self._send_failed, owner=self)

    def _sent(self, done: TransitionDone) -> None:
        self._busy = False
        show_message(self.message, _("Trámite {number} enviado a revisión del supervisor.")
                     .format(number=done.case_number), Tone.OK)
        self._changed(done.case_number, "envío a revisión")

    def _send_failed(self, message: str) -> None:
        self._busy = False
        show_message(self.message, message)
        self._update_actions()

    def _changed(self, case_number: str, why: str) -> None:
        self.case_changed.emit(case_number)
        self.open_case(case_number, why)
        self.load_mine()
