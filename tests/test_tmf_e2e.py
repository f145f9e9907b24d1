"""Done when (issue 16): with only the TOML pointed at a TMF server, an agent pops, sees the
three panes, gets the same findings and suggestions as from SQL (test_tmf_scenarios),
records the call, and ``sync --once`` creates exactly one schema-valid trouble ticket and
product order per action. Through the CLI and through the window; and with the BSS down,
the window shows the cached caller with a banner, the call is recorded, and sync catches up.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tmf_helpers import SCENARIOS, holds_no_customers, serve, write_config
from tmf_server import TmfServer

from console import audit
from console.actions import ActionSpec
from console.calls import WrapUp, record_call
from console.cli import main
from console.context import ConsoleContext
from console.settings import load_settings
from console.sync.worker import SyncWorker

MPRO, BBV = SCENARIOS[0], SCENARIOS[2]


@pytest.fixture(autouse=True)
def _audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


def _config(tmp_path: Path, bss: TmfServer, tables: dict) -> Path:
    return write_config(tmp_path / "config.toml",
                        {"kind": "tmf", "base_url": bss.base_url, "cache_dir": str(tmp_path / "callers"), **tables},
                        [{"name": "bss", "kind": "tmf", "base_url": bss.base_url}])


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_pop_judge_record_and_sync_through_the_cli(bss: TmfServer, scenarios, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    mpro = scenarios(MPRO)
    tables = serve(bss, mpro.view)
    # Movie rental, but the BSS never completed the cancellation: the console suggests it.
    bbv_src = scenarios(BBV)
    bbv = dataclasses.replace(
        bbv_src.view, services=tuple(dataclasses.replace(s, status="active") for s in bbv_src.view.services),
        events=tuple(e for e in bbv_src.view.events if e.kind != "cancelled"))
    more = serve(bss, bbv)
    tables = {k: {**v, **more[k]} for k, v in tables.items()}
    capsys.readouterr()
    base = ["--config", str(_config(tmp_path, bss, tables)), "--journal", f"sqlite:///{tmp_path / 'journal.sqlite3'}",
            "--db", f"sqlite:///{tmp_path / 'users-only.sqlite3'}"]

    caller = json.loads(_cli(capsys, *base, "lookup", mpro.phone, "--json"))
    assert caller["contracts"] and caller["notifications"] and caller["bills"]  # the three panes
    found = {}
    for s, phone in ((mpro, mpro.phone), (bbv_src, bbv_src.phone)):
        report = json.loads(_cli(capsys, *base, "suggest", phone, "--json", "--at", s.call_at))
        (suggestion,) = report["suggestions"]
        found[phone] = suggestion
        _cli(capsys, *base, "call", phone, "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch",
             "--accept", suggestion["id"], "--at", s.call_at)
    kinds = sorted(a["kind"] for s in found.values() for a in s["actions"])
    assert kinds == ["cancel_service", "issue_credit", "issue_credit", "open_case", "open_case", "suspend_service"]

    assert not bss.posted  # nothing leaves before sync
    _cli(capsys, *base, "sync", "--once")
    tickets, orders = bss.items("TMF621", "troubleTicket"), bss.items("TMF622", "productOrder")
    assert len(tickets) == 2 and len({t["externalId"] for t in tickets}) == 2
    mine = [o for o in orders if o.get("externalId")]  # the BSS's own history has none
    assert sorted((o["productOrderItem"][0]["action"], o["productOrderItem"][0]["product"]["id"]) for o in mine) == [
        ("delete", "BBV"), ("modify", "MPRO")]
    _cli(capsys, *base, "sync", "--once")
    assert len(bss.posted) == 4, "a second sync made nothing new"
    status = json.loads(_cli(capsys, *base, "sync", "status", "--json"))
    assert status  # and nothing failing or dead
    text = json.dumps(status)
    assert '"dead": 0' in text and '"failing": 0' in text
    assert holds_no_customers(tmp_path / "users-only.sqlite3")


@pytest.fixture
def tmf_ctx(bss: TmfServer, scenarios, tmp_path: Path) -> Iterator[tuple[ConsoleContext, str]]:
    mpro = scenarios(MPRO)
    config = _config(tmp_path, bss, serve(bss, mpro.view))
    ctx = ConsoleContext(load_settings(config=str(config), journal=f"sqlite:///{tmp_path / 'j.sqlite3'}", agent="A001"))
    yield ctx, mpro.phone
    ctx.close()


@pytest.mark.gui
def test_the_window_pops_through_tmf_and_shows_a_cached_caller_with_a_banner(qtbot, bss: TmfServer, tmf_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.app import make_window

    ctx, phone = tmf_ctx
    w = make_window(ctx, "en", remember=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.popped, timeout=15000) as live:
        w.pop(phone)
    assert live.args[0].view.cached is None and not w.banner.isVisible()
    panes = (w.contract.services.rowCount(), w.notifications.model.rowCount(), w.bill.model.rowCount())
    assert all(panes), panes
    ctx.source.copies_written()  # the copy is kept in the background

    bss.mode = "down"
    with qtbot.waitSignal(w.popped, timeout=15000) as cached:
        w.pop(phone)
    result = cached.args[0]
    assert result.view.cached is not None
    assert w.banner.isVisible()
    text = w.banner.text.text()
    assert "did not answer" in text and "cannot reach the BSS" in text and "ago" in text
    assert (w.contract.services.rowCount(), w.notifications.model.rowCount(), w.bill.model.rowCount()) == panes

    # The call is recorded while the BSS is down (the journal is local) ...
    view = result.view
    case = ActionSpec("open_case", params={"summary": "customer disputes the mPro charges"}, suggestion_id="manual")
    record_call(ctx, WrapUp(customer_id=view.customer.id, phone=view.matched_phone, outcome="escalated",
                            root_cause="other", started_at=result.now, actions=[case]), view=view)
    with SyncWorker(ctx) as worker:
        assert not worker.run_once().ok and not bss.posted
    # ... and delivered once it is back (the backoff is short); the retry button pops it live again.
    bss.mode = "ok"
    later = datetime.now(UTC) + timedelta(minutes=10)
    with SyncWorker(ctx, clock=lambda: later) as worker:
        assert worker.run_once().ok
    assert len(bss.items("TMF621", "troubleTicket")) == 1
    with qtbot.waitSignal(w.popped, timeout=15000) as again:
        w.retry()
    assert again.args[0].view.cached is None and not w.banner.isVisible()
    w.close()


@pytest.mark.gui
def test_the_cached_banner_speaks_zh_tw(qtbot, bss: TmfServer, tmf_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.app import make_window

    ctx, phone = tmf_ctx
    ctx.source.find(phone)
    ctx.source.copies_written()
    bss.mode = "error"
    w = make_window(ctx, "zh_TW", remember=False)
    qtbot.addWidget(w)
    w.show()
    try:
        with qtbot.waitSignal(w.popped, timeout=15000):
            w.pop(phone)
        assert "客戶系統沒有回應" in w.banner.text.text()
        assert "未分類" not in w.notifications.model.index(0, 1).data()  # the SMS's template is mapped
    finally:
        w.close()
        make_window(ctx, "en").deleteLater()  # put the English catalogue back for other tests
