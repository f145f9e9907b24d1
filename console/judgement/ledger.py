"""The expected-charge ledger: per service and billed month, what was billed, what was due, why.

For every (service, month) on the bills known at the call, the ledger writes the amount
billed (net of adjustments on the same bills), the amount EXPECTED and the one fact that
decides it, in a fixed precedence (``docs/judgement.md``): the free trial, then a stop
(what the customer was told, then what they asked, then the service switched off), then a
promised price, then a duplicate line, else the contract. Stop-type facts leave a month
owed when the customer used the service that month; price-type facts lower the price
whatever the usage. A month named by an earlier credit (a ``credit_issued`` event, or any
credit this journal holds, whatever its date) is settled and never disputed again.

``billed > expected`` is the disputed amount, with its evidence chain (``refs``). The rules
read runs of disputed months per cause from here, the bill pane shows ``billed / expected /
why`` per line, and the credit of a finding is the sum of its months' disputed amounts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from console.judgement.facts import (
    DUPLICATE,
    NOTICE,
    PROMO,
    Price,
    ServiceFacts,
    Stop,
    service_facts,
)
from console.rules.base import cycle_start

if TYPE_CHECKING:
    from console.caller_view import BillLineRow
    from console.rules.base import RuleContext

ZERO = Decimal(0)
STOP_WHYS = frozenset({"notice_stops", "contract_ends", "cancel_requested", "cancel_refused", "suspended", "cancelled"})


@dataclass(frozen=True)
class MonthJudgement:
    """One service in one billed month: billed, expected, and the fact that decides it.

    ``why`` is the deciding fact: ``contract`` (billed as agreed), ``no_charge``, ``trial``,
    one of ``STOP_WHYS``, ``promise`` or ``duplicate``. For a stop, ``use`` says how usage
    decided the month: ``used`` (owed), ``unused``, ``off`` (switched off: could not be
    used) or ``unknown`` (``expected`` is None until usage is known).
    """

    service: str
    period: str
    start: date
    billed: Decimal
    expected: Decimal | None
    why: str
    cause: str | None = None
    units: int | None = None
    use: str | None = None
    refs: tuple[str, ...] = ()
    settled_by: tuple[str, ...] = ()
    stop: Stop | None = None
    price: Price | None = None
    extra_lines: tuple[BillLineRow, ...] = ()
    trial_until: date | None = None

    @property
    def settled(self) -> bool:
        return bool(self.settled_by)

    @property
    def disputed(self) -> Decimal:
        """What was billed above what was due and not credited before (0 if not known)."""
        if self.settled or self.expected is None or self.billed <= self.expected:
            return ZERO
        return self.billed - self.expected

    @property
    def unknown(self) -> bool:
        """A month that may be disputed once usage is known: ask for evidence, credit nothing yet."""
        return self.cause is not None and self.expected is None and not self.settled

    @property
    def used(self) -> bool:
        return self.use == "used"

    @property
    def open(self) -> bool:
        """Part of a finding: disputed, or waiting for usage."""
        return self.disputed > 0 or self.unknown


@dataclass
class Ledger:
    facts: dict[str, ServiceFacts] = field(default_factory=dict)
    months: dict[str, list[MonthJudgement]] = field(default_factory=dict)

    def of(self, service: str | None) -> list[MonthJudgement]:
        return self.months.get(service or "", [])

    def __iter__(self) -> Iterator[MonthJudgement]:
        for months in self.months.values():
            yield from months

    def runs(self, cause: str) -> Iterator[tuple[str, list[MonthJudgement]]]:
        """Per service, the unsettled months ``cause`` decides, if any of them is open."""
        for service, months in self.months.items():
            run = [m for m in months if m.cause == cause and not m.settled]
            if any(m.open for m in run):
                yield service, run


def judge(ctx: RuleContext) -> Ledger:
    """The ledger of every service and month billed as of ``ctx.at``."""
    ledger = Ledger()
    for service, by_period in ctx.lines_by_month().items():
        s = ctx.service(service)
        facts = service_facts(ctx, s) if s is not None else ServiceFacts(service)
        ledger.facts[service] = facts
        anchor = s.started_on if s is not None else None
        ledger.months[service] = [
            _month(ctx, facts, service, period, lines, cycle_start(period, anchor))
            for period, lines in sorted(by_period.items())
        ]
    return ledger


def _month(
    ctx: RuleContext, facts: ServiceFacts, service: str, period: str, lines: Sequence[BillLineRow], start: date,
) -> MonthJudgement:
    # Evidence references are built as ``console.evidence.ref`` would write them, without its
    # checks: the ids come from the caller's own rows (this runs for every month on every pop).
    billed = sum((ln.amount for ln in lines), ZERO)
    refs = tuple(f"bill_line:{ln.id}" for ln in lines if ln.amount > 0)
    settled = ctx.credit_refs(service, period)
    units = ctx.usage(service, period)
    expected: Decimal | None = billed
    why, cause, use = "contract", None, None
    stop: Stop | None = None
    price: Price | None = None
    extra: tuple[BillLineRow, ...] = ()
    trial = facts.trial_until
    if billed <= 0:
        why = "no_charge"
    elif trial is not None and start <= trial:
        expected, why, cause, refs = ZERO, "trial", NOTICE, facts.trial_refs + refs
    elif (stop := next((st for st in facts.stops if st.covers(start)), None)) is not None:
        why, cause = stop.why, stop.cause
        refs = stop.refs + refs + (f"usage:{service}:{period}",)
        if units is not None and units > 0:
            use = "used"
        elif units == 0:
            expected, use = ZERO, "unused"
        elif any(st.off and st.covers(start) for st in facts.stops):
            expected, use = ZERO, "off"
        else:
            expected, use = None, "unknown"
    elif facts.price is not None and billed > facts.price.amount:
        price = facts.price
        expected, why, cause, refs = price.amount, "promise", PROMO, price.refs + refs
    elif len(lines) > 1 and (extra := _copies(lines)):
        expected = max(billed - sum((ln.amount for ln in extra), ZERO), ZERO)
        why, cause = "duplicate", DUPLICATE
    return MonthJudgement(service, period, start, billed, expected, why, cause, units, use, refs, settled,
                          stop, price, extra, trial if why == "trial" else None)


def _copies(lines: Sequence[BillLineRow]) -> tuple[BillLineRow, ...]:
    """Lines repeating an earlier line of the month (same amount, same wording): billed twice."""
    seen: set[tuple[Decimal, str]] = set()
    extra: list[BillLineRow] = []
    for line in lines:
        if line.amount <= 0:
            continue
        key = (line.amount, " ".join(line.text.split()).casefold())
        if key in seen:
            extra.append(line)
        else:
            seen.add(key)
    return tuple(extra)
