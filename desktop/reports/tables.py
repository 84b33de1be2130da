"""The columns the reports read, named once for both schemas.

The cache and central declare these tables apart (desktop.store.models,
desktop.central.models) but with the same names for every column a report reads, so one
set of Core statements serves both: written against these light `table()` objects, not
either schema's models.
"""

from __future__ import annotations

from sqlalchemy import Date, Integer, String, column, table

from desktop.db.types import UtcDateTime

cases = table(
    "cases", column("case_number", String), column("centre_code", String),
    column("counter", Integer), column("state", String),
    column("registered_at", UtcDateTime()), column("registered_by", String))

agreements = table("agreements", column("case_number", String),
                   column("issued_on", Date), column("kind", String))

attentions = table(
    "attentions", column("attention_id", String), column("centre_code", String),
    column("counter", Integer), column("clerk", String),
    column("turno_booked_at", UtcDateTime()), column("started_at", UtcDateTime()),
    column("ended_at", UtcDateTime()))

complaints = table("complaints", column("number", String), column("centre_code", String),
                   column("registered_at", UtcDateTime()))

staff = table("staff", column("username", String), column("full_name", String),
              column("centre_code", String))

centres = table("centres", column("code", String), column("name", String))
