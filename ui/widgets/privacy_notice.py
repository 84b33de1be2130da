"""The privacy notice, read to the applicant before any personal data is typed (LOPDP
Art. 12, at collection); the clerk confirms it was given and the case records the version."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout

from desktop.domain.privacy import PrivacyNotice
from desktop.i18n import _
from ui.widgets.forms import named


class PrivacyNoticeBox(QGroupBox):
    changed = Signal()

    def __init__(self, notice: PrivacyNotice) -> None:
        super().__init__(_("Aviso de privacidad: léalo al solicitante antes de tomar sus datos"))
        self.setObjectName("intake.privacy")
        self.notice = notice
        self.text = named(QLabel(), "intake.privacyText", _("Texto del aviso de privacidad"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setText("<br>".join(
            f"<b>{html.escape(title)}:</b> {html.escape(body)}"
            for title, body in self.notice.paragraphs()))
        self.given = named(QCheckBox(_("Aviso de privacidad leído al solicitante "
                                       "(versión {v})").format(v=self.notice.version)),
                           "intake.privacyGiven", _("Aviso de privacidad entregado"),
                           _("Obligatorio antes de registrar: queda registrado con el trámite"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.given)
        self.given.toggled.connect(self._given)

    def _given(self, given: bool) -> None:
        """Once read, the text folds away (unticking shows it again): the form moves up."""
        self.text.setVisible(not given)
        self.changed.emit()

    def version_given(self) -> str:
        """The version to record with the case; '' while the clerk has not confirmed it."""
        return self.notice.version if self.given.isChecked() else ""
