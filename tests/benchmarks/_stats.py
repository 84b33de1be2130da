"""Small helpers shared by the benchmark scripts: summary statistics and table printing."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation), e.g. fraction 0.95 for p95."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """median, p95, min, max and mean of durations in seconds, as milliseconds."""
    if not seconds:
        return {"n": 0, "median": math.nan, "p95": math.nan, "min": math.nan, "max": math.nan,
                "mean": math.nan}
    return {
        "n": len(seconds),
        "median": statistics.median(seconds) * 1000,
        "p95": percentile(seconds, 0.95) * 1000,
        "min": min(seconds) * 1000,
        "max": max(seconds) * 1000,
        "mean": statistics.fmean(seconds) * 1000,
    }


def stats_row(label: str, seconds: Sequence[float], columns: Sequence[str]) -> list[object]:
    """`label` followed by the `summary_ms` values named in `columns`."""
    stats = summary_ms(seconds)
    return [label, *(stats[column] for column in columns)]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], left: int = 1) -> None:
    """A plain fixed-width table; floats get one decimal, or three below 10.

    The first `left` columns are left-aligned (labels), the rest right-aligned (numbers).
    """

    def cell(value: object) -> str:
        if isinstance(value, float):
            if math.isnan(value):
                return "-"
            return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
        return str(value)

    text = [[cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in text)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) if i < left else h.rjust(w)
                     for i, (h, w) in enumerate(zip(headers, widths, strict=True)))
    print(line)
    print("-" * len(line))
    for row in text:
        print("  ".join(c.ljust(w) if i < left else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))
