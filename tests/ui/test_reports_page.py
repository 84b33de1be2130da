"""«Reportes» from the keyboard: a supervisor opens it with Ctrl+Shift+R, generates the
transparency table of the centre (numbers from the hand-counted rows), sees the charts'
PDF, exports a workbook; a clerk has no such page."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from tests import report_rows as rows
from tests.support.accounts import CLERK, SUPERVISOR
from tests.ui.keyboard import assert_accessible, focused, press

Key, Mod = Qt.Key, Qt.KeyboardModifier
WAIT = 30_000


def test_a_supervisor_generates_and_exports_the_transparency_table(qtbot, home, runtime,
                                                                   main_window, sign_in,
                                                                   tmp_path):
    with runtime.db.engine.begin() as cache:
        rows.write_rows(cache, ("UIO01",), cache=True)
    runtime.close()
    window = main_window()
    sign_in(window, *SUPERVISOR)
    press(Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier)
    page = window.reports_page
    assert page is not None and focused() is page.kind
    qtbot.waitUntil(lambda: page.centre.count() > 1, timeout=WAIT)
    assert page.centre.currentData() == "UIO01"  # the own centre first: its cache
    page.first.setDate(QDate(2025, 7, 1))
    page.last.setDate(QDate(2025, 8, 1))
    press(Key.Key_G, Mod.AltModifier)
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT)
    table = window.findChild(QTableWidget, "reports.table0")
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "Año-Mes", "Volumen de Quejas", "Volumen de Atenciones"]
    shown = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert shown == [(m, str(q), str(a)) for m, q, a in rows.UIO_JULY_AUGUST]
    about = window.findChild(QLabel, "reports.about").text()
    assert "2025-07 a 2025-08" in about and "Sincronizado el" in about
    page.tabs.setCurrentIndex(page.tabs.count() - 1)  # the charts, as in the PDF
    qtbot.waitUntil(lambda: page.viewer.page_count() >= 1, timeout=WAIT)
    assert assert_accessible(page) >= 7

    out = tmp_path / "transparencia.xlsx"
    page.export_to(out)
    qtbot.waitUntil(lambda: "guardado" in page.message.text(), timeout=WAIT)
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    assert [tuple(c.value for c in r) for r in sheet.iter_rows(min_row=2, max_row=3)] == \
        rows.UIO_JULY_AUGUST

    page.kind.setCurrentIndex(page.kind.findData("staff"))
    assert not page.centre.isEnabled() and page.centre.currentData() == "UIO01"


def test_a_clerk_has_no_reports_page(qtbot, home, main_window, sign_in):
    window = main_window()
    sign_in(window, *CLERK)
    assert window.reports_page is None
    nav = window.findChild(QPushButton, "nav.reports")
    assert nav is None or not nav.isVisible()
