"""The legal texts an acuerdo cites, each with its source, as data (not prose in a layout).

Sources are the sections of shared/domain/DOMAIN.md that read them. Where DOMAIN.md has no
source (the wording of an article it only paraphrases, the signer's delegation, the remedy
and its deadline) the entry is marked an *assumption*: the product owner must confirm it with
the IESS Dirección del Sistema de Pensiones before a real acuerdo is issued with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import N_, translate


@dataclass(frozen=True)
class LegalText:
    key: str
    text: str  # translatable (N_); read through `.read()`
    source: str
    assumption: bool = False

    def read(self) -> str:
        return translate(self.text)


#: «Que, …»: the considerandos, in the order the acuerdo states them.
CONSIDERANDOS: tuple[LegalText, ...] = (
    LegalText(
        "coa-98",
        N_("Que, el artículo 98 del Código Orgánico Administrativo define el acto "
           "administrativo como la declaración unilateral de voluntad, efectuada en ejercicio "
           "de la función administrativa, que produce efectos jurídicos individuales, y que "
           "se expedirá por cualquier medio documental, físico o digital, dejando constancia "
           "en el expediente administrativo;"),
        "DOMAIN.md §3.3: COA Art. 98 (corpoiuslex.com, 2024-09-10)"),
    LegalText(
        "lss-94",
        N_("Que, el artículo 94 de la Ley de Seguridad Social establece la responsabilidad "
           "patronal cuando, por mora del empleador, el Instituto no puede conceder una "
           "prestación o debe concederla disminuida;"),
        "DOMAIN.md §2.10: LSS Art. 94, paraphrased (the verbatim text was not read)",
        assumption=True),
    LegalText(
        "cd100-2",
        N_("Que, el artículo 2 de la Resolución C.D. 100, restituido por la Resolución "
           "C.D. 641, dispone que la base de cálculo de la pensión del régimen de transición "
           "será igual al promedio de los cinco (5) años de mejores sueldos o salarios sobre "
           "los cuales se aportó;"),
        "DOMAIN.md §2.3: C.D. 100 Art. 2, quoted verbatim (eluniverso.com); C.D. 641"),
    LegalText(
        "sheet",
        N_("Que, el trámite «Solicitud de reliquidación de la renta del pensionista "
           "(jubilados y montepíos) del Seguro General» tiene como resultado el Acuerdo de "
           "Concesión o el Acuerdo de Negación de Mejora / Reliquidación de pensiones – "
           "Sistema de Pensiones;"),
        "DOMAIN.md §3.1: gob.ec sibling sheet of IESS-034-01-07"),
)

#: «En ejercicio de las atribuciones…»: the signer's competence. Who signs, and under which
#: delegation, is not confirmed (DOMAIN.md §3.3).
ATTRIBUTIONS = LegalText(
    "attributions",
    N_("En ejercicio de las atribuciones que le confieren la Ley de Seguridad Social y la "
       "normativa interna del Instituto Ecuatoriano de Seguridad Social,"),
    "none: DOMAIN.md §3.3 says the signatory and the delegation are not confirmed",
    assumption=True)

#: The result's own name, as the procedure sheet gives it.
TITLE_CONCESSION = LegalText(
    "title-concession",
    N_("ACUERDO DE CONCESIÓN DE MEJORA / RELIQUIDACIÓN DE PENSIONES – SISTEMA DE PENSIONES"),
    "DOMAIN.md §3.1: gob.ec sheet, result «Acuerdo de Concesión de Mejora / Reliquidación»")
TITLE_REFUSAL = LegalText(
    "title-refusal",
    N_("ACUERDO DE NEGACIÓN DE MEJORA / RELIQUIDACIÓN DE PENSIONES – SISTEMA DE PENSIONES"),
    "DOMAIN.md §3.1: gob.ec sheet, result «Acuerdo de Negación de Mejora / Reliquidación»")

#: How the acuerdo is notified.
NOTIFICATION = LegalText(
    "notification",
    N_("Notificar el presente acuerdo al solicitante en el correo electrónico registrado y "
       "en el Buzón Electrónico del Pensionista, y dejar constancia de la notificación en el "
       "expediente administrativo."),
    "DOMAIN.md §3.2: notification by email and the Buzón Electrónico del Pensionista "
    "(expreso.ec, eldiario.ec) [PRESS]")


@dataclass(frozen=True)
class Remedy:
    """The recurso the citizen may file against the acuerdo, and its deadline."""

    text: LegalText
    working_days: int  # término: counted in working days from the notification


#: DOMAIN.md §3.2: «Appeals against an Acuerdo de negación: [NOT CONFIRMED]». The recurso de
#: apelación of the COA and its ten-day término are the general rule assumed here.
REMEDY = Remedy(
    LegalText(
        "remedy",
        N_("Del presente acto podrá interponerse recurso de apelación, por escrito, en "
           "cualquier centro de atención del IESS o por los canales en línea del Instituto, "
           "dentro del término de {days} días contados a partir del día siguiente al de su "
           "notificación, conforme al Código Orgánico Administrativo."),
        "none: DOMAIN.md §3.2 says the remedies are not confirmed; COA recurso de apelación "
        "(10 días término) assumed",
        assumption=True),
    working_days=10)

ALL: tuple[LegalText, ...] = (*CONSIDERANDOS, ATTRIBUTIONS, TITLE_CONCESSION, TITLE_REFUSAL,
                              NOTIFICATION, REMEDY.text)
