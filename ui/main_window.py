"""The main window: sign-in first, then the signed-in person's workspace (ui/workspace.py).

Nothing heavy is imported to show the sign-in page; the core (database, PDF library) loads
on a worker thread meanwhile, and the workspace modules are imported after sign-in. The
stack holds the sign-in page, the lock page (ui/idle_lock.py) and, while someone is signed
in, the workspace: locking switches pages and keeps the workspace as it is.

The window opens maximized the first time and then where and how it was last left (the
screen, the size, maximized or not), kept in `ventana.ini` beside the settings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from desktop.config import Settings
from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from desktop.version import __version__
from ui.idle_lock import IdleLock, minutes_ms
from ui.login_page import LoginPage
from ui.tasks import Task, TaskRunner
from ui.widgets.confirm import confirm
from ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.runtime import Runtime
    from ui.intake_page import IntakePage
    from ui.reports_page import ReportsPage
    from ui.review_page import ReviewPage
    from ui.staff_page import StaffPage
    from ui.status_page import StatusPage
    from ui.sync_controller import SyncController
    from ui.sync_panel import SyncPanel
    from ui.sync_status import SyncStatus
    from ui.update_checks import UpdateChecks
    from ui.workspace import Workspace

log = logging.getLogger(__name__)

GEOMETRY_FILE = "ventana.ini"


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
        self.update_checks: UpdateChecks | None = None  # set by ui.app once the window shows
        self.workspace: Workspace | None = None
        self._preparing: Task | None = None
        self._closing_confirmed = False
        self.stack = QStackedWidget()
        self.login = LoginPage()
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.idle = IdleLock(self.stack, self.tasks, minutes_ms(settings.idle_lock_minutes),
                             parent=self)
        self.idle.sign_out_requested.connect(self.request_sign_out)
        self.idle.locked_changed.connect(self._lock_changed)
        self.status_user = ElidedLabel()
        self.status_user.setObjectName("main.user")
        self.statusBar().addPermanentWidget(self.status_user)
        self.login.submitted.connect(self._sign_in)
        self.login.cancel_requested.connect(self._cancel_preparation)
        self.login.retry_requested.connect(self.prepare)
        self._update_titles()

    # --- where the window is -------------------------------------------------------------

    def _geometry_store(self) -> QSettings:
        path = self.settings.paths.config_dir / GEOMETRY_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)

    def show_where_it_was(self) -> None:
        """Maximized the first time; then the screen, size and state it was left in."""
        saved = self._geometry_store().value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            if self.isMaximized():
                self.showMaximized()
            else:
                self.show()
            return
        self.showMaximized()

    def _remember_geometry(self) -> None:
        try:
            store = self._geometry_store()
            store.setValue("window/geometry", self.saveGeometry())
            store.sync()
        except OSError:  # a read-only or full disk: the next start opens maximized
            log.warning("window geometry not saved")

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
        from desktop.services.demo import demo_logins

        self.login.show_demo_logins(demo_logins(runtime.settings))
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
        title = f"Ventanilla IESS {__version__} — {station}"
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
        from ui.workspace import Workspace

        assert self.runtime is not None
        if self.sync is None:  # signed in before the session modules finished loading
            self._start_sync(self.runtime)
        assert self.sync is not None
        self.actor = actor
        self.login.reset()
        self.status_user.setText(f"{actor.full_name} · {actor.role.label}")
        self.status_user.setToolTip(self.status_user.text())
        if self.sync_status is not None:
            self.sync_status.set_actions_visible(True)
        workspace = Workspace(self.runtime, actor, self.tasks, self.sync)
        workspace.sign_out_requested.connect(self.request_sign_out)
        workspace.lock_requested.connect(self.idle.lock)
        workspace.password_requested.connect(self.open_password_dialog)
        workspace.receipt_requested.connect(self.open_receipt)
        self.workspace = workspace
        if workspace.attention_status is not None:
            # a message still showing («Estación lista.») would be painted over it
            self.statusBar().clearMessage()
            self.statusBar().addWidget(workspace.attention_status)
            workspace.attention_status.show()
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        workspace.show_start_page()
        self.idle.begin(self.runtime, actor, workspace)

    def request_sign_out(self) -> None:
        """Sign out, asking first when a form in progress would be dropped."""
        pending = self.workspace.work_in_progress() if self.workspace is not None else ""
        if not pending:
            self.sign_out()
            return
        confirm(self, "main.confirmSignOut", _("Cerrar sesión"), _(
            "{pending} Si cierra la sesión se descarta. ¿Cerrar la sesión de todos modos?")
            .format(pending=pending), _("Cerrar sesión y descartar"), _("Seguir trabajando"),
            self.sign_out)

    def sign_out(self) -> None:
        self.idle.end()  # closes dialogs hidden by a lock: they belong to this session
        if self.workspace is not None:
            if (status := self.workspace.attention_status) is not None:
                self.statusBar().removeWidget(status)
                status.deleteLater()
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

    # --- the workspace's pages (None when signed out or not for this role) ---------------

    @property
    def intake(self) -> IntakePage | None:
        return self.workspace.intake if self.workspace is not None else None

    @property
    def status_page(self) -> StatusPage | None:
        return self.workspace.status_page if self.workspace is not None else None

    @property
    def review_page(self) -> ReviewPage | None:
        return self.workspace.review_page if self.workspace is not None else None

    @property
    def staff_page(self) -> StaffPage | None:
        return self.workspace.staff_page if self.workspace is not None else None

    @property
    def reports_page(self) -> ReportsPage | None:
        return self.workspace.reports_page if self.workspace is not None else None

    @property
    def sync_panel(self) -> SyncPanel | None:
        return self.workspace.sync_panel if self.workspace is not None else None

    @property
    def pages(self) -> QStackedWidget | None:
        return self.workspace.pages if self.workspace is not None else None

    def nav(self, name: str) -> QWidget | None:
        """A navigation button of the workspace, by objectName (nav.review, …)."""
        return self.workspace.nav_button(name) if self.workspace is not None else None

    def show_intake(self) -> None:
        if self.workspace is not None:
            self.workspace.show_intake()

    def show_status(self) -> None:
        if self.workspace is not None:
            self.workspace.show_status()

    def show_review(self) -> None:
        if self.workspace is not None:
            self.workspace.show_review()

    def show_sync(self) -> None:
        if self.workspace is not None:
            self.workspace.show_sync()

    def show_staff(self) -> None:
        if self.workspace is not None:
            self.workspace.show_staff()

    def show_reports(self) -> None:
        if self.workspace is not None:
            self.workspace.show_reports()

    # --- dialogs -------------------------------------------------------------------------

    def open_password_dialog(self) -> None:
        from ui.password_dialog import PasswordDialog

        assert self.runtime is not None and self.actor is not None
        dialog = PasswordDialog(self.runtime, self.actor, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(
            lambda: self.statusBar().showMessage(_("Su clave se cambió."), 10_000))
        dialog.open()

    def open_receipt(self, case_number: str) -> None:
        from ui.document_dialog import DocumentDialog, receipt

        assert self.runtime is not None and self.actor is not None
        dialog = DocumentDialog(receipt(self.runtime, self.actor, case_number), self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- shutdown ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        pending = self.workspace.work_in_progress() if self.workspace is not None else ""
        if pending and not self._closing_confirmed:
            event.ignore()
            confirm(self, "main.confirmClose", _("Cerrar Ventanilla"), _(
                "{pending} Si cierra Ventanilla se descarta. ¿Cerrar de todos modos?").format(
                pending=pending), _("Cerrar y descartar"), _("Seguir trabajando"),
                self._close_confirmed)
            return
        self._remember_geometry()
        self.idle.clock.stop()
        if self.sync is not None:
            self.sync.stop()
        self.tasks.shutdown()
        if self.runtime is not None:
            self.runtime.close()
        super().closeEvent(event)

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()
