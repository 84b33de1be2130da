"""The national days off the project ships (the reference table central seeds and manages).

Ecuador moves most holidays by law: Ley Orgánica Reformatoria a la LOSEP y al Código del
Trabajo (R.O. Supl. 906, 20-dic-2016), art. 1 — a Tuesday holiday rests the Monday before, a
Wednesday or Thursday one the Friday after, a Saturday one the Friday before and a Sunday one
the Monday after; 1 January, 25 December and Carnival are not moved. Each year the
Ministerio de Turismo publishes the resulting calendar, and executive decrees add bridge
days (2 January 2026: Decreto Ejecutivo 249). So the table lists the *days rested*, each
with its source, rather than computing them: a computed rule keeps the original day of a
moved holiday (1 May 2025 was worked) and invents moves nobody decreed (24 and 31 December
2027). Rows no published calendar confirms yet are marked `assumed`; the back office
corrects or adds days with `ventanilla central holidays`.

Cantonal days (a city's foundation or independence) belong to a centre and are added per
centre at central (the demo seeds Quito's and Guayaquil's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class HolidayRow:
    day: date
    name: str
    source: str
    assumed: bool = False


LAW_2016 = "Ley Orgánica Reformatoria LOSEP y Código del Trabajo, R.O. Supl. 906 (2016), art. 1"
CT_65 = "Código del Trabajo, art. 65"
MINTUR_2025 = "Calendario de feriados 2023-2025, Ministerio de Turismo"
MINTUR_2026 = "Calendario de feriados 2026, Ministerio de Turismo"
BY_RULE = f"{LAW_2016}: traslado por regla; sin calendario oficial publicado"

_ROWS: tuple[tuple[str, str, str, bool], ...] = (
    # 2025
    ("2025-01-01", "Año Nuevo", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-03-03", "Carnaval", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-03-04", "Carnaval", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-04-18", "Viernes Santo", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-05-02", "Día del Trabajo (trasladado del jueves 1 de mayo)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-05-23", "Batalla de Pichincha (trasladado del sábado 24)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-08-11", "Primer Grito de Independencia (trasladado del domingo 10)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-10-10", "Independencia de Guayaquil (trasladado del jueves 9)",
     f"{LAW_2016}; {MINTUR_2025}", False),
    ("2025-11-03", "Independencia de Cuenca", f"{CT_65}; {MINTUR_2025}", False),
    ("2025-11-04", "Día de Difuntos (trasladado del domingo 2)",
     f"{LAW_2016}; {MINTUR_2025}", True),
    ("2025-12-25", "Navidad", f"{CT_65}; {MINTUR_2025}", False),
    # 2026
    ("2026-01-01", "Año Nuevo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-01-02", "Descanso obligatorio (puente de Año Nuevo)", "Decreto Ejecutivo 249",
     False),
    ("2026-02-16", "Carnaval", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-02-17", "Carnaval", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-04-03", "Viernes Santo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-05-01", "Día del Trabajo", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-05-25", "Batalla de Pichincha (trasladado del domingo 24)",
     f"{LAW_2016}; {MINTUR_2026}", False),
    ("2026-08-10", "Primer Grito de Independencia", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-10-09", "Independencia de Guayaquil", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-11-02", "Día de Difuntos", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-11-03", "Independencia de Cuenca", f"{CT_65}; {MINTUR_2026}", False),
    ("2026-12-25", "Navidad", f"{CT_65}; {MINTUR_2026}", False),
    # 2027: no official calendar yet; moves follow the 2016 rule (25 Dec is never moved)
    ("2027-01-01", "Año Nuevo", CT_65, False),
    ("2027-02-08", "Carnaval", CT_65, False),
    ("2027-02-09", "Carnaval", CT_65, False),
    ("2027-03-26", "Viernes Santo", CT_65, False),
    ("2027-04-30", "Día del Trabajo (trasladado del sábado 1 de mayo)", BY_RULE, True),
    ("2027-05-24", "Batalla de Pichincha", CT_65, False),
    ("2027-08-09", "Primer Grito de Independencia (trasladado del martes 10)", BY_RULE, True),
    ("2027-10-08", "Independencia de Guayaquil (trasladado del sábado 9)", BY_RULE, True),
    ("2027-11-01", "Día de Difuntos (trasladado del martes 2)", BY_RULE, True),
    ("2027-11-03", "Independencia de Cuenca", CT_65, True),
)

NATIONAL: tuple[HolidayRow, ...] = tuple(
    HolidayRow(date.fromisoformat(day), name, source, assumed)
    for day, name, source, assumed in _ROWS)
