"""Caller flags: the few facts an agent must see before the customer starts to argue.

"Trial ended 2 months ago", "term ends in 3 weeks", "a cancellation was refused": trials
that silently turn into charges are where complaints come from (reference cases), so the
caller bar shows them at once. This is pure logic over a ``CallerView`` and the journal's
history; the window only translates the codes into words. Pending credits (credits the
journal recorded that no bill carries yet) are derived here too, for the bill pane.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from console.caller_view import CallerView
from console.formatting import local_date

SOON = timedelta(days=45)
RECENT = timedelta(days=365)


@dataclass(frozen=True)
class Flag:
    """One flag. ``code`` is stable (the window translates it); ``on`` is the date it refers to."""

    code: str  # trial_ended | trial_ends_soon | term_ended | term_ends_soon | suspended | cancel_rejected | open_cases | callbacks_due
    severity: str  # "warn" | "info"
    service_code: str | None = None
    on: date | None = None
    count: int = 0
    ref: str | None = None  # evidence-style reference of what the flag is about


@dataclass(frozen=True)
class PendingCredit:
    """A credit recorded in the journal and not yet delivered to billing."""

    action_id: str
    service_code: str | None
    amount: Decimal
    currency: str
    periods: tuple[str, ...]
    state: str
    created_at: datetime


def caller_flags(view: CallerView, now: datetime, history: Any = None) -> tuple[Flag, ...]:
    """Flags for the caller bar, most urgent first."""
    today = local_date(now)
    flags: list[Flag] = []
    for s in view.services:
        if s.status == "suspended":
            flags.append(Flag("suspended", "info", s.code, None, ref=f"service:{s.code}"))
        if s.status != "active":
            continue
        for which, until in (("trial", s.trial_until), ("term", s.term_until)):
            if until is None:
                continue
            if until < today and (which == "term" or s.fee_amount > 0):
                flags.append(Flag(f"{which}_ended", "warn", s.code, until, ref=f"service:{s.code}:{which}"))
            elif today <= until <= today + SOON:
                flags.append(Flag(f"{which}_ends_soon", "info", s.code, until, ref=f"service:{s.code}:{which}"))
    for e in view.events:
        if e.kind == "cancel_rejected" and now - e.at <= RECENT:
            flags.append(Flag("cancel_rejected", "warn", e.service_code, local_date(e.at), ref=f"event:{e.id}"))
    if history is not None:
        cases = len(getattr(history, "open_cases", ()) or ())
        callbacks = len(getattr(history, "due_callbacks", ()) or ())
        if cases:
            flags.append(Flag("open_cases", "warn", count=cases))
        if callbacks:
            flags.append(Flag("callbacks_due", "info", count=callbacks))
    flags.sort(key=lambda f: (f.severity != "warn", f.on or today))
    return tuple(flags)


def pending_credits(history: Any) -> tuple[PendingCredit, ...]:
    """Credits (``issue_credit`` actions) the journal holds that have not reached billing."""
    if history is None:
        return ()
    out = []
    for a in getattr(history, "undelivered", ()) or ():
        if a.kind != "issue_credit" or a.amount is None:
            continue
        out.append(PendingCredit(a.id, a.service_code, a.amount, a.currency, tuple(getattr(a, "periods", ()) or ()), a.state, a.created_at))
    return tuple(out)


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 if less than one)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)
