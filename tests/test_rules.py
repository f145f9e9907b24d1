"""The rules on hand-built callers: each finding fires when something is wrong, and only then."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from world_helpers import AT, actions, bill, codes, svc, t, world

from console import evidence
from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    ClauseRow,
    EventRow,
    NotificationRow,
)
from console.rules import (
    BuiltinRules,
    Finding,
    Resolution,
    RuleContext,
    collect,
    evaluate,
    hookimpl,
    plugin_manager,
)
from console.suggest import report_to_json, suggest_for

TRIAL_CLAUSE = ClauseRow("K1/7", "K1", "trial_converts_to_paid", "MPRO", "free for a year, then 50 unless cancelled")
SMS_STOPS = NotificationRow("SMS-1", t(2009, 2, 16), "sms", "MPRO", "ends_at_trial_end", "mPro ends; call to continue")
SMS_CONTINUES = NotificationRow("SMS-2", t(2009, 2, 20), "sms", "MPRO", "continues_unless_cancelled", "mPro continues unless you cancel")


def mpro_world(**kw: Any) -> CallerView:
    base: dict[str, Any] = dict(
        services=(svc(trial_until=date(2009, 2, 28)),),
        clauses=(TRIAL_CLAUSE,),
        notifications=(SMS_STOPS,),
        bills=(bill("2009-02", ("L2", "MPRO", 0)), bill("2009-03", ("L3", "MPRO", 50)), bill("2009-04", ("L4", "MPRO", 50))),
        usage={("MPRO", "2009-03"): 0, ("MPRO", "2009-04"): 0},
    )
    base.update(kw)
    return world(**base)


# -- notice_contradicts_contract --------------------------------------------------------


def test_told_it_would_stop_but_billed() -> None:
    r = suggest_for(mpro_world(), at=AT)
    assert codes(r) == ["notice_contradicts_contract"]
    f = r.findings[0]
    assert f.periods == ("2009-03", "2009-04")
    assert set(f.evidence) >= {"clause:K1/7", "notification:SMS-1", "bill_line:L3", "bill_line:L4", "usage:MPRO:2009-03"}
    assert "L2" not in " ".join(f.evidence)  # a zero line is no charge
    assert actions(r) == [
        ("suspend_service", "MPRO", None, ()),
        ("issue_credit", "MPRO", Decimal(100), ("2009-03", "2009-04")),
        ("open_case", None, None, ()),
    ]
    assert r.suggestions[0].id == "notice_contradicts_contract:MPRO"


def test_correctly_told_customer_gets_no_credit() -> None:
    r = suggest_for(mpro_world(notifications=(SMS_STOPS, SMS_CONTINUES)), at=AT)
    # The later notice told the truth: nothing contradicts, nothing is credited. The two
    # unused paid months are still worth naming: cancelling is offered, not a refund.
    assert codes(r) == ["unused_paid_service"]
    assert actions(r) == [("cancel_service", "MPRO", None, ())]


def test_a_notice_sent_after_the_call_does_not_count() -> None:
    late = replace(SMS_STOPS, sent_at=t(2009, 5, 20))
    r = suggest_for(mpro_world(notifications=(late,)), at=AT)
    assert "notice_contradicts_contract" not in codes(r)
    assert "issue_credit" not in [a[0] for a in actions(r)]


def test_bills_issued_after_the_call_are_not_known_yet() -> None:
    r = suggest_for(mpro_world(), at=t(2009, 4, 20))  # the April bill is issued on 5 May
    assert r.findings[0].periods == ("2009-03",)
    assert ("issue_credit", "MPRO", Decimal(50), ("2009-03",)) in actions(r)


def test_used_month_not_credited_and_unknown_month_checked_first() -> None:
    v = mpro_world(
        bills=(bill("2009-03", ("L3", "MPRO", 50)), bill("2009-04", ("L4", "MPRO", 50)), bill("2009-05", ("L5", "MPRO", 50))),
        usage={("MPRO", "2009-03"): 4, ("MPRO", "2009-04"): 0},
    )
    r = suggest_for(v, at=t(2009, 6, 10), language="en")
    acts = actions(r)
    assert ("issue_credit", "MPRO", Decimal(50), ("2009-04",)) in acts
    assert ("request_evidence", "MPRO", None, ("2009-05",)) in acts
    script = r.suggestions[0].script
    assert "March 2009" in script and "not part of this credit" in script  # says why March is not credited
    assert "May 2009" in script


def test_months_already_credited_are_not_disputed_again() -> None:
    credited = EventRow(7, t(2009, 5, 1), "system", "credit_issued", "MPRO", "credit", {"periods": ["2009-03", "2009-04"]})
    assert suggest_for(mpro_world(events=(credited,)), at=AT).findings == ()


def test_suspended_service_is_not_suspended_again() -> None:
    v = mpro_world(services=(svc(trial_until=date(2009, 2, 28), status="suspended"),))
    assert "suspend_service" not in [a[0] for a in actions(suggest_for(v, at=AT))]


# -- charged_after_cancel_attempt --------------------------------------------------------


def test_cancel_refused_then_billed_uses_the_billing_cycle() -> None:
    bbv = svc("BBV", 388, started_on=date(2008, 12, 9), term_until=date(2009, 2, 8))
    refused = EventRow(1, t(2009, 2, 8, 21), "web", "cancel_rejected", "BBV", "cannot cancel before the term ends")
    v = world(
        services=(bbv,),
        bills=(bill("2009-01", ("J", "BBV", 388)), bill("2009-02", ("F", "BBV", 388))),
        usage={("BBV", "2009-01"): 3, ("BBV", "2009-02"): 0},
        events=(refused,),
    )
    r = suggest_for(v, at=t(2009, 3, 12))
    assert codes(r) == ["charged_after_cancel_attempt"]
    # The 2009-02 cycle runs 9 Feb - 8 Mar, after the refused attempt of 8 Feb; still active: cancel it.
    assert actions(r) == [
        ("cancel_service", "BBV", None, ()),
        ("issue_credit", "BBV", Decimal(388), ("2009-02",)),
        ("open_case", None, None, ()),
    ]
    assert "event:1" in r.findings[0].evidence


# -- charged_while_suspended -------------------------------------------------------------


def test_billed_after_suspension_is_credited_without_usage_data() -> None:
    stop = EventRow(3, t(2025, 5, 30), "call", "suspended", "MUSIC", "suspended at the customer's request")
    v = world(
        services=(svc("MUSIC", 149, started_on=date(2024, 1, 1), status="suspended"),),
        bills=(bill("2025-05", ("M5", "MUSIC", 149)), bill("2025-06", ("M6", "MUSIC", 149)), bill("2025-07", ("M7", "MUSIC", 149))),
        events=(stop,),
    )
    r = suggest_for(v, at=t(2025, 8, 10))
    assert codes(r) == ["charged_while_suspended"]
    assert actions(r) == [("issue_credit", "MUSIC", Decimal(298), ("2025-06", "2025-07"))]


# -- promo_not_applied -------------------------------------------------------------------

PROMO = ClauseRow("K1/3", "K1", "promo_price", "FIB", "699 once 30 households sign", {"price": 699, "condition": "30 households"})


def promo_world(events: tuple[EventRow, ...] = ()) -> CallerView:
    return world(
        services=(svc("FIB", 1099, started_on=date(2009, 2, 1)),),
        clauses=(PROMO,),
        bills=(bill("2009-02", ("P2", "FIB", 1099)), bill("2009-03", ("P3", "FIB", 1099))),
        usage={("FIB", "2009-02"): 40, ("FIB", "2009-03"): 50},
        events=events,
    )


def test_conditional_promo_nobody_promised_is_not_a_finding() -> None:
    assert suggest_for(promo_world(), at=AT).findings == ()


def test_promised_price_billed_higher_credits_the_difference_whatever_the_usage() -> None:
    promise = EventRow(5, t(2009, 1, 12), "field", "promise", "FIB", "699 a month", {"price": 699})
    r = suggest_for(promo_world((promise,)), at=AT)
    assert codes(r) == ["promo_not_applied"]
    assert actions(r) == [("issue_credit", "FIB", Decimal(800), ("2009-02", "2009-03")), ("open_case", None, None, ())]
    assert {"event:5", "clause:K1/3"} <= set(r.findings[0].evidence)


# -- duplicate_charge --------------------------------------------------------------------


def test_same_line_twice_is_credited_once() -> None:
    v = world(
        services=(svc("FIB", 1199, started_on=date(2025, 1, 1)),),
        bills=(bill("2025-09", ("D1", "FIB", 1199), ("D2", "FIB", 1199)),),
        usage={("FIB", "2025-09"): 80},
    )
    r = suggest_for(v, at=t(2025, 10, 20))
    assert codes(r) == ["duplicate_charge"]
    assert actions(r) == [("issue_credit", "FIB", Decimal(1199), ("2025-09",))]


def test_two_different_lines_are_not_a_duplicate() -> None:
    b = BillRow("B", "2025-09", date(2025, 10, 5), "TWD", (
        BillLineRow("D1", "B", "FIB", "monthly fee", Decimal(1199)),
        BillLineRow("D2", "B", "FIB", "installation", Decimal(1199)),
    ))
    v = world(services=(svc("FIB", 1199),), bills=(b,), usage={("FIB", "2025-09"): 80})
    assert suggest_for(v, at=t(2025, 10, 20)).findings == ()


# -- unused_paid_service -----------------------------------------------------------------


def cloud(usage: dict[tuple[str, str], int]) -> CallerView:
    return world(
        services=(svc("CLOUD", 99, started_on=date(2025, 1, 1)),),
        bills=tuple(bill(p, (f"C{p}", "CLOUD", 99)) for p in ("2025-06", "2025-07", "2025-08")),
        usage=usage,
    )


def test_unused_paid_service_offers_to_cancel_and_credits_nothing() -> None:
    r = suggest_for(cloud({("CLOUD", p): 0 for p in ("2025-06", "2025-07", "2025-08")}), at=t(2025, 9, 15))
    assert codes(r) == ["unused_paid_service"]
    assert actions(r) == [("cancel_service", "CLOUD", None, ())]
    assert r.findings[0].periods == ("2025-06", "2025-07", "2025-08")


@pytest.mark.parametrize("usage", [
    {("CLOUD", "2025-08"): 0},  # one month is not a pattern
    {("CLOUD", "2025-06"): 0, ("CLOUD", "2025-07"): 0},  # the latest month is unknown, not zero
    {("CLOUD", "2025-06"): 0, ("CLOUD", "2025-07"): 3, ("CLOUD", "2025-08"): 0},
])
def test_no_unused_finding_without_a_run_of_zero_months(usage: dict[tuple[str, str], int]) -> None:
    assert suggest_for(cloud(usage), at=t(2025, 9, 15)).findings == ()


def test_months_explained_by_a_notice_are_not_reported_again_as_unused() -> None:
    assert codes(suggest_for(mpro_world(), at=AT)) == ["notice_contradicts_contract"]


# -- engine, plugins, ids, JSON ----------------------------------------------------------


def test_nothing_wrong_means_no_finding() -> None:
    v = world(services=(svc("V", 399),), bills=(bill("2009-03", ("V3", "V", 399)),), usage={("V", "2009-03"): 300})
    assert suggest_for(v, at=AT).findings == ()


def test_ids_are_stable_and_json_has_the_documented_shape() -> None:
    a, b = suggest_for(mpro_world(), at=AT), suggest_for(mpro_world(), at=AT)
    assert [s.id for s in a.suggestions] == [s.id for s in b.suggestions]
    j = report_to_json(a)
    assert set(j) == {"customer", "language", "script_language", "findings", "suggestions", "months"}
    assert set(j["findings"][0]) == {"code", "service", "evidence", "summary", "periods"}
    assert set(j["suggestions"][0]) == {"id", "finding", "title", "actions", "script"}
    credit = j["suggestions"][0]["actions"][1]
    assert credit == {"kind": "issue_credit", "service": "MPRO", "amount": "100", "currency": "TWD",
                      "periods": ["2009-03", "2009-04"], "needs_approval": False}
    assert "needs_approval" not in j["suggestions"][0]["actions"][0]  # only on credits
    march = next(m for m in j["months"] if m["period"] == "2009-03")
    assert march == {"service": "MPRO", "period": "2009-03", "billed": "50", "expected": "0", "disputed": "50",
                     "why": "notice_stops", "usage": "unused", "cause": "notice_contradicts_contract",
                     "settled": False, "explanation": "SMS of 2/16/2009 said it ends 2/28/2009; not used"}


def test_summary_and_script_follow_the_customer_language() -> None:
    r = suggest_for(mpro_world(language="zh_TW"), at=AT)
    assert r.language == "zh_TW"
    assert "簡訊" in r.findings[0].summary
    assert "2009年2月16日" in r.suggestions[0].script and "NT$100" in r.suggestions[0].script
    r_en = suggest_for(mpro_world(language="zh_TW"), at=AT, script_language="en")
    assert "16 February 2009" in r_en.suggestions[0].script
    assert "簡訊" in r_en.findings[0].summary  # the agent's text stays in the agent's language


def test_findings_for_the_agent_script_for_the_customer() -> None:
    r = suggest_for(mpro_world(language="en"), at=AT, language="zh_TW")
    assert (r.language, r.script_language) == ("zh_TW", "en")
    assert "簡訊" in r.findings[0].summary and "停止" in r.suggestions[0].title
    script = r.suggestions[0].script
    assert "16 February 2009" in script and "MPRO service" in script
    assert "MPRO 服務" not in script  # the service is named in the customer's language


class _Flag:
    code = "test_flag"
    priority = 99

    def find(self, ctx: RuleContext) -> list[Finding]:
        return [Finding(self.code, None, ("event:1",), "flagged")]

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        return Resolution("look", ())


class _Broken(_Flag):
    code = "test_broken"

    def find(self, ctx: RuleContext) -> list[Finding]:
        raise RuntimeError("bug in a rule pack")


class _Pack:
    @hookimpl
    def agent_console_rules(self) -> list[Any]:
        return [_Flag(), _Broken()]


def test_rule_packs_plug_in_and_a_broken_rule_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    pm = plugin_manager(load_entry_points=False)
    pm.register(_Pack(), name="pack")
    rules = collect(pm)
    assert [r.code for r in rules][-2:] == ["test_broken", "test_flag"]  # priority, then code
    assert len(rules) == 8 and isinstance(pm.get_plugin("builtin"), BuiltinRules)
    with caplog.at_level(logging.ERROR):
        _, found = evaluate(mpro_world(), AT, "en", rules)
    assert [f.code for _, f in found] == ["notice_contradicts_contract", "test_flag"]
    assert "test_broken failed" in caplog.text


def test_evidence_references_round_trip_and_refuse_garbage() -> None:
    assert evidence.ref("usage", ("MPRO", "2009-03")) == "usage:MPRO:2009-03"
    assert evidence.parse("usage:MPRO:2009-03") == ("usage", "MPRO:2009-03")
    assert evidence.parse(evidence.ref("event", 12)) == ("event", "12")
    assert evidence.parse("clause:CT-2008-0301/7") == ("clause", "CT-2008-0301/7")
    for bad in ("nope", "sms:1", "event:x", "usage:MPRO:2009-13", "clause:"):
        with pytest.raises(evidence.BadReference):
            evidence.parse(bad)


def test_a_finding_writes_dates_and_months_as_the_panes_do() -> None:
    """One date format per language (Babel), in the findings as in the panes beside them."""
    en = suggest_for(mpro_world(), at=AT, language="en").findings[0].summary
    zh = suggest_for(mpro_world(), at=AT, language="zh_TW").findings[0].summary
    assert "SMS of 2/16/2009" in en and "2/28/2009" in en and "Mar\u2009–\u2009Apr 2009 were billed" in en, en
    assert "2009/2/16" in zh and "2009年3月至4月" in zh, zh
    assert "2009-02-16" not in en + zh and "2009-03" not in en + zh


def test_the_case_names_what_said_it_ends_in_words_never_a_code() -> None:
    """The back office reads the case: the notice by channel, date and id; else the contract."""
    r = suggest_for(mpro_world(), at=AT, language="en")
    case = next(a for a in r.suggestions[0].actions if a.kind == "open_case").params["summary"]
    assert "SMS of 2/16/2009 (SMS-1) said it ends on 2/28/2009" in case, case
    r = suggest_for(mpro_world(services=(svc(trial_until=date(2009, 4, 30)),), notifications=()), at=AT, language="en")
    case = next(a for a in r.suggestions[0].actions if a.kind == "open_case").params["summary"]  # billed in the free trial
    assert "the free trial said it ends on 4/30/2009" in case and "trial said" not in case.replace("free trial said", ""), case
