"""The country's monthly volumes of complaints and attentions, for any centre's login.

A centre's login reads only its own centre's attentions and complaints (row security,
desktop.central.roles): who was served by whom, and complainants' contact data, stay with
their centre. The transparency table is published nationally, though, and a count is not
personal data: `ventanilla_service_volumes`, a SECURITY DEFINER function owned by the
schema owner, returns counts per month and nothing else (desktop.reports.queries calls it
on PostgreSQL; the SQLite demo central has no logins and is counted directly).
"""

from __future__ import annotations

FUNCTION = "ventanilla_service_volumes"
SIGNATURE = f"{FUNCTION}(timestamp[], text)"


def function_sql(schema: str) -> str:
    """`p_bounds`: month starts in UTC and the end (n + 1 for n months); `p_centre` NULL
    for the whole country. One row per month: its index, complaints, attentions.

    PL/pgSQL with a branch per case, so each count is planned with the condition it really
    has: the country's counts are index-only scans of the timestamp indexes, a centre's of
    the (centre_code, timestamp) ones (a single `p_centre IS NULL OR …` statement would
    read every row's centre from the table)."""
    count = ("SELECT count(*) INTO {out} FROM {table} AS t WHERE t.{column} >= p_bounds[i] "
             "AND t.{column} < p_bounds[i + 1]")
    counts = {kind: (count.format(out=kind, table=kind, column=column),
                     count.format(out=kind, table=kind, column=column)
                     + " AND t.centre_code = p_centre")
              for kind, column in (("complaints", "registered_at"), ("attentions", "started_at"))}
    return f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(p_bounds timestamp[], p_centre text)
        RETURNS TABLE (bucket integer, complaints bigint, attentions bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    #variable_conflict use_column
    BEGIN
        FOR i IN 1 .. coalesce(array_length(p_bounds, 1), 1) - 1 LOOP
            bucket := i - 1;
            IF p_centre IS NULL THEN
                {counts["complaints"][0]};
                {counts["attentions"][0]};
            ELSE
                {counts["complaints"][1]};
                {counts["attentions"][1]};
            END IF;
            RETURN NEXT;
        END LOOP;
    END $$"""
