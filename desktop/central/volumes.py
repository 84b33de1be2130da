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
    for the whole country. One row per month: its index, complaints, attentions."""
    return f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(p_bounds timestamp[], p_centre text)
        RETURNS TABLE (bucket integer, complaints bigint, attentions bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
        SELECT i - 1,
               (SELECT count(*) FROM complaints AS c
                WHERE c.registered_at >= p_bounds[i] AND c.registered_at < p_bounds[i + 1]
                  AND (p_centre IS NULL OR c.centre_code = p_centre)),
               (SELECT count(*) FROM attentions AS a
                WHERE a.started_at >= p_bounds[i] AND a.started_at < p_bounds[i + 1]
                  AND (p_centre IS NULL OR a.centre_code = p_centre))
        FROM generate_series(1, array_length(p_bounds, 1) - 1) AS i
    $$"""
