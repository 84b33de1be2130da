"""«Lo presenta un representante»: an apoderado files for the pensioner, with their own
identity; the power of attorney is then a required checklist document (the service checks
it all again)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.applicants import Representative, checked_representative
from ui.style import Tone
from ui.widgets.forms import buddy, message_label, named, show_message
from ui.widgets.identity_fields import IdentityFields


class RepresentativeBox(QGroupBox):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__(_("Representante (apoderado)"))
        self.setObjectName("intake.representativeBox")
        self.enabled = named(QCheckBox(_("Lo presenta un representante con poder")),
                             "intake.byRepresentative", _("Lo presenta un representante"),
                             _("Se registra su identidad y se escanea el poder"))
        self.name = named(QLineEdit(), "intake.representativeName",
                          _("Nombres y apellidos del representante"))
        self.name.setMaxLength(170)
        self.identity = IdentityFields("intake.representative", _("el representante"))
        self.message = message_label("intake.representativeMessage",
                                     _("Mensaje del representante"))
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy(_("Nombres:"), self.name), self.name)
        form.addRow(self.identity)
        form.addRow(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.fields)
        self.enabled.toggled.connect(self._toggled)
        self.name.textChanged.connect(self.changed)
        self.identity.changed.connect(self.changed)
        self._toggled()

    def representative(self) -> Representative | None:
        if not self.enabled.isChecked():
            return None
        identity = self.identity
        if identity.by_passport:
            return Representative(self.name.text(), "", identity.country_code(),
                                  identity.number.text())
        return Representative(self.name.text(), identity.cedula.text())

    def problem(self, applicant_cedula: str) -> str:
        """What is wrong with the representative's data ('' when fine or not used)."""
        try:
            checked_representative(self.representative(), applicant_cedula)
        except ValidationError as error:
            return error.user_message
        return ""

    def show_problem(self, text: str, touched: bool) -> None:
        show_message(self.message, text if touched else "", Tone.ERROR)

    def clear(self) -> None:
        self.enabled.setChecked(False)
        self.name.clear()
        self.identity.clear()
        show_message(self.message, "")

    def set_editable(self, editable: bool) -> None:
        self.enabled.setEnabled(editable)
        self.name.setReadOnly(not editable)
        self.identity.set_editable(editable)

    def order(self) -> list[QWidget]:
        return [self.enabled, self.name, *self.identity.order()]

    def _toggled(self) -> None:
        self.fields.setVisible(self.enabled.isChecked())
        self.changed.emit()
