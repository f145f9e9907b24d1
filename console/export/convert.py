"""Raw export rows to what the writers need: records, or finished CSV rows in one pass.

This is the export's hot loop (a million calls is a million iterations), so it reads the
three costly columns raw (timestamps, JSON codes, cents) and converts them itself, caches
what repeats (a call's finding-code list is one of a few dozen), and has a fused path for
CSV that goes from database row to CSV row without building an intermediate record.
Masking and formula neutralising follow ``console.export.safety`` exactly.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from typing import Any

from console.export.columns import ActionItem, Record
from console.export.query import Batch
from console.export.safety import FORMULA_STARTS, mask_notes, mask_number

_NONE: tuple[ActionItem, ...] = ()


def _money_text(cents: int) -> str:
    if cents >= 0:
        return f"{cents // 100}.{cents % 100:02d}"
    return str(Decimal(cents).scaleb(-2))


class Converter:
    def __init__(self, zone: tzinfo, masked: bool) -> None:
        self.zone, self.masked = zone, masked
        self._codes: dict[Any, tuple[str, ...]] = {}
        self._codes_text: dict[Any, str] = {}

    def finding_codes(self, raw: Any) -> tuple[str, ...]:
        if not raw:
            return ()
        key = raw if isinstance(raw, str) else tuple(raw)
        codes = self._codes.get(key)
        if codes is None:
            value = json.loads(raw) if isinstance(raw, str) else raw
            codes = tuple(str(c) for c in value or ())
            if len(self._codes) > 10_000:
                self._codes.clear()
                self._codes_text.clear()
            self._codes[key] = codes
        return codes

    def _codes_cell(self, raw: Any) -> str:
        """The finding codes as one neutralised CSV/XLSX cell, cached per distinct list."""
        if not raw:
            return ""
        key = raw if isinstance(raw, str) else tuple(raw)
        text = self._codes_text.get(key)
        if text is None:
            text = ";".join(self.finding_codes(raw))
            if text and text[0] in FORMULA_STARTS:
                text = "'" + text
            self._codes_text[key] = text
        return text

    def records(self, batch: Batch) -> list[Record]:
        zone, masked, codes_of = self.zone, self.masked, self.finding_codes
        actions, cases = batch.actions, batch.cases
        out: list[Record] = []
        append = out.append
        utc, fromiso = UTC, datetime.fromisoformat
        for (cid, started, dur, acw, agent, cust, phone, codes, cents, cur, outcome, cause, notes) in batch.rows:
            if type(started) is str:
                started = fromiso(started).replace(tzinfo=utc)
            if masked:
                if phone:
                    phone = mask_number(phone)
                if notes:
                    notes = mask_notes(notes)
            acts = actions.get(cid)
            case = cases.get(cid)
            append(Record(
                cid, started.astimezone(zone), dur, acw, agent, cust, phone, codes_of(codes),
                tuple(acts) if acts else _NONE, Decimal(cents or 0).scaleb(-2), cur, outcome, cause,
                "; ".join(case) if case else None, notes,
            ))
        return out

    def csv_rows(self, batch: Batch) -> list[tuple[Any, ...]]:
        """Finished CSV rows (masked, neutralised, formatted) straight from the raw rows."""
        zone, masked, codes_cell = self.zone, self.masked, self._codes_cell
        actions, cases = batch.actions, batch.cases
        fs = FORMULA_STARTS
        out: list[tuple[Any, ...]] = []
        append = out.append
        utc, fromiso = UTC, datetime.fromisoformat
        for (cid, started, dur, acw, agent, cust, phone, codes, cents, cur, outcome, cause, notes) in batch.rows:
            if type(started) is str:
                started = fromiso(started).replace(tzinfo=utc)
            if phone:
                if masked:
                    phone = mask_number(phone)
                if phone[0] in fs:  # type: ignore[index]
                    phone = "'" + phone  # type: ignore[operator]
            if notes:
                if masked:
                    notes = mask_notes(notes)
                if notes[0] in fs:
                    notes = "'" + notes
            acts = actions.get(cid)
            acts_text = ""
            if acts:
                acts_text = "; ".join(a.text() for a in acts)
                if acts_text[0] in fs:
                    acts_text = "'" + acts_text
            case = cases.get(cid)
            case_text = "; ".join(case) if case else None
            if case_text and case_text[0] in fs:
                case_text = "'" + case_text
            if cid and cid[0] in fs:
                cid = "'" + cid
            if agent and agent[0] in fs:
                agent = "'" + agent
            if cust and cust[0] in fs:
                cust = "'" + cust
            if cur and cur[0] in fs:
                cur = "'" + cur
            if outcome and outcome[0] in fs:
                outcome = "'" + outcome
            if cause and cause[0] in fs:
                cause = "'" + cause
            append((
                cid, started.astimezone(zone).isoformat(" ")[:19], dur, acw, agent, cust, phone, codes_cell(codes),
                acts_text, _money_text(int(cents or 0)), cur, outcome, cause, case_text, notes,
            ))
        return out
