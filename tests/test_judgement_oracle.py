"""An independent oracle: clean worlds with one planted billing error, judged twice.

The generator below builds a caller's world from a small plain description (``World``):
one add-on billed every month at its fee and used, a plan line beside it, routine notices.
It then plants exactly one known billing error of each kind the issue names (trial end,
term end, a cancel request ignored, a refusal, a suspension with and without resumption, a
promised price, a duplicate line, an earlier partial credit, unknown usage). ``oracle`` is a
small function written from ``docs/judgement.md`` alone - it never calls the rules, the
ledger or the credit code, and reads the description, not the CallerView - and says which
finding, which credit and which months to ask usage for. The console must agree with it
exactly; clean worlds must give no finding and no credit at all.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from console.suggest import suggest_for

TW = ZoneInfo("Asia/Taipei")
KINDS = ("trial_end", "term_end", "request_ignored", "refusal", "suspension", "suspension_resumed",
         "promise_price", "duplicate_line", "partial_credit", "unknown_usage")
STOPS = {"trial_end", "term_end", "request_ignored", "refusal", "suspension", "suspension_resumed",
         "partial_credit", "unknown_usage"}
CODE = {
    "trial_end": "notice_contradicts_contract", "term_end": "notice_contradicts_contract",
    "unknown_usage": "notice_contradicts_contract", "request_ignored": "charged_after_cancel_attempt",
    "refusal": "charged_after_cancel_attempt", "partial_credit": "charged_after_cancel_attempt",
    "suspension": "charged_while_suspended", "suspension_resumed": "charged_while_suspended",
    "promise_price": "promo_not_applied", "duplicate_line": "duplicate_charge",
}


@dataclass
class World:
    """The plain description both the view and the oracle are built from."""

    kind: str | None
    fee: int
    anchor: int  # the day of the month the add-on's billing cycles start on
    first: date  # first billed month (its 1st)
    months: int
    usage: dict[int, int | None]  # month index -> units (None: not reported)
    status: str = "active"
    stop_day: date | None = None  # the day the stop happened / the end date
    resume_day: date | None = None
    price: int | None = None  # promised price
    duplicate: int | None = None  # month index billed twice
    settled: set[int] = field(default_factory=set)  # month indexes credited earlier
    free_until: int = -1  # months up to this index are the free trial (billed 0)

    def period(self, i: int) -> str:
        y, m = divmod(self.first.month - 1 + i, 12)
        return f"{self.first.year + y:04d}-{m + 1:02d}"

    def start(self, i: int) -> date:
        p = self.period(i)
        y, m = int(p[:4]), int(p[5:])
        return date(y, m, min(self.anchor, calendar.monthrange(y, m)[1]))


def oracle(w: World) -> tuple[str | None, Decimal, tuple[str, ...], tuple[str, ...]]:
    """(finding, credit, credited months, months to ask usage for), from docs/judgement.md.

    The first day of a billing cycle decides (P1); a stop counts from the first cycle that
    starts after it (P3, P4, P5) and until the cycle starting on or after a resumption (P5);
    under a stop a used month is owed, an unused one credited, an unknown one asked about,
    except while switched off (P7); a promised price or a duplicate is credited whatever the
    usage (P6); a month credited before is never credited again (P8).
    """
    if w.kind is None:
        return None, Decimal(0), (), ()
    credit, months, ask = Decimal(0), [], []
    for i in range(w.months):
        if i <= w.free_until or i in w.settled:
            continue
        if w.kind in STOPS:
            assert w.stop_day is not None
            start = w.start(i)
            if not (start > w.stop_day and (w.resume_day is None or start < w.resume_day)):
                continue
            units = w.usage[i]
            off = w.kind.startswith("suspension") and (w.resume_day is not None or w.status != "active")
            if units == 0 or (units is None and off):
                credit += w.fee
                months.append(w.period(i))
            elif units is None:
                ask.append(w.period(i))
        elif w.kind == "promise_price" and w.price is not None:
            credit += w.fee - w.price
            months.append(w.period(i))
        elif w.kind == "duplicate_line" and i == w.duplicate:
            credit += w.fee
            months.append(w.period(i))
    found = CODE[w.kind] if credit or ask else None
    return found, credit, tuple(months), tuple(ask)


def t(d: date, hour: int = 10) -> datetime:
    return datetime(d.year, d.month, d.day, hour, tzinfo=TW)


def view(w: World) -> CallerView:
    """The caller's world as a customer source would give it."""
    trial = w.kind == "trial_end"
    clauses = [ClauseRow("K/1", "K", "auto_renews", "ADD", "renews monthly until cancelled")]
    notices = [NotificationRow(f"N{i}", t(w.start(i) + timedelta(days=33)), "sms", None, "payment_due", "bill due")
               for i in range(w.months)]
    events: list[EventRow] = []
    trial_until = term_until = None
    if trial:
        trial_until = w.stop_day
        clauses = [ClauseRow("K/7", "K", "trial_converts_to_paid", "ADD", "free, then paid unless cancelled")]
        assert w.stop_day is not None
        notices.append(NotificationRow("SMS", t(w.stop_day - timedelta(days=12)), "sms", "ADD", "ends_at_trial_end", "it ends"))
    elif w.kind == "unknown_usage":
        term_until = w.stop_day
        clauses = [ClauseRow("K/9", "K", "ends_at_term", "ADD", "ends by itself at the end of the term")]
    elif w.kind == "term_end":
        term_until = w.stop_day
        clauses = [ClauseRow("K/9", "K", "ends_at_term", "ADD", "ends by itself at the end of the term")]
    elif w.kind in ("request_ignored", "partial_credit", "refusal"):
        assert w.stop_day is not None
        kind = "cancel_rejected" if w.kind == "refusal" else "cancel_requested"
        events.append(EventRow(1, t(w.stop_day, 15), "phone", kind, "ADD", "wants to cancel"))
    elif w.kind and w.kind.startswith("suspension"):
        assert w.stop_day is not None
        events.append(EventRow(2, t(w.stop_day, 15), "store", "suspended", "ADD", "travelling"))
        if w.resume_day is not None:
            events.append(EventRow(3, t(w.resume_day, 9), "app", "resumed", "ADD", "back"))
    elif w.kind == "promise_price":
        events.append(EventRow(4, t(w.first - timedelta(days=20)), "field", "promise", "ADD", "promised", {"price": w.price}))
    if w.settled:
        events.append(EventRow(5, t(w.start(w.months - 1) + timedelta(days=40)), "system", "credit_issued", "ADD",
                               "earlier credit", {"periods": sorted(w.period(i) for i in w.settled), "amount": "1"}))
    started = w.start(0) - timedelta(days=400) if not trial else w.start(0) - timedelta(days=300)
    started = started.replace(day=w.anchor)
    services = (
        ServiceRow("PLAN", "月租", "plan", "K", Decimal(599), "month", date(2020, 1, 1), None, None, "active"),
        ServiceRow("ADD", "加值", "add-on", "K", Decimal(w.fee), "month", started, trial_until, term_until, w.status),
    )
    bills = []
    usage = []
    for i in range(w.months):
        p = w.period(i)
        amount = 0 if i <= w.free_until else w.fee
        lines = [BillLineRow(f"{p}-1", f"B{p}", "PLAN", "plan", Decimal(599)),
                 BillLineRow(f"{p}-2", f"B{p}", "ADD", "add-on fee", Decimal(amount))]
        if i == w.duplicate:
            lines.append(BillLineRow(f"{p}-3", f"B{p}", "ADD", "add-on  fee", Decimal(w.fee)))
        issued = w.start(i) + timedelta(days=36)
        bills.append(BillRow(f"B{p}", p, issued, "TWD", tuple(lines)))
        usage.append(UsageRow("PLAN", p, 100 + i))
        if w.usage[i] is not None:
            usage.append(UsageRow("ADD", p, w.usage[i]))  # type: ignore[arg-type]
    events.sort(key=lambda e: (e.at, e.id))
    return CallerView(
        CustomerInfo("C", "Lee", "en", None, ("+886912000000",)), None,
        (ContractRow("K", date(2020, 1, 1), "plan", tuple(clauses)),), services,
        tuple(sorted(notices, key=lambda n: n.sent_at, reverse=True)), tuple(bills), tuple(usage), tuple(events),
    )


def call_time(w: World) -> datetime:
    return t(w.start(w.months - 1) + timedelta(days=45))


units = st.integers(1, 60)


@st.composite
def worlds(draw: st.DrawFn, kind: str | None) -> World:
    fee = draw(st.integers(30, 1500))
    anchor = draw(st.sampled_from([1, 1, 9, 28]))
    first = date(draw(st.integers(2010, 2030)), draw(st.integers(1, 12)), 1)
    n = draw(st.integers(4, 9))
    w = World(kind, fee, anchor, first, n, {i: draw(units) for i in range(n)})
    if kind is None:
        return w
    k = draw(st.integers(1, n - 2))  # the month the stop happens in (at least one month before, one after)
    offset = st.one_of(st.sampled_from([0, 1]), st.integers(0, 27))  # cycle boundaries often
    day_in_k = w.start(k) + timedelta(days=draw(offset))
    after = st.one_of(st.just(0), st.just(0), st.none(), units)
    if kind in STOPS:
        for i in range(k, n):
            w.usage[i] = draw(after)
    if kind == "trial_end":
        w.free_until = k
        w.stop_day = w.start(k + 1) - timedelta(days=1)  # the trial ends the day before a cycle
        for i in range(k + 1):
            w.usage[i] = draw(units)
    elif kind in ("term_end", "unknown_usage"):
        w.stop_day = w.start(k + 1) - timedelta(days=1)
        if kind == "unknown_usage":
            for i in range(k + 1, n):
                w.usage[i] = None
    elif kind in ("request_ignored", "refusal", "partial_credit"):
        w.stop_day = day_in_k
        if kind == "partial_credit":
            later = [i for i in range(k + 1, n)]
            for i in later:
                w.usage[i] = 0
            w.settled = set(draw(st.lists(st.sampled_from(later), min_size=1, max_size=len(later) - 1, unique=True))) \
                if len(later) > 1 else set()
    elif kind.startswith("suspension"):
        w.stop_day = day_in_k
        if kind == "suspension_resumed":
            r = draw(st.integers(k + 1, n - 1))
            w.resume_day = w.start(r) + timedelta(days=draw(offset))
            for i in range(r + 1, n):
                w.usage[i] = draw(units)  # used again after the resumption
        else:
            w.status = draw(st.sampled_from(["suspended", "suspended", "active"]))
    elif kind == "promise_price":
        w.price = draw(st.integers(0, fee - 1))
    elif kind == "duplicate_line":
        w.duplicate = draw(st.integers(0, n - 1))
    return w


def judged(w: World) -> tuple[str | None, Decimal, tuple[str, ...], tuple[str, ...], list[str]]:
    report = suggest_for(view(w), at=call_time(w))
    codes = [f.code for f in report.findings if f.service_code == "ADD"]
    credit = [a for s in report.suggestions for a in s.actions if a.kind == "issue_credit"]
    ask = [a for s in report.suggestions for a in s.actions if a.kind == "request_evidence"]
    assert len(credit) <= 1 and len(ask) <= 1
    money = credit[0].amount if credit else Decimal(0)
    return (codes[0] if codes else None, money or Decimal(0), credit[0].periods if credit else (),
            ask[0].periods if ask else (), codes)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_the_console_agrees_with_the_oracle_on_one_planted_error(data: st.DataObject, kind: str) -> None:
    w = data.draw(worlds(kind))
    code, credit, months, ask = oracle(w)
    got_code, got_credit, got_months, got_ask, codes = judged(w)
    assert (got_credit, got_months, got_ask) == (credit, months, ask), w
    if code is not None:
        assert got_code == code, (codes, w)
    else:  # nothing disputed: at most the advice that an unused service is still paid for
        assert set(codes) <= {"unused_paid_service"}, (codes, w)


@settings(max_examples=25, deadline=None)
@given(w=worlds(None))
def test_a_clean_world_gives_no_finding_and_no_credit(w: World) -> None:
    report = suggest_for(view(w), at=call_time(w))
    assert report.findings == () and report.suggestions == ()
    assert all(m.disputed == 0 and not m.unknown for m in report.months)


def test_every_kind_is_planted_and_found_at_least_once() -> None:
    """The generator is not vacuous: a fixed example of each kind gives its finding and a credit."""
    for kind in KINDS:
        w = World(kind, 100, 1, date(2024, 1, 1), 6, dict.fromkeys(range(6), 5))
        for i in range(2, 6):
            w.usage[i] = 0 if kind != "unknown_usage" else None
        w.stop_day = date(2024, 2, 29) if kind in ("trial_end", "term_end", "unknown_usage") else date(2024, 2, 10)
        w.free_until = 1 if kind == "trial_end" else -1
        w.resume_day = date(2024, 5, 3) if kind == "suspension_resumed" else None
        w.status = "suspended" if kind == "suspension" else "active"
        w.price = 60 if kind == "promise_price" else None
        w.duplicate = 3 if kind == "duplicate_line" else None
        w.settled = {3} if kind == "partial_credit" else set()
        code, credit, months, ask = oracle(w)
        assert code == CODE[kind] and (credit > 0 or ask), kind
        assert judged(w)[:4] == (code, credit, months, ask), kind


def test_cycle_boundaries_the_first_day_decides() -> None:
    """A request on a cycle's first day leaves that cycle owed; a resumption on it ends the stop."""
    on_start = World("request_ignored", 100, 9, date(2024, 1, 1), 4, {0: 3, 1: 0, 2: 0, 3: 0}, stop_day=date(2024, 2, 9))
    assert oracle(on_start)[2] == ("2024-03", "2024-04") == judged(on_start)[2]
    back = World("suspension_resumed", 100, 1, date(2024, 1, 1), 5, {0: 3, 1: 0, 2: 0, 3: 0, 4: 0},
                 stop_day=date(2024, 1, 20), resume_day=date(2024, 4, 1))
    assert oracle(back)[2] == ("2024-02", "2024-03") == judged(back)[2]
