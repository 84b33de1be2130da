"""«Registrar con autorización»: a supervisor lets an ineligible pensioner in, in writing.

Shown on the intake page only when the registry says the person is a pensioner who does
not meet the requirements and has no open case (the cache may be older than the
employer's payment, DESIGN.md §4). A supervisor gets the justification field; a clerk
reads that a supervisor can authorise it. The intake service enforces the rule (role,
length) and audits the justification.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout

from desktop.domain.roles import Action, Actor, may
from desktop.i18n import _, ngettext
from desktop.services.intake import CedulaLookup
from ui.style import Tone, set_tone
from ui.widgets.forms import message_label, named, show_message

MIN_CHARS = 15  # the service's minimum, said before the person tries


class OverrideBox(QGroupBox):
    changed = Signal()

    def __init__(self, actor: Actor):
        super().__init__(_("Registrar con autorización"))
        self.setObjectName("intake.override")
        self.allowed = may(actor.role, Action.OVERRIDE_ELIGIBILITY)
        self.applies = False
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        set_tone(self.explanation, Tone.WARNING)
        self.reason = named(QLineEdit(), "intake.overrideReason",
                            _("Justificación de la autorización"),
                            _("Por qué se registra aunque no cumple (queda en la auditoría)"))
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(_("Por ejemplo: el empleador presentó hoy el "
                                         "comprobante de pago del IESS"))
        self.hint = message_label("intake.overrideHint", _("Estado de la justificación"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        self.reason.setVisible(self.allowed)
        self.explanation.setText(
            _("No cumple los requisitos según la información sincronizada, que puede ser "
              "anterior al pago del empleador. Como supervisor puede registrarlo igual con "
              "una justificación escrita.") if self.allowed else
            _("Un supervisor puede autorizar el registro con una justificación escrita."))
        self.reason.textChanged.connect(self._typed)
        self.show_for(None)

    def show_for(self, lookup: CedulaLookup | None) -> None:
        """Visible only for a pensioner who is not eligible and has no open case."""
        self.applies = (lookup is not None and lookup.pensioner is not None
                        and not lookup.verdict.eligible and lookup.open_case is None)
        self.setVisible(self.applies)
        if not self.applies:
            self.reason.clear()
        self._typed()

    def justification(self) -> str:
        return " ".join(self.reason.text().split()) if self.applies and self.allowed else ""

    @property
    def ready(self) -> bool:
        """A justification long enough for the service to accept it."""
        return len(self.justification()) >= MIN_CHARS

    def _typed(self) -> None:
        if self.allowed and self.applies:
            missing = MIN_CHARS - len(self.justification())
            text = ngettext("Falta {n} carácter de justificación.",
                            "Faltan {n} caracteres de justificación.", missing).format(n=missing)
            show_message(self.hint, text if missing > 0
                         else _("Justificación suficiente: puede registrar."), Tone.HINT)
        else:
            show_message(self.hint, "")
        self.changed.emit()
