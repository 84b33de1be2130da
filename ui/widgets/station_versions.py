"""«Versiones de las estaciones» on the «Sincronización» page (administrators): which
stations of the centre run an older Ventanilla than the newest one any station reports,
read from central in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from desktop.domain.roles import Actor
from desktop.i18n import _, ngettext
from desktop.services.sync import StationVersions, SyncService
from ui.style import Tone
from ui.tasks import TaskRunner
from ui.widgets.forms import message_label, named, show_message
from ui.widgets.text import moment


class StationVersionsView(QGroupBox):
    def __init__(self, service: SyncService, actor: Actor, tasks: TaskRunner):
        super().__init__(_("Versiones de Ventanilla en las estaciones del centro"))
        named(self, "sync.versions", _("Versiones de las estaciones"))
        self.service, self.actor, self.tasks = service, actor, tasks
        self.summary = message_label("sync.versions.summary", _("Resumen de versiones"))
        self.details = message_label("sync.versions.details", _("Estaciones desactualizadas"))
        self.refresh = named(QPushButton(_("Consultar &versiones")), "sync.versions.refresh",
                             _("Consultar versiones"),
                             _("Pregunta a la central qué versión usa cada estación"))
        self.refresh.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self.refresh.clicked.connect(self.load)

    def load(self) -> None:
        self.refresh.setEnabled(False)
        show_message(self.summary, _("Consultando a la central…"), Tone.HINT)
        self.details.hide()
        self.tasks.run(lambda _p, _c: self.service.station_versions(self.actor),
                       on_success=self.show_versions, on_failure=self._failed, owner=self)

    def show_versions(self, versions: StationVersions) -> None:
        self.refresh.setEnabled(True)
        outdated = versions.outdated
        if not outdated:
            show_message(self.summary, _("Todas las estaciones del centro usan la versión "
                                         "{version}.").format(version=versions.newest),
                         Tone.OK)
            self.details.hide()
            return
        show_message(self.summary, ngettext(
            "{n} estación usa una versión anterior a la {version}:",
            "{n} estaciones usan una versión anterior a la {version}:", len(outdated),
        ).format(n=len(outdated), version=versions.newest), Tone.WARNING)
        show_message(self.details, "\n".join(
            _("{station}: versión {version} (desde el {when})").format(
                station=station.workstation, version=station.version,
                when=moment(station.reported_at))
            for station in outdated), Tone.WARNING)

    def _failed(self, message: str) -> None:
        self.refresh.setEnabled(True)
        show_message(self.summary, message)
