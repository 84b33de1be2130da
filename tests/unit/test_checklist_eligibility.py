"""Documents per request type, who may file a reliquidación, and the case states."""

from __future__ import annotations

import pytest

from desktop.domain.cases import (
    INITIAL_STATE,
    OPEN_STATES,
    TERMINAL_STATES,
    CaseState,
)
from desktop.domain.checklist import (
    PROCEDURE_CODE,
    DocumentType,
    RequestType,
    after_filing,
    checklist_for,
    document_label,
    missing_required,
    procedure_name,
    request_type_label,
)
from desktop.domain.eligibility import DebtFact, Verdict, assess
from desktop.domain.pensions import PensionState

SIGNED = DocumentType.SIGNED_REQUEST
PROOF = DocumentType.EMPLOYER_PAYMENT_PROOF
ANNEX = DocumentType.OTHER_ANNEX

# --- checklist -----------------------------------------------------------------------------


def test_the_signed_request_is_the_only_required_item() -> None:
    items = checklist_for(RequestType.RELIQUIDACION)
    assert [item.document_type for item in items if item.required] == [SIGNED]
    later = {item.document_type for item in after_filing()}
    assert later == {DocumentType.WITHDRAWAL}  # a withdrawal is no part of the request
    assert {item.document_type for item in items} == set(DocumentType) - later
    assert items[0].document_type is SIGNED  # required items first


def test_checklist_labels_and_colour() -> None:
    items = {item.document_type: item for item in checklist_for(RequestType.RELIQUIDACION)}
    assert items[SIGNED].label == "Solicitud de reliquidación con firma manuscrita"
    assert items[PROOF].colour  # stamps: scanned in colour
    assert not items[SIGNED].colour
    assert len({item.label for item in items.values()}) == len(items)


@pytest.mark.parametrize("document_type", list(DocumentType))
def test_document_label_comes_from_the_checklist(document_type: DocumentType) -> None:
    (item,) = [i for i in (*checklist_for(RequestType.RELIQUIDACION), *after_filing())
               if i.document_type is document_type]
    assert document_label(document_type) == item.label


@pytest.mark.parametrize(
    ("attached", "missing"),
    [
        (set(), [SIGNED]),
        ({PROOF, ANNEX}, [SIGNED]),
        ({SIGNED}, []),
        ({SIGNED, PROOF, ANNEX}, []),
    ],
)
def test_missing_required(attached: set[DocumentType], missing: list[DocumentType]) -> None:
    result = missing_required(RequestType.RELIQUIDACION, attached)
    assert [item.document_type for item in result] == missing
    assert all(item.required for item in result)


def test_procedure_name_and_code() -> None:
    assert PROCEDURE_CODE == "IESS-034-01-07"
    assert procedure_name() == "Reliquidación de pensiones"
    assert request_type_label(RequestType.RELIQUIDACION) == "Reliquidación de pensiones"


# --- eligibility ---------------------------------------------------------------------------

DEBT_A = DebtFact("1793221293001", "Textiles Andinos S.A.", "2019-03", "2019-11")
DEBT_B = DebtFact("0962467429001", "Juan Pérez Comercial", "2021-05", "2021-05")


def test_eligible_pensioner_gets_one_positive_reason() -> None:
    verdict = assess(PensionState.ACTIVA, ())
    assert verdict == Verdict(
        True,
        ("Pensionista del Seguro General con pensión activa y sin aportes pendientes.",),
    )


def test_not_a_pensioner() -> None:
    verdict = assess(None, ())
    assert not verdict.eligible
    assert len(verdict.reasons) == 1
    assert "No consta como pensionista" in verdict.reasons[0]


def test_suspended_pension() -> None:
    verdict = assess(PensionState.SUSPENDIDA, ())
    assert verdict == Verdict(False, ("La pensión está suspendida.",))


def test_debt_reason_names_employer_ruc_and_periods() -> None:
    verdict = assess(PensionState.ACTIVA, (DEBT_A,))
    assert not verdict.eligible
    assert verdict.reasons == (
        "Aportes pendientes del empleador Textiles Andinos S.A. (RUC 1793221293001): "
        "2019-03 a 2019-11.",
    )


def test_single_month_debt_shows_one_month() -> None:
    assert DEBT_B.periods == "2021-05"
    assert DEBT_A.periods == "2019-03 a 2019-11"
    (reason,) = assess(PensionState.ACTIVA, (DEBT_B,)).reasons
    assert reason.endswith("(RUC 0962467429001): 2021-05.")


def test_two_debts_give_two_reasons_in_order() -> None:
    verdict = assess(PensionState.ACTIVA, (DEBT_A, DEBT_B))
    assert not verdict.eligible
    assert len(verdict.reasons) == 2
    assert "Textiles Andinos S.A." in verdict.reasons[0]
    assert "Juan Pérez Comercial" in verdict.reasons[1]


@pytest.mark.parametrize(
    ("state", "first"),
    [(PensionState.SUSPENDIDA, "La pensión está suspendida."), (None, "No consta como")],
)
def test_every_reason_is_listed(state: PensionState | None, first: str) -> None:
    verdict = assess(state, (DEBT_A, DEBT_B))
    assert not verdict.eligible
    assert len(verdict.reasons) == 3
    assert verdict.reasons[0].startswith(first)
    assert "1793221293001" in verdict.reasons[1]
    assert "0962467429001" in verdict.reasons[2]
    assert not any("sin aportes pendientes" in reason for reason in verdict.reasons)


# --- case states ---------------------------------------------------------------------------

LABELS = {  # DESIGN.md §4
    "INGRESADO": "Ingresado",
    "EN_REVISION": "En revisión",
    "DEVUELTO": "Devuelto con observaciones",
    "DERIVADO": "Derivado a la Dirección de Pensiones",
    "EN_ANALISIS": "En análisis",
    "REQUIERE_INFO": "Requiere información",
    "ACUERDO_EMITIDO": "Acuerdo emitido",
    "NOTIFICADO": "Entregado / notificado",
    "CERRADO": "Archivado",
    "DESISTIDO": "Desistido",
    "ABANDONO": "Abandono (plazo vencido)",  # issue 11: a lapsed term is not a withdrawal
    "ANULADO": "Anulado",
}


def test_states_are_those_of_the_design() -> None:
    assert [state.value for state in CaseState] == list(LABELS)


@pytest.mark.parametrize("state", list(CaseState))
def test_every_state_has_its_spanish_label(state: CaseState) -> None:
    assert state.label == LABELS[state.value]
    assert state.label != state.value


def test_terminal_states() -> None:
    assert frozenset({CaseState.CERRADO, CaseState.DESISTIDO, CaseState.ABANDONO,
                      CaseState.ANULADO}) == TERMINAL_STATES
    assert [state for state in CaseState if state.is_terminal] == [
        CaseState.CERRADO, CaseState.DESISTIDO, CaseState.ABANDONO, CaseState.ANULADO,
    ]


def test_open_states_exclude_terminal_states_and_notificado() -> None:
    assert frozenset({
        CaseState.INGRESADO, CaseState.EN_REVISION, CaseState.DEVUELTO, CaseState.DERIVADO,
        CaseState.EN_ANALISIS, CaseState.REQUIERE_INFO, CaseState.ACUERDO_EMITIDO,
    }) == OPEN_STATES
    assert not OPEN_STATES & TERMINAL_STATES
    assert CaseState.NOTIFICADO not in OPEN_STATES
    assert not CaseState.NOTIFICADO.is_terminal


def test_a_new_case_is_ingresado_and_open() -> None:
    assert INITIAL_STATE is CaseState.INGRESADO
    assert INITIAL_STATE in OPEN_STATES
