"""Reading TMF JSON values defensively: times, months, money, characteristics, references.

The specs make almost every field optional and ``value`` of a characteristic may be any
JSON at all, so the mapping never indexes a payload directly: these helpers return None
(or a default) for a missing or malformed value, and the mapping decides what a missing
value means (usually: that row is left out, never guessed).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from console.formatting import TAIPEI

MAX_SAFE_ID = 2**53  # event ids travel through JSON: stay within a double's exact integers


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value != "" else None


def obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def objs(value: Any) -> list[dict[str, Any]]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def moment(value: Any) -> datetime | None:
    """An ISO 8601 date-time as an aware datetime; a time without offset is the operator's (Taipei)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if not 1900 <= parsed.year <= 2200:
        return None  # out of any billing history, and near year 1/9999 time zones overflow
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=TAIPEI)


def local_day(value: Any) -> date | None:
    when = moment(value)
    return when.astimezone(TAIPEI).date() if when else None


def month(value: Any) -> str | None:
    day = local_day(value)
    return f"{day.year:04d}-{day.month:02d}" if day else None


def months_between(start: Any, end: Any) -> list[str]:
    """Every month touched by a TimePeriod (start and end inclusive, Taipei calendar)."""
    first, last = local_day(start), local_day(end)
    if first is None:
        return []
    if last is None or last < first:
        last = first
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def amount(value: Any) -> Decimal | None:
    """A JSON number (read as Decimal) or numeric string as a finite Decimal."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        return None
    try:
        result = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        return None
    return result if result.is_finite() and abs(result) < 10**12 else None


def money(value: Any) -> tuple[Decimal | None, str | None]:
    """A TMF ``Money`` ({unit, value}) as (amount, currency)."""
    m = obj(value)
    return amount(m.get("value")), text(m.get("unit"))


def characteristic(items: Any, name: str) -> Any:
    """The value of the characteristic called ``name`` (case-insensitive), or None."""
    wanted = name.lower()
    for c in objs(items):
        if isinstance(c.get("name"), str) and c["name"].lower() == wanted:
            return c.get("value")
    return None


def ref_id(value: Any) -> str | None:
    """The ``id`` of a TMF reference object."""
    return text(obj(value).get("id"))


def event_id(key: str) -> int:
    """Our integer event id for a TMF resource key: the key itself when it is a number (most
    BSSs number their orders and rates), else a stable 48-bit hash of it."""
    if key.isascii() and key.isdigit() and 0 < int(key) < MAX_SAFE_ID:
        return int(key)
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=6).digest(), "big")
