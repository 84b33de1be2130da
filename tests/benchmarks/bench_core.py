"""Core benchmark: demo set-up, cédula lookup, case registration and receipt rendering.

Run from the repository root:

    .venv/bin/python -m tests.benchmarks.bench_core [--sizes 5000,1000000] [--repeat N]

For each registry size a demo workstation is built in a temporary VENTANILLA_HOME-style
folder (removed afterwards), the clerk signs in, and each operation is timed many times
with time.perf_counter. It prints numbers only; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import contextlib
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

CATEGORIES = ("eligible", "pending", "suspended", "not_pensioner", "unknown")
#: Share of each kind of cédula in the lookup sample (about half can register).
LOOKUP_MIX = {"eligible": 0.5, "pending": 0.2, "suspended": 0.1, "not_pensioner": 0.1,
              "unknown": 0.1}
SLOW_LOOKUP_MS = 5.0
SLOW_REGISTER_MS = 50.0
CHUNK = 900  # bound parameters per IN (...) query


@dataclass
class SizeResult:
    size: int
    single: dict[str, float] = field(default_factory=dict)  # one-off timings, seconds
    samples: dict[str, list[float]] = field(default_factory=dict)  # repeated timings, seconds
    files: dict[str, int] = field(default_factory=dict)  # bytes
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, seconds: float) -> None:
        self.samples.setdefault(name, []).append(seconds)


def paths_in(root: Path) -> Paths:
    return Paths(root / "config", root / "data", root / "logs")


# --- set-up ---------------------------------------------------------------------------


@contextlib.contextmanager
def timed_module_functions(module: Any, names: tuple[str, ...], into: dict[str, float]
                           ) -> Iterator[None]:
    """Wrap module-level functions to time them (restored afterwards; code is untouched)."""
    originals = {name: getattr(module, name) for name in names}

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                into[name] = into.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    for name, function in originals.items():
        setattr(module, name, wrap(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(module, name, function)


def build_demo(paths: Paths, size: int, result: SizeResult) -> None:
    from desktop.central import demo as central_demo
    from desktop.services import demo

    phases: dict[str, float] = {}
    start = time.perf_counter()
    with timed_module_functions(demo, ("populate_demo", "pull_reference"), phases), \
            timed_module_functions(central_demo, ("hash_password",), phases):
        demo.setup_demo(paths, pensioners=size)
    total = time.perf_counter() - start
    result.single["setup total"] = total
    result.single["setup: central generation"] = phases.get("populate_demo", 0.0)
    result.single["  of which argon2 staff hashes"] = phases.get("hash_password", 0.0)
    result.single["setup: first pull into cache"] = phases.get("pull_reference", 0.0)
    result.single["setup: migrations, samples, rest"] = (
        total - phases.get("populate_demo", 0.0) - phases.get("pull_reference", 0.0)
    )
    for name, file in (("cache", paths.cache_db), ("central (demo)", paths.demo_central_db)):
        result.files[name] = file.stat().st_size if file.exists() else 0
        wal = file.with_name(file.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            result.files[name + " -wal"] = wal.stat().st_size


# --- samples of real cédulas ----------------------------------------------------------


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def sample_cedulas(runtime: Runtime, rng: random.Random, wanted: int) -> dict[str, list[str]]:
    """Real cédulas from the cache (pensioners) and the demo central (people without a
    pension), by eligibility outcome, drawn by random rowid; plus valid unknown cédulas."""
    from sqlalchemy import create_engine, text

    from desktop.domain.identity import cedula_check_digit

    found: dict[str, list[str]] = {kind: [] for kind in CATEGORIES}
    with runtime.db.engine.connect() as cache:
        top = cache.execute(text("SELECT max(rowid) FROM pensioners")).scalar_one() or 0
        rowids = rng.sample(range(1, top + 1), min(top, wanted))
        for chunk in _chunks(rowids):
            marks = ",".join("?" * len(chunk))
            rows = cache.exec_driver_sql(
                "SELECT p.cedula, p.pension_state, EXISTS (SELECT 1 FROM contribution_debts d"
                f" WHERE d.cedula = p.cedula) FROM pensioners p WHERE p.rowid IN ({marks})",
                tuple(chunk),
            ).all()
            for cedula, state, indebted in rows:
                if state != "ACTIVA":
                    kind = "suspended" if not indebted else "pending"
                else:
                    kind = "pending" if indebted else "eligible"
                found[kind].append(cedula)
    central_file = runtime.settings.paths.demo_central_db
    central = create_engine(f"sqlite+pysqlite:///{central_file}")
    try:
        with central.connect() as source:
            found["not_pensioner"] = list(source.exec_driver_sql(
                "SELECT p.cedula FROM people p WHERE NOT EXISTS (SELECT 1 FROM pensions x"
                " WHERE x.cedula = p.cedula) ORDER BY random() LIMIT ?", (wanted // 4 + 1,)
            ).scalars())
            while len(found["unknown"]) < wanted // 4 + 1:  # valid, but nobody has it
                nine = f"{rng.choice(('17', '09', '01', '13'))}{rng.randrange(6_000_000):07d}"
                cedula = nine + cedula_check_digit(nine)
                taken = source.exec_driver_sql(
                    "SELECT 1 FROM people WHERE cedula = ?", (cedula,)).first()
                if taken is None:
                    found["unknown"].append(cedula)
    finally:
        central.dispose()
    for values in found.values():
        rng.shuffle(values)
    return found


def lookup_mix(pool: dict[str, list[str]], rng: random.Random, count: int
               ) -> list[tuple[str, str]]:
    mix: list[tuple[str, str]] = []
    for kind, share in LOOKUP_MIX.items():
        available = pool[kind]
        if not available:
            continue
        mix.extend((kind, available[i % len(available)]) for i in range(round(count * share)))
    rng.shuffle(mix)
    return mix


# --- query plans ----------------------------------------------------------------------


@contextlib.contextmanager
def capture_sql(runtime: Runtime) -> Iterator[list[tuple[str, Any]]]:
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                 executemany: bool) -> None:
        if not executemany:
            statements.append((statement, parameters))

    engine = runtime.db.engine
    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def query_plans(runtime: Runtime, statements: list[tuple[str, Any]]) -> list[str]:
    """EXPLAIN QUERY PLAN of every distinct SELECT/UPDATE/DELETE captured; one line each."""
    lines: list[str] = []
    seen: set[str] = set()
    with runtime.db.engine.connect() as connection:
        for statement, parameters in statements:
            first = statement.lstrip().split(None, 1)[0].upper()
            if first not in {"SELECT", "UPDATE", "DELETE"} or statement in seen:
                continue
            seen.add(statement)
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                              parameters or ()).all()
            details = "; ".join(str(row[-1]) for row in plan)
            sql = " ".join(statement.split())
            flag = "     "
            if any(str(row[-1]).startswith("SCAN") for row in plan):
                # ORDER BY <key> LIMIT walks the key in order and stops: not a full scan.
                flag = "scan*" if " LIMIT " in sql and " ORDER BY " in sql else "SCAN "
            lines.append(f"{flag}{details}\n         ← {sql[:150]}")
    return lines


# --- the measurements -----------------------------------------------------------------


def measure_lookups(runtime: Runtime, actor: Any, mix: list[tuple[str, str]],
                    result: SizeResult) -> None:
    from desktop.services.intake import IntakeService

    service = IntakeService(runtime, actor)
    for _kind, cedula in mix[:10]:  # warm-up: statement caches, SQLite page cache
        service.lookup(cedula)
    for kind, cedula in mix:
        start = time.perf_counter()
        found = service.lookup(cedula)
        elapsed = time.perf_counter() - start
        result.add("lookup (all)", elapsed)
        result.add(f"lookup: {kind}", elapsed)
        if kind == "eligible" and not found.can_register and found.open_case is None:
            result.notes.append(f"sample marked eligible was not: {found.verdict.reasons}")


def write_pdfs(folder: Path, count: int, offset: int) -> list[Path]:
    from tests.conftest import make_pdf

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(offset, offset + count):
        path = folder / f"solicitud-{index:05d}.pdf"
        path.write_bytes(make_pdf(1, f"Solicitud de reliquidación firmada n.º {index}"))
        files.append(path)
    return files


def measure_register(runtime: Runtime, actor: Any, cedulas: list[str], pdfs: list[Path],
                     result: SizeResult) -> list[str]:
    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService

    service = IntakeService(runtime, actor)
    numbers = []
    for index, (cedula, pdf) in enumerate(zip(cedulas, pdfs, strict=True)):
        start = time.perf_counter()
        document = service.attach_file(pdf, DocumentType.SIGNED_REQUEST)
        result.add("attach_file (1-page PDF)", time.perf_counter() - start)
        form = IntakeForm(
            cedula=cedula,
            email=f"pensionista{index}@correo.com.ec",
            phone="0991234567",
            cedula_verified=True,
            documents=(document,),
        )
        start = time.perf_counter()
        registered = service.register(form)
        result.add("register", time.perf_counter() - start)
        numbers.append(registered.case_number)
    return numbers


def measure_receipts(runtime: Runtime, actor: Any, numbers: list[str], count: int,
                     result: SizeResult) -> None:
    from desktop.services.receipts import ReceiptService

    service = ReceiptService(runtime, actor)
    for paper in ("a4", "80mm"):
        service.render(numbers[0], paper)  # warm-up: fonts, reportlab module state
        sizes = []
        for index in range(count):
            start = time.perf_counter()
            receipt = service.render(numbers[index % len(numbers)], paper)
            result.add(f"receipt render {paper}", time.perf_counter() - start)
            sizes.append(len(receipt.pdf))
        result.files[f"receipt PDF {paper} (median)"] = sorted(sizes)[len(sizes) // 2]


def measure_open_case_lookups(runtime: Runtime, actor: Any, cedulas: list[str],
                              result: SizeResult) -> None:
    from desktop.services.intake import IntakeService

    service = IntakeService(runtime, actor)
    for cedula in cedulas:
        start = time.perf_counter()
        found = service.lookup(cedula)
        result.add("lookup: with open case", time.perf_counter() - start)
        if found.open_case is None:
            result.notes.append("a registered cédula showed no open case")


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
        paths = paths_in(root)
        build_demo(paths, size, result)
        total = result.single["setup total"]
        generation = result.single["setup: central generation"]
        pull = result.single["setup: first pull into cache"]
        hashing = result.single["  of which argon2 staff hashes"]
        rows = generation - hashing
        print(f"setup_demo: {total:.2f} s (generation {generation:.2f} s, of which "
              f"{hashing:.2f} s hashing the demo staff passwords; pensioners "
              f"{size / rows if rows > 0 else 0:,.0f} rows/s; first pull {pull:.2f} s = "
              f"{size / pull if pull else 0:,.0f} rows/s)", flush=True)
        for name, size_bytes in result.files.items():
            print(f"  {name} file: {size_bytes / 1024 / 1024:.1f} MiB")

        start = time.perf_counter()
        runtime = open_runtime(load_settings(paths))
        result.single["open_runtime"] = time.perf_counter() - start
        try:
            clerk = next(login for login in DEMO_LOGINS
                         if login.role is Role.CLERK and login.centre_code == "UIO01")
            start = time.perf_counter()
            actor = sign_in(runtime, clerk.username, clerk.password)
            result.single["sign_in (clerk)"] = time.perf_counter() - start

            cases = args.cases
            wanted = 4 * (args.lookups + cases * args.repeat)
            pool = sample_cedulas(runtime, rng, wanted)
            counts = ", ".join(f"{kind} {len(values)}" for kind, values in pool.items())
            print(f"  sampled cédulas: {counts}")
            eligible = pool["eligible"]
            if len(eligible) < cases * args.repeat:
                raise SystemExit(f"only {len(eligible)} eligible cédulas sampled; "
                                 "use fewer --cases or a larger size")
            pdfs = write_pdfs(root / "pdfs", cases * args.repeat, 0)
            numbers: list[str] = []
            for round_ in range(args.repeat):
                mix = lookup_mix(pool, rng, args.lookups)
                measure_lookups(runtime, actor, mix, result)
                chosen = eligible[round_ * cases : (round_ + 1) * cases]
                batch = pdfs[round_ * cases : (round_ + 1) * cases]
                numbers += measure_register(runtime, actor, chosen, batch, result)
                measure_receipts(runtime, actor, numbers, args.renders, result)
                measure_open_case_lookups(runtime, actor, chosen, result)
                print(f"  round {round_ + 1}/{args.repeat} done", flush=True)
            if args.explain:
                print_plans(runtime, actor, pool, pdfs[-1], size)
        finally:
            runtime.close()
    finally:
        if args.keep:
            print(f"  kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print_size(result)
    return result


def print_plans(runtime: Runtime, actor: Any, pool: dict[str, list[str]], pdf: Path,
                size: int) -> None:
    """The SQL one lookup and one registration issue, with SQLite's plan (SCAN = full scan)."""
    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService

    service = IntakeService(runtime, actor)
    spare = pool["eligible"][-1]
    document = service.attach_file(pdf, DocumentType.SIGNED_REQUEST)
    with capture_sql(runtime) as lookup_sql:
        service.lookup(pool["pending"][0])
    with capture_sql(runtime) as register_sql:
        service.register(IntakeForm(spare, "plan@correo.com.ec", "0991234567", True,
                                    (document,)))
    print(f"\n  query plans at {size:,} pensioners (SCAN = full scan; scan* = ordered scan"
          " stopped by LIMIT):")
    for label, statements in (("lookup", lookup_sql), ("register", register_sql)):
        print(f"  [{label}: {len(statements)} statements]")
        for line in query_plans(runtime, statements):
            print("   ", line)


def _row(name: str, seconds: list[float]) -> list[object]:
    from tests.benchmarks._stats import summary_ms

    stats = summary_ms(seconds)
    return [name, stats["n"], stats["median"], stats["p95"], stats["min"], stats["max"]]


def print_size(result: SizeResult) -> None:
    from tests.benchmarks._stats import print_table, summary_ms

    print(f"\n  one-off timings at {result.size:,} pensioners:")
    for name, seconds in result.single.items():
        print(f"    {name:<34} {seconds * 1000:10.1f} ms")
    print()
    print_table(["operation (ms)", "n", "median", "p95", "min", "max"],
                [_row(name, values) for name, values in result.samples.items()])
    for name, limit in (("lookup (all)", SLOW_LOOKUP_MS), ("register", SLOW_REGISTER_MS)):
        stats = summary_ms(result.samples.get(name, []))
        if stats["n"] and stats["median"] > limit:
            result.notes.append(f"SLOW: {name} median {stats['median']:.1f} ms > {limit} ms")
        elif stats["n"] and stats["p95"] > limit:
            result.notes.append(f"slow tail: {name} p95 {stats['p95']:.1f} ms > {limit} ms")
    for note in dict.fromkeys(result.notes):
        print(f"  NOTE: {note}")


def print_summary(results: list[SizeResult]) -> None:
    from tests.benchmarks._stats import print_table, summary_ms

    print("\n=== summary (ms; median / p95 / min) ===")
    names = ["lookup (all)", "lookup: with open case", "attach_file (1-page PDF)", "register",
             "receipt render a4", "receipt render 80mm"]
    rows: list[list[object]] = []
    for result in results:
        setup = result.single["setup total"]
        rows.append([f"{result.size:,}", "setup_demo (s)", setup, "", "", ""])
        rows.append([f"{result.size:,}", "cache file (MiB)",
                     result.files.get("cache", 0) / 1024 / 1024, "", "", ""])
        for name in names:
            stats = summary_ms(result.samples.get(name, []))
            rows.append([f"{result.size:,}", name, stats["median"], stats["p95"], stats["min"],
                         stats["n"]])
    print_table(["pensioners", "measure", "median", "p95", "min", "n"], rows, left=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000",
                        help="comma-separated registry sizes (default 5000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of lookups/registrations/renders per size (default 1)")
    parser.add_argument("--lookups", type=int, default=500, help="lookups per round")
    parser.add_argument("--cases", type=int, default=200, help="registrations per round")
    parser.add_argument("--renders", type=int, default=50, help="renders per paper per round")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-explain", dest="explain", action="store_false",
                        help="skip the EXPLAIN QUERY PLAN listing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    sizes = [int(text.replace("_", "")) for text in args.sizes.split(",") if text.strip()]
    print(f"Python {sys.version.split()[0]}; sizes {sizes}; {args.lookups} lookups, "
          f"{args.cases} registrations, {args.renders} renders per paper, x{args.repeat}")
    results = [run_size(size, args) for size in sizes]
    print_summary(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
