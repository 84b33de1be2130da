"""What bench_core compares the product with, measured in the same run: the raw floors
(SQLite and reportlab with nothing of ours around them), the name fragments a clerk types,
and the process's resident memory."""

from __future__ import annotations

import io
import random
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.domain.text import fold


def rss_mib() -> float:
    """Resident set size of this process now (Linux /proc; else the peak)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mib()


def peak_rss_mib() -> float:
    """The high-water mark of this process's RSS (VmHWM: since its exec, unlike
    ru_maxrss, which a child inherits from the process that forked it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def name_fragments(names: Sequence[str], rng: random.Random, count: int) -> list[str]:
    """Random 1-3 word fragments of existing names, as a clerk types them: some words
    whole, some cut at either end (at least three letters), in any order, sometimes with
    their accents and capitals."""
    fragments: list[str] = []
    while len(fragments) < count:
        words = rng.choice(names).split()
        chosen = rng.sample(words, rng.randint(1, min(3, len(words))))
        typed = []
        for word in chosen:
            piece = word
            if len(word) > 4 and rng.random() < 0.6:
                size = rng.randint(3, len(word) - 1)
                start = rng.randint(0, len(word) - size)
                piece = word[start:start + size]
            typed.append(piece if rng.random() < 0.5 else fold(piece))
        text = " ".join(typed)
        if sum(len(w) for w in fold(text).split()) >= 3:
            fragments.append(text)
    return fragments


def timed_each(function: Callable[[Any], Any], values: Sequence[Any],
               cpu: list[float] | None = None) -> list[float]:
    """Wall-clock durations of `function(value)`; the thread's CPU time into `cpu`."""
    samples = []
    for value in values:
        start, used = time.perf_counter(), time.thread_time()
        function(value)
        samples.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.thread_time() - used)
    return samples


def sqlite_floors(engine: Any, cedulas: Sequence[str], fragments: Sequence[str]
                  ) -> dict[str, list[float]]:
    """The raw SQLite cost of what a lookup and a name search ask, on one DB-API
    connection of the same cache (plain or encrypted), without the product around it."""
    from desktop.store.lookups import PENSIONER_SQL
    from desktop.store.name_search import _statement

    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()

        def point(cedula: str) -> None:
            cursor.execute(PENSIONER_SQL, (cedula,)).fetchone()

        def fts(fragment: str) -> None:
            sql, parameters = _statement(fold(fragment).split(), 50)
            cursor.execute(sql, parameters).fetchall()

        for cedula in cedulas[:20]:
            point(cedula)
        floors = {"floor: SQLite indexed point query": timed_each(point, cedulas)}
        floors["floor: the name search's FTS statement alone"] = timed_each(fts, fragments)
        # the floor for a name search: an indexed prefix (range) query
        cursor.execute("CREATE INDEX IF NOT EXISTS bench_prefix ON cases (search_name)")

        def prefix(fragment: str) -> None:
            word = fold(fragment).split()[0]
            cursor.execute("SELECT id FROM cases WHERE search_name >= ? AND search_name < ? "
                           "ORDER BY search_name LIMIT 50", (word, word + "\uffff")).fetchall()

        floors["floor: SQLite indexed prefix (name)"] = timed_each(prefix, fragments)
        cursor.execute("DROP INDEX bench_prefix")
        cursor.close()
    finally:
        connection.close()
    return floors


def receipt_floor(render: Callable[[], Any], case_number: str, lines: Sequence[str],
                  repeat: int) -> dict[str, list[float]]:
    """A reportlab A4 page with the receipt's text lines (drawn, not laid out) and the
    same vector QR: what any receipt costs in reportlab itself. Timed alternately with
    `render` (the product's receipt), so both meet the same load on a shared machine; the
    thread's CPU time too, which such load does not inflate."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop.documents.qr import draw_qr

    def page() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1)
        canvas.setFont("Helvetica", 10)
        for row, line in enumerate(lines):
            canvas.drawString(50, 800 - row * 13, line[:110])
        draw_qr(canvas, case_number, 420, 690, 108)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    page()
    render()
    samples: dict[str, list[float]] = {name: [] for name in (
        "floor: reportlab A4 page + QR", "floor: reportlab A4 page + QR [CPU]",
        "receipt render a4, alternating with the floor",
        "receipt render a4, alternating with the floor [CPU]")}
    names = list(samples)
    for _index in range(repeat):
        samples[names[0]] += timed_each(lambda _i: page(), [0], samples[names[1]])
        samples[names[2]] += timed_each(lambda _i: render(), [0], samples[names[3]])
    return samples


def receipt_lines(pdf: bytes) -> list[str]:
    """The text lines of a rendered receipt (what the floor page draws)."""
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    return [line for line in text.splitlines() if line.strip()]
