"""Background checks for a new version of the frozen bundle (desktop.updates): a little
after start, then every few hours, through the task runner. Finding one only downloads,
verifies and stages it; the status bar says it goes in at the next start."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from desktop.config import Paths
from desktop.errors import VentanillaError
from desktop.machine import MachineSettings, load_machine_settings
from desktop.updates import STAGED, UpdateCheck, bundle_folder, check_for_update
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
FIRST_CHECK_MS = 5_000  # after the start-up work, not competing with it
CHECK_EVERY_MS = 6 * 60 * 60 * 1000


class UpdateChecks(QObject):
    def __init__(self, window: QMainWindow, tasks: TaskRunner, paths: Paths):
        super().__init__(window)
        self.window, self.tasks, self.paths = window, tasks, paths
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        try:
            self.machine = load_machine_settings()
        except VentanillaError as error:
            log.warning("no update checks: %s", error.log_message)
            self.machine = MachineSettings(updates=False)
        if self.machine.self_update and bundle_folder() is not None:
            QTimer.singleShot(FIRST_CHECK_MS, self.check)
            self.timer.start(CHECK_EVERY_MS)

    def check(self) -> None:
        paths, machine = self.paths, self.machine
        self.tasks.run(lambda _progress, cancel: check_for_update(paths, machine,
                                                                  cancel=cancel),
                       on_success=self._checked, on_failure=self._failed)

    def _checked(self, result: UpdateCheck) -> None:
        log.info("update check: %s %s", result.status, result.version)
        if result.status == STAGED:
            self.window.statusBar().showMessage(result.message)

    @staticmethod
    def _failed(message: str) -> None:
        log.warning("update check failed: %s", message)
