"""Staff roles (DESIGN.md §1). The permission table grows here with each use case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.i18n import _


class Role(StrEnum):
    CLERK = "oficinista"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrador"
    BACK_OFFICE = "central"  # the Dirección de Pensiones, acting in the central database

    @property
    def label(self) -> str:
        return {
            Role.CLERK: _("Oficinista"),
            Role.SUPERVISOR: _("Supervisor"),
            Role.ADMINISTRATOR: _("Administrador"),
            Role.BACK_OFFICE: _("Dirección de Pensiones"),
        }[self]


class Action(StrEnum):
    REGISTER_CASE = "register_case"
    PRINT_RECEIPT = "print_receipt"
    RETRY_SYNC = "retry_sync"
    REVIEW_CASES = "review_cases"
    PREVIEW_PENSION = "preview_pension"
    PRINT_CASE_DOCUMENTS = "print_case_documents"
    ADD_DOCUMENT = "add_document"
    MANAGE_STAFF = "manage_staff"
    VIEW_STATION_VERSIONS = "view_station_versions"
    SERVE_COUNTER = "serve_counter"  # open and close attentions (issue 13)
    REGISTER_COMPLAINT = "register_complaint"
    HANDLE_COMPLAINTS = "handle_complaints"  # assign, answer, close
    VIEW_REPORTS = "view_reports"  # aggregates: transparency, backlog (issue 13)
    VIEW_STAFF_REPORT = "view_staff_report"  # per clerk: own centre only (the service checks)


PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.REGISTER_CASE: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Action.PRINT_RECEIPT: frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR}),
    Action.RETRY_SYNC: frozenset({Role.ADMINISTRATOR}),
    Action.REVIEW_CASES: frozenset({Role.SUPERVISOR}),
    Action.PREVIEW_PENSION: frozenset({Role.SUPERVISOR}),
    Action.PRINT_CASE_DOCUMENTS: frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR}),
    Action.ADD_DOCUMENT: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Action.MANAGE_STAFF: frozenset({Role.ADMINISTRATOR}),
    Action.VIEW_STATION_VERSIONS: frozenset({Role.ADMINISTRATOR}),
    Action.SERVE_COUNTER: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Action.REGISTER_COMPLAINT: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Action.HANDLE_COMPLAINTS: frozenset({Role.SUPERVISOR}),
    Action.VIEW_REPORTS: frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR}),
    Action.VIEW_STAFF_REPORT: frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR}),
}


def may(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


@dataclass(frozen=True)
class Actor:
    """The signed-in person: who every change is attributed to."""

    username: str
    full_name: str
    role: Role
    centre_code: str
