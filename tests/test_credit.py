"""Property tests of the credit arithmetic (hypothesis): exact, bounded, usage-gated."""

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
from console.credit import overcharge_credit, unused_credit
from console.suggest import suggest_for

PERIODS = [f"2009-{m:02d}" for m in range(1, 13)]
amounts = st.decimals(min_value=Decimal("-500"), max_value=Decimal("99999.99"), places=2)
billed_st = st.dictionaries(st.sampled_from(PERIODS), amounts, max_size=12)
usage_value = st.one_of(st.none(), st.just(0), st.integers(min_value=1, max_value=10_000))


@given(billed=billed_st, data=st.data())
def test_unused_credit_is_exact_bounded_and_skips_used_months(billed: dict[str, Decimal], data: st.DataObject) -> None:
    usage = {p: data.draw(usage_value) for p in billed}
    off = data.draw(st.sets(st.sampled_from(PERIODS)))
    plan = unused_credit(billed, usage, off)
    assert isinstance(plan.amount, Decimal)
    assert plan.amount >= 0
    assert plan.amount <= plan.billed == sum((max(v, Decimal(0)) for v in billed.values()), Decimal(0))
    # Exactly the sum of the credited months, each never more than billed.
    assert plan.amount == sum((a for _, a in plan.per_period), Decimal(0))
    assert all(Decimal(0) <= a <= max(billed[p], Decimal(0)) for p, a in plan.per_period)
    for p in billed:
        switched_off = p in off
        if usage[p] and not switched_off:
            assert p in plan.used and p not in plan.credited
        elif usage[p] is None and not switched_off:
            assert p in plan.unknown and p not in plan.credited
        else:
            assert p in plan.credited
    assert sorted(plan.credited + plan.used + plan.unknown) == sorted(billed)
    assert list(plan.credited) == sorted(plan.credited)


@given(billed=billed_st, due=st.dictionaries(st.sampled_from(PERIODS), amounts, max_size=12))
def test_overcharge_credit_never_negative_never_above_billed(billed: dict[str, Decimal], due: dict[str, Decimal]) -> None:
    plan = overcharge_credit(billed, due)
    assert plan.amount >= 0
    assert plan.amount <= plan.billed
    for p, a in plan.per_period:
        got = max(billed[p], Decimal(0))
        owed = max(due.get(p, got), Decimal(0))
        assert a == min(got - owed, got) > 0
    assert plan.amount == sum((a for _, a in plan.per_period), Decimal(0))


def test_reference_story_amount() -> None:
    plan = unused_credit({"2009-03": Decimal("50.00"), "2009-04": Decimal("50.00")}, {"2009-03": 0, "2009-04": 0})
    assert plan.amount == Decimal(100) and plan.credited == ("2009-03", "2009-04")
    partly = unused_credit({"2025-05": Decimal(99), "2025-06": Decimal(99), "2025-07": Decimal(99)},
                           {"2025-05": 0, "2025-06": 12, "2025-07": 0})
    assert partly.amount == Decimal(198) and partly.used == ("2025-06",)


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
