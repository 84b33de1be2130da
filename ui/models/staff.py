"""The table model of a centre's staff, for the administrator's «Personal» page.

A disabled account sorts before an active one and is greyed so it stands out in a long
list; roles sort by their Spanish label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush

from desktop.i18n import N_, _
from desktop.services.staff import StaffMember
from ui.models.rows import MUTED, RowsModel, SortProxy


class StaffModel(RowsModel[StaffMember]):
    USERNAME, NAME, ROLE, ACTIVE = range(4)
    HEADERS = (N_("Usuario"), N_("Nombre"), N_("Rol"), N_("Activo"))

    def text(self, row: StaffMember, column: int) -> str:
        active = _("Sí") if row.active else _("No")
        return (row.username, row.full_name, row.role.label, active)[column]

    def key(self, row: StaffMember, column: int) -> Any:
        return row.active if column == self.ACTIVE else super().key(row, column)

    def foreground(self, row: StaffMember) -> QBrush | None:
        return None if row.active else MUTED

    def ident(self, row: StaffMember) -> str:
        return row.username


class StaffProxy(SortProxy):
    def member(self, row: int) -> StaffMember | None:
        member = self.item(row)
        return member if isinstance(member, StaffMember) else None
