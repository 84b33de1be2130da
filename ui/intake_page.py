"""Intake page: a clerk registers a walk-in reliquidación request.

The page only arranges widgets and reacts; rules live in `desktop.services.intake_checks`
(as typed) and `desktop.services.intake` (lookup, attach, register, all off the GUI thread).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
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
from desktop.i18n import _, ngettext
from desktop.services import intake_checks as checks
from desktop.services.attached import AttachedDocument
from desktop.services.intake import (
    CedulaLookup,
    IntakeForm,
    IntakeService,
    RegisteredCase,
)
from desktop.services.runtime import Runtime
from desktop.services.scanning import PickedUp, ScanningService
from ui.attention_status import start_attention
from ui.commands import bind_keys
from ui.icons import with_icon
from ui.scan_panel import ScanPanel
from ui.style import Look, Tone, set_look
from ui.tasks import TaskRunner
from ui.widgets.checklist import DocumentChecklist
from ui.widgets.contact_fields import ContactFields
from ui.widgets.forms import (
    MARGIN,
    SPACING,
    buddy,
    message_label,
    named,
    show_message,
)
from ui.widgets.identity_fields import IdentityFields
from ui.widgets.privacy_notice import PrivacyNoticeBox
from ui.widgets.received_files import ReceivedFiles
from ui.widgets.representative import RepresentativeBox


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
        self.scanning = ScanningService(runtime, actor)
        self.scan = ScanPanel(self.scanning, tasks)
        self.received = ReceivedFiles(self.scanning.folder_watcher(), tasks)
        self.attached: dict[DocumentType, AttachedDocument] = self.scan.attached
        self.registered: RegisteredCase | None = None
        self._busy = False
        self._touched: set[str] = set()
        # read to the applicant before their data is typed (one small read of the cache)
        self.notice = PrivacyNoticeBox(self.service.privacy_notice())
        self.representative = RepresentativeBox()  # an apoderado files for the pensioner
        self._build()
        self._connect()
        self.reset()

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        self.cedula = named(QLineEdit(), "intake.cedula", _("Cédula del solicitante"),
                            _("10 dígitos; se valida mientras escribe"))
        self.applicant_id = IdentityFields("intake", _("el solicitante"), cedula=self.cedula,
                                           cedula_label=_("&Cédula:"))
        self.cedula_message = self.applicant_id.cedula_message
        self.applicant_name = named(QLineEdit(), "intake.applicantName",
                                    _("Nombres y apellidos del solicitante"),
                                    _("Solo si el registro de pensionistas no lo conoce"))
        self.applicant_name.setMaxLength(170)
        self.pensioner_name = named(QLabel(), "intake.pensionerName", _("Nombre del pensionista"))
        set_look(self.pensioner_name, Look.STRONG)
        self.pensioner_details = named(QLabel(), "intake.pensionerDetails",
                                       _("Tipo de pensión y provincia"))
        self.eligibility = message_label("intake.eligibility", _("Requisitos del trámite"))
        self.eligibility.setTextFormat(Qt.TextFormat.RichText)
        self.blocked = message_label("intake.blocked", _("Por qué no se puede registrar"))

        self.contact_fields = ContactFields("intake")
        self.cedula_verified = named(
            QCheckBox(_("Cédula original &verificada (no se guarda copia)")),
            "intake.cedulaVerified", _("Cédula original verificada"))

        self.checklist = DocumentChecklist(self.request_type)

        self.missing = message_label("intake.missing", _("Lo que falta para registrar"))
        self.register = named(with_icon(QPushButton(_("&Registrar trámite")), "register"),
                              "intake.register",
                              _("Registrar trámite"), _("Ctrl+Enter"))
        self.register_message = message_label("intake.registerMessage",
                                              _("Resultado del registro"))
        self.case_number = named(QLabel(), "intake.caseNumber", _("Número de trámite"))
        self.case_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_look(self.case_number, Look.CASE_NUMBER)
        self.print_receipt = named(with_icon(QPushButton(_("&Imprimir comprobante")), "print"),
                                   "intake.printReceipt",
                                   _("Imprimir comprobante"))
        self.new_case = named(with_icon(QPushButton(_("&Nuevo trámite")), "newCase"),
                              "intake.newCase",
                              _("Nuevo trámite"), _("Ctrl+N"))

        applicant = QGroupBox(_("Solicitante"))
        form = QFormLayout(applicant)
        form.addRow(self.applicant_id)
        form.addRow(_("Nombre:"), self.pensioner_name)
        form.addRow(buddy(_("Nombres y apellidos:"), self.applicant_name), self.applicant_name)
        self.applicant_form = form
        form.addRow(_("Pensión:"), self.pensioner_details)
        form.addRow(_("Requisitos:"), self.eligibility)
        form.addRow(self.blocked)

        documents = QGroupBox(_("Documentos (* obligatorio)"))
        box = QVBoxLayout(documents)
        box.addWidget(self.cedula_verified)
        box.addWidget(self.checklist)
        box.addWidget(self.scan)
        box.addWidget(self.received)
        box.addStretch()

        # two columns: who and how to reach them | what they brought
        left = QVBoxLayout()
        left.addWidget(applicant)
        left.addWidget(self.representative)
        left.addWidget(self.contact_fields)
        left.addStretch()
        columns = QHBoxLayout()
        columns.setSpacing(SPACING)
        columns.addLayout(left, 1)
        columns.addWidget(documents, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.addWidget(self.notice)
        layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setObjectName("intake.scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        # the action bar stays in view whatever the scroll position: what is missing, what
        # the last scan or import did, the result of registering, and the buttons
        bar = QFrame()
        bar.setObjectName("intake.actionBar")
        set_look(bar, Look.ACTION_BAR)
        messages = QVBoxLayout()
        messages.setSpacing(2)
        for label in (self.scan.message, self.missing, self.register_message):
            messages.addWidget(label)
        actions = QHBoxLayout()
        actions.addWidget(self.register)
        actions.addWidget(self.case_number, 1)
        actions.addWidget(self.print_receipt)
        actions.addWidget(self.new_case)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(MARGIN, SPACING // 2, MARGIN, SPACING // 2)
        bar_layout.addLayout(messages)
        bar_layout.addLayout(actions)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(bar)

        order = [self.notice.given, *self.applicant_id.order(), self.applicant_name,
                 *self.representative.order(), *self.contact_fields.order(),
                 self.cedula_verified, self.checklist, *self.scan.order(),
                 *self.received.order(), self.register, self.print_receipt, self.new_case]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.applicant_id.changed.connect(self._identity_changed)
        self.applicant_name.textChanged.connect(self._refresh)
        self.applicant_name.editingFinished.connect(lambda: self._touch("name"))
        self.notice.changed.connect(self._refresh)
        self.representative.changed.connect(self._refresh)
        self.representative.name.editingFinished.connect(lambda: self._touch("representative"))
        self.contact_fields.changed.connect(self._refresh)
        self.contact_fields.touched.connect(self._touch)
        for field in (self.cedula, self.applicant_id.number, self.applicant_name,
                      self.representative.name, self.representative.identity.cedula,
                      self.representative.identity.number, *self.contact_fields.order()):
            field.returnPressed.connect(self.focusNextChild)
        self.cedula_verified.toggled.connect(self._refresh)
        self.scan.stored.connect(self._attached)
        self.scan.changed.connect(self._refresh)
        self.scan.busy_changed.connect(self._scan_busy)
        self.received.attach_requested.connect(self._attach_received)
        self.checklist.itemSelectionChanged.connect(self._selection_changed)
        self.checklist.itemActivated.connect(lambda *_args: self.choose_file())
        self.register.clicked.connect(self.submit)
        self.print_receipt.clicked.connect(self._request_receipt)
        self.new_case.clicked.connect(self.reset)
        keys: list[tuple[str, Callable[[], object]]] = [
            ("intake.chooseFile", self.choose_file), ("intake.scan", self.scan.scan),
            ("intake.saveDocument", self.scan.save_document), ("intake.submit", self.submit),
            ("intake.reset", self.reset), ("intake.removeDocument", self._delete_key)]
        for command, slot in keys:
            bind_keys(command, self, slot)
        cancel = bind_keys("intake.cancelScan", self, self.scan.cancel_work)
        assert cancel is not None
        self.cancel_shortcut = cancel
        self.cancel_shortcut.setEnabled(False)

    # --- state -------------------------------------------------------------------------

    def reset(self) -> None:
        """A clean form for the next citizen."""
        if self._busy or self.scan.busy:
            return
        self.registered = None
        self.lookup = None
        self.scan.clear()
        self._touched.clear()
        self.contact_fields.clear()
        self.applicant_name.clear()
        self.applicant_id.clear()
        self.representative.clear()
        self.notice.given.setChecked(False)
        self.cedula_verified.setChecked(False)
        self.case_number.clear()
        for label in (self.register_message, self.eligibility, self.blocked, self.scan.message):
            show_message(label, "")
        self._show_pensioner(None)
        self._set_editable(True)
        self._refresh()
        self.cedula.setFocus()

    def form_state(self) -> checks.FormState:
        representative = self.representative.enabled.isChecked()
        contact = self.contact_fields.contact()
        return checks.FormState(
            cedula=self.cedula.text(),
            passport_country=self.applicant_id.country_code(),
            passport_number=self.applicant_id.number.text(),
            by_passport=self.applicant_id.by_passport,
            applicant_name=self.applicant_name.text(),
            name_needed=self._name_needed(),
            representative=representative,
            representative_problem=self.representative.problem(
                "" if self.applicant_id.by_passport else self._current_cedula())
            if representative else "",
            notice_given=self.notice.given.isChecked(),
            email=contact.email,
            phone=contact.phone,
            employer_ruc=contact.employer_ruc,
            periods=contact.periods,
            cedula_verified=self.cedula_verified.isChecked(),
            attached=frozenset(self.attached),
            looked_up=self.lookup is not None,
            open_case=self.lookup.open_case.case_number if self.lookup and self.lookup.open_case
            else "",
            request_type=self.request_type,
        )

    def _name_needed(self) -> bool:
        """The registry does not know the person: the clerk types the name."""
        return self.lookup is not None and self.lookup.pensioner is None

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._refresh()

    def _refresh(self) -> None:
        """Messages, checklist states and the Registrar button follow the form."""
        self.contact_fields.check(lambda key: key in self._touched)
        self.applicant_form.setRowVisible(self.applicant_name, self._name_needed())
        self.applicant_form.setRowVisible(self.pensioner_name, not self._name_needed())
        self.cedula_verified.setText(
            _("Pasaporte original &verificado (no se guarda copia)")
            if self.applicant_id.by_passport else
            _("Cédula original &verificada (no se guarda copia)"))
        state = self.form_state()
        self.representative.show_problem(state.representative_problem,
                                         "representative" in self._touched)
        self.checklist.show_attached(self.attached, self.scan.pending())
        problems = checks.missing(state) + self.scan.unsaved()
        done = self.registered is not None
        busy = self._busy or self.scan.busy
        if done:
            show_message(self.missing, "")
        elif problems:
            text = "<b>" + html.escape(_("Para registrar falta:")) + "</b> " + " · ".join(
                html.escape(problem) for problem in problems)
            show_message(self.missing, text, Tone.HINT)
        else:
            show_message(self.missing, _("Todo listo: puede registrar."), Tone.OK)
        self.register.setEnabled(not problems and not done and not busy)
        self.print_receipt.setEnabled(done and not busy)
        self.scan.set_editable(not done and not self._busy)
        self.received.set_can_attach(not done and not busy and self._selected_type() is not None)

    def _selected_type(self) -> DocumentType | None:
        return self.checklist.selected_type()

    def _set_editable(self, editable: bool) -> None:
        self.contact_fields.set_editable(editable)
        self.applicant_name.setReadOnly(not editable)
        self.applicant_id.set_editable(editable)
        self.representative.set_editable(editable)
        self.notice.given.setEnabled(editable)
        self.cedula_verified.setEnabled(editable)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    # --- cédula ------------------------------------------------------------------------

    def _identity_changed(self) -> None:
        if self.applicant_id.by_passport:
            self._passport_changed()
        else:
            show_message(self.applicant_id.passport_message, "")
            self._cedula_changed(self.cedula.text())

    def _passport_changed(self) -> None:
        """A foreigner: look up any open case under the passport once it is well formed."""
        self.lookup = None
        self._show_pensioner(None)
        show_message(self.cedula_message, "")
        country, number = self.applicant_id.country_code(), self.applicant_id.number.text()
        result = checks.check_passport(country, number)
        if not result.ok:
            show_message(self.applicant_id.passport_message,
                         result.message if country and number.strip() else "", Tone.HINT)
            self._refresh()
            return
        show_message(self.applicant_id.passport_message, _("Buscando trámites abiertos…"),
                     Tone.HINT)
        self.tasks.run(
            owner=self,
            work=lambda _p, _c: self.service.lookup_passport(country, number),
            on_success=lambda lookup: self._passport_done(result.value, lookup),
            on_failure=lambda message: show_message(self.applicant_id.passport_message,
                                                    message),
        )
        self._refresh()

    def _passport_done(self, key: str, lookup: CedulaLookup) -> None:
        current = checks.check_passport(self.applicant_id.country_code(),
                                        self.applicant_id.number.text())
        if not self.applicant_id.by_passport or current.value != key:
            return  # the clerk typed on
        self.lookup = lookup
        show_message(self.applicant_id.passport_message, "")
        self._show_pensioner(lookup)
        self._refresh()

    def _cedula_changed(self, text: str) -> None:
        self.lookup = None
        self._show_pensioner(None)
        digits = "".join(c for c in text if c not in " -")
        if len(digits) < 10:
            remaining = 10 - len(digits)
            show_message(self.cedula_message,
                         ngettext("Falta {n} dígito.", "Faltan {n} dígitos.", remaining).format(
                             n=remaining) if digits else "",
                         Tone.HINT)
            self._refresh()
            return
        result = checks.check_cedula(text)
        if not result.ok:
            show_message(self.cedula_message, result.message)
            self._refresh()
            return
        show_message(self.cedula_message, _("Buscando en el registro…"), Tone.HINT)
        cedula = result.value
        start_attention(self.service.runtime, self.service.actor, self.tasks, self)
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
        if cedula != self._current_cedula() or self.applicant_id.by_passport:
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
        self.pensioner_name.setText(pensioner.full_name if pensioner else "")
        self.pensioner_details.setText(
            _("{kind} · pensión {state} · {province}").format(
                kind=pensioner.pension_type, state=pensioner.pension_state.lower(),
                province=pensioner.province)
            if pensioner else "")
        if lookup is None:
            show_message(self.eligibility, "")
            show_message(self.blocked, "")
            return
        # the requirements, as facts: met in green; unmet, a warning the clerk reads to the
        # applicant — a public counter takes every petition and the institution decides
        items = "".join(f"<li>{html.escape(reason)}</li>" for reason in lookup.verdict.reasons)
        if lookup.verdict.eligible:
            show_message(self.eligibility,
                         f"<b>{html.escape(_('Cumple los requisitos.'))}</b><ul>{items}</ul>",
                         Tone.OK)
        else:
            head = _("Advertencia: no se pudo confirmar un requisito. Léasela al solicitante: "
                     "la solicitud se registra igual y el IESS decidirá.")
            show_message(self.eligibility, f"<b>{html.escape(head)}</b><ul>{items}</ul>",
                         Tone.WARNING)
        # … and apart from them, what stops a new request whatever the requirements say
        case = lookup.open_case
        show_message(self.blocked, _(
            "No se puede registrar otro: ya existe el trámite abierto {number} ({state}, "
            "ingresado el {date}). Consúltelo en «Consulta de estado».").format(
            number=case.case_number, state=case.state, date=case.registered) if case else "")

    # --- documents ---------------------------------------------------------------------

    def _scan_busy(self, busy: bool) -> None:
        self.cancel_shortcut.setEnabled(busy)
        self._refresh()

    def _selection_changed(self) -> None:
        self.scan.show_item(self._selected_type())
        self._refresh()

    def choose_file(self) -> None:
        """F3, Enter on the checklist: a file for the selected item (the panel's chooser)."""
        if self.registered is None and not self._busy:
            self.scan.choose_file()

    def _attach_received(self, picked: PickedUp) -> None:
        document_type = self._selected_type()
        if document_type is not None and self.registered is None:
            self.scan.add_received(picked, document_type, lambda: self.received.take(picked))

    def _attached(self, document: AttachedDocument) -> None:
        if any(item.required and item.document_type not in self.attached
               for item in self.checklist.items):
            self.checklist.select_first_missing(self.attached)  # on to what is still due
        self._refresh()
        (self.register if self.register.isEnabled() else self.checklist).setFocus()

    def _delete_key(self) -> None:
        """Supr: the selected page in the page strip, else the selected item's document."""
        if self.scan.pages.hasFocus():
            self.scan.delete_page()
        elif self.checklist.hasFocus():
            self.scan.remove_current()

    # --- registering -------------------------------------------------------------------

    def submit(self) -> None:
        if not self.register.isEnabled():
            self._explain_not_ready()
            return
        by_passport = self.applicant_id.by_passport
        contact = self.contact_fields.contact()
        form = IntakeForm(
            cedula="" if by_passport else self.cedula.text(),
            passport_country=self.applicant_id.country_code() if by_passport else "",
            passport_number=self.applicant_id.number.text() if by_passport else "",
            applicant_name=self.applicant_name.text() if self._name_needed() else "",
            representative=self.representative.representative(),
            privacy_notice=self.notice.version_given(),
            email=contact.email,
            phone=contact.phone,
            cedula_verified=self.cedula_verified.isChecked(),
            documents=tuple(self.attached.values()),
            employer_ruc=contact.employer_ruc,
            periods=contact.periods,
            request_type=self.request_type,
        )
        show_message(self.register_message, _("Registrando…"), Tone.HINT)
        self._set_busy(True)
        self.tasks.run(
            owner=self,
            work=lambda _p, _c: self.service.register(form),
            on_success=self._registered,
            on_failure=self._register_failed,
            writes=True,
        )

    def _explain_not_ready(self) -> None:
        """Ctrl+Enter on a greyed «Registrar»: say why, and go to the first thing to fix."""
        if self.registered is not None or self._busy or self.scan.busy:
            return
        show_message(self.register_message, _(
            "Aún no se puede registrar: complete lo que falta (indicado arriba)."), Tone.WARNING)
        state = self.form_state()
        first: QWidget = self.checklist
        identity_ok = (checks.check_passport(state.passport_country, state.passport_number).ok
                       if state.by_passport else checks.check_cedula(state.cedula).ok)
        identity_field = (self.applicant_id.number if state.by_passport else self.cedula)
        for field, check in ((self.notice.given, state.notice_given),
                             (identity_field, identity_ok and not state.open_case),
                             (self.applicant_name, not state.name_needed
                              or len(state.applicant_name.split()) >= 2),
                             (self.representative.name, not state.representative_problem),
                             (self.contact_fields.first_invalid(), False),
                             (self.cedula_verified, state.cedula_verified)):
            if field is not None and not check:
                first = field
                break
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def work_in_progress(self) -> str:
        """What leaving now would drop ('' when the form is empty or its case registered)."""
        if self.registered is not None:
            return ""
        typed = any(field.text().strip() for field in (
            self.cedula, self.applicant_name, self.applicant_id.number,
            self.representative.name)) or self.contact_fields.typed()
        if typed or self.attached or any(draft.pages for draft in self.scan.drafts.values()):
            return _("Hay un trámite a medio ingresar que aún no se registró.")
        return ""

    def _registered(self, case: RegisteredCase) -> None:
        """Registered and in review: the receipt opens at once, since the citizen always
        takes it home; «Imprimir comprobante» brings it back for another copy."""
        self.registered = case
        self._set_editable(False)
        self.case_number.setText(case.case_number)
        self.case_number.setAccessibleDescription(case.case_number)
        show_message(self.register_message,
                     _("Trámite {number} registrado y enviado a revisión del supervisor. "
                       "Entregue el comprobante al solicitante.").format(
                         number=case.case_number), Tone.OK)
        self._set_busy(False)
        self.print_receipt.setFocus()
        self.receipt_requested.emit(case.case_number)

    def _register_failed(self, message: str) -> None:
        show_message(self.register_message, message)
        self._set_busy(False)

    def _request_receipt(self) -> None:
        if self.registered is not None:
            self.receipt_requested.emit(self.registered.case_number)
