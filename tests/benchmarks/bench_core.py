"""Core benchmark: demo set-up, cédula lookup, case registration and receipt rendering.

Run from the repository root:

    .venv/bin/python -m tests.benchmarks.bench_core [--sizes 5000,1000000] [--repeat N]
        [--demo-cases 200000]

For each registry size a demo workstation is built in a temporary VENTANILLA_HOME-style
folder (removed afterwards), optionally with `--demo-cases` cases of the country pulled
into it, the clerk signs in, and each operation is timed many times with
time.perf_counter; the raw floors (SQLite and reportlab alone) are measured in the same
run. It prints numbers only; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.config import Paths, load_settings
from desktop.services.runtime import Runtime
from tests.benchmarks._floors import (
    name_fragments,
    peak_rss_mib,
    receipt_floor,
    receipt_lines,
    rss_mib,
    sqlite_floors,
)
from tests.benchmarks._scale import add_cases, case_names, gui_memory, timing
from tests.benchmarks._stats import print_table, stats_row, summary_ms

#: Share of each kind of cédula in the lookup sample (about half can register).
LOOKUP_MIX = {"eligible": 0.5, "pending": 0.2, "suspended": 0.1, "not_pensioner": 0.1,
              "unknown": 0.1}
SLOW_MS = {"lookup (all)": 5.0, "register": 50.0}  # flagged when the median/p95 is above
COLUMNS = ("n", "median", "p95", "min", "max")


@dataclass
class SizeResult:
    size: int
    single: dict[str, float] = field(default_factory=dict)  # one-off timings, seconds
    samples: dict[str, list[float]] = field(default_factory=dict)  # repeated timings, seconds
    files: dict[str, int] = field(default_factory=dict)  # bytes
    rss: dict[str, float] = field(default_factory=dict)  # MiB
    rates: dict[str, float] = field(default_factory=dict)  # rows/s
    notes: list[str] = field(default_factory=list)

    def timed(self, names: tuple[str, ...], function: Callable[..., Any], *args: Any) -> Any:
        """Call `function(*args)`, add its duration to each sample in `names`, return it.

        The CPU time of this thread goes to `<first name> [CPU]`: on a machine shared with
        other work, wall-clock tails are mostly waiting for a core."""
        start, cpu = time.perf_counter(), time.thread_time()
        value = function(*args)
        took, used = time.perf_counter() - start, time.thread_time() - cpu
        for name in names:
            self.samples.setdefault(name, []).append(took)
        self.samples.setdefault(f"{names[0]} [CPU]", []).append(used)
        return value


def build_demo(paths: Paths, size: int, result: SizeResult) -> None:
    from desktop.central import demo as central_demo
    from desktop.services import demo

    phases = {"populate_demo": 0.0, "first_pull": 0.0, "hash_password": 0.0}
    start = time.perf_counter()
    with timing(demo, "populate_demo", phases), timing(demo, "first_pull", phases), \
            timing(central_demo, "hash_password", phases):
        demo.setup_demo(paths, pensioners=size)
    total = time.perf_counter() - start
    result.single.update({
        "setup total": total,
        "setup: central generation": phases["populate_demo"],
        "  of which argon2 staff hashes": phases["hash_password"],
        "setup: first pull into cache": phases["first_pull"],
        "setup: migrations, samples, rest":
            total - phases["populate_demo"] - phases["first_pull"],
    })
    for name, file in (("cache", paths.cache_db), ("central (demo)", paths.demo_central_db)):
        result.files[name] = file.stat().st_size if file.exists() else 0
        wal = file.with_name(file.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            result.files[name + " -wal"] = wal.stat().st_size


def sample_cedulas(runtime: Runtime, rng: random.Random, wanted: int) -> dict[str, list[str]]:
    """Real cédulas from the cache (pensioners, drawn by random rowid) and the demo central
    (people without a pension), by eligibility outcome; plus valid cédulas nobody has."""
    from sqlalchemy import create_engine

    from desktop.domain.identity import cedula_check_digit

    found: dict[str, list[str]] = {kind: [] for kind in LOOKUP_MIX}
    with runtime.db.engine.connect() as cache:
        top = cache.exec_driver_sql("SELECT max(rowid) FROM pensioners").scalar_one() or 0
        rowids = rng.sample(range(1, top + 1), min(top, wanted))
        for cedula, active, indebted, has_case in cache.exec_driver_sql(
            "SELECT p.cedula, p.pension_state = 'ACTIVA', EXISTS (SELECT 1 FROM"
            " contribution_debts d WHERE d.cedula = p.cedula), EXISTS (SELECT 1 FROM cases c"
            " WHERE c.cedula = p.cedula) FROM pensioners p"
            " WHERE p.rowid IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)
        ):
            if not has_case:  # those with a case (--demo-cases) would be refused a second
                found["pending" if indebted else "eligible" if active else "suspended"].append(
                    cedula)
    central = create_engine(f"sqlite+pysqlite:///{runtime.settings.paths.demo_central_db}")
    try:
        with central.connect() as source:
            found["not_pensioner"] = list(source.exec_driver_sql(
                "SELECT p.cedula FROM people p WHERE NOT EXISTS (SELECT 1 FROM pensions x"
                " WHERE x.cedula = p.cedula) ORDER BY random() LIMIT ?", (wanted // 4 + 1,)
            ).scalars())
            while len(found["unknown"]) < wanted // 4 + 1:
                nine = f"{rng.choice(('17', '09', '01', '13'))}{rng.randrange(6_000_000):07d}"
                cedula = nine + cedula_check_digit(nine)
                if source.exec_driver_sql("SELECT 1 FROM people WHERE cedula = ?",
                                          (cedula,)).first() is None:
                    found["unknown"].append(cedula)
    finally:
        central.dispose()
    for values in found.values():
        rng.shuffle(values)
    return found


def lookup_mix(pool: dict[str, list[str]], rng: random.Random, count: int
               ) -> list[tuple[str, str]]:
    mix = [(kind, pool[kind][i % len(pool[kind])])
           for kind, share in LOOKUP_MIX.items() if pool[kind]
           for i in range(round(count * share))]
    rng.shuffle(mix)
    return mix


def write_pdfs(folder: Path, count: int) -> list[Path]:
    from tests.support.files import make_pdf

    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"solicitud-{index:05d}.pdf" for index in range(count)]
    for index, path in enumerate(files):
        path.write_bytes(make_pdf(1, f"Solicitud de reliquidación firmada n.º {index}"))
    return files


def measure_round(runtime: Runtime, actor: Any, mix: list[tuple[str, str]], cedulas: list[str],
                  pdfs: list[Path], numbers: list[str], renders: int, fragments: list[str],
                  result: SizeResult) -> None:
    """Lookups of `mix`; attach + register per cédula; receipt renders; open-case lookups;
    name searches."""
    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService
    from desktop.services.receipts import ReceiptService
    from desktop.services.status import StatusService

    intake = IntakeService(runtime, actor)
    for _kind, cedula in mix[:10]:  # warm-up: statement caches, SQLite page cache
        intake.lookup(cedula)
    for kind, cedula in mix:
        found = result.timed(("lookup (all)", f"lookup: {kind}"), intake.lookup, cedula)
        if kind == "eligible" and not found.verdict.eligible and found.open_case is None:
            result.notes.append(f"sample marked eligible was not: {found.verdict.reasons}")

    for index, (cedula, pdf) in enumerate(zip(cedulas, pdfs, strict=True)):
        document = result.timed(("attach_file (1-page PDF)",), intake.attach_file, pdf,
                                DocumentType.SIGNED_REQUEST)
        form = IntakeForm(cedula, f"pensionista{index}@correo.com.ec", "0991234567", True,
                          (document,))
        numbers.append(result.timed(("register",), intake.register, form).case_number)

    receipts = ReceiptService(runtime, actor)
    for paper in ("a4", "80mm"):
        receipts.render(numbers[0], paper)  # warm-up: fonts, reportlab module state
        sizes = sorted(len(result.timed((f"receipt render {paper}",), receipts.render,
                                        numbers[index % len(numbers)], paper).pdf)
                       for index in range(renders))
        result.files[f"receipt PDF {paper} (median)"] = sizes[len(sizes) // 2]

    for cedula in cedulas:
        if result.timed(("lookup: with open case",), intake.lookup, cedula).open_case is None:
            result.notes.append("a registered cédula showed no open case")

    status = StatusService(runtime, actor)
    for fragment in fragments[:10]:  # warm-up
        status.search(fragment)
    found = [len(result.timed(("name search (1-3 word fragments)",), status.search,
                              fragment).cases) for fragment in fragments]
    result.files["name search: median cases listed"] = sorted(found)[len(found) // 2]


@contextlib.contextmanager
def capture_sql(runtime: Runtime) -> Iterator[list[tuple[str, Any]]]:
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                 executemany: bool) -> None:
        if not executemany:
            statements.append((statement, parameters))

    event.listen(runtime.db.engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(runtime.db.engine, "before_cursor_execute", listener)


def print_plans(runtime: Runtime, actor: Any, pool: dict[str, list[str]], pdf: Path,
                size: int) -> None:
    """EXPLAIN QUERY PLAN of each distinct SELECT/UPDATE/DELETE that one lookup and one
    registration issue (SCAN = full table scan)."""
    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService
    from desktop.store import lookups
    from desktop.store.name_search import _statement

    service = IntakeService(runtime, actor)
    document = service.attach_file(pdf, DocumentType.SIGNED_REQUEST)
    cedula = pool["pending"][0]
    # the lookup and the name search run on the DB-API connection: their fixed statements
    lookup_sql: list[tuple[str, Any]] = [
        (lookups.PENSIONER_SQL, (cedula,)), (lookups.DEBTS_SQL, (cedula,)),
        (lookups._open_case_sql(("INGRESADO", "EN_REVISION")), (cedula, "RELIQUIDACION")),
        _statement(["maria", "jose"], 50)]
    with capture_sql(runtime) as register_sql:
        service.register(IntakeForm(pool["eligible"][-1], "plan@correo.com.ec", "0991234567",
                                    True, (document,)))
    print(f"\n  query plans at {size:,} pensioners (SCAN = full scan; scan* = ordered scan"
          " stopped by LIMIT):")
    with runtime.db.engine.connect() as connection:
        for label, statements in (("lookup and name search", lookup_sql),
                                  ("register", register_sql)):
            print(f"  [{label}: {len(statements)} statements]")
            seen: set[str] = set()
            for statement, parameters in statements:
                verb = statement.lstrip().split(None, 1)[0].upper()
                if verb not in {"SELECT", "UPDATE", "DELETE"} or statement in seen:
                    continue
                seen.add(statement)
                plan = [str(row[-1]) for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters or ())]
                sql = " ".join(statement.split())
                flag = "     "
                if any(step.startswith("SCAN") for step in plan):
                    # ORDER BY <key> LIMIT walks the key in order and stops: not a full scan.
                    flag = "scan*" if " LIMIT " in sql and " ORDER BY " in sql else "SCAN "
                print(f"    {flag}{'; '.join(plan)}\n         ← {sql[:150]}")


def encrypt_station(paths: Paths) -> Any:
    """The demo cache turned into a production one (SQLCipher) with fresh random keys, so
    the same measurements show what encryption at rest costs. The keys are handed over
    directly: no keyring is needed to benchmark."""
    import secrets

    from desktop.db import cipher
    from desktop.security.keys import KEY_BYTES, StationKeys

    keys = StationKeys(secrets.token_bytes(KEY_BYTES), secrets.token_bytes(KEY_BYTES))
    start = time.perf_counter()
    cipher.encrypt_in_place(paths.cache_db, keys.cache)
    print(f"  cache encrypted in place in {time.perf_counter() - start:.2f} s")
    return keys


def open_encrypted(settings: Any, keys: Any) -> Runtime:
    from desktop.capture.blobstore import BlobStore
    from desktop.services.protection import AtRest
    from desktop.services.runtime import open_cache

    protection = AtRest(settings, keys)
    return Runtime(settings, open_cache(settings, protection),
                   BlobStore(settings.paths.blob_dir, keys.blobs))


def run_size(size: int, args: argparse.Namespace) -> SizeResult:
    from desktop.central.demo import DEMO_LOGINS
    from desktop.domain.roles import Role
    from desktop.services.auth import sign_in
    from desktop.services.runtime import open_runtime

    result = SizeResult(size)
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix=f"ventanilla-bench-{size}-"))
    print(f"\n=== registry of {size:,} pensioners (folder {root}) ===", flush=True)
    try:
        paths = Paths(root / "config", root / "data", root / "logs")
        build_demo(paths, size, result)
        single = result.single
        hashing = single["  of which argon2 staff hashes"]
        rows = single["setup: central generation"] - hashing
        pull = single["setup: first pull into cache"]
        print(f"setup_demo: {single['setup total']:.2f} s (generation "
              f"{single['setup: central generation']:.2f} s, of which {hashing:.2f} s hashing "
              f"the demo staff passwords; pensioners {size / rows if rows > 0 else 0:,.0f} "
              f"rows/s; first pull {pull:.2f} s = {size / pull if pull else 0:,.0f} rows/s)")
        result.rates["first pull (pensioners, from the demo's SQLite central)"] = (
            size / pull if pull else 0)
        if args.demo_cases:
            added = add_cases(paths, args.demo_cases)
            result.single["demo cases: bulk at central"] = added["bulk"]
            result.single["demo cases: pull into the cache"] = added["pull"]
            result.rates["first pull of cases (cases+events+documents)"] = (
                added["rows"] / added["pull"] if added["pull"] else 0)
            result.files["cache"] = paths.cache_db.stat().st_size
        for name, size_bytes in result.files.items():
            print(f"  {name} file: {size_bytes / 1024 / 1024:.1f} MiB")

        keys = encrypt_station(paths) if args.encrypted else None
        start = time.perf_counter()
        runtime = (open_encrypted(load_settings(paths), keys) if keys is not None
                   else open_runtime(load_settings(paths)))
        single["open_runtime"] = time.perf_counter() - start
        try:
            clerk = next(login for login in DEMO_LOGINS
                         if login.role is Role.CLERK and login.centre_code == "UIO01")
            start = time.perf_counter()
            actor = sign_in(runtime, clerk.username, clerk.password)
            single["sign_in (clerk)"] = time.perf_counter() - start
            result.rss["after sign-in"] = rss_mib()

            cases = args.cases
            pool = sample_cedulas(runtime, rng, 4 * (args.lookups + cases * args.repeat))
            print("  sampled cédulas: "
                  + ", ".join(f"{kind} {len(values)}" for kind, values in pool.items()))
            eligible = pool["eligible"]
            if len(eligible) < cases * args.repeat:
                raise SystemExit(f"only {len(eligible)} eligible cédulas sampled; "
                                 "use fewer --cases or a larger size")
            pdfs = write_pdfs(root / "pdfs", cases * args.repeat)
            fragments = name_fragments(case_names(runtime, rng, 2000), rng, args.searches)
            numbers: list[str] = []
            for round_ in range(args.repeat):
                batch = slice(round_ * cases, (round_ + 1) * cases)
                measure_round(runtime, actor, lookup_mix(pool, rng, args.lookups),
                              eligible[batch], pdfs[batch], numbers, args.renders, fragments,
                              result)
                print(f"  round {round_ + 1}/{args.repeat} done", flush=True)
            result.rss["after the rounds"] = rss_mib()
            if args.gui_memory:
                measured = gui_memory(root, args.gui_memory)
                result.rss.update({f"GUI {name}": value for name, value in measured.items()
                                   if isinstance(value, float) and name != "work seconds"})
            measure_floors(runtime, actor, pool, fragments, numbers[0], args.renders, result)
            if args.explain:
                print_plans(runtime, actor, pool, pdfs[-1], size)
        finally:
            runtime.close()
    finally:
        if args.keep:
            print(f"  kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    result.rss["peak"] = peak_rss_mib()
    print_size(result)
    return result


def measure_floors(runtime: Runtime, actor: Any, pool: dict[str, list[str]],
                   fragments: list[str], case_number: str, renders: int,
                   result: SizeResult) -> None:
    """The raw floors of lookup, name search and receipt, on this same cache and machine."""
    from desktop.services.receipts import ReceiptService

    cedulas = [cedula for values in pool.values() for cedula in values][:2000]
    result.samples.update(sqlite_floors(runtime.db.engine, cedulas, fragments))
    receipts = ReceiptService(runtime, actor)
    pdf = receipts.render(case_number, "a4").pdf
    result.samples.update(receipt_floor(lambda: receipts.render(case_number, "a4"),
                                        case_number, receipt_lines(pdf), max(renders, 20)))


def print_size(result: SizeResult) -> None:
    print(f"\n  one-off timings at {result.size:,} pensioners:")
    for name, seconds in result.single.items():
        print(f"    {name:<34} {seconds * 1000:10.1f} ms")
    for name, rate in result.rates.items():
        print(f"    {name:<34} {rate:10,.0f} rows/s")
    for name, mib in result.rss.items():
        print(f"    process RSS {name:<22} {mib:10.1f} MiB")
    print()
    print_table(["operation (ms)", *COLUMNS],
                [stats_row(name, values, COLUMNS) for name, values in result.samples.items()])
    for name, limit in SLOW_MS.items():
        stats = summary_ms(result.samples.get(name, []))
        if stats["n"] and stats["median"] > limit:
            result.notes.append(f"SLOW: {name} median {stats['median']:.1f} ms > {limit} ms")
        elif stats["n"] and stats["p95"] > limit:
            result.notes.append(f"slow tail: {name} p95 {stats['p95']:.1f} ms > {limit} ms")
    for note in dict.fromkeys(result.notes):
        print(f"  NOTE: {note}")


#: The rows of the issue's table: (label, measured sample, floor sample, statistic).
ISSUE_ROWS = (
    ("cédula lookup (IntakeService.lookup)", "lookup (all)",
     "floor: SQLite indexed point query", "p95"),
    ("  same, CPU time of the thread", "lookup (all) [CPU]", None, "p95"),
    ("register", "register", None, "p95"),
    ("  same, CPU time of the thread", "register [CPU]", None, "p95"),
    ("receipt A4 render", "receipt render a4, alternating with the floor",
     "floor: reportlab A4 page + QR", "median"),
    ("  same, CPU time of the thread", "receipt render a4, alternating with the floor [CPU]",
     "floor: reportlab A4 page + QR [CPU]", "median"),
    ("name search (status page)", "name search (1-3 word fragments)",
     "floor: SQLite indexed prefix (name)", "p95"),
    ("  same, CPU time of the thread", "name search (1-3 word fragments) [CPU]", None, "p95"),
    ("  same, the FTS statement alone", "floor: the name search's FTS statement alone",
     None, "p95"),
)


def print_summary(results: list[SizeResult]) -> None:
    print("\n=== summary (ms; median / p95 / min) ===")
    names = ["lookup (all)", "lookup: with open case", "attach_file (1-page PDF)", "register",
             "receipt render a4", "receipt render 80mm", "name search (1-3 word fragments)"]
    rows: list[list[object]] = []
    for result in results:
        size = f"{result.size:,}"
        rows.append([size, "setup_demo (s)", result.single["setup total"], "", "", ""])
        rows.append([size, "cache file (MiB)", result.files["cache"] / 1024 / 1024, "", "", ""])
        rows += [[size, *stats_row(name, result.samples.get(name, []),
                                   ("median", "p95", "min", "n"))] for name in names]
    print_table(["pensioners", "measure", "median", "p95", "min", "n"], rows, left=2)
    print("\n=== the issue's table (ms unless said; floors measured in this run) ===")
    table: list[list[object]] = []
    for result in results:
        size = f"{result.size:,}"
        for label, name, floor, statistic in ISSUE_ROWS:
            value = summary_ms(result.samples.get(name, []))[statistic]
            low = summary_ms(result.samples.get(floor, []))[statistic] if floor else math.nan
            table.append([size, f"{label}, {statistic}", value, low,
                          value / low if floor and low else math.nan])
        for name, rate in result.rates.items():
            table.append([size, f"{name} (rows/s)", rate, math.nan, math.nan])
        for name, mib in result.rss.items():
            table.append([size, f"process RSS {name} (MiB)", mib, math.nan, math.nan])
    print_table(["pensioners", "measure", "now", "raw floor", "x floor"], table, left=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000",
                        help="comma-separated registry sizes (default 5000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of lookups/registrations/renders per size (default 1)")
    parser.add_argument("--lookups", type=int, default=500, help="lookups per round")
    parser.add_argument("--cases", type=int, default=200, help="registrations per round")
    parser.add_argument("--renders", type=int, default=50, help="renders per paper per round")
    parser.add_argument("--searches", type=int, default=300, help="name searches per round")
    parser.add_argument("--gui-memory", type=float, default=0.0, metavar="HOURS",
                        help="also the GUI's RSS after sign-in and after HOURS of work")
    parser.add_argument("--demo-cases", type=int, default=0,
                        help="cases of the country added with `demo --cases` (bulk) first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-explain", dest="explain", action="store_false",
                        help="skip the EXPLAIN QUERY PLAN listing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--encrypted", action="store_true",
                        help="measure on an encrypted cache and sealed documents (production)")
    parser.add_argument("--sqlite-cache-kib", type=int, default=None,
                        help="override the cache's page cache per connection (comparison)")
    parser.add_argument("--sqlite-mmap-mib", type=int, default=None,
                        help="override the cache's mmap size (comparison)")
    args = parser.parse_args(argv)
    from desktop.db import engines

    if args.sqlite_cache_kib is not None:
        engines.CACHE_KIB = args.sqlite_cache_kib
    if args.sqlite_mmap_mib is not None:
        engines.MMAP_BYTES = args.sqlite_mmap_mib * 1024 * 1024
    sizes = [int(text.replace("_", "")) for text in args.sizes.split(",") if text.strip()]
    print(f"SQLite page cache {engines.CACHE_KIB:,} KiB per connection, mmap "
          f"{engines.MMAP_BYTES // 2**20} MiB")
    print(f"Python {sys.version.split()[0]}; sizes {sizes}; {args.lookups} lookups, "
          f"{args.cases} registrations, {args.renders} renders per paper, x{args.repeat}")
    print_summary([run_size(size, args) for size in sizes])
    return 0


if __name__ == "__main__":
    sys.exit(main())
