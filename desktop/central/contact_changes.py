"""Contact data a counter corrected on a case returned to it, applied at central.

A centre's database login may not update `cases.email`/`phone`/… directly (a stolen station
key would rewrite every applicant's address): on PostgreSQL the correction goes through
`ventanilla_correct_contact`, a SECURITY DEFINER function owned by the schema owner, which
takes only a case of the caller's centre that is waiting at the counter (returned, or an old
one never sent to review). The correction's event is pushed before the case goes back to
review, so that is the state central sees. The SQLite demo central has no logins: the same
checks run here in Python (`check`), which also give the station a Spanish reason.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text, update

from desktop.central.models import Case
from desktop.domain.cases import CaseState
from desktop.domain.events import ContactCorrected
from desktop.errors import VentanillaError
from desktop.i18n import _

FUNCTION = "ventanilla_correct_contact"
REFUSED_STATE = "VT003"
CORRECTABLE = (CaseState.DEVUELTO.value, CaseState.INGRESADO.value)
FIELDS = ("email", "phone", "employer_ruc", "periods")


class ContactRefused(VentanillaError):
    """The correction is not the caller's to make (recorded as a refusal)."""


def function_sql(schema: str) -> str:
    """The definer function; `schema` is already quoted (search_path pinned, pg_temp last)."""
    states = ", ".join(f"'{state}'" for state in CORRECTABLE)
    refuse = f"RAISE EXCEPTION USING ERRCODE = '{REFUSED_STATE}', MESSAGE ="
    return f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(
        p_case text, p_email text, p_phone text, p_employer_ruc text, p_periods text)
        RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    DECLARE
        caller text := ventanilla_current_centre();
        target cases%ROWTYPE;
    BEGIN
        IF caller IS NULL THEN
            {refuse} 'contact corrections come from a centre login';
        END IF;
        SELECT * INTO target FROM cases WHERE case_number = p_case FOR UPDATE;
        IF target.case_number IS NULL OR target.centre_code <> caller THEN
            {refuse} 'not a case of the calling centre';
        END IF;
        IF target.state NOT IN ({states}) THEN
            {refuse} 'the case is not waiting at the counter';
        END IF;
        UPDATE cases SET email = p_email, phone = p_phone, employer_ruc = p_employer_ruc,
                         periods = p_periods
        WHERE case_number = p_case;
    END $$"""


def apply(connection: Connection, centre: str, case_number: str,
          change: ContactCorrected) -> None:
    """Check, then write (the function on PostgreSQL, a plain statement on SQLite)."""
    check(connection, centre, case_number)
    values = {name: getattr(change, name) for name in FIELDS}
    if connection.dialect.name == "postgresql":
        connection.execute(text(
            f"SELECT {FUNCTION}(:case_number, :email, :phone, :employer_ruc, :periods)"),
            {"case_number": case_number, **values})
        return
    connection.execute(update(Case).where(Case.case_number == case_number).values(**values))


def check(connection: Connection, centre: str, case_number: str) -> None:
    """The function's rules, with a Spanish reason (the SQLite demo relies on these alone)."""
    row = connection.execute(select(Case.state, Case.centre_code).where(
        Case.case_number == case_number)).first()
    if row is None or row.centre_code != centre:
        raise ContactRefused(
            _("El trámite es de otro centro; esta estación no puede corregirlo."),
            "contact correction for another centre's case")
    if row.state not in CORRECTABLE:
        raise ContactRefused(
            _("En la central el trámite está «{state}»; ya no se corrige en la ventanilla.")
            .format(state=CaseState(row.state).label), "contact correction out of state")
