"""The complaints register (quejas): on the left, a clerk records a complaint and prints the
complainant's constancia; on the right, the centre's complaints with their deadline, and for
a supervisor the steps: assign, answer, close. The complaint service checks everything and
the page shows its answers; reads and writes run off the GUI thread."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import format_date, local, now
from desktop.domain.complaints import Category, Channel, ComplaintState
from desktop.domain.roles import Action, Actor, may
from desktop.i18n import N_, _, translate
from desktop.services.complaints import ComplaintForm, ComplaintService, ComplaintView
from desktop.services.runtime import Runtime
from ui.document_dialog import A4, TICKET, Printable
from ui.style import Tone
from ui.tasks import TaskRunner
from ui.widgets.forms import MARGIN, button_row, labelled_rows, message_label, named, show_message

Assignees = tuple[tuple[str, str], ...]  # (username, full name), as the service lists them

COLUMNS = (N_("Número"), N_("Recibida"), N_("Motivo"), N_("Estado"), N_("Responder hasta"))


class ComplaintsPage(QWidget):
    acknowledgement_requested = Signal(str)  # complaint number

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaints.page")
        self.service = ComplaintService(runtime, actor)
        self.tasks = tasks
        self.handles = may(actor.role, Action.HANDLE_COMPLAINTS)
        self.rows: tuple[ComplaintView, ...] = ()
        self._build_form()
        self._build_list()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN // 2, MARGIN // 2, MARGIN // 2, MARGIN // 2)
        layout.addWidget(self.form_box, 5)
        layout.addWidget(self.list_box, 6)

    # --- the form ------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.channel = named(QComboBox(), "complaints.channel", _("Canal de la queja"))
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.category = named(QComboBox(), "complaints.category", _("Motivo de la queja"))
        for category in Category:
            self.category.addItem(category.label, category.value)
        self.text = named(QPlainTextEdit(), "complaints.text", _("Texto de la queja"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("Qué pasó, cuándo y con quién, en palabras de quien "
                                       "presenta la queja"))
        self.name = named(QLineEdit(), "complaints.name", _("Nombres de quien presenta la queja"),
                          _("Opcional: la queja puede ser anónima"))
        self.cedula = named(QLineEdit(), "complaints.cedula",
                            _("Cédula de quien presenta la queja"))
        self.email = named(QLineEdit(), "complaints.email", _("Correo para la respuesta"))
        self.phone = named(QLineEdit(), "complaints.phone", _("Celular para la respuesta"))
        self.case = named(QLineEdit(), "complaints.case", _("Trámite relacionado"),
                          _("Opcional: REL-UIO01-01-2026-000123-X"))
        for field, length in ((self.name, 170), (self.cedula, 12), (self.email, 254),
                              (self.phone, 20), (self.case, 40)):
            field.setMaxLength(length)
        self.register = named(QPushButton(_("Re&gistrar queja")), "complaints.register",
                              _("Registrar queja"))
        self.print = named(QPushButton(_("Imprimir &constancia…")), "complaints.print",
                           _("Imprimir la constancia de la queja"))
        self.print.setEnabled(False)
        self.form_message = message_label("complaints.formMessage", _("Mensaje del registro"))
        form = labelled_rows(QFormLayout(), (
            (_("Ca&nal:"), self.channel), (_("M&otivo:"), self.category),
            (_("Te&xto:"), self.text), (_("No&mbres:"), self.name),
            (_("Céd&ula:"), self.cedula), (_("Corr&eo:"), self.email),
            (_("Ce&lular:"), self.phone), (_("T&rámite relacionado:"), self.case)))
        self.form_box = QGroupBox(_("Registrar una queja"))
        self.form_box.setObjectName("complaints.formBox")
        box = QVBoxLayout(self.form_box)
        box.addLayout(form)
        box.addWidget(self.form_message)
        box.addLayout(button_row(self.register, self.print))
        for first, second in itertools.pairwise([
                self.channel, self.category, self.text, self.name, self.cedula, self.email,
                self.phone, self.case, self.register, self.print]):
            QWidget.setTabOrder(first, second)
        self.register.clicked.connect(self.record)
        self.case.returnPressed.connect(self.record)
        self.print.clicked.connect(lambda: self.acknowledgement_requested.emit(
            self.selected_number() or ""))

    def form(self) -> ComplaintForm:
        return ComplaintForm(self.channel.currentData(), self.category.currentData(),
                             self.text.toPlainText(), self.name.text(), self.cedula.text(),
                             self.email.text(), self.phone.text(), self.case.text())

    def record(self) -> None:
        form = self.form()
        self.register.setEnabled(False)
        show_message(self.form_message, _("Registrando la queja…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.register(form), writes=True,
                       on_success=self._recorded, on_failure=self._form_failed, owner=self)

    def _recorded(self, view: ComplaintView) -> None:
        self.register.setEnabled(True)
        for field in (self.name, self.cedula, self.email, self.phone, self.case):
            field.clear()
        self.text.clear()
        show_message(self.form_message, _("Queja {number} registrada; responder hasta el "
                                          "{due}.").format(number=view.number,
                                                           due=view.due_on.strftime("%d/%m/%Y")),
                     Tone.OK)
        self.reload(select=view.number)
        self.acknowledgement_requested.emit(view.number)

    def _form_failed(self, message: str) -> None:
        self.register.setEnabled(True)
        show_message(self.form_message, message)

    # --- the list and the supervisor's steps ---------------------------------------------

    def _build_list(self) -> None:
        self.table = named(QTableWidget(0, len(COLUMNS)), "complaints.table",
                           _("Quejas del centro"))
        self.table.setHorizontalHeaderLabels([translate(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)  # the category's words take what is left
        self.detail = named(QPlainTextEdit(), "complaints.detail", _("Detalle de la queja"))
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(110)
        self.assignee = named(QComboBox(), "complaints.assignee", _("Responsable de la queja"))
        self.assign = named(QPushButton(_("&Asignar")), "complaints.assign", _("Asignar la queja"))
        self.answer_text = named(QPlainTextEdit(), "complaints.answer", _("Respuesta a la queja"))
        self.answer_text.setTabChangesFocus(True)
        self.answer_text.setPlaceholderText(_("Respuesta para quien presentó la queja"))
        self.answer_text.setMaximumHeight(80)
        self.answer = named(QPushButton(_("Res&ponder")), "complaints.answerSubmit",
                            _("Guardar la respuesta"))
        self.close_button = named(QPushButton(_("Cerrar &queja")), "complaints.close",
                                  _("Cerrar la queja"))
        self.list_message = message_label("complaints.listMessage", _("Mensaje de la lista"))
        self.list_box = QGroupBox(_("Quejas del centro"))
        self.list_box.setObjectName("complaints.listBox")
        box = QVBoxLayout(self.list_box)
        box.addWidget(self.table, 1)
        box.addWidget(self.detail)
        if self.handles:
            row = QHBoxLayout()
            row.addWidget(self.assignee, 1)
            row.addWidget(self.assign)
            box.addLayout(row)
            box.addWidget(self.answer_text)
            box.addLayout(button_row(self.answer, self.close_button))
        else:
            for widget in (self.assignee, self.assign, self.answer_text, self.answer,
                           self.close_button):
                widget.hide()
        box.addWidget(self.list_message)
        self.table.itemSelectionChanged.connect(self._selected)
        self.assign.clicked.connect(self.assign_selected)
        self.answer.clicked.connect(self.answer_selected)
        self.close_button.clicked.connect(lambda: self._step(self.service.close))
        self._selected()

    def reload(self, select: str | None = None) -> None:
        handles = self.handles

        def work(_p: object, _c: object) -> tuple[tuple[ComplaintView, ...], Assignees]:
            return self.service.list(), (self.service.assignees() if handles else ())

        def loaded(answer: tuple[tuple[ComplaintView, ...], Assignees]) -> None:
            rows, assignees = answer
            self._loaded(rows, assignees, select)

        self.tasks.run(work, on_success=loaded,
                       on_failure=lambda message: show_message(self.list_message, message),
                       owner=self)

    def _loaded(self, rows: tuple[ComplaintView, ...], assignees: Assignees,
                select: str | None) -> None:
        self.rows = rows
        if assignees:
            self.assignee.clear()
            for username, full_name in assignees:
                self.assignee.addItem(full_name, username)
        today = local(now()).date()
        self.table.setRowCount(len(rows))
        for index, view in enumerate(rows):
            late = view.overdue(today)
            values = (view.number, format_date(view.registered_at), view.category.label,
                      view.state.label, _due(view.due_on, late))
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        numbers = [view.number for view in rows]
        if select in numbers:
            self.table.selectRow(numbers.index(select))
        self._selected()

    def selected_number(self) -> str | None:
        view = self.selected()
        return view.number if view else None

    def selected(self) -> ComplaintView | None:
        index = self.table.currentRow()
        chosen = self.table.selectionModel().hasSelection()
        return self.rows[index] if chosen and 0 <= index < len(self.rows) else None

    def _selected(self) -> None:
        view = self.selected()
        self.print.setEnabled(view is not None)
        state = view.state if view else None
        self.assign.setEnabled(state is ComplaintState.REGISTERED)
        self.answer.setEnabled(state is ComplaintState.ASSIGNED)
        self.close_button.setEnabled(state is ComplaintState.ANSWERED)
        if view is None:
            self.detail.clear()
            return
        lines = [view.text]
        if view.assigned_to:
            lines.append(_("Asignada a: {who}").format(who=view.assigned_to))
        if view.answer:
            lines.append(_("Respuesta: {answer}").format(answer=view.answer))
        self.detail.setPlainText("\n\n".join(lines))

    def assign_selected(self) -> None:
        who = self.assignee.currentData() or ""  # read here: the work runs off this thread
        self._step(lambda number: self.service.assign(number, who))

    def answer_selected(self) -> None:
        text = self.answer_text.toPlainText()
        self._step(lambda number: self.service.answer(number, text))

    def _step(self, call: Callable[[str], ComplaintView]) -> None:
        number = self.selected_number()
        if number is None:
            return
        show_message(self.list_message, _("Guardando…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: call(number), writes=True,
                       on_success=self._stepped,
                       on_failure=lambda message: show_message(self.list_message, message),
                       owner=self)

    def _stepped(self, view: ComplaintView) -> None:
        show_message(self.list_message, _("Queja {number}: {state}.").format(
            number=view.number, state=view.state.label), Tone.OK)
        self.answer_text.clear()
        self.reload(select=view.number)

    def focus_first(self) -> None:
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)


def _due(day: date, late: bool) -> str:
    text = day.strftime("%d/%m/%Y")
    return _("{day} (vencida)").format(day=text) if late else text


def acknowledgement(runtime: Runtime, actor: Actor, number: str) -> Printable:
    """The complainant's constancia, printed or saved like the case receipt."""
    service = ComplaintService(runtime, actor)
    settings = runtime.settings
    return Printable(
        "complaintAck", number, _("Constancia de queja {number}").format(number=number),
        f"{number}.pdf", _("Copia {n} de la constancia registrada."), (A4, TICKET),
        settings.paper_format, settings.receipt_printer,
        lambda paper: service.acknowledgement(number, paper), service.record_print,
        service.record_export)
