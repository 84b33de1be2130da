"""Opening and closing an attention at the counter (F8 / F9).

With none open: the turno code, typed or read by a keyboard-wedge scanner (which types the
code and Enter), or «Sin turno». With one open: what the pages already noted, and, when
nothing was, the outcome — only information, or turned away with its reason. The
attention service checks everything; the dialog shows its answer."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import format_local
from desktop.domain.attentions import Kind
from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services.attentions import AttentionService, OpenAttention
from desktop.services.runtime import Runtime
from ui.style import Tone, set_tone
from ui.tasks import TaskRunner
from ui.widgets.forms import MARGIN, button_row, labelled_rows, message_label, named, show_message


class AttentionDialog(QDialog):
    changed = Signal()

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 current: OpenAttention | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attention.dialog")
        self.service = AttentionService(runtime, actor)
        self.tasks = tasks
        self.current = current
        self._busy = False
        self.message = message_label("attention.message", _("Mensaje de la atención"))
        self.cancel = named(QPushButton(_("Cancelar")), "attention.cancel", _("Cancelar"))
        self.cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        if current is None:
            self._build_open(layout)
        else:
            self._build_close(layout, current)
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)

    # --- opening -----------------------------------------------------------------------

    def _build_open(self, layout: QVBoxLayout) -> None:
        self.setWindowTitle(_("Abrir atención"))
        intro = QLabel(_("Escriba o escanee el código del turno (ticket o turno en línea). "
                         "Si la persona no tiene turno, use «Sin turno»."))
        intro.setWordWrap(True)
        set_tone(intro, Tone.HINT)
        self.turno = named(QLineEdit(), "attention.turno", _("Código del turno"),
                           _("Por ejemplo A-023 o T-UIO01-20261205-0930-017"))
        self.turno.setMaxLength(80)
        self.submit = named(QPushButton(_("&Abrir atención")), "attention.openSubmit",
                            _("Abrir atención con el turno"))
        self.without = named(QPushButton(_("&Sin turno")), "attention.noTurno",
                             _("Abrir atención sin turno"))
        self.submit.setDefault(True)
        layout.addWidget(intro)
        layout.addLayout(labelled_rows(QFormLayout(), ((_("&Turno:"), self.turno),)))
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.submit, self.without, self.cancel))
        for first, second in itertools.pairwise([self.turno, self.submit, self.without,
                                                 self.cancel]):
            QWidget.setTabOrder(first, second)
        self.turno.returnPressed.connect(self.open_attention)  # a scanner ends with Enter
        self.submit.clicked.connect(self.open_attention)
        self.without.clicked.connect(lambda: self._open(""))
        self.turno.setFocus()

    def open_attention(self) -> None:
        self._open(self.turno.text())

    def _open(self, text: str) -> None:
        self._run(lambda: self.service.open(text), _("Abriendo la atención…"))

    # --- closing -----------------------------------------------------------------------

    def _build_close(self, layout: QVBoxLayout, current: OpenAttention) -> None:
        self.setWindowTitle(_("Cerrar atención"))
        done = ", ".join(kind.label for kind in current.kinds) or _("nada aún")
        summary = QLabel(_("Turno: {turno} · desde las {at}\nAnotado: {done}").format(
            turno=current.turno_label, at=format_local(current.started_at), done=done))
        summary.setObjectName("attention.summary")
        summary.setWordWrap(True)
        self.noted = named(QRadioButton(_("Lo &anotado arriba")), "attention.asNoted",
                           _("Cerrar con lo anotado"))
        self.information = named(QRadioButton(_("Solo &información")), "attention.information",
                                 _("Solo se dio información"))
        self.turned_away = named(QRadioButton(_("&No se pudo atender")),
                                 "attention.turnedAway", _("No se pudo atender a la persona"))
        self.reason = named(QLineEdit(), "attention.reason", _("Motivo por el que no se atendió"))
        self.reason.setMaxLength(300)
        self.group = QButtonGroup(self)
        for button in (self.noted, self.information, self.turned_away):
            self.group.addButton(button)
        self.noted.setVisible(bool(current.kinds))
        (self.noted if current.kinds else self.information).setChecked(True)
        self.submit = named(QPushButton(_("&Cerrar atención")), "attention.closeSubmit",
                            _("Cerrar atención"))
        self.submit.setDefault(True)
        layout.addWidget(summary)
        for widget in (self.noted, self.information, self.turned_away):
            layout.addWidget(widget)
        layout.addLayout(labelled_rows(QFormLayout(), ((_("&Motivo:"), self.reason),)))
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.submit, self.cancel))
        self.turned_away.toggled.connect(self._toggle)
        self.reason.returnPressed.connect(self.close_attention)
        self.submit.clicked.connect(self.close_attention)
        self._toggle()
        self.submit.setFocus()

    def _toggle(self) -> None:
        self.reason.setEnabled(self.turned_away.isChecked())
        if self.turned_away.isChecked():
            self.reason.setFocus()

    def close_attention(self) -> None:
        outcome = (Kind.INFORMATION if self.information.isChecked() else
                   Kind.TURNED_AWAY if self.turned_away.isChecked() else None)
        reason = self.reason.text()
        self._run(lambda: self.service.close(outcome, reason), _("Cerrando la atención…"))

    # --- shared ------------------------------------------------------------------------

    def _run(self, work: Any, busy_text: str) -> None:
        if self._busy:
            return
        self._busy = True
        self.submit.setEnabled(False)
        show_message(self.message, busy_text, Tone.HINT)
        self.tasks.run(lambda _p, _c: work(), writes=True, on_success=self._done,
                       on_failure=self._failed, owner=self)

    def _done(self, _result: object) -> None:
        self._busy = False
        self.changed.emit()
        self.accept()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        show_message(self.message, message)
