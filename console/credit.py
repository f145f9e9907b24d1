"""Credit arithmetic: how much to give back, exactly, and for which months.

Two kinds of credit, with one principle each (``docs/judgement.md``, P3-P10):

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
``plan_for`` turns a finding's months into the credit: each month's disputed amount (billed
above expected), never a month credited before. Everything is ``Decimal``: a credit is
never negative and never more than was billed for the month (net of any adjustment
already on the bill).
"""

from __future__ import annotations

from collections.abc import Iterable
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
