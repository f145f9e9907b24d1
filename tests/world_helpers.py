"""Hand-built callers for the rule and judgement tests: services, bills, a world around them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    ClauseRow,
    ContractRow,
    CustomerInfo,
    EventRow,
    NotificationRow,
    ServiceRow,
    UsageRow,
)

TW = ZoneInfo("Asia/Taipei")
AT = datetime(2009, 5, 12, 14, 30, tzinfo=TW)


def t(y: int, m: int, d: int, h: int = 10) -> datetime:
    return datetime(y, m, d, h, tzinfo=TW)


def svc(code: str = "MPRO", fee: int = 50, **kw: Any) -> ServiceRow:
    base = dict(code=code, name_zh=f"{code} 服務", name_en=f"{code} service", contract_id="K1",
                fee_amount=Decimal(fee), fee_per="month", started_on=date(2008, 3, 1), trial_until=None,
                term_until=None, status="active")
    base.update(kw)
    return ServiceRow(**base)  # type: ignore[arg-type]


def bill(period: str, *lines: tuple[str, str | None, int], issued: date | None = None, text: str = "fee") -> BillRow:
    y, m = int(period[:4]), int(period[5:])
    issued = issued or date(y + (m == 12), m % 12 + 1, 5)
    bid = f"B-{period}"
    return BillRow(bid, period, issued, "TWD", tuple(BillLineRow(i, bid, s, text, Decimal(a)) for i, s, a in lines))


def world(
    services: tuple[ServiceRow, ...] = (),
    clauses: tuple[ClauseRow, ...] = (),
    notifications: tuple[NotificationRow, ...] = (),
    bills: tuple[BillRow, ...] = (),
    usage: dict[tuple[str, str], int] | None = None,
    events: tuple[EventRow, ...] = (),
    language: str = "en",
) -> CallerView:
    return CallerView(
        CustomerInfo("C1", "Amy Lin", language, None, ("+886912345678",)),
        "+886912345678",
        (ContractRow("K1", date(2008, 3, 1), "3G", clauses),),
        services,
        tuple(sorted(notifications, key=lambda n: n.sent_at, reverse=True)),
        bills,
        tuple(UsageRow(s, p, u) for (s, p), u in (usage or {}).items()),
        events,
    )


def actions(report: Any) -> list[tuple[Any, ...]]:
    return [(a.kind, a.service_code, a.amount, a.periods) for s in report.suggestions for a in s.actions]


def codes(report: Any) -> list[str]:
    return [f.code for f in report.findings]
