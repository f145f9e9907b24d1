"""The expected-charge ledger: the classes the old rules missed, resumption, negative cases.

Each test builds a caller by hand and checks what the ledger expects per month and what the
suggestion credits; the two missed complaint classes (called to cancel, a contract that ends
by itself) and resumption must come out of the model. ``charged_while_suspended`` and
``charged_after_cancel_attempt`` get negative cases and properties (tests audit 6.4).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from world_helpers import actions, bill, codes, svc, t, world

from console.caller_view import ClauseRow, EventRow, NotificationRow
from console.judgement import explain
from console.suggest import suggest_for

MONTHS = ("2025-02", "2025-03", "2025-04", "2025-05")


def addon_world(events: tuple[EventRow, ...], usage: dict[str, int | None], status: str = "active", **kw: object):  # type: ignore[no-untyped-def]
    return world(
        services=(svc("ADD", 150, started_on=date(2024, 1, 1), status=status, **kw),),
        bills=tuple(bill(p, (f"L{p}", "ADD", 150)) for p in MONTHS),
        usage={("ADD", p): u for p, u in usage.items() if u is not None},
        events=events,
    )


AFTER = t(2025, 6, 10)


# -- the missed class 1: called to cancel, then billed ------------------------------------------


def test_a_cancel_request_the_bills_ignored_is_charged_after_cancel_attempt() -> None:
    ask = EventRow(1, t(2025, 3, 28), "call", "cancel_requested", "ADD", "called to cancel the add-on")
    r = suggest_for(addon_world((ask,), {"2025-02": 3, "2025-03": 1, "2025-04": 0, "2025-05": 0}), at=AFTER)
    assert codes(r) == ["charged_after_cancel_attempt"]  # not only "unused": the customer already asked
    assert actions(r) == [
        ("cancel_service", "ADD", None, ()),
        ("issue_credit", "ADD", Decimal(300), ("2025-04", "2025-05")),
        ("open_case", None, None, ()),
    ]
    assert r.findings[0].evidence[0] == "event:1"
    assert "asked to cancel" in r.findings[0].summary and "never carried out" in r.suggestions[0].script
    march = next(m for m in r.months if m.period == "2025-03")
    assert (march.expected, march.why) == (Decimal(150), "contract")  # the month she asked in is owed


def test_a_request_during_a_binding_minimum_term_counts_from_the_term_end() -> None:
    ask = EventRow(1, t(2025, 2, 10), "web", "cancel_rejected", "ADD", "cannot cancel before the term ends")
    v = addon_world((ask,), dict.fromkeys(MONTHS, 0), term_until=date(2025, 3, 31))
    clause = ClauseRow("K1/2", "K1", "no_cancel_before_term", "ADD", "no cancelling before 2025-03-31")
    v = world(services=v.services, clauses=(clause,), bills=v.bills, usage={("ADD", p): 0 for p in MONTHS}, events=(ask,))
    r = suggest_for(v, at=AFTER)
    # The refusal was the contract's own rule: only the months after the term are disputed.
    assert ("issue_credit", "ADD", Decimal(300), ("2025-04", "2025-05")) in actions(r)
    assert "clause:K1/2" in r.findings[0].evidence


# -- the missed class 2: the contract says it ends by itself --------------------------------------

ENDS = ClauseRow("K1/9", "K1", "ends_at_term", "SEC", "The security add-on ends by itself after its term.")


def sec_world(*notices: NotificationRow, language: str = "en"):  # type: ignore[no-untyped-def]
    return world(
        services=(svc("SEC", 60, started_on=date(2025, 1, 1), term_until=date(2025, 6, 30)),),
        clauses=(ENDS,), notifications=notices,
        bills=tuple(bill(p, (f"S{p}", "SEC", 60)) for p in ("2025-06", "2025-07", "2025-08")),
        usage={("SEC", p): 0 for p in ("2025-06", "2025-07", "2025-08")}, language=language,
    )


def test_billed_after_the_term_of_a_service_that_ends_by_itself() -> None:
    r = suggest_for(sec_world(), at=t(2025, 9, 10))
    assert codes(r) == ["notice_contradicts_contract"]
    assert actions(r) == [
        ("suspend_service", "SEC", None, ()),
        ("issue_credit", "SEC", Decimal(120), ("2025-07", "2025-08")),
        ("open_case", None, None, ()),
    ]
    assert "clause:K1/9" in r.findings[0].evidence
    script = r.suggestions[0].script
    assert "ends by itself on 30 June 2025" in script and script.count("\n") >= 3  # its template, not the fallback
    zh = suggest_for(sec_world(language="zh_TW"), at=t(2025, 9, 10)).suggestions[0].script
    assert "自動停止" in zh and "2025年6月30日" in zh


def test_a_notice_that_it_continues_overrides_the_clause() -> None:
    told = NotificationRow("N1", t(2025, 6, 10), "sms", "SEC", "continues_unless_cancelled", "it continues unless you cancel")
    assert "notice_contradicts_contract" not in codes(suggest_for(sec_world(told), at=t(2025, 9, 10)))


def test_a_charge_in_the_free_trial_is_credited_whatever_the_usage() -> None:
    v = world(services=(svc("VID", 250, started_on=date(2025, 7, 1), trial_until=date(2025, 7, 31)),),
              bills=(bill("2025-07", ("V7", "VID", 250)), bill("2025-08", ("V8", "VID", 250))),
              usage={("VID", "2025-07"): 22, ("VID", "2025-08"): 18})
    r = suggest_for(v, at=t(2025, 9, 10))
    assert codes(r) == ["notice_contradicts_contract"]
    assert actions(r) == [("issue_credit", "VID", Decimal(250), ("2025-07",)), ("open_case", None, None, ())]
    assert "free" in r.suggestions[0].script


# -- suspension and resumption ------------------------------------------------------------------


def music(events: tuple[EventRow, ...], usage: dict[str, int], status: str = "active"):  # type: ignore[no-untyped-def]
    periods = ("2025-03", "2025-04", "2025-05", "2025-06", "2025-07")
    return world(services=(svc("MUSIC", 149, started_on=date(2024, 1, 1), status=status),),
                 bills=tuple(bill(p, (f"M{p}", "MUSIC", 149)) for p in periods),
                 usage={("MUSIC", p): u for p, u in usage.items()}, events=events)


SUSPENDED = EventRow(3, t(2025, 3, 30), "shop", "suspended", "MUSIC", "abroad")
RESUMED = EventRow(4, t(2025, 6, 2), "app", "resumed", "MUSIC", "back home")


def test_suspended_then_resumed_and_used_credits_only_the_months_it_was_off() -> None:
    r = suggest_for(music((SUSPENDED, RESUMED), {"2025-03": 9, "2025-04": 0, "2025-06": 30, "2025-07": 41}), at=t(2025, 8, 10))
    assert actions(r) == [("issue_credit", "MUSIC", Decimal(298), ("2025-04", "2025-05"))]
    by = {m.period: m for m in r.months}
    assert by["2025-05"].use == "off" and by["2025-05"].expected == 0  # unknown usage, but it was off
    assert by["2025-06"].use == "used" and by["2025-06"].disputed == 0
    assert by["2025-07"].why == "contract"  # after the resumption: billed as agreed
    assert "resumed" in explain(by["2025-04"], "en")


def test_an_old_suspension_of_an_active_service_used_every_month_credits_nothing() -> None:
    # Tests audit 6.4: status active, a suspension on record, used in every later month.
    r = suggest_for(music((SUSPENDED,), dict.fromkeys(("2025-03", "2025-04", "2025-05", "2025-06", "2025-07"), 40)),
                    at=t(2025, 8, 10))
    assert "issue_credit" not in [a[0] for a in actions(r)]
    assert r.findings == ()


def test_an_active_service_with_no_resumption_on_record_asks_for_usage_instead_of_crediting() -> None:
    r = suggest_for(music((SUSPENDED,), {"2025-03": 5, "2025-04": 0}), at=t(2025, 8, 10))
    assert actions(r) == [
        ("issue_credit", "MUSIC", Decimal(149), ("2025-04",)),
        ("request_evidence", "MUSIC", None, ("2025-05", "2025-06", "2025-07")),
    ]


# -- negative cases (audit 6.4) --------------------------------------------------------------------


def test_no_suspension_finding_for_charges_before_the_suspension_or_months_credited() -> None:
    late = EventRow(3, t(2025, 7, 20), "shop", "suspended", "MUSIC", "abroad")
    assert suggest_for(music((late,), dict.fromkeys(("2025-03", "2025-04", "2025-05", "2025-06", "2025-07"), 0),
                             status="suspended"), at=t(2025, 8, 10)).findings == ()
    credit = EventRow(9, t(2025, 8, 1), "system", "credit_issued", "MUSIC", "credit",
                      {"periods": ["2025-04", "2025-05", "2025-06", "2025-07"], "amount": "596"})
    assert suggest_for(music((SUSPENDED, credit), {}, status="suspended"), at=t(2025, 8, 10)).findings == ()


def test_no_cancel_finding_for_a_request_after_the_last_bill_nor_for_used_months() -> None:
    late = EventRow(1, t(2025, 5, 20), "call", "cancel_requested", "ADD", "cancel please")
    assert "charged_after_cancel_attempt" not in codes(suggest_for(addon_world((late,), dict.fromkeys(MONTHS, 0)), at=AFTER))
    early = EventRow(1, t(2025, 2, 10), "call", "cancel_requested", "ADD", "cancel please")
    used = suggest_for(addon_world((early,), dict.fromkeys(MONTHS, 7)), at=AFTER)
    assert used.findings == ()  # every month after the request was used: owed, nothing disputed
    other = EventRow(1, t(2025, 2, 10), "call", "cancel_requested", "OTHER", "another service")
    assert suggest_for(addon_world((other,), dict.fromkeys(MONTHS, 0)), at=AFTER).findings[0].code == "unused_paid_service"


# -- properties -------------------------------------------------------------------------------------

USAGE = st.one_of(st.none(), st.just(0), st.integers(1, 40))


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["cancel_requested", "cancel_rejected", "suspended"]),
       day=st.integers(1, 150), usage=st.lists(USAGE, min_size=4, max_size=4),
       status=st.sampled_from(["active", "suspended", "cancelled"]), settled=st.sets(st.sampled_from(MONTHS), max_size=2))
def test_stop_credits_only_unused_unsettled_months_after_the_stop(
    kind: str, day: int, usage: list[int | None], status: str, settled: set[str]
) -> None:
    at = date(2025, 1, 1).toordinal() + day
    moment = t(2025, 1, 1).replace(year=date.fromordinal(at).year, month=date.fromordinal(at).month, day=date.fromordinal(at).day)
    events = [EventRow(1, moment, "call", kind, "ADD", "x")]
    if settled:
        events.append(EventRow(2, t(2025, 6, 1), "system", "credit_issued", "ADD", "earlier", {"periods": sorted(settled)}))
    r = suggest_for(addon_world(tuple(events), dict(zip(MONTHS, usage, strict=True)), status=status), at=AFTER)
    stop_day = date.fromordinal(at)
    for s in r.suggestions:
        for a in s.actions:
            if a.kind != "issue_credit":
                continue
            assert a.amount == 150 * len(a.periods)
            for p in a.periods:
                i = MONTHS.index(p)
                assert date(2025, i + 2, 1) > stop_day  # only cycles that start after the stop
                assert p not in settled  # never a month credited before
                assert usage[i] == 0 or (usage[i] is None and kind == "suspended" and status != "active")
    assert all(f.code in ("charged_after_cancel_attempt", "charged_while_suspended", "unused_paid_service") for f in r.findings)


# -- approval and editing ---------------------------------------------------------------------------

FORBIDDEN = ("next bill", "下一期帳單")


def mpro_world_zh():  # type: ignore[no-untyped-def]
    from test_rules import mpro_world

    return mpro_world(language="zh_TW")


def test_a_credit_above_the_limit_needs_approval_and_the_script_never_promises_the_bill() -> None:
    from console.suggest import report_to_json

    for lang in ("zh_TW", "en"):
        r = suggest_for(mpro_world_zh(), at=t(2009, 5, 12), script_language=lang, credit_limit=Decimal(50))
        credit = next(a for a in report_to_json(r)["suggestions"][0]["actions"] if a["kind"] == "issue_credit")
        assert credit["needs_approval"] is True and r.suggestions[0].needs_approval
        script = r.suggestions[0].script
        assert not any(w in script for w in FORBIDDEN), script
        assert ("主管核准" if lang == "zh_TW" else "supervisor's approval") in script
        within = suggest_for(mpro_world_zh(), at=t(2009, 5, 12), script_language=lang, credit_limit=Decimal(500))
        assert any(w in within.suggestions[0].script for w in FORBIDDEN)
    lead = suggest_for(mpro_world_zh(), at=t(2009, 5, 12), credit_limit=None)
    assert not lead.suggestions[0].needs_approval


def test_editing_the_credit_renders_the_script_again() -> None:
    from dataclasses import replace

    from console.assist import ACCEPTED, REJECTED, Decision, script_after_decisions

    r = suggest_for(mpro_world_zh(), at=t(2009, 5, 12), script_language="en", credit_limit=Decimal(80))
    s = r.suggestions[0]
    assert "supervisor's approval" in s.script and "NT$100" in s.script
    decisions = {s.id: [Decision(a, a) for a in s.actions]}
    credit_row = next(i for i, a in enumerate(s.actions) if a.kind == "issue_credit")
    edited = replace(s.actions[credit_row], amount=Decimal(50), periods=("2009-03",))
    decisions[s.id][credit_row] = Decision(s.actions[credit_row], edited, ACCEPTED)
    text = script_after_decisions(r, s.id, decisions)
    assert "NT$100" not in text and "at all in March 2009." in text
    assert "the NT$50 charged for that month will be taken off your next bill" in text  # within the NT$80 limit now
    decisions[s.id][credit_row] = Decision(s.actions[credit_row], edited, REJECTED)
    assert "NT$" not in script_after_decisions(r, s.id, decisions)  # no credit promised at all
