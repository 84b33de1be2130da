"""«Contacto y motivo»: the email, phone, employer RUC and paid periods of a case, each with
its message line, checked as the clerk types. The intake page and the correction dialog
show the same four fields with the same rules, so they share this box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.i18n import N_, _, translate
from desktop.services import intake_checks as checks
from desktop.services.correction import Contact
from ui.style import Tone
from ui.widgets.forms import buddy, message_label, named, show_message, with_message

#: key, the label the problem list uses, and the rule
RULES: tuple[tuple[str, str, Callable[[str], checks.FieldCheck]], ...] = (
    ("email", N_("Correo"), checks.check_email),
    ("phone", N_("Teléfono"), checks.check_phone),
    ("ruc", N_("RUC del empleador"), checks.check_ruc),
    ("periods", N_("Períodos"), checks.check_periods),
)


class ContactFields(QGroupBox):
    changed = Signal()
    touched = Signal(str)  # a field's key, once the clerk leaves it

    def __init__(self, prefix: str, parent: QWidget | None = None):
        super().__init__(_("Contacto y motivo"), parent)
        self.email = named(QLineEdit(), f"{prefix}.email", _("Correo electrónico"),
                           _("Obligatorio: por él se notifica el trámite"))
        self.email.setMaxLength(254)
        self.phone = named(QLineEdit(), f"{prefix}.phone", _("Teléfono"),
                           _("Opcional: celular o fijo de Ecuador, por ejemplo 0991234567 o "
                             "02 234 5678"))
        self.phone.setMaxLength(20)
        self.ruc = named(QLineEdit(), f"{prefix}.employerRuc", _("RUC del empleador"),
                         _("Opcional: 13 dígitos"))
        self.ruc.setMaxLength(15)
        self.periods = named(QLineEdit(), f"{prefix}.periods", _("Períodos pagados"),
                             _("Opcional, por ejemplo 2023-01 a 2023-12; 2024-03"))
        self.periods.setPlaceholderText("2023-01 a 2023-12; 2024-03")
        self.fields = {"email": self.email, "phone": self.phone, "ruc": self.ruc,
                       "periods": self.periods}
        self.messages: dict[str, QLabel] = {
            "email": message_label(f"{prefix}.emailMessage", _("Mensaje del correo")),
            "phone": message_label(f"{prefix}.phoneMessage", _("Mensaje del teléfono")),
            "ruc": message_label(f"{prefix}.rucMessage", _("Mensaje del RUC")),
            "periods": message_label(f"{prefix}.periodsMessage", _("Mensaje de períodos")),
        }
        form = QFormLayout(self)
        for text, key in ((_("C&orreo:"), "email"), (_("Te&léfono:"), "phone"),
                          (_("R&UC empleador:"), "ruc"), (_("&Períodos pagados:"), "periods")):
            field = self.fields[key]
            form.addRow(buddy(text, field), with_message(field, self.messages[key]))
            field.textChanged.connect(self.changed)
            field.editingFinished.connect(lambda key=key: self.touched.emit(key))

    def order(self) -> list[QLineEdit]:
        return list(self.fields.values())

    def contact(self) -> Contact:
        return Contact(self.email.text(), self.phone.text(), self.ruc.text(),
                       self.periods.text())

    def set_contact(self, contact: Contact) -> None:
        for key, value in (("email", contact.email), ("phone", contact.phone),
                           ("ruc", contact.employer_ruc), ("periods", contact.periods)):
            self.fields[key].setText(value)

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def set_editable(self, editable: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(not editable)

    def typed(self) -> bool:
        return any(field.text().strip() for field in self.fields.values())

    def check(self, shown: Callable[[str], bool] = lambda _key: True) -> list[str]:
        """Show each field's message (an error only where `shown(key)`, a warning always)
        and return every problem as «Label: message», in the form's order."""
        problems = []
        for key, label, rule in RULES:
            result = rule(self.fields[key].text())
            if not result.ok:
                problems.append(f"{translate(label)}: {result.message}")
            if not result.ok and shown(key):
                show_message(self.messages[key], result.message)
            elif result.warning:
                show_message(self.messages[key], result.warning, Tone.WARNING)
            else:
                show_message(self.messages[key], "")
        return problems

    def first_invalid(self) -> QLineEdit | None:
        return next((self.fields[key] for key, _label, rule in RULES
                     if not rule(self.fields[key].text()).ok), None)
