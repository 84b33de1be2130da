"""A person's identity document as typed at the counter: cédula, or passport (issuing
country + number) for a foreigner without one. Used for the applicant and for a
representative; the checks are the services' (`intake_checks`), shown as typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.domain.passport import ECUADOR, country_names
from desktop.i18n import _
from ui.widgets.forms import buddy, message_label, named, with_message

CEDULA, PASSPORT = "CEDULA", "PASAPORTE"


class IdentityFields(QWidget):
    """Rows «Documento», «Cédula» | «País del pasaporte» + «Número de pasaporte»."""

    changed = Signal()

    def __init__(self, prefix: str, whose: str, cedula: QLineEdit | None = None,
                 cedula_label: str | None = None):
        super().__init__()
        self.kind = named(QComboBox(), f"{prefix}.idType",
                          _("Documento de identidad de {whose}").format(whose=whose))
        self.kind.addItem(_("Cédula ecuatoriana"), CEDULA)
        self.kind.addItem(_("Pasaporte (extranjero sin cédula)"), PASSPORT)
        self.cedula = cedula or named(QLineEdit(), f"{prefix}.cedula",
                                      _("Cédula de {whose}").format(whose=whose))
        self.cedula.setMaxLength(12)
        self.country = named(QComboBox(), f"{prefix}.passportCountry",
                             _("País que emitió el pasaporte de {whose}").format(whose=whose))
        self.country.addItem(_("— elija el país —"), "")
        for code, name in country_names().items():
            if code != ECUADOR:
                self.country.addItem(name, code)
        for combo, what in ((self.kind, "idType"), (self.country, "passportCountry")):
            named(combo.view(), f"{prefix}.{what}.list", combo.accessibleName())
        self.number = named(QLineEdit(), f"{prefix}.passportNumber",
                            _("Número de pasaporte de {whose}").format(whose=whose),
                            _("Letras y dígitos, como figura en el pasaporte"))
        self.number.setMaxLength(24)
        self.cedula_message = message_label(f"{prefix}.cedulaMessage",
                                            _("Mensaje de la cédula de {whose}").format(
                                                whose=whose))
        self.passport_message = message_label(f"{prefix}.passportMessage",
                                              _("Mensaje del pasaporte de {whose}").format(
                                                  whose=whose))
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(buddy(_("Documento:"), self.kind), self.kind)
        self.cedula_row = with_message(self.cedula, self.cedula_message)
        self.form.addRow(buddy(cedula_label or _("Cédula:"), self.cedula), self.cedula_row)
        self.form.addRow(buddy(_("País del pasaporte:"), self.country), self.country)
        self.number_row = with_message(self.number, self.passport_message)
        self.form.addRow(buddy(_("Nº de pasaporte:"), self.number), self.number_row)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.country.currentIndexChanged.connect(self.changed)
        self.number.textChanged.connect(self.changed)
        self.cedula.textChanged.connect(self.changed)
        self._kind_changed()

    @property
    def by_passport(self) -> bool:
        return self.kind.currentData() == PASSPORT

    def country_code(self) -> str:
        return str(self.country.currentData() or "")

    def set_passport(self, country: str, number: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(PASSPORT))
        self.country.setCurrentIndex(max(0, self.country.findData(country)))
        self.number.setText(number)

    def clear(self) -> None:
        self.kind.setCurrentIndex(0)
        self.country.setCurrentIndex(0)
        for field in (self.cedula, self.number):
            field.clear()

    def set_editable(self, editable: bool) -> None:
        self.kind.setEnabled(editable)
        self.country.setEnabled(editable)
        self.cedula.setReadOnly(not editable)
        self.number.setReadOnly(not editable)

    def order(self) -> list[QWidget]:
        return [self.kind, self.cedula, self.country, self.number]

    def _kind_changed(self) -> None:
        passport = self.by_passport
        self.form.setRowVisible(self.cedula_row, not passport)
        for widget in (self.country, self.number_row):
            self.form.setRowVisible(widget, passport)
        if not passport:
            self.passport_message.clear()
        self.changed.emit()
