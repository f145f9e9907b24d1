"""The window on every shipped scenario: it pops, and every piece of evidence the rules cite
can be found and highlighted in a pane and on the timeline (the suggestions panel relies on it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from console.context import ConsoleContext
from console.db import open_store
from console.models import Phone, Scenario
from console.resources import resource_path
from console.scenarios.store import import_paths
from console.settings import load_settings
from console.suggest import suggest_for
from ui.app import make_window

pytestmark = pytest.mark.gui
REFERENCE_CASES = ("mpro-trial-billed-after-notice", "community-promo-billed-full-price", "movie-rental-cancel-refused")


@pytest.fixture
def demo_ctx(customer_url: str, journal_url: str) -> Iterator[tuple[ConsoleContext, list[tuple[str, str, object]]]]:
    store = open_store(customer_url, "customer")
    report = import_paths(store, [resource_path("demo")])
    assert report.ok, [r.error for r in report.failed]
    with store.session() as s:
        rows = s.execute(select(Scenario.id, Scenario.call_at, Scenario.customer_id).order_by(Scenario.id)).all()
        cases = [(sid, s.scalars(select(Phone.e164).where(Phone.customer_id == cid)).first(), at) for sid, at, cid in rows]
    store.dispose()
    clock = {"now": cases[0][2]}
    ctx = ConsoleContext(load_settings(db=customer_url, journal=journal_url, agent="A001"), clock=lambda: clock["now"])
    ctx.clock_box = clock  # type: ignore[attr-defined]
    yield ctx, cases
    ctx.close()


def test_every_scenario_pops_and_its_evidence_lights_up(qtbot, demo_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cases = demo_ctx
    assert {c[0] for c in cases} >= set(REFERENCE_CASES)
    window = make_window(ctx, "en", remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for scenario_id, phone, call_at in cases:
        ctx.clock_box["now"] = call_at
        with qtbot.waitSignal(window.popped, timeout=15000) as blocker:
            window.pop(phone)
        view = blocker.args[0].view
        assert window.caller_bar.name.text() == view.customer.name
        assert window.timeline.marks(), scenario_id
        report = suggest_for(view, at=call_at, language="en")
        for finding in report.findings:
            found = window.highlight_evidence(finding.evidence)
            assert sum(v for k, v in found.items() if k != "timeline") >= 1, (scenario_id, finding.code)
            for ref in finding.evidence:
                one = window.highlight_evidence([ref])
                assert sum(one.values()) >= 1, (scenario_id, ref)
        if scenario_id in REFERENCE_CASES:
            assert report.findings, scenario_id
            assert window.grab().save(str(tmp_path / f"{scenario_id}.png"))
    window.close()
