"""The case table models and their filter proxy, without a view (cf. vorta's model tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.domain.cases import CaseState
from desktop.services.case_views import CaseSummary
from desktop.services.review import ReviewItem
from ui.models.cases import CaseFilterProxy, CaseListModel, ReviewQueueModel
from ui.models.rows import ITEM_ROLE, SORT_ROLE

START = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)  # 10:00 in Ecuador


def summary(number: str, name: str, state: CaseState = CaseState.EN_REVISION,
            days_ago: int = 0, by: str = "oficinista.uio") -> CaseSummary:
    changed = START - timedelta(days=days_ago)
    return CaseSummary(number, name, "17******03", state, changed - timedelta(days=1),
                       changed, by, "UIO01")


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def column(proxy, col: int) -> list[str]:
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_review_queue_cells_flags_and_roles(qapp):
    model = ReviewQueueModel()
    model.set_rows([
        ReviewItem(summary("REL-A", "PÉREZ ANA"), 2, own=False, warning=False),
        ReviewItem(summary("REL-B", "ÑUSTE JOSÉ", days_ago=9, by="supervisor.uio"), 11,
                   own=True, warning=True),
    ])
    assert model.rowCount() == 2 and model.columnCount() == 7
    assert headers(model) == ["Trámite", "Solicitante", "Cédula", "Registró",
                              "En revisión desde", "Días hábiles", "Observaciones"]
    assert [model.index(0, c).data() for c in range(6)] == [
        "REL-A", "PÉREZ ANA", "17******03", "oficinista.uio", "02/11/2026 10:00", "2"]
    flags = model.index(1, ReviewQueueModel.FLAGS).data()
    assert "advertencia" in flags and "Registrado por usted" in flags
    assert model.index(0, ReviewQueueModel.FLAGS).data() == ""
    assert model.index(1, ReviewQueueModel.DAYS).data(SORT_ROLE) == 11
    assert model.index(1, 0).data(ITEM_ROLE).own is True
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # own: muted
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of("REL-B") == 1 and model.row_of("REL-X") == -1
    assert model.index(5, 0).data() is None  # out of range: nothing, no error


def test_review_queue_sorts_by_working_days_as_numbers_and_by_date(qapp):
    model = ReviewQueueModel()
    model.set_rows([ReviewItem(summary(f"REL-{n}", f"P {n}", days_ago=d), d, False, False)
                    for n, d in (("A", 2), ("B", 10), ("C", 9))])
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(ReviewQueueModel.DAYS, Qt.SortOrder.DescendingOrder)
    assert column(proxy, 0) == ["REL-B", "REL-C", "REL-A"]  # 10 > 9 > 2, not "9" > "2" > "10"
    proxy.sort(ReviewQueueModel.SINCE, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 0) == ["REL-B", "REL-C", "REL-A"]  # the oldest first
    assert proxy.item(0).summary.case_number == "REL-B"


def test_filter_ignores_accents_and_case_and_needs_every_word(qapp):
    model = CaseListModel()
    model.set_cases([summary("REL-1", "PEÑAFIEL ORDÓÑEZ INÉS", CaseState.INGRESADO),
                     summary("REL-2", "PEREZ JOSE", CaseState.DEVUELTO),
                     summary("REL-3", "ORDONEZ JOSÉ", CaseState.INGRESADO)],
                    {"REL-2": "Falta la firma"})
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(CaseListModel.CASE, Qt.SortOrder.AscendingOrder)
    proxy.set_filter_text("ordonez")
    assert column(proxy, 0) == ["REL-1", "REL-3"]
    proxy.set_filter_text("  JOSÉ   ordóñez ")
    assert column(proxy, 0) == ["REL-3"]
    proxy.set_filter_text("firma")  # the note is searchable too
    assert column(proxy, 0) == ["REL-2"]
    proxy.set_filter_text("devuelto")  # and the state's label
    assert column(proxy, 0) == ["REL-2"]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 3


def test_case_list_cells_notes_and_replace(qapp):
    model = CaseListModel()
    model.set_cases([summary("REL-1", "PÉREZ ANA", CaseState.DEVUELTO)],
                    {"REL-1": "Falta la firma"})
    assert headers(model) == ["Trámite", "Solicitante", "Cédula", "Estado", "Ingresado",
                              "Último cambio", "Observación"]
    assert model.index(0, CaseListModel.STATE).data() == "Devuelto con observaciones"
    assert model.index(0, CaseListModel.NOTE).data() == "Falta la firma"
    assert model.index(0, CaseListModel.REGISTERED).data(SORT_ROLE) == START - timedelta(days=1)
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.replace(summary("REL-1", "PÉREZ ANA", CaseState.EN_REVISION))
    assert model.index(0, CaseListModel.STATE).data() == "En revisión" and changed
    model.replace(summary("REL-9", "OTRO", CaseState.EN_REVISION))  # not listed: ignored
    assert model.rowCount() == 1
    model.set_cases([])
    assert model.rowCount() == 0 and model.notes == {}
