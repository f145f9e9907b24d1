"""Running an export: permission, audit, temp file then rename, progress and Cancel.

The CLI and the window's dialog both call ``run_export``. It checks the role in the
service (lead only; unmasked needs its own permission and is audited as such), writes to a
temporary file beside the target (0600: it holds personal data) and renames it only when
complete, so an interrupted or cancelled export never leaves a half file under the final
name. It never writes over the console's own stores (the file it reads among them) nor,
unless asked (``overwrite``, ``--force``), over any existing file. It reports progress after
every batch and checks a cancellation token between batches, so a dialog on another thread
can show a bar and stop it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from console import audit
from console.auth import Principal
from console.context import ConsoleContext
from console.db import sqlite_file
from console.errors import UserError
from console.export.convert import Converter
from console.export.query import BATCH, ExportFilters, count_select, reader_engine, stream_batches
from console.export.sqlite_fast import fixed_offset_minutes, stream_csv_rows
from console.export.writers import FORMATS, CsvWriter, Writer, open_writer
from console.permissions import require

Progress = Callable[[int, int], None]


class ExportCancelled(UserError):
    exit_code = 130


class CancelToken:
    """Set from any thread; the export stops at the next batch boundary."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    out: Path
    filters: ExportFilters = ExportFilters()
    unmasked: bool = False
    overwrite: bool = False  # replace an existing file (never one of the console's own stores)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    masked: bool


def _audit(ctx: ConsoleContext, who: Principal, action: str, request: ExportRequest, **extra: object) -> None:
    with ctx.journal.session() as js, js.begin():
        audit.append(js, actor=who.id, workstation=ctx.settings.workstation, action=action, at=ctx.now(),
                     subject=str(request.out)[-200:],
                     details={"format": request.fmt, "masked": not request.unmasked,
                              "filters": request.filters.describe(), **extra})


def _write(conn: Connection, writer: Writer, request: ExportRequest, batch: int) -> Iterator[int]:
    """Write the export batch by batch, yielding the number of calls in each batch."""
    masked = not request.unmasked
    if isinstance(writer, CsvWriter) and conn.dialect.name == "sqlite":
        offset = fixed_offset_minutes(conn, request.filters)
        if offset is not None:
            for rows in stream_csv_rows(conn, request.filters, offset, masked=masked, batch=batch):
                writer.write_rows(rows)
                yield len(rows)
            return
    conv = Converter(request.filters.zone(), masked=masked)
    for part in stream_batches(conn, request.filters, batch=batch):
        writer.write_batch(part, conv)
        yield len(part.rows)


def _protected(ctx: ConsoleContext) -> list[Path]:
    """The console's own files: both stores with their SQLite companions, and the audit key."""
    files = [audit.key_path()]
    for url in (ctx.settings.db_url, ctx.settings.journal_url):
        path = sqlite_file(url)
        if path is not None:
            files += [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    return files


def refuse_own_files(ctx: ConsoleContext, out: Path) -> None:
    """An export never writes over a store, its WAL, or the audit key (even with --force)."""
    target = Path(os.path.realpath(out))
    for own in _protected(ctx):
        same = Path(os.path.realpath(own)) == target
        if not same and out.exists() and own.exists():
            same = os.path.samefile(out, own)  # a hard link to a store
        if same:
            raise UserError(f"{out} is one of the console's own files ({own.name}): choose another name")


def _move_into_place(tmp: Path, out: Path, overwrite: bool) -> None:
    """Rename the finished file to ``out``; without ``overwrite`` never replace a file that
    appeared meanwhile (a hard link fails if the name exists: no check-then-write race)."""
    if overwrite:
        os.replace(tmp, out)
        return
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise UserError(f"{out} exists: choose another name, or replace it with --force") from None
    except OSError:  # a file system without hard links: the check before the export stands
        if os.path.lexists(out):
            raise UserError(f"{out} exists: choose another name, or replace it with --force") from None
        os.replace(tmp, out)
        return
    tmp.unlink()


def run_export(
    ctx: ConsoleContext, who: Principal, request: ExportRequest, *,
    progress: Progress | None = None, cancel: CancelToken | None = None, batch: int = BATCH,
) -> ExportResult:
    require(who, "export")
    if request.unmasked:
        require(who, "export.unmasked")
    if request.fmt not in FORMATS:
        raise UserError(f"unknown format {request.fmt!r}: use one of {', '.join(FORMATS)}")
    request.filters.validate()
    out = request.out.expanduser().absolute()
    if out.is_dir():
        raise UserError(f"{out} is a folder: give a file name")
    if not out.parent.is_dir():
        raise UserError(f"folder not found: {out.parent}")
    refuse_own_files(ctx, out)
    if os.path.lexists(out) and not request.overwrite:
        raise UserError(f"{out} exists: choose another name, or replace it with --force")
    store = ctx.journal  # opens (and migrates) the journal before reading it
    _audit(ctx, who, "export.started", request)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    engine, owned = reader_engine(store.url, store.engine)
    rows = 0
    try:
        writer = open_writer(request.fmt, tmp)
        try:
            with engine.connect() as conn:
                total = int(conn.execute(count_select(request.filters)).scalar_one()) if progress else 0
                if progress:
                    progress(0, total)
                for n in _write(conn, writer, request, batch):
                    if cancel is not None and cancel.cancelled:
                        raise ExportCancelled("export cancelled; no file written")
                    rows += n
                    if progress:
                        progress(rows, max(total, rows))
        finally:
            writer.close()
        if cancel is not None and cancel.cancelled:
            raise ExportCancelled("export cancelled; no file written")
        _move_into_place(tmp, out, request.overwrite)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        _audit(ctx, who, "export.cancelled" if isinstance(exc, ExportCancelled) else "export.failed",
               request, rows=rows, error=type(exc).__name__)
        raise
    finally:
        if owned:
            engine.dispose()
    _audit(ctx, who, "export.finished", request, rows=rows)
    return ExportResult(out, rows, not request.unmasked)
