"""Credit arithmetic: how much to give back, exactly, and for which months.

Two kinds of credit, with one principle each (documented in the README of the rules):

* **Refund of an unwanted charge** (told it would stop, tried to cancel, suspended, unused):
  the reference story's rule. Only disputed months in which the service was *not used*
  are credited. A month with usage is not credited (the script says so). A month whose
  usage is *unknown* is not credited automatically either: the agent checks usage first
  (a ``request_evidence`` action), because a refund cannot be taken back from the customer
  once promised. A month the service was provably off (after a recorded suspension or
  cancellation) counts as unused without usage data.
* **Price correction** (promised price not applied, the same charge twice): the customer
  owed the service but not that amount, so the overcharge is credited whatever the usage.

The expected-charge ledger (``console.judgement``) applies both principles month by month;
``plan_for`` turns a finding's months into the credit. Everything is ``Decimal``: a credit is never negative and never more than was billed for
the month (net of any adjustment already on the bill).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

ZERO = Decimal(0)


@dataclass(frozen=True)
class CreditPlan:
    credited: tuple[str, ...]  # months credited
    used: tuple[str, ...]  # months with usage: not credited
    unknown: tuple[str, ...]  # months with unknown usage: checked before any credit
    amount: Decimal  # total credit
    billed: Decimal  # what was billed for all the disputed months
    per_period: tuple[tuple[str, Decimal], ...] = ()  # (month, credit) for credited months


def unused_credit(
    billed: Mapping[str, Decimal],
    usage: Mapping[str, int | None],
    known_off: Collection[str] = (),
) -> CreditPlan:
    """Credit the disputed months (keys of ``billed``) whose usage is 0.

    ``usage`` maps a month to its units, or None / absent when unknown; months in
    ``known_off`` had the service switched off and count as unused.
    """
    credited: list[str] = []
    used: list[str] = []
    unknown: list[str] = []
    per: list[tuple[str, Decimal]] = []
    total = ZERO
    for period in sorted(billed):
        amount = max(billed[period], ZERO)
        units = usage.get(period)
        if period in known_off or units == 0:
            credited.append(period)
            per.append((period, amount))
            total += amount
        elif units is None:
            unknown.append(period)
        else:
            used.append(period)
    billed_total = sum((max(v, ZERO) for v in billed.values()), ZERO)
    return CreditPlan(tuple(credited), tuple(used), tuple(unknown), total, billed_total, tuple(per))


def overcharge_credit(billed: Mapping[str, Decimal], due: Mapping[str, Decimal]) -> CreditPlan:
    """Credit, per month, what was billed above what was due (clamped to [0, billed])."""
    credited: list[str] = []
    per: list[tuple[str, Decimal]] = []
    total = ZERO
    for period in sorted(billed):
        got = max(billed[period], ZERO)
        owed = max(due.get(period, got), ZERO)
        diff = min(max(got - owed, ZERO), got)
        if diff > 0:
            credited.append(period)
            per.append((period, diff))
            total += diff
    billed_total = sum((max(v, ZERO) for v in billed.values()), ZERO)
    return CreditPlan(tuple(credited), (), (), total, billed_total, tuple(per))


class JudgedMonth(Protocol):
    """What ``plan_for`` needs of a ledger month (``console.judgement.MonthJudgement``)."""

    period: str
    billed: Decimal

    @property
    def disputed(self) -> Decimal: ...
    @property
    def unknown(self) -> bool: ...
    @property
    def used(self) -> bool: ...


def plan_for(months: Iterable[JudgedMonth]) -> CreditPlan:
    """The credit of a finding: each month's disputed amount; used and unknown months apart."""
    credited: list[str] = []
    used: list[str] = []
    unknown: list[str] = []
    per: list[tuple[str, Decimal]] = []
    total = billed = ZERO
    for m in sorted(months, key=lambda m: m.period):
        billed += max(m.billed, ZERO)
        amount = m.disputed
        if amount > 0:
            credited.append(m.period)
            per.append((m.period, amount))
            total += amount
        elif m.unknown:
            unknown.append(m.period)
        elif m.used:
            used.append(m.period)
    return CreditPlan(tuple(credited), tuple(used), tuple(unknown), total, billed, tuple(per))
