"""«Personal» and «Cambiar clave» from the keyboard: an administrator manages the centre's
accounts (the new clerk then signs in), a clerk never sees the page, and a person changes
their own password. The staff model is tested alone, without a view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTableView

from desktop.domain.roles import Role
from desktop.services.staff import StaffMember
from tests.support.accounts import ADMIN, CLERK
from tests.ui.keyboard import (
    assert_accessible,
    focused,
    press,
    tab,
    type_text,
    wait_for_focus,
    wait_for_window,
)
from ui.main_window import MainWindow
from ui.models.staff import StaffModel, StaffProxy

Key, Mod = Qt.Key, Qt.KeyboardModifier
WAIT = 30_000
NEW = ("rosa.tapia", "Rosa Elena Tapia Guamán", "Rosa-Clave-Segura-26")


# --- the table model, without a view ---------------------------------------------------


def test_staff_model_cells_roles_and_sorting(qapp):
    model = StaffModel()
    model.set_rows([
        StaffMember("oficinista.uio", "Ana Pérez", Role.CLERK, "UIO01", True),
        StaffMember("admin.uio", "Ñusta Quishpe", Role.ADMINISTRATOR, "UIO01", True),
        StaffMember("baja.uio", "Zoila Vaca", Role.SUPERVISOR, "UIO01", False),
    ])
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Usuario", "Nombre", "Rol", "Activo"]
    assert [model.index(0, c).data() for c in range(4)] == [
        "oficinista.uio", "Ana Pérez", "Oficinista", "Sí"]
    assert model.index(2, StaffModel.ACTIVE).data() == "No"
    assert model.index(2, StaffModel.ACTIVE).data(StaffModel.SORT_ROLE) is False
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(StaffModel.ITEM_ROLE).role is Role.ADMINISTRATOR
    assert model.row_of("baja.uio") == 2 and model.row_of("nadie") == -1

    proxy = StaffProxy()
    proxy.setSourceModel(model)

    def users() -> list[str]:
        return [proxy.index(r, StaffModel.USERNAME).data() for r in range(proxy.rowCount())]

    proxy.sort(StaffModel.USERNAME, Qt.SortOrder.AscendingOrder)
    assert users() == ["admin.uio", "baja.uio", "oficinista.uio"]
    proxy.sort(StaffModel.ACTIVE, Qt.SortOrder.AscendingOrder)
    assert users()[0] == "baja.uio"  # disabled first, as a boolean
    proxy.sort(StaffModel.ROLE, Qt.SortOrder.AscendingOrder)
    assert users() == ["admin.uio", "oficinista.uio", "baja.uio"]  # by the Spanish label
    assert proxy.member(0).username == "admin.uio" and proxy.member(9) is None
    model.set_rows([])
    assert proxy.rowCount() == 0


# --- the window ------------------------------------------------------------------------


def _sign_out(qtbot, window: MainWindow) -> None:
    press(Key.Key_Q, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.waitUntil(lambda: window.actor is None, timeout=WAIT)


def _after(qtbot, window: MainWindow, text: str) -> None:
    message = window.findChild(QLabel, "staff.message")
    qtbot.waitUntil(lambda: text in message.text() and not window.staff_page._busy,
                    timeout=WAIT)


def _row(window: MainWindow, username: str) -> StaffMember:
    model = window.staff_page.model
    row = model.row_of(username)
    assert row >= 0, username
    return model.rows[row]


def test_an_administrator_creates_disables_enables_and_promotes_a_clerk(qtbot, home, main_window,
                                                                        sign_in):
    window = main_window()
    sign_in(window, *ADMIN)
    nav = window.findChild(QPushButton, "nav.staff")
    assert nav.isVisible()
    assert window.intake is None  # administrators register no cases: no intake page at all
    intake_nav = window.findChild(QPushButton, "nav.intake")
    assert intake_nav is None or not intake_nav.isVisible()
    press(Key.Key_P, Mod.ControlModifier | Mod.ShiftModifier)
    table = window.findChild(QTableView, "staff.table")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 3, timeout=WAIT)
    assert focused() is table
    assert _row(window, CLERK[0]).role is Role.CLERK
    assert assert_accessible(window.staff_page) == 11

    press(Key.Key_U, Mod.AltModifier)
    assert focused().objectName() == "staff.username"
    type_text(NEW[0])
    press(Key.Key_Return)
    assert focused().objectName() == "staff.fullName"
    type_text(NEW[1])
    press(Key.Key_Return)
    assert focused().objectName() == "staff.role"  # Oficinista is the first choice
    tab()
    assert focused().objectName() == "staff.password"
    type_text("corta")
    press(Key.Key_Return)
    _after(qtbot, window, "al menos 10 caracteres")  # the service's message, as it comes
    press(Key.Key_A, Mod.ControlModifier)
    type_text(NEW[2])
    press(Key.Key_Return)
    _after(qtbot, window, f"Se creó la cuenta {NEW[0]} (Oficinista)")
    assert window.findChild(QPushButton, "staff.create").isEnabled()
    qtbot.waitUntil(lambda: window.staff_page.selected() is not None
                    and window.staff_page.selected().username == NEW[0], timeout=WAIT)
    assert _row(window, NEW[0]) == StaffMember(NEW[0], NEW[1], Role.CLERK, "UIO01", True)
    assert window.staff_page.username.text() == ""

    toggle = window.findChild(QPushButton, "staff.toggleActive")
    press(Key.Key_A, Mod.AltModifier)  # Des&activar
    _after(qtbot, window, "quedó desactivada")
    qtbot.waitUntil(lambda: not _row(window, NEW[0]).active, timeout=WAIT)
    qtbot.waitUntil(lambda: toggle.text() == "&Activar", timeout=WAIT)
    press(Key.Key_A, Mod.AltModifier)  # &Activar
    _after(qtbot, window, "está activa")
    qtbot.waitUntil(lambda: _row(window, NEW[0]).active, timeout=WAIT)

    window.staff_page.new_role.setFocus()
    press(Key.Key_Down)  # Oficinista → Supervisor
    assert window.staff_page.new_role.currentData() == Role.SUPERVISOR.value
    press(Key.Key_R, Mod.AltModifier)
    _after(qtbot, window, "tiene ahora el rol Supervisor")
    qtbot.waitUntil(lambda: _row(window, NEW[0]).role is Role.SUPERVISOR, timeout=WAIT)

    table.setFocus()
    table.selectRow(table.model().mapFromSource(
        window.staff_page.model.index(window.staff_page.model.row_of(ADMIN[0]), 0)).row())
    press(Key.Key_A, Mod.AltModifier)  # one's own account: the service refuses
    _after(qtbot, window, "No puede desactivar su propia cuenta")

    _sign_out(qtbot, window)
    sign_in(window, NEW[0], NEW[2])
    assert window.actor.role is Role.SUPERVISOR
    assert window.nav("nav.review").isVisible() and window.nav("nav.staff") is None
    window.close()


def test_an_administrator_moves_a_clerk_to_another_centre(qtbot, home, main_window, sign_in):
    window = main_window()
    sign_in(window, *ADMIN)
    window.show_staff()
    page = window.staff_page
    qtbot.waitUntil(lambda: page.model.row_of(CLERK[0]) >= 0 and page.centre.count() > 0,
                    timeout=WAIT)
    assert page.centre.findData("UIO01") == -1  # not its own centre
    page.table.selectRow(page.proxy.mapFromSource(
        page.model.index(page.model.row_of(CLERK[0]), 0)).row())
    page.centre.setCurrentIndex(page.centre.findData("GYE01"))
    press(Key.Key_L, Mod.AltModifier)  # Tras&ladar…
    wait_for_window(qtbot, "staff.moveConfirm")
    assert focused().objectName() == "staff.moveConfirm.no"  # Enter typed ahead is safe
    tab()
    press(Key.Key_Space)
    _after(qtbot, window, "pasó al centro GYE01")
    qtbot.waitUntil(lambda: page.model.row_of(CLERK[0]) == -1, timeout=WAIT)
    wait_for_focus(qtbot, "staff.table")

    _sign_out(qtbot, window)
    wait_for_focus(qtbot, "login.username")
    press(Key.Key_A, Mod.ControlModifier)
    type_text(CLERK[0])
    press(Key.Key_Return)
    type_text(CLERK[1])
    press(Key.Key_Return)
    message = window.findChild(QLabel, "login.message")
    qtbot.waitUntil(lambda: "no está activa en este centro" in message.text(), timeout=WAIT)
    window.close()


def test_a_clerk_does_not_see_the_staff_page(qtbot, home, main_window, sign_in):
    window = main_window()
    sign_in(window, *CLERK)
    assert window.staff_page is None
    assert window.findChild(QPushButton, "nav.staff") is None  # not in the window at all
    press(Key.Key_P, Mod.ControlModifier | Mod.ShiftModifier)  # a hidden button's shortcut
    assert window.pages.currentWidget() is window.intake
    window.close()


def test_a_clerk_changes_their_password_and_the_new_one_works(qtbot, home, main_window, sign_in):
    new_password = "Mi-Clave-Nueva-2026"
    window = main_window()
    sign_in(window, *CLERK)
    press(Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier)
    dialog = wait_for_window(qtbot, "password.dialog")
    assert focused().objectName() == "password.current"
    assert assert_accessible(dialog) == 5
    message = dialog.findChild(QLabel, "password.message")
    type_text("no-es-la-actual")
    press(Key.Key_Return)
    assert focused().objectName() == "password.new"
    type_text(new_password)
    press(Key.Key_Return)
    assert focused().objectName() == "password.repeat"
    type_text(new_password + "x")
    press(Key.Key_Return)
    assert "no coinciden" in message.text()
    assert focused().objectName() == "password.repeat"
    type_text(new_password)
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: "incorrectos" in message.text(), timeout=WAIT)  # the service
    assert focused().objectName() == "password.current"
    type_text(CLERK[1])  # replaces the selected wrong one
    press(Key.Key_Tab)
    press(Key.Key_Tab)
    press(Key.Key_Tab)
    assert focused().objectName() == "password.save"
    press(Key.Key_Space)
    qtbot.waitUntil(lambda: not window.findChildren(QDialog, "password.dialog"), timeout=WAIT)
    assert "Su clave se cambió" in window.statusBar().currentMessage()
    wait_for_focus(qtbot, "intake.cedula")  # back where the shortcut was pressed

    _sign_out(qtbot, window)
    wait_for_focus(qtbot, "login.username")
    press(Key.Key_Tab)
    type_text(CLERK[1])  # the old one no longer works
    press(Key.Key_Return)
    login_message = window.findChild(QLabel, "login.message")
    qtbot.waitUntil(lambda: "incorrectos" in login_message.text(), timeout=WAIT)
    press(Key.Key_Tab, Mod.ShiftModifier)  # back to the user name
    sign_in(window, CLERK[0], new_password)
    window.close()
