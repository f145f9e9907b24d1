"""The CSV export of a SQLite journal, formatted by SQLite itself: the fast path.

A Python loop costs several microseconds per call whatever one does, so on SQLite the
whole CSV row (local time, masked phone, money, codes, actions, cases, neutralised text) is
computed by the query, and Python only hands the rows to the C ``csv`` writer. Notes are the
one cell that needs a regular expression: they go through a Python function registered on
the connection, and only when they contain a digit or a formula start. The result is
byte-for-byte the output of the generic path (``console.export.convert``); a test checks it.

Used only when the journal is SQLite and the export's time zone has one UTC offset over the
whole period exported (Asia/Taipei has had +08:00 since 1979); otherwise the generic path
runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, literal_column, select
from sqlalchemy.engine import Connection

from console.export.query import ExportFilters, apply_filters
from console.export.safety import FORMULA_STARTS, mask_notes, neutralise
from console.models import Call

_STARS = "*" * 40
_JOINED_T = "group_concat(t, '; ')"
_JOINED_I = "group_concat(i, '; ')"
_START_CODES = ", ".join(str(ord(c)) for c in sorted(FORMULA_STARTS))


def _safe(expr: str) -> str:
    """SQL: the text expression with a leading apostrophe if it starts like a formula."""
    return f"(CASE WHEN unicode({expr}) IN ({_START_CODES}) THEN '''' || {expr} ELSE {expr} END)"


def _money(expr: str) -> str:
    """SQL: integer cents as '1234.50' (the same text as str(Decimal) of the amount)."""
    return (f"(CASE WHEN {expr} < 0 THEN '-' || printf('%d.%02d', -{expr} / 100, -{expr} % 100)"
            f" ELSE printf('%d.%02d', {expr} / 100, {expr} % 100) END)")


_ACTION_TEXT = (
    "a.kind || coalesce(' ' || nullif(a.service_code, ''), '')"
    f" || CASE WHEN a.amount IS NULL THEN '' ELSE ' ' || {_money('a.amount')} || ' ' || a.currency END"
    " || CASE WHEN a.status = 'applied' THEN '' ELSE ' (' || a.status || ')' END"
)


def _columns(offset_min: int, masked: bool) -> list[str]:
    phone = "calls.phone_e164"
    if masked:
        # console.phones.mask for E.164 text ('+' and digits); anything else through Python.
        phone = (f"(CASE WHEN {phone} GLOB '+[0-9]*' AND NOT substr({phone}, 2) GLOB '*[^0-9]*'"
                 f" AND length({phone}) > 4 THEN substr('{_STARS}', 1, length({phone}) - 4) || substr({phone}, -3)"
                 f" ELSE ac_mask_phone({phone}) END)")
    codes = ("replace(replace(replace(replace(replace(calls.finding_codes, '[', ''), ']', ''), '\"', ''),"
             " ', ', ','), ',', ';')")
    # Full-width digits count too: a note with only those is masked like any other.
    notes = (f"(CASE WHEN calls.notes GLOB '*[0-9\uff10-\uff19]*' OR unicode(calls.notes) IN ({_START_CODES})"
             f" THEN ac_note(calls.notes) ELSE calls.notes END)")
    return [
        _safe("calls.id"),
        f"strftime('%Y-%m-%d %H:%M:%S', calls.started_at, '{offset_min:+d} minutes')",
        "calls.duration_s", "calls.acw_s", _safe("calls.agent_id"), _safe("calls.customer_id"),
        _safe(phone), f"(CASE WHEN calls.finding_codes = 'null' THEN '' ELSE coalesce({_safe(codes)}, '') END)",
        f"coalesce((SELECT {_safe(_JOINED_T)} FROM (SELECT {_ACTION_TEXT} AS t"  # noqa: S608 - constant SQL
        " FROM actions a WHERE a.call_id = calls.id ORDER BY a.created_at, a.id)), '')",
        _money("coalesce(calls.credit_total, 0)"), _safe("calls.currency"), _safe("calls.outcome"),
        _safe("calls.root_cause"),
        f"(SELECT {_safe(_JOINED_I)} FROM (SELECT c.id AS i FROM cases c"  # noqa: S608 - constant SQL
        " WHERE c.customer_id = calls.customer_id AND c.call_id = calls.id ORDER BY c.opened_at, c.id))",
        notes,
    ]


def fixed_offset_minutes(conn: Connection, filters: ExportFilters) -> int | None:
    """The zone's one UTC offset over the exported calls, or None if it changes (DST)."""
    zone = filters.zone()
    lo, hi = conn.execute(apply_filters(select(
        literal_column("min(calls.started_at)"), literal_column("max(calls.started_at)")).select_from(Call.__table__),
        filters)).one()
    if lo is None:
        return 0
    start, end = (datetime.fromisoformat(str(v)).replace(tzinfo=UTC) for v in (lo, hi))
    return _offset_if_fixed(zone, start, end)


def _offset_if_fixed(zone: tzinfo, start: datetime, end: datetime) -> int | None:
    offsets = set()
    at = start
    while True:
        off = at.astimezone(zone).utcoffset()
        offsets.add(off)
        if len(offsets) > 1 or at >= end:
            break
        at = min(at + timedelta(hours=6), end)
    if len(offsets) != 1:
        return None
    (off,) = offsets
    assert off is not None
    minutes = off.total_seconds() / 60
    return int(minutes) if minutes == int(minutes) else None


def _note(masked: bool) -> Any:
    def note(text: str | None) -> str | None:
        if text is None:
            return None
        return neutralise(mask_notes(text) if masked else text)

    return note


def _mask_phone(text: str | None) -> str | None:
    from console.phones import mask

    return mask(text) if text else text


def csv_select(filters: ExportFilters, offset_min: int, *, masked: bool) -> Select[Any]:
    """The one statement that computes the finished CSV rows (bench/export.py shows it to sqlite3)."""
    q = select(*(literal_column(c) for c in _columns(offset_min, masked))).select_from(Call.__table__)
    return apply_filters(q, filters).order_by(Call.started_at, Call.id)


def stream_csv_rows(conn: Connection, filters: ExportFilters, offset_min: int, *, masked: bool,
                    batch: int) -> Iterator[Sequence[Any]]:
    """Yield batches of finished CSV rows, computed by SQLite."""
    raw = conn.connection.driver_connection
    raw.create_function("ac_note", 1, _note(masked), deterministic=True)
    raw.create_function("ac_mask_phone", 1, _mask_phone, deterministic=True)
    # Plain tuples straight from the driver's cursor: the rows need no type processing, and
    # SQLite reads them lazily step by step, so memory stays at one batch.
    result = conn.execute(csv_select(filters, offset_min, masked=masked))
    cursor = result.cursor
    try:
        while rows := cursor.fetchmany(batch):
            yield rows
    finally:
        result.close()
