"""«Personal»: an administrator creates accounts, disables and enables them, changes roles
and hands people over to another centre (DESIGN.md §1, §7).

Only administrators see the page; StaffService checks the role again on every call, and
its Spanish refusals (one's own account, a short password, a taken user name) are shown
as they come. Every change applies to this station's cache at once and reaches central
and the centre's other stations with the next sync.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Actor, Role
from desktop.i18n import _
from desktop.services.runtime import Runtime
from desktop.services.staff import STAFF_ROLES, CentreChoice, StaffMember, StaffService
from ui.models.staff import StaffModel, StaffProxy
from ui.style import Look, Tone, set_look, set_tone
from ui.tasks import TaskRunner
from ui.widgets.confirm import confirm
from ui.widgets.forms import (
    MARGIN,
    labelled_rows,
    message_label,
    named,
    show_message,
)
from ui.widgets.tables import rows_table

Loaded = tuple[list[StaffMember], list[CentreChoice]]


def _roles(name: str, accessible: str) -> QComboBox:
    combo = named(QComboBox(), name, accessible)
    for role in STAFF_ROLES:
        combo.addItem(role.label, role.value)
    return combo


class StaffPage(QWidget):
    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("staff.page")
        self.service = StaffService(runtime, actor)
        self.actor = actor
        self.tasks = tasks
        self._busy = False
        self.model = StaffModel(self)
        self.proxy = StaffProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()

    def _build(self) -> None:
        title = QLabel(_("Personal del centro {centre}").format(centre=self.actor.centre_code))
        set_look(title, Look.PAGE_TITLE)
        note = QLabel(_("Los cambios valen de inmediato en esta estación y llegan a las demás "
                        "con la sincronización. Una cuenta desactivada no puede ingresar."))
        note.setWordWrap(True)
        set_tone(note, Tone.HINT)
        self.table = rows_table(named(QTableView(), "staff.table", _("Personal del centro")),
                                self.proxy, StaffModel.USERNAME, Qt.SortOrder.AscendingOrder,
                                StaffModel.NAME)
        self.toggle_active = named(QPushButton(_("Des&activar")), "staff.toggleActive",
                                   _("Desactivar o activar la cuenta seleccionada"))
        self.new_role = _roles("staff.newRole", _("Rol nuevo de la cuenta seleccionada"))
        self.set_role = named(QPushButton(_("Cambiar &rol")), "staff.setRole", _("Cambiar rol"))
        self.centre = named(QComboBox(), "staff.centre", _("Centro de destino"))
        self.move_centre = named(QPushButton(_("Tras&ladar…")), "staff.moveCentre",
                                 _("Trasladar a otro centro"))
        self.message = message_label("staff.message", _("Resultado de la acción"))
        self.username = named(QLineEdit(), "staff.username", _("Usuario de la cuenta nueva"),
                              _("Minúsculas, dígitos, punto o guion; por ejemplo rosa.tapia"))
        self.username.setMaxLength(60)
        self.full_name = named(QLineEdit(), "staff.fullName", _("Nombres y apellidos"))
        self.full_name.setMaxLength(120)
        self.role = _roles("staff.role", _("Rol de la cuenta nueva"))
        self.password = named(QLineEdit(), "staff.password", _("Clave inicial"),
                              _("Al menos 10 caracteres; la persona la cambia al ingresar"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.create_button = named(QPushButton(_("&Crear cuenta")), "staff.create",
                                   _("Crear cuenta"))

        actions = QHBoxLayout()
        actions.addWidget(self.toggle_active)
        actions.addSpacing(MARGIN)
        actions.addWidget(QLabel(_("Rol:")))
        actions.addWidget(self.new_role)
        actions.addWidget(self.set_role)
        actions.addSpacing(MARGIN)
        actions.addWidget(QLabel(_("Centro:")))
        actions.addWidget(self.centre, 1)
        actions.addWidget(self.move_centre)
        new_account = QGroupBox(_("Cuenta nueva"))
        form = labelled_rows(QFormLayout(new_account), (
            (_("&Usuario:"), self.username), (_("&Nombres y apellidos:"), self.full_name),
            (_("R&ol:"), self.role), (_("Clave &inicial:"), self.password)))
        form.addRow("", self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(new_account)
        for first, second in itertools.pairwise([
                self.table, self.toggle_active, self.new_role, self.set_role, self.centre,
                self.move_centre, self.username, self.full_name, self.role, self.password,
                self.create_button]):
            QWidget.setTabOrder(first, second)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.toggle_active.clicked.connect(self.toggle_selected)
        self.set_role.clicked.connect(self.change_role)
        self.move_centre.clicked.connect(self.confirm_move)
        self.create_button.clicked.connect(self.create_account)
        self.username.returnPressed.connect(self.full_name.setFocus)
        self.full_name.returnPressed.connect(self.role.setFocus)
        self.password.returnPressed.connect(self.create_account)
        show_message(self.message, "")
        self._update_actions()

    # --- the list ----------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        """Read the centre's staff (and the centres) again; keep `select` selected."""
        selected = select or getattr(self.selected(), "username", "")
        service = self.service
        self.tasks.run(lambda _p, _c: (service.members(), service.centres()), owner=self,
                       on_success=lambda loaded: self._loaded(loaded, selected),
                       on_failure=lambda message: show_message(self.message, message))

    def _loaded(self, loaded: Loaded, select: str) -> None:
        members, centres = loaded
        self.model.set_rows(members)
        chosen = self.centre.currentData()
        self.centre.clear()
        for centre in centres:
            if centre.code != self.actor.centre_code:
                self.centre.addItem(f"{centre.code} · {centre.name}", centre.code)
        self.centre.setCurrentIndex(max(0, self.centre.findData(chosen)))
        row = self.model.row_of(select)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._selection_changed()

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.member(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        member = self.selected()
        if member is not None:
            self.toggle_active.setText(_("Des&activar") if member.active else _("&Activar"))
            self.new_role.setCurrentIndex(max(0, self.new_role.findData(member.role.value)))
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.selected() is not None and not self._busy
        for widget in (self.toggle_active, self.set_role):
            widget.setEnabled(has)
        self.move_centre.setEnabled(has and self.centre.count() > 0)
        self.create_button.setEnabled(not self._busy)

    # --- actions -------------------------------------------------------------------------

    def _run(self, work: Callable[[], StaffMember], done: Callable[[StaffMember], str]) -> None:
        """One change on the writer; its message, then the list read again."""
        self._busy = True
        self._update_actions()
        show_message(self.message, _("Guardando…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: work(), writes=True, owner=self,
                       on_success=lambda member: self._done(member, done(member)),
                       on_failure=self._failed)

    def _done(self, member: StaffMember, text: str) -> None:
        self._busy = False
        show_message(self.message, text, Tone.OK)
        self._update_actions()
        self.reload(select=member.username)

    def _failed(self, message: str) -> None:
        self._busy = False
        show_message(self.message, message)
        self._update_actions()

    def toggle_selected(self) -> None:
        member = self.selected()
        if member is None or self._busy:
            return
        self._run(lambda: self.service.set_active(member.username, not member.active),
                  lambda done: (_("La cuenta {u} está activa.") if done.active else
                                _("La cuenta {u} quedó desactivada.")).format(u=done.username))

    def change_role(self) -> None:
        member = self.selected()
        if member is None or self._busy:
            return
        role = Role(self.new_role.currentData())
        self._run(lambda: self.service.set_role(member.username, role),
                  lambda done: _("{u} tiene ahora el rol {role}.").format(
                      u=done.username, role=done.role.label))

    def confirm_move(self) -> None:
        member, code = self.selected(), self.centre.currentData()
        if member is None or not code or self._busy:
            return
        confirm(self, "staff.moveConfirm", _("Trasladar a otro centro"),
                _("¿Trasladar a {name} al centro {centre}? Desde entonces ingresa solo allá y "
                  "sale de esta lista.").format(name=member.full_name, centre=code),
                _("Trasladar"), _("No trasladar"),
                lambda: self.move_to_centre(member.username, code))

    def move_to_centre(self, username: str, centre_code: str) -> None:
        self._run(lambda: self.service.move_to_centre(username, centre_code), self._moved)

    def _moved(self, member: StaffMember) -> str:
        self.table.setFocus()  # the row is gone; the keyboard goes back to the list
        return _("{u} pasó al centro {c}.").format(u=member.username, c=member.centre_code)

    def create_account(self) -> None:
        if self._busy:
            return
        username, full_name = self.username.text(), self.full_name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self._run(lambda: self.service.create(username, full_name, role, password),
                  self._created)

    def _created(self, member: StaffMember) -> str:
        for field in (self.username, self.full_name, self.password):
            field.clear()
        self.username.setFocus()
        return _("Se creó la cuenta {u} ({role}).").format(u=member.username,
                                                           role=member.role.label)
