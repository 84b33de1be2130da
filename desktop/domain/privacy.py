"""The privacy notice (aviso de privacidad, LOPDP Art. 12) given at collection.

Reference data, versioned and managed at central (table `privacy_notices`, pulled by the
stations): the case records the version the clerk read to the applicant before any personal
data was typed, so a later wording change never rewrites what a person was told. `CURRENT`
is the first version: the central migration seeds it, and a station whose cache holds no
notice yet (before its first pull) reads it. Legal basis is a legal obligation and a public
function (Art. 7 num. 2 and 4), never consent (DOMAIN.md §4). Each part names its source;
where DOMAIN.md has none the part says it is an assumption (`ASSUMPTIONS`), to be
confirmed by IESS's data protection officer before production.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from desktop.i18n import N_, translate


@dataclass(frozen=True)
class NoticePart:
    title: str  # N_() text
    body: str  # N_() text
    source: str  # where it comes from (not printed)


@dataclass(frozen=True)
class PrivacyNotice:
    version: str
    parts: tuple[NoticePart, ...]
    valid_from: date = date(2026, 12, 1)

    def parts_json(self) -> str:
        """The parts as the `privacy_notices.parts` column stores them (Spanish text)."""
        return json.dumps([[translate(part.title), translate(part.body), part.source]
                           for part in self.parts], ensure_ascii=False)

    @classmethod
    def from_row(cls, version: str, valid_from: date, parts: str) -> PrivacyNotice:
        return cls(version, tuple(NoticePart(title, body, source)
                                  for title, body, source in json.loads(parts)), valid_from)

    def paragraphs(self) -> list[tuple[str, str]]:
        """(title, text) pairs in the reader's language."""
        return [(translate(part.title), translate(part.body)) for part in self.parts]

    def text(self) -> str:
        return " ".join(f"{title}: {body}" for title, body in self.paragraphs())


DPO_EMAIL = "protecciondedatos@iess.gob.ec"  # assumption: see ASSUMPTIONS
COMPLAINTS_URL = "https://spdp.gob.ec"

CURRENT = PrivacyNotice(
    version="LOPDP-2026-1",
    parts=(
        NoticePart(N_("Responsable"), N_(
            "Instituto Ecuatoriano de Seguridad Social (IESS), Av. 10 de Agosto y Bogotá, "
            "Quito; atencionalusuario@iess.gob.ec, teléfono 02 3945666."),
            "LOPDP Art. 12 num. 1; contact from DOMAIN.md Appendix (b) 1"),
        NoticePart(N_("Finalidad"), N_(
            "Atender su solicitud de reliquidación de pensión (IESS-034-01-07): registrarla, "
            "revisarla, resolverla y notificarle."),
            "LOPDP Art. 12 num. 2; RUTER IESS-034-01-07"),
        NoticePart(N_("Base legal"), N_(
            "Cumplimiento de una obligación legal y ejercicio de la función pública que la Ley "
            "de Seguridad Social confiere al IESS (LOPDP Art. 7 num. 2 y 4). No se basa en su "
            "consentimiento."),
            "LOPDP Art. 7 num. 2 and 4 (DOMAIN.md §4)"),
        NoticePart(N_("Destinatarios"), N_(
            "Las unidades del IESS que tramitan su pedido (centro de atención, Dirección de "
            "Pensiones) y las autoridades que la ley faculte; no se venden ni ceden a "
            "terceros."),
            "LOPDP Art. 12 num. 4 (transfers)"),
        NoticePart(N_("Conservación"), N_(
            "Mientras se tramite su pedido y, después, 15 años en el archivo del IESS, según la "
            "Regla Técnica Nacional de Archivos Públicos; luego se eliminan de forma segura."),
            "ASSUMPTION: the IESS retention table is NOT CONFIRMED (DOMAIN.md §4); "
            "Acuerdo SGPR-2019-0107"),
        NoticePart(N_("Sus derechos"), N_(
            "Acceso, rectificación y actualización, eliminación, oposición, portabilidad y "
            "suspensión del tratamiento, gratis; pídalo en cualquier centro de atención o a "
            "atencionalusuario@iess.gob.ec y se le responderá en 15 días."),
            "LOPDP Arts. 13-19 (answer within 15 days)"),
        NoticePart(N_("Delegado de protección de datos"), N_(
            "protecciondedatos@iess.gob.ec"),
            "LOPDP Art. 48 (DPD mandatory in the public sector); ASSUMPTION: the address"),
        NoticePart(N_("Reclamos"), N_(
            "Si considera vulnerados sus derechos puede reclamar ante la Superintendencia de "
            "Protección de Datos Personales (spdp.gob.ec)."),
            "LOPDP Art. 12 (where to complain); SPDP, DOMAIN.md §4"),
        NoticePart(N_("Si no entrega los datos"), N_(
            "Sin su identificación y un correo electrónico no se puede registrar ni notificar "
            "el trámite."),
            "LOPDP Art. 12 (consequences of refusing); the sheet asks for a valid email"),
    ),
)


ASSUMPTIONS = (
    "Retention of 15 years: the IESS document retention schedule is not "
    "confirmed (DOMAIN.md §4).",
    f"DPO address {DPO_EMAIL}: not published in the sources we hold.",
)

