"""The billing calendar the synthetic population shares, computed once per run.

Every customer's bills run over the same months, so the strings a bill row needs (the
period ``YYYY-MM``, the issue date, the UTC instant a payment notice went out) are formatted
once here instead of once per row. Instants are written exactly as SQLAlchemy's SQLite
``DateTime`` writes them (naive UTC, ``YYYY-MM-DD HH:MM:SS.ffffff``), so rows inserted raw read
back through the ORM like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MAX_MONTHS = 24
ISSUE_DAY = 5  # bills are issued on the 5th of the month after the period


@dataclass(frozen=True)
class Period:
    period: str  # 2026-10
    ym: str  # 202610, for ids
    first: date
    last: date
    issued_on: str  # 2026-11-05
    notice_at: str  # 2026-11-05 02:00:00.000000 (10:00 in Taipei)


def month_start(d: date, back: int = 0) -> date:
    """The first day of the month ``back`` months before ``d``'s month."""
    y, m = divmod(d.year * 12 + d.month - 1 - back, 12)
    return date(y, m + 1, 1)


def last_billed_month(as_of: date) -> date:
    """First day of the newest period whose bill has been issued by ``as_of``."""
    return month_start(as_of, 1 if as_of.day >= ISSUE_DAY else 2)


def periods(as_of: date, count: int = MAX_MONTHS) -> tuple[Period, ...]:
    """The ``count`` billed periods up to ``as_of``, oldest first."""
    newest = last_billed_month(as_of)
    out = []
    for back in range(count - 1, -1, -1):
        first = month_start(newest, back)
        nxt = month_start(first, -1)
        issued = nxt.replace(day=ISSUE_DAY)
        out.append(
            Period(
                period=f"{first:%Y-%m}",
                ym=f"{first:%Y%m}",
                first=first,
                last=nxt - timedelta(days=1),
                issued_on=issued.isoformat(),
                notice_at=instant(issued, 2),
            )
        )
    return tuple(out)


def instant(d: date, hour_utc: int, minute: int = 0) -> str:
    """A UTC instant on day ``d`` in SQLAlchemy's SQLite storage format."""
    return f"{d.isoformat()} {hour_utc:02d}:{minute:02d}:00.000000"
