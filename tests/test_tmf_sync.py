"""The ``tmf`` sync hook: one schema-valid trouble ticket or product order per action, ever.

The test BSS validates every POST against the official ``TroubleTicket_Create`` /
``ProductOrder_Create`` definitions (and answers 400 if it is not valid), so a passing
test means the bodies are what a conforming BSS accepts.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sync_helpers import T0, FakeClock
from tmf_server import TmfServer

from console import audit
from console.actions import ActionSpec
from console.calls import WrapUp, record_call
from console.models import Action
from console.sync.registry import BrokenHook, build_hooks
from console.sync.state import status
from console.sync.worker import SyncResult, SyncWorker


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


def _hook(server: TmfServer, **kw) -> dict:
    return {"name": "bss", "kind": "tmf", "base_url": server.base_url, "backoff_s": 1, "timeout_s": 2, **kw}


def _run(ctx, clock: FakeClock) -> SyncResult:
    with SyncWorker(ctx, clock=clock, rng=random.Random(1)) as worker:  # closed: its connections too
        return worker.run_once()


def _record(ctx) -> dict[str, str]:
    """A call that suspends MPRO, cancels BBV, credits MPRO and opens a case; action id per kind."""
    specs = [
        ActionSpec("suspend_service", service_code="MPRO", suggestion_id="s1"),
        ActionSpec("issue_credit", service_code="MPRO", amount=Decimal(100), periods=("2009-03", "2009-04"), suggestion_id="s1"),
        ActionSpec("open_case", params={"summary": "mPro: SMS said it stops, contract says it is billed", "due_on": "2009-05-19"},
                   suggestion_id="s1"),
        ActionSpec("cancel_service", service_code="BBV", suggestion_id="s2"),
    ]
    record_call(ctx, WrapUp(customer_id="C-0001", outcome="resolved_with_credit", root_cause="contract_notice_mismatch",
                            started_at=T0, saved_at=T0 + timedelta(minutes=3), phone="+886912345678", actions=specs))
    with ctx.journal.session() as s:
        return {a.kind: a.id for a in s.query(Action)}


def test_each_action_makes_exactly_one_ticket_or_order(ctx, bss: TmfServer) -> None:
    ctx.settings.hooks = [_hook(bss)]
    ids = _record(ctx)
    clock = FakeClock()
    result = _run(ctx, clock)
    assert result.ok, result
    (ticket,) = bss.items("TMF621", "troubleTicket")
    orders = {o["externalId"]: o for o in bss.items("TMF622", "productOrder")}
    assert ticket["externalId"] == ids["open_case"]
    assert ticket["description"] == "mPro: SMS said it stops, contract says it is billed"
    assert ticket["relatedParty"] == [{"id": "C-0001", "role": "customer", "@referredType": "Customer"}]
    assert ticket["requestedResolutionDate"] == "2009-05-19T23:59:59+08:00"
    assert set(orders) == {ids["suspend_service"], ids["cancel_service"]}
    (suspend,) = orders[ids["suspend_service"]]["productOrderItem"]
    (cancel,) = orders[ids["cancel_service"]]["productOrderItem"]
    assert (suspend["action"], suspend["product"]["id"], suspend["product"]["status"]) == ("modify", "MPRO", "suspended")
    assert (cancel["action"], cancel["product"]["id"]) == ("delete", "BBV")
    assert [r for r, _ in bss.posted] == ["productOrder", "troubleTicket", "productOrder"]  # the credit is not TMF's
    clock.advance(60)
    assert _run(ctx, clock).delivered == 0
    assert len(bss.posted) == 3
    [st] = status(ctx)
    assert (st.pending, st.failing, st.dead) == (0, 0, 0)


def test_an_answer_lost_after_the_post_does_not_make_a_second_order(ctx, bss: TmfServer) -> None:
    ctx.settings.hooks = [_hook(bss)]
    _record(ctx)
    bss.drop_next_response = 1  # the first order is made, but its answer never arrives
    clock = FakeClock()
    first = _run(ctx, clock)
    assert first.hooks[0].failed >= 1 and len(bss.items("TMF622", "productOrder")) == 1
    clock.advance(5)
    assert _run(ctx, clock).ok
    assert len(bss.items("TMF622", "productOrder")) == 2 and len(bss.items("TMF621", "troubleTicket")) == 1
    assert len(bss.posted) == 3, "the retry found the order by its externalId instead of posting again"


def test_5xx_is_retried_and_a_refusal_is_dead_with_its_answer(ctx, bss: TmfServer) -> None:
    ctx.settings.hooks = [_hook(bss)]
    _record(ctx)
    clock = FakeClock()
    bss.fail_next(1, 503)  # the first externalId check
    first = _run(ctx, clock)
    assert first.hooks[0].failed == 1 and not bss.posted
    clock.advance(5)
    bss.fail_next(1, 422)  # the retried check for the suspension: refused for good
    second = _run(ctx, clock)
    assert second.hooks[0].dead == 1 and second.hooks[0].failed == 0
    [st] = status(ctx)
    assert st.dead == 1 and "422" in st.last_error
    # A dead event does not hold the customer's later ones back: the case and the cancellation went.
    assert len(bss.items("TMF621", "troubleTicket")) == 1 and len(bss.items("TMF622", "productOrder")) == 1


def test_a_bss_that_is_down_catches_up_later(ctx, bss: TmfServer) -> None:
    ctx.settings.hooks = [_hook(bss)]
    _record(ctx)
    clock = FakeClock()
    bss.mode = "down"
    down = _run(ctx, clock)
    assert down.hooks[0].failed >= 1 and not bss.posted
    assert "cannot reach" in status(ctx)[0].last_error
    bss.mode = "ok"
    clock.advance(5)
    assert _run(ctx, clock).ok
    assert len(bss.items("TMF621", "troubleTicket")) == 1 and len(bss.items("TMF622", "productOrder")) == 2


def test_hook_configuration(ctx, bss: TmfServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BSS_TOKEN", "t0ken")
    hooks = build_hooks([_hook(bss, token_env="BSS_TOKEN", severity="Major"), {"name": "b2", "kind": "tmf"},
                         {"name": "b3", "kind": "tmf", "base_url": bss.base_url, "token_env": "NOT_SET"}], ctx.journal)
    ok, no_url, no_token = hooks
    assert ok.kind == "tmf" and "t0ken" not in repr(ok) and ok.options["severity"] == "Major"
    assert isinstance(no_url, BrokenHook) and "base_url must be an http" in no_url.error
    assert isinstance(no_token, BrokenHook) and "NOT_SET is empty" in no_token.error
    ok.close()


@pytest.mark.parametrize(("personal", "shown"), [(None, "call back on *******678"), ("full", "call back on 0912.345.678")])
def test_a_number_typed_in_a_case_summary_is_masked_unless_the_hook_asks(
    ctx, bss: TmfServer, personal: str | None, shown: str,
) -> None:
    ctx.settings.hooks = [_hook(bss, **({"personal_data": personal} if personal else {}))]
    record_call(ctx, WrapUp(customer_id="C-0001", outcome="escalated", root_cause="other", started_at=T0,
                            saved_at=T0 + timedelta(minutes=3), actions=[
                                ActionSpec("open_case", params={"summary": "call back on 0912.345.678"}, suggestion_id="m")]))
    assert _run(ctx, FakeClock()).ok
    (ticket,) = bss.items("TMF621", "troubleTicket")
    assert ticket["description"] == shown
