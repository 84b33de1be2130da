"""«Archivos recibidos del escáner»: what a shared multifunction printer dropped into the
station's scan folder, waiting for the clerk to attach it to a checklist item.

The folder is polled every 2 s on a worker (one poll at a time); `FolderWatcher` takes a
file only once it has stopped growing and moves it to `procesados/` (or `rechazados/`
with the reason), so nothing is taken twice or lost. Files are listed, not appended by
themselves to whatever item happens to be selected: on a shared printer the next file may
be another counter's, and the clerk may have moved on to another item while the printer
was still sending, so the clerk says where each file goes («Adjuntar»).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.scanning import FolderWatcher, PickedUp
from ui.style import Tone
from ui.tasks import TaskRunner
from ui.widgets.forms import message_label, named, show_message

POLL_MS = 2_000
FILE_ROLE = Qt.ItemDataRole.UserRole


class ReceivedFiles(QGroupBox):
    attach_requested = Signal(object)  # PickedUp

    def __init__(self, watcher: FolderWatcher | None, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(_("Archivos recibidos del escáner"), parent)
        self.setObjectName("scan.receivedBox")
        self.watcher = watcher
        self.tasks = tasks
        self._polling = False
        self._can_attach = True
        self.files = named(QListWidget(), "scan.received", _("Archivos recibidos del escáner"),
                           _("Archivos que la multifunción dejó en la carpeta de escaneo"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setMaximumHeight(90)
        self.attach = named(QPushButton(_("Ad&juntar al documento seleccionado")),
                            "scan.attachReceived", _("Adjuntar el archivo recibido"),
                            _("Lo agrega al documento elegido en la lista de documentos"))
        self.discard = named(QPushButton(_("Descartar de la lista")), "scan.discardReceived",
                             _("Descartar el archivo recibido"),
                             _("Lo quita de la lista; el archivo queda en «procesados»"))
        self.message = message_label("scan.folderMessage", _("Mensaje de la carpeta de escaneo"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        row = QHBoxLayout()
        row.addWidget(self.attach)
        row.addWidget(self.discard)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.attach.clicked.connect(self._attach_current)
        self.discard.clicked.connect(lambda: self.take(self.current()))
        self.files.itemActivated.connect(lambda _item: self._attach_current())
        self.files.currentRowChanged.connect(lambda _row: self._update())
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.setVisible(watcher is not None)
        if watcher is not None:
            show_message(self.message, _("Carpeta: {folder}").format(folder=watcher.folder),
                         Tone.HINT)
            self.timer.start()
        self._update()

    def order(self) -> list[QWidget]:
        return [self.files, self.attach, self.discard]

    def set_can_attach(self, can: bool) -> None:
        """False while nothing may be attached (no item selected, busy, registered)."""
        self._can_attach = can
        self._update()

    def current(self) -> PickedUp | None:
        item = self.files.currentItem()
        return item.data(FILE_ROLE) if item is not None else None

    def take(self, picked: PickedUp | None) -> None:
        """Remove a file from the list (attached or discarded)."""
        for row in range(self.files.count()):
            if self.files.item(row).data(FILE_ROLE) is picked:
                self.files.takeItem(row)
                break
        self._update()

    def _update(self) -> None:
        has = self.current() is not None
        self.attach.setEnabled(has and self._can_attach)
        self.discard.setEnabled(has)

    def _attach_current(self) -> None:
        picked = self.current()
        if picked is not None and self._can_attach:
            self.attach_requested.emit(picked)

    # --- polling -----------------------------------------------------------------------

    def poll(self) -> None:
        """Look at the folder once (on a worker); skipped while a poll is still running."""
        watcher = self.watcher
        if watcher is None or self._polling:
            return
        self._polling = True
        self.tasks.run(lambda _p, _c: watcher.poll(), on_success=self._polled,
                       on_failure=self._failed, owner=self)

    def _polled(self, picked: list[PickedUp]) -> None:
        self._polling = False
        refused = []
        for file in picked:
            if file.checked is None:
                refused.append(_("«{name}» no se puede usar: {reason} (quedó en "
                                 "«rechazados»).").format(name=file.name, reason=file.reason))
                continue
            item = QListWidgetItem(_("{name} · {pages} pág.").format(
                name=file.name, pages=file.checked.pages))
            item.setData(FILE_ROLE, file)
            self.files.addItem(item)
            if self.files.currentRow() < 0:
                self.files.setCurrentItem(item)
        if refused:
            show_message(self.message, " ".join(refused), Tone.WARNING)
        self._update()

    def _failed(self, message: str) -> None:
        self._polling = False
        show_message(self.message, message)
