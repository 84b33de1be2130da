"""The «Sincronización» page: events central refused or that keep failing, and a retry.

Nothing is dropped silently (DESIGN.md §5): every such event is listed with its reason
until an administrator sends it again. Retrying is checked again by the service; the
disabled button for other roles is only a convenience.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import format_local
from desktop.domain.roles import Action, Actor, may
from desktop.i18n import N_, _, ngettext
from desktop.services.runtime import Runtime
from desktop.services.sync import OutboxProblem, SyncService
from ui.models.rows import RowsModel, SortProxy
from ui.style import Look, Tone, set_look, set_tone
from ui.sync_controller import SyncController
from ui.tasks import TaskRunner
from ui.widgets.forms import MARGIN, message_label, named, show_message
from ui.widgets.station_versions import StationVersionsView
from ui.widgets.tables import rows_table


class ProblemsModel(RowsModel[OutboxProblem]):
    """One row per problem event."""

    EVENT, CASE, DATE, STATUS, ATTEMPTS, REASON = range(6)
    HEADERS = (N_("Evento"), N_("Trámite"), N_("Fecha"), N_("Estado"), N_("Intentos"), N_("Motivo"))

    def text(self, row: OutboxProblem, column: int) -> str:
        return (
            row.what,
            row.case_number,
            format_local(row.created_at),
            row.status.label,
            str(row.attempts),
            row.reason,
        )[column]

    def key(self, row: OutboxProblem, column: int) -> Any:
        if column == self.DATE:
            return row.created_at
        if column == self.ATTEMPTS:
            return row.attempts
        return super().key(row, column)

    def ident(self, row: OutboxProblem) -> str:
        return str(row.seq)


class SyncPanel(QWidget):
    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync.page")
        self.service = SyncService(runtime)
        self.actor = actor
        self.tasks = tasks
        self.controller = controller
        self.may_retry = may(actor.role, Action.RETRY_SYNC)
        self._retrying = False
        self.model = ProblemsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.show_problems(controller.problems)
        controller.problems_changed.connect(self.show_problems)

    def _build(self) -> None:
        title = QLabel(_("Sincronización con la base central"))
        set_look(title, Look.PAGE_TITLE)
        explanation = QLabel(_(
            "<b>Rechazado</b>: la central no aceptó el cambio (por ejemplo, el trámite ya "
            "había cambiado de estado allá); no se reintenta solo y los cambios siguientes "
            "de ese trámite esperan. <b>Atascado</b>: no se ha podido enviar tras varios "
            "intentos (un archivo que falta, un error de la central); se sigue reintentando. "
            "Un administrador puede reenviar cualquiera de los dos."))
        explanation.setWordWrap(True)
        set_tone(explanation, Tone.HINT)
        self.table = rows_table(
            named(QTableView(), "sync.problems", _("Eventos con problemas"),
                  _("Eventos rechazados o atascados, con su motivo")),
            self.proxy, ProblemsModel.DATE, Qt.SortOrder.AscendingOrder, ProblemsModel.REASON)
        self.empty = named(QLabel(), "sync.empty", _("Resumen de problemas"))
        self.retry = named(QPushButton(_("&Reintentar")), "sync.retry", _("Reintentar evento"),
                           _("Volver a enviar el evento seleccionado (solo administradores)"))
        self.message = message_label("sync.message", _("Resultado del reintento"))
        actions = QHBoxLayout()
        actions.addWidget(self.retry)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.versions: StationVersionsView | None = None
        if may(self.actor.role, Action.VIEW_STATION_VERSIONS):
            self.versions = StationVersionsView(self.service, self.actor, self.tasks)
            layout.addWidget(self.versions)
            self.versions.load()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.retry.clicked.connect(self.retry_selected)

    def show_problems(self, problems: list[OutboxProblem]) -> None:
        """Called after every round; keeps the selected event selected if still listed."""
        selected = self.selected()
        self.model.set_rows(problems)
        self.empty.setText(_("No hay eventos rechazados ni atascados.") if not problems else
                           ngettext("{n} evento necesita atención.",
                                    "{n} eventos necesitan atención.", len(problems)
                                    ).format(n=len(problems)))
        if selected is not None:
            for row in range(self.proxy.rowCount()):
                problem = self.proxy.index(row, 0).data(ProblemsModel.ITEM_ROLE)
                if problem.seq == selected.seq:
                    self.table.selectRow(row)
        self._update_actions()

    def selected(self) -> OutboxProblem | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ProblemsModel.ITEM_ROLE) if rows else None

    def _update_actions(self) -> None:
        self.retry.setEnabled(self.may_retry and not self._retrying
                              and self.selected() is not None)

    def retry_selected(self) -> None:
        problem = self.selected()
        if problem is None or not self.retry.isEnabled():
            return
        self._retrying = True
        self._update_actions()
        show_message(self.message, _("Reenviando…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.retry(self.actor, problem.seq),
                       on_success=lambda _none: self._retried(problem),
                       on_failure=self._retry_failed, writes=True, owner=self)

    def _retried(self, problem: OutboxProblem) -> None:
        self._retrying = False
        show_message(self.message, _("El evento del trámite {number} vuelve a la cola; se "
                                     "envía ahora.").format(number=problem.case_number),
                     Tone.OK)
        self._update_actions()
        self.controller.refresh()
        self.controller.sync_now()

    def _retry_failed(self, message: str) -> None:
        self._retrying = False
        show_message(self.message, message)
        self._update_actions()
