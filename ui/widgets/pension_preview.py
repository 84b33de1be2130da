"""The supervisor's pension preview: before and after the employer's late payment, step by
step, always labelled «Cálculo referencial, no vinculante». Shown on screen only: there is
no print button (DESIGN.md §4, the renta is whatever the acuerdo says)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.domain.pension import Calculation, PensionPreview
from desktop.i18n import N_, _, translate
from ui.style import Look, Tone, set_look, set_tone
from ui.widgets.forms import message_label, named, show_message
from ui.widgets.text import usd

ROWS: tuple[tuple[str, Callable[[Calculation], str]], ...] = (
    (N_("Imposiciones (meses)"), lambda c: str(c.months)),
    (N_("Años completos"), lambda c: str(c.years)),
    (N_("Mejores años usados"), lambda c: "\n".join(f"{w.start} a {w.end}" for w in c.windows)),
    (N_("Base (promedio de los mejores años)"), lambda c: usd(c.base)),
    (N_("Coeficiente"), lambda c: f"{c.coefficient:.4f}".replace(".", ",")),
    (N_("Base × coeficiente"), lambda c: usd(c.raw)),
    (N_("Pensión mínima"), lambda c: usd(c.minimum)),
    (N_("Pensión máxima"), lambda c: usd(c.maximum)),
    (N_("Límite aplicado"), lambda c: c.bound.label),
    (N_("Pensión mensual"), lambda c: usd(c.final)),
)


class PensionPreviewView(QGroupBox):
    """objectName `review.pensionPreview`; the figures are in `review.pensionPreview.table`."""

    def __init__(self, name: str = "review.pensionPreview"):
        super().__init__(_("Vista previa de la pensión"))
        named(self, name, _("Vista previa de la pensión, cálculo referencial"))
        self.preview: PensionPreview | None = None
        self.label = named(QLabel(), f"{name}.label", _("Carácter del cálculo"))
        set_tone(self.label, Tone.WARNING)
        set_look(self.label, Look.STRONG)
        self.table = named(QTableWidget(len(ROWS), 2), f"{name}.table",
                           _("Cálculo antes y después del pago patronal"))
        self.table.setHorizontalHeaderLabels([_("Antes del pago patronal"),
                                              _("Con el pago patronal")])
        self.table.setVerticalHeaderLabels([translate(label) for label, _value in ROWS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(), f"{name}.summary", _("Diferencia mensual"))
        set_look(self.summary, Look.STRONG)
        self.summary.setWordWrap(True)
        self.notes = message_label(f"{name}.notes", _("Notas del cálculo"))
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.message = message_label(f"{name}.message", _("Mensaje de la vista previa"))
        layout = QVBoxLayout(self)
        for widget in (self.label, self.message, self.summary, self.table, self.notes):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.show_message("")

    def show_preview(self, preview: PensionPreview) -> None:
        self.preview = preview
        self.label.setText(_("{label}: no se imprime ni se entrega al ciudadano.").format(
            label=preview.label))
        for row, (_label, value) in enumerate(ROWS):
            for column, calculation in enumerate((preview.before, preview.after)):
                self.table.setItem(row, column, QTableWidgetItem(value(calculation)))
        self.table.resizeRowsToContents()
        self.summary.setText(_("Pensión actual {previous} → referencial {new}: diferencia "
                               "mensual {difference}.").format(
            previous=usd(preview.previous), new=usd(preview.new),
            difference=usd(preview.difference)))
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in preview.notes)
        show_message(self.notes, f"<ul>{notes}</ul>" if notes else "", Tone.HINT)
        show_message(self.message, "")
        for widget in (self.label, self.table, self.summary):
            widget.setVisible(True)

    def show_message(self, text: str, style: Tone = Tone.HINT) -> None:
        """No preview (still loading, offline, no history): say why."""
        self.preview = None
        show_message(self.message, text, style)
        show_message(self.notes, "")
        self.table.clearContents()
        self.summary.clear()
        for widget in (self.label, self.table, self.summary):
            widget.setVisible(False)
