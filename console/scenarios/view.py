"""A parsed scenario as the caller the console would see: ``CallerView`` without a database.

``scenario check`` judges a file before it is imported (``expectation_gaps``: does the
console reach the resolution the file expects?), and the tests judge every shipped scenario
the same way; the import path gives the same view through the customer store. Event ids are
numbered in file order from 1, as an import into an empty store would.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

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
from console.scenarios.document import ExpectedAction, ScenarioDoc


def view_of(doc: ScenarioDoc) -> CallerView:
    c = doc.customer
    info = CustomerInfo(c.id, c.name, c.language, None, tuple(p.e164 for p in c.phones), c.address, doc.id)
    contracts = tuple(
        ContractRow(k.id, k.signed_on, k.plan, tuple(ClauseRow(cl.id, k.id, cl.kind, cl.service, cl.text, cl.params) for cl in k.clauses))
        for k in doc.contracts
    )
    services = tuple(
        ServiceRow(s.code, s.name_zh, s.name_en, s.contract, s.fee_amount, s.fee_per, s.started_on, s.trial_until, s.term_until, s.status)
        for s in doc.services
    )
    notes = tuple(sorted(
        (NotificationRow(n.id, n.sent_at, n.channel, n.service, n.says, n.text) for n in doc.notifications),
        key=lambda n: n.sent_at, reverse=True,
    ))
    bills = tuple(
        BillRow(b.id, b.period, b.issued_on, doc.currency, tuple(BillLineRow(ln.id, b.id, ln.service, ln.text, ln.amount) for ln in b.lines))
        for b in sorted(doc.bills, key=lambda b: (b.period, b.id))
    )
    usage = tuple(UsageRow(u.service, u.period, u.units) for u in doc.usage)
    events = tuple(sorted(
        (EventRow(i + 1, e.at, e.channel, e.kind, e.service, e.text, e.params) for i, e in enumerate(doc.events)),
        key=lambda e: (e.at, e.id),
    ))
    return CallerView(info, None, contracts, services, notes, bills, usage, events, doc.currency)


def _key(kind: str, service: str | None, amount: Decimal | None, periods: tuple[str, ...]) -> tuple[Any, ...]:
    return (kind, service, amount, tuple(periods))


def _shown(key: tuple[Any, ...]) -> str:
    kind, service, amount, periods = key
    parts = [kind, service or "", f"{amount:f}" if amount is not None else "", ", ".join(periods)]
    return " ".join(p for p in parts if p)


def expectation_gaps(doc: ScenarioDoc) -> list[str]:
    """Where the console's judgement (as of ``call_at``) differs from the file's ``expected``."""
    if doc.expected is None:
        return []
    from console.suggest import suggest_for

    report = suggest_for(view_of(doc), at=doc.call_at)
    gaps: list[str] = []
    found, expected = sorted(f.code for f in report.findings), sorted(doc.expected.findings)
    if found != expected:
        gaps.append(f"expected findings [{', '.join(expected)}], the console finds [{', '.join(found)}]")
    got = Counter(_key(a.kind, a.service_code, a.amount, a.periods) for s in report.suggestions for a in s.actions)
    want = Counter(_key(a.kind, a.service, a.amount, a.periods) for a in doc.expected.actions if _compared(a))
    got = Counter({k: n for k, n in got.items() if k[0] != "schedule_callback"})
    for key in sorted(want - got, key=str):
        gaps.append(f"expected action {_shown(key)} is not suggested")
    for key in sorted(got - want, key=str):
        gaps.append(f"the console also suggests {_shown(key)}")
    return gaps


def _compared(a: ExpectedAction) -> bool:
    return a.kind != "schedule_callback"  # a callback's time is the agent's choice
