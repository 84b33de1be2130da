"""Intake page: a clerk registers a walk-in reliquidación request (issue: walking skeleton).

The page only arranges widgets and reacts; rules live in `desktop.services.intake_checks`
(as typed) and `desktop.services.intake` (lookup, attach, register, all off the GUI thread).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checklist import DocumentType, RequestType
from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services import intake_checks as checks
from desktop.services.intake import (
    AttachedDocument,
    CedulaLookup,
    IntakeForm,
    IntakeService,
    RegisteredCase,
)
from desktop.services.runtime import Runtime
from ui.tasks import TaskRunner
from ui.widgets.checklist import DocumentChecklist
from ui.widgets.forms import (
    ERROR_STYLE,
    HINT_STYLE,
    MARGIN,
    OK_STYLE,
    SPACING,
    WARNING_STYLE,
    message_label,
    named,
    show_message,
    with_message,
)
from ui.widgets.override import OverrideBox

FILE_FILTER = "Documentos (*.pdf *.jpg *.jpeg *.png);;Todos los archivos (*)"


class IntakePage(QWidget):
    receipt_requested = Signal(str)  # case number

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("intake.page")
        self.service = IntakeService(runtime, actor)
        self.tasks = tasks
        self.request_type = RequestType.RELIQUIDACION
        self.lookup: CedulaLookup | None = None
        self.attached: dict[DocumentType, AttachedDocument] = {}
        self.registered: RegisteredCase | None = None
        self._busy = False
        self._touched: set[str] = set()
        self.override = OverrideBox(actor)  # a supervisor registers an ineligible pensioner
        self._build()
        self._connect()
        self.reset()

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        self.cedula = named(QLineEdit(), "intake.cedula", _("Cédula del solicitante"),
                            _("10 dígitos; se valida mientras escribe"))
        self.cedula.setMaxLength(12)
        self.cedula_message = message_label("intake.cedulaMessage", _("Mensaje de la cédula"))
        self.pensioner_name = named(QLabel(), "intake.pensionerName", _("Nombre del pensionista"))
        self.pensioner_name.setStyleSheet("font-weight: bold;")
        self.pensioner_details = named(QLabel(), "intake.pensionerDetails",
                                       _("Tipo de pensión y provincia"))
        self.eligibility = message_label("intake.eligibility", _("Elegibilidad"))
        self.eligibility.setTextFormat(Qt.TextFormat.RichText)

        self.email = named(QLineEdit(), "intake.email", _("Correo electrónico"),
                           _("Obligatorio: por él se notifica el trámite"))
        self.email.setMaxLength(254)
        self.email_message = message_label("intake.emailMessage", _("Mensaje del correo"))
        self.phone = named(QLineEdit(), "intake.phone", _("Teléfono celular"),
                           _("Obligatorio, por ejemplo 0991234567"))
        self.phone.setMaxLength(20)
        self.phone_message = message_label("intake.phoneMessage", _("Mensaje del celular"))
        self.ruc = named(QLineEdit(), "intake.employerRuc", _("RUC del empleador"),
                         _("Opcional: 13 dígitos"))
        self.ruc.setMaxLength(15)
        self.ruc_message = message_label("intake.rucMessage", _("Mensaje del RUC"))
        self.periods = named(QLineEdit(), "intake.periods", _("Períodos pagados"),
                             _("Opcional, por ejemplo 2023-01 a 2023-12; 2024-03"))
        self.periods.setPlaceholderText("2023-01 a 2023-12; 2024-03")
        self.periods_message = message_label("intake.periodsMessage", _("Mensaje de períodos"))
        self.cedula_verified = named(
            QCheckBox(_("Cédula original &verificada (no se guarda copia)")),
            "intake.cedulaVerified", _("Cédula original verificada"))

        self.checklist = DocumentChecklist(self.request_type)
        self.attach = named(QPushButton(_("&Adjuntar archivo…")), "intake.attach",
                            _("Adjuntar archivo al documento seleccionado"),
                            _("PDF, JPEG o PNG de hasta 25 MB (F3)"))
        self.remove_document = named(QPushButton(_("&Quitar")), "intake.removeDocument",
                                     _("Quitar el archivo del documento seleccionado"))
        self.attach_message = message_label("intake.attachMessage", _("Mensaje de documentos"))

        self.missing = message_label("intake.missing", _("Lo que falta para registrar"))
        self.register = named(QPushButton(_("&Registrar trámite")), "intake.register",
                              _("Registrar trámite"), _("Ctrl+Enter"))
        self.register_message = message_label("intake.registerMessage",
                                              _("Resultado del registro"))
        self.case_number = named(QLabel(), "intake.caseNumber", _("Número de trámite"))
        self.case_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_number.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.print_receipt = named(QPushButton(_("&Imprimir comprobante")), "intake.printReceipt",
                                   _("Imprimir comprobante"))
        self.new_case = named(QPushButton(_("&Nuevo trámite")), "intake.newCase",
                              _("Nuevo trámite"), _("Ctrl+N"))

        applicant = QGroupBox(_("Solicitante"))
        form = QFormLayout(applicant)
        form.addRow(self._buddy(_("&Cédula:"), self.cedula),
                    with_message(self.cedula, self.cedula_message))
        form.addRow(_("Nombre:"), self.pensioner_name)
        form.addRow(_("Pensión:"), self.pensioner_details)
        form.addRow(_("Requisitos:"), self.eligibility)
        form.addRow(self.override)

        contact = QGroupBox(_("Contacto y motivo"))
        form = QFormLayout(contact)
        for text, field, message in (
            (_("C&orreo:"), self.email, self.email_message),
            (_("Ce&lular:"), self.phone, self.phone_message),
            (_("R&UC empleador:"), self.ruc, self.ruc_message),
            (_("&Períodos pagados:"), self.periods, self.periods_message),
        ):
            form.addRow(self._buddy(text, field), with_message(field, message))

        documents = QGroupBox(_("Documentos (* obligatorio)"))
        box = QVBoxLayout(documents)
        box.addWidget(self.cedula_verified)
        box.addWidget(self.checklist)
        row = QHBoxLayout()
        row.addWidget(self.attach)
        row.addWidget(self.remove_document)
        row.addStretch()
        box.addLayout(row)
        box.addWidget(self.attach_message)
        box.addStretch()

        columns = QHBoxLayout()
        columns.addWidget(contact, 1)
        columns.addWidget(documents, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(SPACING)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(applicant)
        layout.addLayout(columns)
        layout.addWidget(self.missing)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # the actions stay in view whatever the scroll position
        actions = QHBoxLayout()
        actions.setContentsMargins(MARGIN, 0, MARGIN, 0)
        actions.addWidget(self.register)
        actions.addWidget(self.case_number, 1)
        actions.addWidget(self.print_receipt)
        actions.addWidget(self.new_case)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, SPACING)
        outer.addWidget(scroll, 1)
        outer.addLayout(actions)
        self.register_message.setContentsMargins(MARGIN, 0, MARGIN, 0)
        outer.addWidget(self.register_message)

        order = [self.cedula, self.override.reason, self.email, self.phone, self.ruc,
                 self.periods, self.cedula_verified, self.checklist, self.attach,
                 self.remove_document, self.register, self.print_receipt, self.new_case]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _connect(self) -> None:
        self.cedula.textChanged.connect(self._cedula_changed)
        for field, key in ((self.email, "email"), (self.phone, "phone"), (self.ruc, "ruc"),
                           (self.periods, "periods")):
            field.textChanged.connect(self._refresh)
            field.editingFinished.connect(lambda key=key: self._touch(key))
        for field in (self.cedula, self.override.reason, self.email, self.phone, self.ruc,
                      self.periods):
            field.returnPressed.connect(self.focusNextChild)
        self.override.changed.connect(self._refresh)
        self.cedula_verified.toggled.connect(self._refresh)
        self.attach.clicked.connect(self.choose_file)
        self.remove_document.clicked.connect(self._remove_selected)
        self.checklist.itemSelectionChanged.connect(self._refresh)
        self.checklist.itemActivated.connect(lambda *_args: self.choose_file())
        self.register.clicked.connect(self.submit)
        self.print_receipt.clicked.connect(self._request_receipt)
        self.new_case.clicked.connect(self.reset)
        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("F3", self.choose_file),
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
            ("Ctrl+N", self.reset),
            ("Delete", self._remove_selected),
        ]
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- state -------------------------------------------------------------------------

    def reset(self) -> None:
        """A clean form for the next citizen."""
        if self._busy:
            return
        self.registered = None
        self.lookup = None
        self.attached.clear()
        self._touched.clear()
        for field in (self.cedula, self.email, self.phone, self.ruc, self.periods):
            field.clear()
        self.cedula_verified.setChecked(False)
        self.case_number.clear()
        for label in (self.attach_message, self.register_message, self.eligibility):
            show_message(label, "")
        self._show_pensioner(None)
        self._set_editable(True)
        self._refresh()
        self.cedula.setFocus()

    def form_state(self) -> checks.FormState:
        return checks.FormState(
            cedula=self.cedula.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            employer_ruc=self.ruc.text(),
            periods=self.periods.text(),
            cedula_verified=self.cedula_verified.isChecked(),
            attached=frozenset(self.attached),
            eligible=bool(self.lookup and (self.lookup.verdict.eligible or self.override.ready)),
            open_case=self.lookup.open_case.case_number if self.lookup and self.lookup.open_case
            else "",
            request_type=self.request_type,
        )

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._refresh()

    def _refresh(self) -> None:
        """Messages, checklist states and the Registrar button follow the form."""
        for key, field, label, check in (
            ("email", self.email, self.email_message, checks.check_email),
            ("phone", self.phone, self.phone_message, checks.check_phone),
            ("ruc", self.ruc, self.ruc_message, checks.check_ruc),
            ("periods", self.periods, self.periods_message, checks.check_periods),
        ):
            result = check(field.text())
            if not result.ok and key in self._touched:
                show_message(label, result.message)
            elif result.warning:
                show_message(label, result.warning, WARNING_STYLE)
            else:
                show_message(label, "")
        self.checklist.show_attached(self.attached)
        problems = checks.missing(self.form_state())
        done = self.registered is not None
        if done:
            show_message(self.missing, "")
        elif problems:
            text = _("Para registrar falta:") + "<ul>" + "".join(
                f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>"
            show_message(self.missing, text, HINT_STYLE)
        else:
            show_message(self.missing, _("Todo listo: puede registrar."), OK_STYLE)
        self.register.setEnabled(not problems and not done and not self._busy)
        self.print_receipt.setEnabled(done and not self._busy)
        selected = self._selected_type()
        self.attach.setEnabled(not done and not self._busy and selected is not None)
        self.remove_document.setEnabled(not done and selected in self.attached)

    def _selected_type(self) -> DocumentType | None:
        return self.checklist.selected_type()

    def _set_editable(self, editable: bool) -> None:
        for field in (self.cedula, self.email, self.phone, self.ruc, self.periods):
            field.setReadOnly(not editable)
        self.cedula_verified.setEnabled(editable)
        self.override.reason.setReadOnly(not editable)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    # --- cédula ------------------------------------------------------------------------

    def _cedula_changed(self, text: str) -> None:
        self.lookup = None
        self._show_pensioner(None)
        digits = "".join(c for c in text if c not in " -")
        if len(digits) < 10:
            remaining = 10 - len(digits)
            show_message(self.cedula_message,
                         _("Faltan {n} dígitos.").format(n=remaining) if digits else "",
                         HINT_STYLE)
            self._refresh()
            return
        result = checks.check_cedula(text)
        if not result.ok:
            show_message(self.cedula_message, result.message)
            self._refresh()
            return
        show_message(self.cedula_message, _("Buscando en el registro…"), HINT_STYLE)
        cedula = result.value
        self.tasks.run(
            owner=self,
            work=lambda _p, _c: self.service.lookup(cedula),
            on_success=lambda lookup: self._lookup_done(cedula, lookup),
            on_failure=lambda message: self._lookup_failed(cedula, message),
        )
        self._refresh()

    def _current_cedula(self) -> str:
        return checks.check_cedula(self.cedula.text()).value

    def _lookup_done(self, cedula: str, lookup: CedulaLookup) -> None:
        if cedula != self._current_cedula():
            return  # the clerk typed on; a newer lookup follows
        self.lookup = lookup
        show_message(self.cedula_message, "")
        self._show_pensioner(lookup)
        self._refresh()

    def _lookup_failed(self, cedula: str, message: str) -> None:
        if cedula == self._current_cedula():
            show_message(self.cedula_message, message)

    def _show_pensioner(self, lookup: CedulaLookup | None) -> None:
        pensioner = lookup.pensioner if lookup else None
        self.override.show_for(lookup)
        self.pensioner_name.setText(pensioner.full_name if pensioner else "")
        self.pensioner_details.setText(
            _("{kind} · pensión {state} · {province}").format(
                kind=pensioner.pension_type, state=pensioner.pension_state.lower(),
                province=pensioner.province)
            if pensioner else "")
        if lookup is None:
            show_message(self.eligibility, "")
            return
        items = "".join(f"<li>{html.escape(reason)}</li>" for reason in lookup.verdict.reasons)
        if lookup.open_case:
            case = lookup.open_case
            items += "<li>" + html.escape(
                _("Trámite abierto {number} ({state}, ingresado el {date}): no se puede "
                  "registrar otro.").format(number=case.case_number, state=case.state,
                                            date=case.registered)) + "</li>"
        if lookup.can_register:
            show_message(self.eligibility, f"<b>{_('Cumple los requisitos.')}</b><ul>{items}</ul>",
                         OK_STYLE)
        else:
            overridable = self.override.allowed and self.override.applies
            head = _("No cumple los requisitos:") if overridable else _("No se puede registrar:")
            show_message(self.eligibility, f"<b>{head}</b><ul>{items}</ul>", ERROR_STYLE)

    # --- documents ---------------------------------------------------------------------

    def choose_file(self) -> None:
        """Open a file chooser for the selected checklist item (non-native: works anywhere)."""
        document_type = self._selected_type()
        if document_type is None or self.registered is not None or self._busy:
            return
        dialog = QFileDialog(self, _("Adjuntar: {label}").format(
            label=self.checklist.item(document_type).label))
        dialog.setObjectName("intake.fileDialog")
        dialog.setAccessibleName(_("Elegir archivo"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(FILE_FILTER)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.attach_path(Path(path), document_type))
        dialog.open()

    def attach_path(self, path: Path, document_type: DocumentType) -> None:
        show_message(self.attach_message, _("Revisando el archivo…"), HINT_STYLE)
        self._set_busy(True)
        self.tasks.run(
            owner=self,
            work=lambda _p, _c: self.service.attach_file(path, document_type),
            on_success=self._attached,
            on_failure=self._attach_failed,
        )

    def _attached(self, document: AttachedDocument) -> None:
        self.attached[document.document_type] = document
        show_message(self.attach_message, _("«{label}» adjuntado ({pages} pág.).").format(
            label=document.label, pages=document.pages), OK_STYLE)
        self._set_busy(False)
        self.checklist.select_first_missing(self.attached)
        self._refresh()
        (self.register if self.register.isEnabled() else self.checklist).setFocus()

    def _attach_failed(self, message: str) -> None:
        show_message(self.attach_message, message)
        self._set_busy(False)

    def _remove_selected(self) -> None:
        document_type = self._selected_type()
        if self.registered is None and document_type in self.attached:
            del self.attached[document_type]
            show_message(self.attach_message, "")
            self._refresh()

    # --- registering -------------------------------------------------------------------

    def submit(self) -> None:
        if not self.register.isEnabled():
            return
        form = IntakeForm(
            cedula=self.cedula.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            cedula_verified=self.cedula_verified.isChecked(),
            documents=tuple(self.attached.values()),
            employer_ruc=self.ruc.text(),
            periods=self.periods.text(),
            request_type=self.request_type,
            override_reason=self.override.justification(),
        )
        show_message(self.register_message, _("Registrando…"), HINT_STYLE)
        self._set_busy(True)
        self.tasks.run(
            owner=self,
            work=lambda _p, _c: self.service.register(form),
            on_success=self._registered,
            on_failure=self._register_failed,
            writes=True,
        )

    def _registered(self, case: RegisteredCase) -> None:
        self.registered = case
        self._set_editable(False)
        self.case_number.setText(case.case_number)
        self.case_number.setAccessibleDescription(case.case_number)
        show_message(self.register_message,
                     _("Trámite registrado: {number}. Imprima el comprobante para el "
                       "solicitante.").format(number=case.case_number), OK_STYLE)
        self._set_busy(False)
        self.print_receipt.setFocus()

    def _register_failed(self, message: str) -> None:
        show_message(self.register_message, message)
        self._set_busy(False)

    def _request_receipt(self) -> None:
        if self.registered is not None:
            self.receipt_requested.emit(self.registered.case_number)
