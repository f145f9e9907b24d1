"""``seed_population``: build (or rebuild) the synthetic population of a customer store.

The store is created or upgraded through Alembic first (never ``create_all``), then its
engine is released and a bulk writer takes over: blocks of customers are generated as
tuples and written a batch at a time, so memory stays flat whatever ``--customers`` says.
A store that already holds a population is refused unless the caller asks to replace it,
and replacing removes only synthetic customers, never the ones scenarios created.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from console.db import open_store
from console.errors import UserError
from console.seed import numbers, parallel
from console.seed.calendar import MAX_MONTHS, periods
from console.seed.catalogue import make_pools
from console.seed.generate import BLOCK, TABLES, Plan, Rows, customer_id, generate_block
from console.seed.patterns import PATTERNS
from console.seed.writers import SQLITE_CACHE_KIB, PostgresWriter, SQLiteWriter, Writer

BATCH_BLOCKS = 5  # customers written per transaction: 5 x BLOCK
PARALLEL_MIN = 20_000  # customers: below this, --jobs is ignored (workers cost more than they save)
Progress = Callable[[int, int], None]


class PopulationExists(UserError):
    pass


def default_jobs() -> int:
    """Two worker processes where two cores are available: measured faster even on a busy box."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 if cores >= 2 else 1


@dataclass(frozen=True)
class SeedOptions:
    customers: int
    seed: int = 1
    months: int | None = None  # None: 12..24 per customer
    complaint_rate: float = 0.03
    replace: bool = False
    as_of: date | None = None  # the bills run up to this day's last issued month
    jobs: int = field(default_factory=lambda: default_jobs())  # SQLite: worker processes (console.seed.parallel)

    def check(self) -> None:
        if not 1 <= self.customers <= numbers.MAX_CUSTOMERS:
            raise UserError(f"--customers must be between 1 and {numbers.MAX_CUSTOMERS:,}")
        if self.months is not None and not 12 <= self.months <= MAX_MONTHS:
            raise UserError(f"--months must be between 12 and {MAX_MONTHS}")
        if not 0 <= self.complaint_rate <= 1:
            raise UserError("--complaints must be a share between 0 and 1, e.g. 0.03")
        if not 1 <= self.jobs <= 16:
            raise UserError("--jobs must be between 1 and 16")
        if self.seed < 0:
            raise UserError("--seed must be zero or positive")


@dataclass
class SeedReport:
    customers: int
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    patterns: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PATTERNS, 0))
    planted: dict[str, str] = field(default_factory=dict)  # customer id -> complaint pattern
    replaced: int = 0
    workers: int = 1  # processes that generated rows (the parallel SQLite load uses several)
    elapsed_s: float = 0.0
    generate_s: float = 0.0  # summed over the workers
    write_s: float = 0.0  # summed over the workers
    merge_s: float = 0.0
    index_s: float = 0.0
    size_bytes: int | None = None

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def add(self, counts: dict[str, int], patterns: dict[str, int], planted: dict[str, str]) -> None:
        for table, n in counts.items():
            self.rows[table] += n
        for name, n in patterns.items():
            self.patterns[name] += n
        self.planted.update(planted)


def seed_population(url: str, options: SeedOptions, progress: Progress | None = None) -> SeedReport:
    options.check()
    started = time.perf_counter()
    store = open_store(url, "customer")  # creates or migrates the schema through Alembic
    backend = store.engine.dialect.name
    sqlite_path = _sqlite_path(url) if backend == "sqlite" else None
    writer: Writer
    if backend == "sqlite":
        store.dispose()  # the bulk writer wants the file to itself (journal mode switch)
        writer = SQLiteWriter(sqlite_path)  # type: ignore[arg-type]
    elif backend == "postgresql":
        writer = PostgresWriter(store.engine)
    else:
        store.dispose()
        raise UserError(f"seed supports SQLite and PostgreSQL, not {backend}")
    report = SeedReport(options.customers)
    try:
        existing = writer.synthetic_count()
        if existing and not options.replace:
            raise PopulationExists(
                f"this store already has a synthetic population of {existing:,} customers; "
                "add --replace to rebuild it (scenario customers are kept)"
            )
        clash = writer.clashing_ids(customer_id(options.customers - 1))
        if clash:
            raise UserError(
                f"scenario customers already use the synthetic id range ({', '.join(clash)}); "
                "rename them or seed fewer customers"
            )
        if existing:
            report.replaced = writer.delete_synthetic()
        as_of = options.as_of or datetime.now(UTC).date()
        plan = Plan(
            seed=options.seed,
            calendar=periods(as_of),
            pools=make_pools(options.seed),
            months=options.months,
            complaint_rate=options.complaint_rate,
            reserved_phones=writer.other_phones(),
        )
        # With workers, the parent shares the memory budget with them: a smaller page cache.
        writer.begin_load(options.customers, SQLITE_CACHE_KIB if options.jobs == 1 else SQLITE_CACHE_KIB // 2)
        if isinstance(writer, SQLiteWriter) and options.jobs > 1 and options.customers >= PARALLEL_MIN:
            _load_parallel(plan, options.customers, options.jobs, writer, report, progress)
        else:
            _load(plan, options.customers, writer, report, progress)
        t = time.perf_counter()
        writer.finish()
        report.index_s = time.perf_counter() - t
    finally:
        writer.close()
        store.dispose()
    report.elapsed_s = time.perf_counter() - started
    if sqlite_path is not None and sqlite_path.exists():
        report.size_bytes = sqlite_path.stat().st_size
    return report


def _load(plan: Plan, total: int, writer: Writer, report: SeedReport, progress: Progress | None) -> None:
    blocks = (total + BLOCK - 1) // BLOCK
    for first in range(0, blocks, BATCH_BLOCKS):
        t0 = time.perf_counter()
        rows = Rows()
        for block in range(first, min(blocks, first + BATCH_BLOCKS)):
            generate_block(plan, block, total, rows)
        t1 = time.perf_counter()
        writer.write(rows)
        report.write_s += time.perf_counter() - t1
        report.generate_s += t1 - t0
        report.add({t: len(d) for t, d in rows.tables.items()}, rows.patterns, rows.planted)
        if progress is not None:
            progress(min(total, (first + BATCH_BLOCKS) * BLOCK), total)


def _load_parallel(
    plan: Plan, total: int, jobs: int, writer: SQLiteWriter, report: SeedReport, progress: Progress | None
) -> None:
    report.workers = jobs

    def on_chunk(result: parallel.ChunkResult, done: int) -> None:
        _, counts, patterns, planted, gen_s, write_s = result
        report.add(counts, patterns, planted)
        report.generate_s += gen_s
        report.write_s += write_s
        if progress is not None:
            progress(done, total)

    report.merge_s = parallel.load_parallel(plan, total, jobs, writer.conn, writer.path.parent, on_chunk)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise UserError("seed needs a database file, not an in-memory SQLite database")
    return Path(database)
