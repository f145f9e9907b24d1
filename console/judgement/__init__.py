"""Judgement from first principles: what should have been billed, month by month.

The rules used to each recognise one complaint shape; this package is the one model under
them. ``judge(ctx)`` builds a ``Ledger``: for every service and billed month, the amount
billed, the amount EXPECTED from the contract, what the customer was told, what they asked
for, what happened to the service, earlier credits and usage, and the fact that decides it
(``MonthJudgement``). Where billed > expected the difference is disputed, with its evidence
chain; a finding is a run of disputed months with one cause. ``explain`` says why in the
agent's language (the bill pane's "why"). Policies: ``docs/judgement.md``.
"""

from __future__ import annotations

from console.judgement.explain import explain
from console.judgement.facts import Price, ServiceFacts, Stop
from console.judgement.ledger import Ledger, MonthJudgement, judge

__all__ = ["Ledger", "MonthJudgement", "Price", "ServiceFacts", "Stop", "explain", "judge"]
