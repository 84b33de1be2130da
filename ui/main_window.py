"""The main window: sign-in first, then the workspace with its pages.

Nothing heavy is imported to show the sign-in page; the core (database, PDF library) loads
on a worker thread meanwhile, and the workspace modules are imported after sign-in. The
stack holds the sign-in page, the lock page (ui/idle_lock.py) and, while someone is signed
in, the workspace: locking switches pages and keeps the workspace as it is.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Settings
from desktop.domain.roles import Action, may
from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from ui.idle_lock import IdleLock, minutes_ms
from ui.login_page import LoginPage
from ui.tasks import Task, TaskRunner
from ui.widgets.forms import MARGIN, named

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.runtime import Runtime
    from ui.sync_controller import SyncController
    from ui.sync_status import SyncStatus

log = logging.getLogger(__name__)


def _open_runtime(settings: Settings, progress: Progress, cancel: CancelToken) -> Any:
    from desktop.services.runtime import open_runtime  # the heavy imports happen here

    return open_runtime(settings, progress, cancel)


def _load_session_modules() -> None:
    import desktop.services.auth
    import desktop.services.sync  # noqa: F401  (sync engine, both model modules)
    from desktop.services.runtime import prepare_orm

    prepare_orm()


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings):
        super().__init__()
        self.setObjectName("main.window")
        self.settings = settings
        self.tasks = TaskRunner(self)
        self.runtime: Runtime | None = None
        self.actor: Actor | None = None
        self.sync: SyncController | None = None
        self.sync_status: SyncStatus | None = None
        self._preparing: Task | None = None
        self.workspace: QWidget | None = None
        self.stack = QStackedWidget()
        self.login = LoginPage()
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.idle = IdleLock(self.stack, self.tasks, minutes_ms(settings.idle_lock_minutes),
                             parent=self)
        self.idle.sign_out_requested.connect(self.sign_out)
        self.idle.locked_changed.connect(self._lock_changed)
        self.status_user = QLabel()
        self.statusBar().addPermanentWidget(self.status_user)
        self.login.submitted.connect(self._sign_in)
        self.login.cancel_requested.connect(self._cancel_preparation)
        self.login.retry_requested.connect(self.prepare)
        self._update_titles()
        self.resize(1024, 768)

    # --- start-up ----------------------------------------------------------------------

    def prepare(self) -> None:
        """Open the cache (and on a first start, set up the demo) without blocking."""
        self.login.set_ready(False)
        self.login.show_progress(0, 0, _("Preparando la estación…"))
        self._preparing = self.tasks.run(
            lambda progress, cancel: _open_runtime(self.settings, progress, cancel),
            on_success=self._prepared,
            on_failure=self._preparation_failed,
            on_progress=self.login.show_progress,
            on_cancel=lambda: self._preparation_failed(_("Preparación cancelada.")),
            writes=True,
        )

    def _prepared(self, runtime: Runtime) -> None:
        self._preparing = None
        self.runtime = runtime
        self.settings = runtime.settings
        self.idle.clock.set_timeout_ms(minutes_ms(runtime.settings.idle_lock_minutes))
        self._update_titles()
        self.login.set_ready(True)
        self.statusBar().showMessage(_("Estación lista."), 5000)
        # sync and sign-in need the rest of the core (models, ORM, sync engine): imported on
        # a worker, not on this thread while the clerk types the password
        self.tasks.run(lambda _p, _c: _load_session_modules(),
                       on_success=lambda _none: self._start_sync(runtime))

    def _start_sync(self, runtime: Runtime) -> None:
        """Sync starts with the runtime, not at sign-in, and runs until the window closes:
        a station left at the sign-in page still sends the last session's events and
        receives staff changes (sign-in checks cached password hashes)."""
        from ui.sync_controller import SyncController
        from ui.sync_status import SyncStatus

        if self.sync is not None:
            return
        self.sync = SyncController(runtime, self.tasks, parent=self)
        self.sync_status = SyncStatus(self.sync)
        self.sync_status.set_actions_visible(self.actor is not None)
        self.statusBar().insertPermanentWidget(0, self.sync_status)
        self.sync.start()

    def _preparation_failed(self, message: str) -> None:
        self._preparing = None
        self.login.show_preparation_failed(message)

    def _cancel_preparation(self) -> None:
        if self._preparing is not None:
            self._preparing.cancel()

    def _update_titles(self) -> None:
        station = _("Centro {centre} · ventanilla {counter:02d}").format(
            centre=self.settings.centre, counter=self.settings.counter)
        title = f"Ventanilla IESS — {station}"
        if self.settings.demo:
            title += " — " + _("DEMOSTRACIÓN: datos ficticios, base sin cifrar")
        self.setWindowTitle(title)
        self.login.set_station(station)

    # --- session -----------------------------------------------------------------------

    def _sign_in(self, username: str, password: str) -> None:
        runtime = self.runtime
        if runtime is None:
            self.login.failed(_("La estación aún se está preparando."))
            return
        from desktop.services.auth import sign_in

        self.tasks.run(lambda _p, _c: sign_in(runtime, username, password),
                       on_success=self._signed_in, on_failure=self.login.failed, writes=True)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.login.reset()
        self.status_user.setText(f"{actor.full_name} · {actor.role.label}")
        if self.sync_status is not None:
            self.sync_status.set_actions_visible(True)
        assert self.runtime is not None
        self.workspace = self._workspace()
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.show_start_page()
        self.idle.begin(self.runtime, actor, self.workspace)

    def sign_out(self) -> None:
        self.idle.end()  # closes dialogs hidden by a lock: they belong to this session
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.actor = None
        self.status_user.clear()
        if self.sync_status is not None:
            self.sync_status.set_actions_visible(False)  # sync itself goes on (see above)
        self.stack.setCurrentWidget(self.login)
        self.login.username.setFocus()
        self.login.username.selectAll()  # the next person types over the last user name

    def _lock_changed(self, locked: bool) -> None:
        """While locked, «Sincronizar ahora» hides with the workspace; sync goes on."""
        if self.sync_status is not None:
            self.sync_status.set_actions_visible(not locked and self.actor is not None)

    # --- workspace ---------------------------------------------------------------------

    def _workspace(self) -> QWidget:
        from ui.intake_page import IntakePage
        from ui.review_page import ReviewPage
        from ui.staff_page import StaffPage
        from ui.status_page import StatusPage
        from ui.sync_panel import SyncPanel

        assert self.runtime is not None and self.actor is not None and self.sync is not None
        workspace = QWidget()
        workspace.setObjectName("main.workspace")
        nav = QHBoxLayout()
        self.nav_intake = named(QPushButton(_("Ingreso de &trámites")), "nav.intake",
                                _("Ingreso de trámites"), "Alt+T")
        sign_out = named(QPushButton(_("Cerrar s&esión")), "nav.signOut", _("Cerrar sesión"))
        sign_out.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.nav_sync = named(QPushButton(_("&Sincronización")), "nav.sync",
                              _("Sincronización"), "Alt+S")
        self.nav_status = named(QPushButton(_("Consulta de esta&do")), "nav.status",
                                _("Consulta de estado"), "F2, Alt+D")
        self.nav_review = named(QPushButton(_("&Bandeja de revisión")), "nav.review",
                                _("Bandeja de revisión"), "Alt+B")
        self.nav_staff = named(QPushButton(_("Personal")), "nav.staff",
                               _("Personal del centro"), "Ctrl+Shift+P")
        self.nav_staff.setShortcut(QKeySequence("Ctrl+Shift+P"))
        password = named(QPushButton(_("Cambiar clave…")), "nav.password", _("Cambiar clave"),
                         "Ctrl+Shift+K")
        password.setShortcut(QKeySequence("Ctrl+Shift+K"))
        lock = named(QPushButton(_("Bloquear")), "nav.lock", _("Bloquear la estación"),
                     "Ctrl+L")  # the key itself is caught app-wide by the idle lock
        registers = may(self.actor.role, Action.REGISTER_CASE)  # the services are the guard
        reviews = may(self.actor.role, Action.REVIEW_CASES)
        manages = may(self.actor.role, Action.MANAGE_STAFF)
        if registers:
            nav.addWidget(self.nav_intake)
        nav.addWidget(self.nav_status)
        if reviews:
            nav.addWidget(self.nav_review)
        nav.addWidget(self.nav_sync)
        if manages:
            nav.addWidget(self.nav_staff)
        nav.addStretch()
        nav.addWidget(QLabel(f"{self.actor.full_name} ({self.actor.role.label})"))
        for button in (password, lock, sign_out):
            nav.addWidget(button)
        self.pages = QStackedWidget()
        self.intake = IntakePage(self.runtime, self.actor, self.tasks) if registers else None
        self.sync_panel = SyncPanel(self.runtime, self.actor, self.tasks, self.sync)
        sync = self.sync
        self.status_page = StatusPage(self.runtime, self.actor, self.tasks,
                                      online=lambda: sync.state.online)
        self.review_page = ReviewPage(self.runtime, self.actor, self.tasks) if reviews else None
        self.staff_page = StaffPage(self.runtime, self.actor, self.tasks) if manages else None
        for page in (self.intake, self.status_page, self.review_page, self.sync_panel,
                     self.staff_page):
            if page is not None:
                self.pages.addWidget(page)
        for button, allowed in ((self.nav_intake, registers), (self.nav_review, reviews),
                                (self.nav_staff, manages)):
            if not allowed:  # never laid out; showing one now would make it a window
                button.hide()
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(MARGIN // 2, MARGIN // 2, MARGIN // 2, 0)
        layout.addLayout(nav)
        layout.addWidget(self.pages, 1)
        self.nav_intake.clicked.connect(self.show_intake)
        self.nav_sync.clicked.connect(self.show_sync)
        self.nav_status.clicked.connect(self.show_status)
        self.nav_review.clicked.connect(self.show_review)
        self.nav_staff.clicked.connect(self.show_staff)
        password.clicked.connect(self.open_password_dialog)
        lock.clicked.connect(self.idle.lock)
        sign_out.clicked.connect(self.sign_out)
        if self.intake is not None:
            self.intake.receipt_requested.connect(self.open_receipt)
        find = QShortcut(QKeySequence("F2"), workspace)  # from anywhere: «how is my case?»
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.show_status)
        self.status_page.case_changed.connect(lambda _number: sync.refresh())
        sync.state_changed.connect(self.status_page.show_sync_state)
        if self.review_page is not None:
            self.review_page.case_changed.connect(lambda _number: sync.refresh())
        return workspace

    def show_start_page(self) -> None:
        """Intake for those who register cases; the status page for the others."""
        if self.intake is not None:
            self.show_intake()
        else:
            self.show_status()

    def show_intake(self) -> None:
        if self.intake is None:
            return
        self.pages.setCurrentWidget(self.intake)
        self.intake.cedula.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_sync(self) -> None:
        self.pages.setCurrentWidget(self.sync_panel)
        self.sync_panel.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_status(self) -> None:
        self.pages.setCurrentWidget(self.status_page)
        self.status_page.load_mine()
        self.status_page.focus_query()

    def show_review(self) -> None:
        if self.review_page is None:
            return
        self.pages.setCurrentWidget(self.review_page)
        self.review_page.reload()
        self.review_page.queue.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_staff(self) -> None:
        if self.staff_page is None:
            return
        self.pages.setCurrentWidget(self.staff_page)
        self.staff_page.reload()
        self.staff_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_password_dialog(self) -> None:
        from ui.password_dialog import PasswordDialog

        assert self.runtime is not None and self.actor is not None
        dialog = PasswordDialog(self.runtime, self.actor, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(
            lambda: self.statusBar().showMessage(_("Su clave se cambió."), 10_000))
        dialog.open()
        self.password_dialog = dialog

    def open_receipt(self, case_number: str) -> None:
        from ui.document_dialog import DocumentDialog, receipt

        assert self.runtime is not None and self.actor is not None
        dialog = DocumentDialog(receipt(self.runtime, self.actor, case_number), self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.document_dialog = dialog

    # --- shutdown ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.clock.stop()
        if self.sync is not None:
            self.sync.stop()
        self.tasks.shutdown()
        if self.runtime is not None:
            self.runtime.close()
        super().closeEvent(event)
