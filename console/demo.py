"""The trainer's demo database: the shipped scenarios plus a small synthetic population.

Demo mode must never touch production data, so it lives in its own folder (``demo/`` in the
user's data dir) with its own journal. It is built once into a *pristine* copy; the working
copy is a file copy of it, so ``demo --reset`` restores a clean floor in well under five
seconds however long the build took. A new release with different scenario files rebuilds
the pristine copy by itself (the marker holds a digest of the inputs).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from console import __version__, paths
from console.db import open_store
from console.errors import StoreError, UserError

DEMO_CUSTOMERS = 2_000
DEMO_SEED = 2009
Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoFiles:
    folder: Path

    @property
    def customers(self) -> Path:
        return self.folder / "customers.sqlite3"

    @property
    def journal(self) -> Path:
        return self.folder / "journal.sqlite3"

    @property
    def pristine(self) -> Path:
        return self.folder / "pristine" / "customers.sqlite3"

    @property
    def marker(self) -> Path:
        return self.folder / "pristine" / "BUILT"

    @property
    def customer_url(self) -> str:
        return f"sqlite:///{self.customers}"

    @property
    def journal_url(self) -> str:
        return f"sqlite:///{self.journal}"


def demo_files() -> DemoFiles:
    return DemoFiles(paths.data_dir() / "demo")


def _inputs_digest() -> str:
    from console.scenarios import demo_dir

    h = hashlib.sha256(f"{__version__}|{DEMO_CUSTOMERS}|{DEMO_SEED}".encode())
    for path in sorted(demo_dir().glob("*.y*ml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _say(progress: Progress | None, text: str) -> None:
    if progress is not None:
        progress(text)


def build_pristine(files: DemoFiles, progress: Progress | None = None) -> None:
    """Build the pristine demo store next to its final place, then move it in atomically."""
    from console.scenarios import demo_dir, import_paths
    from console.seed import SeedOptions, seed_population

    files.pristine.parent.mkdir(parents=True, exist_ok=True)
    tmp = files.pristine.with_suffix(".building")
    _remove_sqlite(tmp)
    url = f"sqlite:///{tmp}"
    _say(progress, "importing the training scenarios")
    store = open_store(url, "customer")
    try:
        report = import_paths(store, [demo_dir()])
    finally:
        store.dispose()
    if not report.ok:
        raise StoreError(f"a shipped demo scenario does not import: {report.failed[0].error}")
    _say(progress, f"generating {DEMO_CUSTOMERS:,} synthetic customers")
    seed_population(url, SeedOptions(customers=DEMO_CUSTOMERS, seed=DEMO_SEED))
    _checkpoint(tmp)
    os.replace(tmp, files.pristine)
    files.marker.write_text(_inputs_digest(), encoding="utf-8")


def ensure_demo(progress: Progress | None = None) -> DemoFiles:
    """Make sure the demo store exists and matches this release's scenarios."""
    files = demo_files()
    digest = _inputs_digest()
    current = files.marker.read_text(encoding="utf-8") if files.marker.exists() else None
    if current != digest or not files.pristine.exists():
        build_pristine(files, progress)
        _copy_pristine(files)
    elif not files.customers.exists():
        _copy_pristine(files)
    return files


def reset_demo(progress: Progress | None = None) -> float:
    """Restore the demo stores to pristine; returns the seconds it took."""
    started = time.perf_counter()
    files = demo_files()
    if not files.pristine.exists() or not files.marker.exists():
        ensure_demo(progress)
    _copy_pristine(files)
    _remove_sqlite(files.journal)
    return time.perf_counter() - started


def _copy_pristine(files: DemoFiles) -> None:
    tmp = files.customers.with_suffix(".copying")
    try:
        shutil.copyfile(files.pristine, tmp)
        _remove_sqlite(files.customers, keep_main=True)
        os.replace(tmp, files.customers)
    except OSError as exc:
        raise StoreError(f"cannot write the demo database in {files.folder}: {exc.strerror}") from exc


def _checkpoint(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")


def _remove_sqlite(path: Path, keep_main: bool = False) -> None:
    for suffix in (("-wal", "-shm") if keep_main else ("", "-wal", "-shm")):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def refuse_foreign_stores(db: str | None, journal: str | None) -> None:
    if db or journal:
        raise UserError("demo mode always uses its own database; leave out --db and --journal")
