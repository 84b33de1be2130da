"""Who asks for a printed status slip or acuerdo copy at the counter (LOPDP: minimisation).

Anyone who names a pensioner could otherwise take home their data. The pensioner and their
representative get the whole slip and may take a copy of the acuerdo; a third party gets a
slip without the case's reasons, requests or contact data, and no acuerdo.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import N_, translate


class Requester(StrEnum):
    TITULAR = "titular"
    REPRESENTANTE = "representante"
    TERCERO = "tercero"

    @property
    def label(self) -> str:
        return translate(_LABELS[self])

    @property
    def may_take_acuerdo(self) -> bool:
        return self is not Requester.TERCERO


_LABELS = {
    Requester.TITULAR: N_("El pensionista (titular)"),
    Requester.REPRESENTANTE: N_("Su representante"),
    Requester.TERCERO: N_("Un tercero"),
}
