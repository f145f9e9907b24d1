"""The three file formats of an export: CSV (UTF-8 with BOM), XLSX and JSONL.

Each writer takes batches of records and writes them as they come, so memory stays flat:
CSV and JSONL through a buffered text file, XLSX through XlsxWriter's ``constant_memory``
mode (each row is flushed to a temporary file as soon as the next one starts). Spreadsheet
formats get every text cell neutralised against formula injection; XLSX gets real types
(dates as dates, money and seconds as numbers), a bold frozen header, an autofilter and
column widths. JSONL keeps structure: lists stay lists, money is an exact decimal string.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import xlsxwriter

from console.export.columns import COLUMNS, HEADERS, Record
from console.export.convert import Converter
from console.export.query import Batch
from console.export.safety import FORMULA_STARTS

FORMATS = ("csv", "xlsx", "jsonl")
XLSX_MAX_ROWS = 1_048_576  # including the header row


class Writer(Protocol):
    def write_batch(self, batch: Batch, conv: Converter) -> None: ...
    def close(self) -> None: ...


def _safe(text: str) -> str:
    return "'" + text if text and text[0] in FORMULA_STARTS else text


class CsvWriter:
    """RFC 4180 CSV in UTF-8 with a BOM, so Excel opens Chinese notes correctly."""

    def __init__(self, path: Path) -> None:
        self._fh: IO[str] = open(path, "w", encoding="utf-8-sig", newline="", buffering=1 << 20)
        self._csv = csv.writer(self._fh, lineterminator="\r\n")
        self._csv.writerow(HEADERS)
        self._buf = io.StringIO()
        self._batch = csv.writer(self._buf, lineterminator="\r\n")

    def write_batch(self, batch: Batch, conv: Converter) -> None:
        self.write_rows(conv.csv_rows(batch))

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows already formatted; one batch is encoded and written in one go."""
        self._buf.seek(0)
        self._buf.truncate()
        self._batch.writerows(rows)
        self._fh.write(self._buf.getvalue())

    def close(self) -> None:
        self._fh.close()


class JsonlWriter:
    """One JSON object per line; keys are the documented columns."""

    def __init__(self, path: Path) -> None:
        self._fh: IO[str] = open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def write_batch(self, batch: Batch, conv: Converter) -> None:
        self.write(conv.records(batch))

    def write(self, records: Iterable[Record]) -> None:
        dumps = self._dumps
        lines = []
        for r in records:
            obj: dict[str, Any] = dict(zip(HEADERS, r, strict=True))
            obj["started_at"] = r.started_at.isoformat()
            obj["finding_codes"] = list(r.finding_codes)
            obj["actions"] = [
                {"kind": a.kind, "service_code": a.service_code,
                 "amount": None if a.amount is None else str(a.amount), "currency": a.currency, "status": a.status}
                for a in r.actions
            ]
            obj["credit_total"] = str(r.credit_total)
            lines.append(dumps(obj))
        if lines:
            self._fh.write("\n".join(lines))
            self._fh.write("\n")

    def close(self) -> None:
        self._fh.close()


class XlsxWriter:
    """A real workbook; past Excel's row limit the rows continue on a new sheet."""

    def __init__(self, path: Path) -> None:
        self._wb = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False,
        })
        self._bold = self._wb.add_format({"bold": True})
        self._date = self._wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self._money = self._wb.add_format({"num_format": "#,##0.00"})
        self._sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        if self._sheets:
            self._finish_sheet()
        self._sheets += 1
        name = "calls" if self._sheets == 1 else f"calls ({self._sheets})"
        ws = self._ws = self._wb.add_worksheet(name)
        for i, col in enumerate(COLUMNS):
            fmt = self._date if col.kind == "datetime" else self._money if col.kind == "money" else None
            ws.set_column(i, i, col.width, fmt)
        for i, h in enumerate(HEADERS):
            ws.write_string(0, i, h, self._bold)
        ws.freeze_panes(1, 0)
        self._row = 1

    def _finish_sheet(self) -> None:
        self._ws.autofilter(0, 0, max(self._row - 1, 1), len(COLUMNS) - 1)

    def write_batch(self, batch: Batch, conv: Converter) -> None:
        self.write(conv.records(batch))

    def write(self, records: Iterable[Record]) -> None:
        ws = self._ws
        s = _safe
        date_fmt, money_fmt = self._date, self._money
        for r in records:
            if self._row >= XLSX_MAX_ROWS:
                self._new_sheet()
                ws = self._ws
            row = self._row
            ws_string, ws_number = ws.write_string, ws.write_number
            ws_string(row, 0, s(r[0]))
            ws.write_datetime(row, 1, r[1].replace(tzinfo=None), date_fmt)
            if r[2] is not None:
                ws_number(row, 2, r[2])
            if r[3] is not None:
                ws_number(row, 3, r[3])
            ws_string(row, 4, s(r[4]))
            for col in (5, 6):
                if r[col]:
                    ws_string(row, col, s(r[col]))
            if r[7]:
                ws_string(row, 7, s(";".join(r[7])))
            if r[8]:
                ws_string(row, 8, s("; ".join(a.text() for a in r[8])))
            ws_number(row, 9, r[9], money_fmt)
            for col in (10, 11, 12, 13, 14):
                if r[col]:
                    ws_string(row, col, s(r[col]))
            self._row = row + 1

    def close(self) -> None:
        self._finish_sheet()
        self._wb.close()


def open_writer(fmt: str, path: Path) -> Writer:
    if fmt == "csv":
        return CsvWriter(path)
    if fmt == "xlsx":
        return XlsxWriter(path)
    if fmt == "jsonl":
        return JsonlWriter(path)
    raise ValueError(f"unknown export format {fmt!r}")
