"""Property tests of the credit arithmetic (hypothesis): exact, bounded, usage-gated, never twice."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    CustomerInfo,
    NotificationRow,
    ServiceRow,
    UsageRow,
)
from console.credit import plan_for
from console.judgement import MonthJudgement
from console.suggest import suggest_for

PERIODS = [f"2009-{m:02d}" for m in range(1, 13)]
amounts = st.decimals(min_value=Decimal("-500"), max_value=Decimal("99999.99"), places=2)
billed_st = st.dictionaries(st.sampled_from(PERIODS), amounts, max_size=12)
usage_value = st.one_of(st.none(), st.just(0), st.integers(min_value=1, max_value=10_000))


def month(period: str, billed: Decimal, expected: Decimal | None, *, use: str | None = None,
          settled: bool = False) -> MonthJudgement:
    return MonthJudgement("S", period, date(int(period[:4]), int(period[5:]), 1), billed, expected, "suspended",
                          "charged_while_suspended", None, use, (), ("event:1",) if settled else ())


judged = st.builds(
    lambda p, billed, expected, use, settled: month(p, billed, None if use == "unknown" else expected, use=use, settled=settled),
    st.sampled_from(PERIODS), amounts, amounts, st.sampled_from(["used", "unused", "off", "unknown", None]), st.booleans(),
)


@given(months=st.lists(judged, max_size=12, unique_by=lambda m: m.period))
def test_a_plan_is_exactly_the_disputed_months_never_settled_never_above_billed(months: list[MonthJudgement]) -> None:
    plan = plan_for(months)
    assert isinstance(plan.amount, Decimal) and plan.amount >= 0
    assert plan.amount == sum((a for _, a in plan.per_period), Decimal(0))
    by = {m.period: m for m in months}
    for p, a in plan.per_period:
        m = by[p]
        assert not m.settled and m.expected is not None
        assert a == m.billed - m.expected and Decimal(0) < a <= m.billed - min(m.expected, Decimal(0))
    assert set(plan.unknown) == {m.period for m in months if m.use == "unknown" and not m.settled}
    assert set(plan.used) <= {m.period for m in months if m.use == "used"}
    assert not set(plan.credited) & set(plan.unknown) and list(plan.credited) == sorted(plan.credited)
    assert plan.billed == sum((max(m.billed, Decimal(0)) for m in months), Decimal(0))


def test_reference_story_amount() -> None:
    plan = plan_for([month("2009-03", Decimal("50.00"), Decimal(0)), month("2009-04", Decimal("50.00"), Decimal(0))])
    assert plan.amount == Decimal(100) and plan.credited == ("2009-03", "2009-04")
    partly = plan_for([month("2025-05", Decimal(99), Decimal(0)), month("2025-06", Decimal(99), Decimal(99), use="used"),
                       month("2025-07", Decimal(99), Decimal(0))])
    assert partly.amount == Decimal(198) and partly.used == ("2025-06",)
    settled = plan_for([month("2025-05", Decimal(99), Decimal(0), settled=True)])
    assert settled.amount == 0 and settled.credited == ()


# -- the same properties through a rule, on random bills and usage -----------------------

TW = ZoneInfo("Asia/Taipei")


@given(months=st.lists(
    st.tuples(st.integers(min_value=1, max_value=3000), st.one_of(st.none(), st.just(0), st.integers(1, 50))),
    min_size=1, max_size=8,
))
def test_suggested_credit_covers_exactly_the_unused_disputed_months(months: list[tuple[int, int | None]]) -> None:
    periods = [f"2010-{i + 1:02d}" for i in range(len(months))]
    bills = tuple(
        BillRow(f"B{p}", p, date(2011, 1, 5), "TWD", (BillLineRow(f"L{p}", f"B{p}", "S", "fee", Decimal(a)),))
        for p, (a, _) in zip(periods, months, strict=True)
    )
    usage = tuple(UsageRow("S", p, u) for p, (_, u) in zip(periods, months, strict=True) if u is not None)
    view = CallerView(
        CustomerInfo("C", "X", "en", None, ()), None, (),
        (ServiceRow("S", "S", "S", None, Decimal(50), "month", date(2009, 1, 1), date(2009, 12, 31), None, "active"),),
        (NotificationRow("N", datetime(2009, 12, 1, tzinfo=TW), "sms", "S", "ends_at_trial_end", "ends"),),
        bills, usage, (),
    )
    report = suggest_for(view, at=datetime(2011, 2, 1, tzinfo=TW))
    acts = {a.kind: a for s in report.suggestions for a in s.actions}
    unused = [p for p, (_, u) in zip(periods, months, strict=True) if u == 0]
    unknown = [p for p, (_, u) in zip(periods, months, strict=True) if u is None]
    expected = sum((Decimal(a) for p, (a, u) in zip(periods, months, strict=True) if u == 0), Decimal(0))
    if unused:
        credit = acts["issue_credit"]
        assert credit.amount == expected and list(credit.periods) == unused
        assert credit.amount <= sum((Decimal(a) for a, _ in months), Decimal(0))
    else:
        assert "issue_credit" not in acts
    assert list(acts["request_evidence"].periods) == unknown if unknown else "request_evidence" not in acts
