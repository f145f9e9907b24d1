"""Reading one field of a parsed YAML document, with the field's path for the error line.

A trainer who mistypes one amount in a 200-line scenario must be told which one:
``demo/x.yaml: bills[1].lines[0].amount: 12.5 has a fraction of a dollar``. Every reader
here takes the value and its path and either returns a clean Python value or raises
``ScenarioError`` naming the file, the path and the problem, in one line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from console.errors import UserError

LOCAL_TZ = ZoneInfo("Asia/Taipei")
_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_MAX_AMOUNT = Decimal(10) ** 12
_SHOWN = 40
_MAX_JSON_NODES = 2_000
_MAX_JSON_DEPTH = 20
MAX_ITEMS = 10_000  # per list: far more than any call needs, far less than a YAML alias bomb


class ScenarioError(UserError):
    """A scenario file that cannot be read or is not valid; the message is one line."""


def shown(value: Any) -> str:
    """A short, printable echo of a bad value for the error line."""
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, Mapping):
        text = "a mapping"
    elif isinstance(value, list | tuple):
        text = "a list"
    else:
        text = str(value)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime):
        return f"a time {value.isoformat()}"
    if isinstance(value, date):
        return f"a date {value.isoformat()}"
    if isinstance(value, int | float):
        return f"a number {shown(value)}"
    if isinstance(value, str):
        return f"text {shown(value)}"
    return shown(value)


class Fields:
    """The readers for one file: they know the file name to put in front of every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, problem: str) -> NoReturn:
        where = f"{self.source}: {path}: " if path else f"{self.source}: "
        raise ScenarioError(where + problem)

    # -- structure ---------------------------------------------------------------------
    def mapping(self, value: Any, path: str, required: Collection[str], optional: Collection[str] = ()) -> dict[str, Any]:
        """A mapping with exactly these keys allowed; missing required keys are an error."""
        if not isinstance(value, Mapping):
            self.fail(path, f"expected a mapping (key: value), got {_kind(value)}")
        allowed = [*required, *optional]
        for key in value:
            if not isinstance(key, str) or key not in allowed:
                self.fail(_join(path, str(key)), f"unknown field; valid fields here: {', '.join(allowed)}")
        for key in required:
            if key not in value:
                self.fail(_join(path, key), "missing (required)")
        return dict(value)

    def items(self, value: Any, path: str, *, required: bool = False) -> list[Any]:
        """A list (absent or null means empty unless required)."""
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.fail(path, f"expected a list, got {_kind(value)}")
        if len(value) > MAX_ITEMS:
            self.fail(path, f"too many items ({len(value)}; at most {MAX_ITEMS})")
        return value

    # -- scalars -----------------------------------------------------------------------
    def text(self, value: Any, path: str, *, max_len: int, pattern: re.Pattern[str] | None = None, hint: str = "") -> str:
        if isinstance(value, bool) or value is None or not isinstance(value, str | int):
            self.fail(path, f"expected text, got {_kind(value)}")
        result = str(value).strip()
        if not result:
            self.fail(path, "must not be empty")
        if len(result) > max_len:
            self.fail(path, f"too long ({len(result)} characters, at most {max_len})")
        if pattern is not None and not pattern.match(result):
            self.fail(path, f"{shown(result)} is not valid{': ' + hint if hint else ''}")
        return result

    def opt_text(self, value: Any, path: str, *, max_len: int, pattern: re.Pattern[str] | None = None, hint: str = "") -> str | None:
        return None if value is None else self.text(value, path, max_len=max_len, pattern=pattern, hint=hint)

    def word(self, value: Any, path: str, vocabulary: Collection[str]) -> str:
        """One word of a closed vocabulary; the error lists the valid words."""
        valid = ", ".join(sorted(vocabulary)) if not isinstance(vocabulary, tuple) else ", ".join(vocabulary)
        if not isinstance(value, str) or value not in vocabulary:
            self.fail(path, f"{shown(value) if value is not None else 'null'} is not one of: {valid}")
        return value

    def integer(self, value: Any, path: str, *, minimum: int = 0, maximum: int = 2**31 - 1) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected a whole number, got {_kind(value)}")
        if not minimum <= value <= maximum:
            self.fail(path, f"{value} is out of range ({minimum}..{maximum})")
        return value

    def day(self, value: Any, path: str) -> date:
        if isinstance(value, datetime):
            self.fail(path, f"expected a date YYYY-MM-DD, got a time {value.isoformat()}")
        if isinstance(value, date):
            return value
        why = ""
        if isinstance(value, str):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError as exc:
                why = _why(exc)
            else:
                if not 1900 <= day.year <= 2200:
                    self.fail(path, f"{day.isoformat()} is out of range (years 1900..2200)")
                return day
        self.fail(path, f"{shown(value) if value is not None else 'null'} is not a date (YYYY-MM-DD){why}")

    def opt_day(self, value: Any, path: str) -> date | None:
        return None if value is None else self.day(value, path)

    def moment(self, value: Any, path: str) -> datetime:
        """An aware time; without an offset it is Taiwan time, a bare date is its midnight."""
        result: datetime | None = None
        if isinstance(value, datetime):
            result = value
        elif isinstance(value, date):
            result = datetime.combine(value, time())
        why = ""
        if isinstance(value, str):
            try:
                result = datetime.fromisoformat(value.strip())
            except ValueError as exc:
                why = _why(exc)
        if result is None:
            self.fail(path, f"{shown(value) if value is not None else 'null'} is not a time "
                            f"(YYYY-MM-DDTHH:MM[:SS][+08:00]){why}")
        if result.tzinfo is None:
            result = result.replace(tzinfo=LOCAL_TZ)
        if not 1900 <= result.year <= 2200:
            self.fail(path, f"{result.isoformat()} is out of range (years 1900..2200)")
        return result

    def period(self, value: Any, path: str) -> str:
        text = value if isinstance(value, str) else None
        match = _PERIOD.match(text.strip()) if text else None
        if match is None:
            what = _kind(value) if not isinstance(value, str) else shown(value)
            self.fail(path, f"{what} is not a month (YYYY-MM)")
        return match.group(0)

    def amount(self, value: Any, path: str, currency: str, *, whole: bool, negative: bool = False) -> Decimal:
        """A money amount, exact; ``whole`` for currencies billed in whole units."""
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(path, f"expected an amount (a number), got {_kind(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(path, f"{value} is not an amount")
        try:
            amount = Decimal(str(value).strip().replace(",", "")) if isinstance(value, str) else Decimal(str(value))
        except InvalidOperation:
            self.fail(path, f"{shown(value)} is not a number")
        if not amount.is_finite():
            self.fail(path, f"{shown(value)} is not an amount")
        if abs(amount) >= _MAX_AMOUNT:
            self.fail(path, f"{shown(value)} is too large for an amount")
        if amount < 0 and not negative:
            self.fail(path, f"{shown(value)} must not be negative")
        if whole and amount != amount.to_integral_value():
            self.fail(path, f"{shown(value)} has a fraction of a dollar ({currency} is billed in whole dollars)")
        if amount * 100 != (amount * 100).to_integral_value():
            self.fail(path, f"{shown(value)} has a fraction of a cent")
        return amount

    def json_params(self, value: Any, path: str) -> dict[str, Any] | None:
        """Free-form params stored as JSON: dates become ISO text; anything else exotic is refused."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.fail(path, f"expected a mapping (key: value), got {_kind(value)}")
        budget = [_MAX_JSON_NODES]
        return self._json(value, path, budget, 0)  # type: ignore[no-any-return]

    def _json(self, value: Any, path: str, budget: list[int], depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > _MAX_JSON_DEPTH:
            self.fail(path, "too large or too deeply nested (params hold a few values, not a data set)")
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                self.fail(path, f"{value} is not a number JSON can hold")
            return value
        if isinstance(value, datetime):
            return (value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)).isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Mapping):
            out: dict[str, Any] = {}
            for k, v in value.items():
                if not isinstance(k, str):
                    self.fail(_join(path, str(k)), "keys must be text")
                out[k] = self._json(v, _join(path, k), budget, depth + 1)
            return out
        if isinstance(value, list):
            return [self._json(v, f"{path}[{i}]", budget, depth + 1) for i, v in enumerate(value)]
        self.fail(path, f"{_kind(value)} cannot be stored (use text, numbers, dates, lists, mappings)")


def _why(exc: ValueError) -> str:
    """The reason Python gives for an impossible date or time, when it says more than "invalid"."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    if not text or text.startswith("Invalid isoformat"):
        return ""
    return ": " + "".join(c if c.isprintable() else "?" for c in text)[:80]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
