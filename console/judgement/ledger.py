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
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

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


class MonthJudgement(NamedTuple):
    """One service in one billed month: billed, expected, and the fact that decides it.

    ``why`` is the deciding fact: ``contract`` (billed as agreed), ``no_charge``, ``trial``,
    one of ``STOP_WHYS``, ``promise`` or ``duplicate``. For a stop, ``use`` says how usage
    decided the month: ``used`` (owed), ``unused``, ``off`` (switched off: could not be
    used) or ``unknown`` (``expected`` is None until usage is known).

    A named tuple rather than a frozen dataclass: just as immutable, and four times quicker
    to build (4.5 against 0.85 us), which counts at 144 months on every pop.
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
    _by_cause: dict[str, dict[str, list[MonthJudgement]]] | None = field(default=None, repr=False, compare=False)

    def of(self, service: str | None) -> list[MonthJudgement]:
        return self.months.get(service or "", [])

    def __iter__(self) -> Iterator[MonthJudgement]:
        return chain.from_iterable(self.months.values())

    def runs(self, cause: str) -> Iterator[tuple[str, list[MonthJudgement]]]:
        """Per service, the unsettled months ``cause`` decides, if any of them is open."""
        if self._by_cause is None:
            # Every rule asks for its cause: sort the months out once.
            self._by_cause = {}
            for service, months in self.months.items():
                for m in months:
                    if m.cause is not None and not m.settled_by:
                        self._by_cause.setdefault(m.cause, {}).setdefault(service, []).append(m)
        for service, run in self._by_cause.get(cause, {}).items():
            if any(m.open for m in run):
                yield service, list(run)


def judge(ctx: RuleContext) -> Ledger:
    """The ledger of every service and month billed as of ``ctx.at``."""
    ledger = Ledger()
    credits, usage = ctx.credits_by_month, ctx.usage_by_month
    for service, by_period in ctx.lines_by_month().items():
        s = ctx.service(service)
        facts = service_facts(ctx, s) if s is not None else ServiceFacts(service)
        ledger.facts[service] = facts
        anchor = s.started_on if s is not None else None
        trial, price = facts.trial_until, facts.price
        spans = [(st.last_day, st.until) for st in facts.stops]
        months: list[MonthJudgement] = []
        for period in sorted(by_period):
            lines = by_period[period]
            start = cycle_start(period, anchor)
            # Most months are billed as agreed: one line, no trial, stop or promised price
            # touching them. They take this short way (144 months on every pop), with
            # ``Stop.covers`` written out.
            if len(lines) == 1:
                amount = lines[0].amount
                stopped = False
                for last_day, until in spans:
                    if last_day < start and (until is None or start < until):
                        stopped = True
                        break
                if (not stopped and amount > ZERO and (trial is None or start > trial)
                        and (price is None or amount <= price.amount)):
                    key = (service, period)
                    months.append(MonthJudgement(service, period, start, amount, amount, "contract", None,
                                                 usage.get(key), None, (f"bill_line:{lines[0].id}",),
                                                 tuple(credits.get(key, ()))))
                    continue
            months.append(_month(ctx, facts, service, period, lines, start))
        ledger.months[service] = months
    return ledger


def _month(
    ctx: RuleContext, facts: ServiceFacts, service: str, period: str, lines: Sequence[BillLineRow], start: date,
) -> MonthJudgement:
    # This runs for every service and month on every pop (144 times for a 24-month caller
    # with six services), so the common cases take the short way: one line, no fact
    # covering the month. Evidence references are built as ``console.evidence.ref`` would
    # write them, without its checks: the ids come from the caller's own rows.
    if len(lines) == 1:
        line = lines[0]
        billed = line.amount
        refs: tuple[str, ...] = (f"bill_line:{line.id}",) if billed > 0 else ()
    else:
        billed = sum((ln.amount for ln in lines), ZERO)
        refs = tuple(f"bill_line:{ln.id}" for ln in lines if ln.amount > 0)
    settled = ctx.credit_refs(service, period)
    units = ctx.usage(service, period)
    if billed <= 0:
        return MonthJudgement(service, period, start, billed, billed, "no_charge", None, units, None, refs, settled)
    trial = facts.trial_until
    if trial is not None and start <= trial:
        return MonthJudgement(service, period, start, billed, ZERO, "trial", NOTICE, units, None,
                              facts.trial_refs + refs, settled, trial_until=trial)
    stop = None
    for st in facts.stops:
        if st.covers(start):
            stop = st
            break
    if stop is not None:
        refs = stop.refs + refs + (f"usage:{service}:{period}",)
        expected: Decimal | None = billed
        if units is not None and units > 0:
            use = "used"
        elif units == 0:
            expected, use = ZERO, "unused"
        elif any(st.off and st.covers(start) for st in facts.stops):
            expected, use = ZERO, "off"
        else:
            expected, use = None, "unknown"
        return MonthJudgement(service, period, start, billed, expected, stop.why, stop.cause, units, use, refs,
                              settled, stop)
    price = facts.price
    if price is not None and billed > price.amount:
        return MonthJudgement(service, period, start, billed, price.amount, "promise", PROMO, units, None,
                              price.refs + refs, settled, price=price)
    if len(lines) > 1 and (extra := _copies(lines)):
        expected = max(billed - sum((ln.amount for ln in extra), ZERO), ZERO)
        return MonthJudgement(service, period, start, billed, expected, "duplicate", DUPLICATE, units, None, refs,
                              settled, extra_lines=extra)
    return MonthJudgement(service, period, start, billed, billed, "contract", None, units, None, refs, settled)


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
