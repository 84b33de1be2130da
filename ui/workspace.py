"""A signed-in person's workspace: the navigation bar and the pages their role may use.

Built at sign-in and deleted as one unit at sign-out, so nothing of one session (a page, a
model, a late answer) outlives it. Each role starts on its main page: the clerk on intake,
the supervisor on the review queue, the administrator on the status page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Action, Role, may
from ui.attention_dialog import AttentionDialog
from ui.attention_status import AttentionStatus
from ui.commands import bind_keys, command_button, wire
from ui.complaints_page import ComplaintsPage, acknowledgement
from ui.intake_page import IntakePage
from ui.reports_page import ReportsPage
from ui.review_page import ReviewPage
from ui.staff_page import StaffPage
from ui.status_page import StatusPage
from ui.sync_panel import SyncPanel
from ui.widgets.forms import MARGIN, SPACING

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.runtime import Runtime
    from ui.sync_controller import SyncController
    from ui.tasks import TaskRunner


class Workspace(QWidget):
    sign_out_requested = Signal()
    lock_requested = Signal()
    password_requested = Signal()
    receipt_requested = Signal(str)  # case number

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 sync: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main.workspace")
        self.actor = actor
        registers = may(actor.role, Action.REGISTER_CASE)  # the services are the guard
        reviews = may(actor.role, Action.REVIEW_CASES)
        manages = may(actor.role, Action.MANAGE_STAFF)
        self.intake = IntakePage(runtime, actor, tasks) if registers else None
        self.status_page = StatusPage(runtime, actor, tasks, online=lambda: sync.state.online)
        self.review_page = ReviewPage(runtime, actor, tasks) if reviews else None
        self.sync_panel = SyncPanel(runtime, actor, tasks, sync)
        self.staff_page = StaffPage(runtime, actor, tasks) if manages else None
        reports = may(actor.role, Action.VIEW_REPORTS)
        self.reports_page = ReportsPage(runtime, actor, tasks) if reports else None
        self.runtime, self.tasks = runtime, tasks
        self.complaints_page = (ComplaintsPage(runtime, actor, tasks)
                                if may(actor.role, Action.REGISTER_COMPLAINT) else None)
        #: shown in the main window's status bar while this session lasts
        self.attention_status = (AttentionStatus(runtime, actor, tasks)
                                 if may(actor.role, Action.SERVE_COUNTER) else None)
        self.pages = QStackedWidget()
        self.nav = QButtonGroup(self)
        self.nav.setExclusive(True)
        self.nav_buttons: dict[QWidget, QPushButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(SPACING // 2)
        for name, page, show in (
            ("nav.intake", self.intake, self.show_intake),
            ("nav.status", self.status_page, self.show_status),
            ("nav.review", self.review_page, self.show_review),
            ("nav.complaints", self.complaints_page, self.show_complaints),
            ("nav.sync", self.sync_panel, self.show_sync),
            ("nav.staff", self.staff_page, self.show_staff),
            ("nav.reports", self.reports_page, self.show_reports),
        ):
            if page is None:
                continue
            button = self._nav_button(name, show)
            if name == "nav.complaints":  # a short word: no need of the style's 80 px
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance(
                    button.text().replace("&", "")) + 2 * SPACING)
            self.pages.addWidget(page)
            self.nav_buttons[page] = button
            bar.addWidget(button)
        bar.addStretch()
        self.session_buttons: list[QPushButton] = []
        for name, signal in (("nav.password", self.password_requested),
                             ("nav.signOut", self.sign_out_requested)):
            button = command_button(name)
            self.session_buttons.append(button)
            bar.addWidget(wire(button, self, signal.emit))
        lock = command_button("nav.lock")  # Ctrl+L is caught app-wide by the idle lock
        lock.clicked.connect(self.lock_requested)
        bar.insertWidget(bar.count() - 1, lock)
        self.session_buttons.insert(1, lock)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN // 2, MARGIN // 2, MARGIN // 2, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

        if self.intake is not None:
            self.intake.receipt_requested.connect(self.receipt_requested)
        self.status_page.case_changed.connect(lambda _number: sync.refresh())
        sync.state_changed.connect(self.status_page.show_sync_state)
        if self.review_page is not None:
            self.review_page.case_changed.connect(lambda _number: sync.refresh())
        if self.attention_status is not None:
            self.attention_status.requested.connect(self.open_attention)
            bind_keys("attention.open", self, self.open_attention)
        if self.complaints_page is not None:
            self.complaints_page.acknowledgement_requested.connect(self.open_acknowledgement)

    def showEvent(self, event: QShowEvent) -> None:
        """On a narrow screen (1024 px with every page of a supervisor) the session buttons
        show only their icons; their names stay in the tooltip and for screen readers."""
        super().showEvent(event)
        screen = self.screen()
        if screen is None or not self.session_buttons[0].text():
            return
        if self.bar.sizeHint().width() + MARGIN > screen.availableGeometry().width():
            for button in self.session_buttons:
                button.setToolTip(" — ".join(filter(None, (button.accessibleName(),
                                                           button.toolTip()))))
                button.setText("")

    def _nav_button(self, name: str, show: Callable[[], None]) -> QPushButton:
        button = command_button(name)
        button.setCheckable(True)
        button.setProperty("nav", True)
        button.setAutoDefault(False)
        self.nav.addButton(button)
        wire(button, self, show)
        return button

    def nav_button(self, name: str) -> QPushButton | None:
        return next((b for b in self.nav_buttons.values() if b.objectName() == name), None)

    # --- pages ---------------------------------------------------------------------------

    def show_start_page(self) -> None:
        """Each role on its main page."""
        if self.actor.role is Role.SUPERVISOR and self.review_page is not None:
            self.show_review()
        elif self.intake is not None and self.actor.role is Role.CLERK:
            self.show_intake()
        else:
            self.show_status()

    def _show(self, page: QWidget | None) -> bool:
        if page is None:
            return False
        self.pages.setCurrentWidget(page)
        self.nav_buttons[page].setChecked(True)
        return True

    def show_intake(self) -> None:
        if self._show(self.intake):
            assert self.intake is not None
            self.intake.cedula.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_status(self) -> None:
        self._show(self.status_page)
        self.status_page.load_mine()
        self.status_page.focus_query()

    def show_review(self) -> None:
        if self._show(self.review_page):
            assert self.review_page is not None
            self.review_page.reload()
            self.review_page.queue.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_sync(self) -> None:
        self._show(self.sync_panel)
        self.sync_panel.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_staff(self) -> None:
        if self._show(self.staff_page):
            assert self.staff_page is not None
            self.staff_page.reload()
            self.staff_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_reports(self) -> None:
        if self._show(self.reports_page):
            assert self.reports_page is not None
            self.reports_page.reload()
            self.reports_page.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_complaints(self) -> None:
        if self._show(self.complaints_page):
            assert self.complaints_page is not None
            self.complaints_page.reload()
            self.complaints_page.focus_first()

    def open_attention(self) -> AttentionDialog | None:
        """F8/F9: open an attention (turno or «sin turno»), or close the open one."""
        status = self.attention_status
        if status is None:
            return None
        status.refresh()
        dialog = AttentionDialog(self.runtime, self.actor, self.tasks, status.current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(status.refresh)
        dialog.open()
        return dialog

    def open_acknowledgement(self, number: str) -> None:
        from ui.document_dialog import DocumentDialog

        if not number:
            return
        dialog = DocumentDialog(acknowledgement(self.runtime, self.actor, number), self.tasks,
                                self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def work_in_progress(self) -> str:
        """What closing or signing out would drop, in the person's words ('' for nothing)."""
        if self.intake is not None:
            return self.intake.work_in_progress()
        return ""
