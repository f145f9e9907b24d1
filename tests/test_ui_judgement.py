"""The judgement in the window: the bill pane's billed / expected / why, the script re-rendered
when a credit is edited (and saying when it needs approval), the wrap-up refusing a repeat
credit unless a reason is recorded. Reference case 1 (C-0001, mPro, NT$100)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select
from ui_assist_helpers import scenarios_template_fixture, sctx_fixture, view_of  # noqa: F401 - fixtures

from console import calls
from console.assist import REJECTED, suggestions_for_call
from console.models import Action
from ui.app import application
from ui.models.bill import EXPECTED, WHY, BillModel
from ui.suggestions_panel import SuggestionsPanel
from ui.wrapup import WrapUpDialog

pytestmark = pytest.mark.gui


def test_bill_pane_shows_billed_expected_and_why(qtmodeltester, qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    application()
    view = view_of(sctx)
    model = BillModel()
    model.set_view(view, (), "en")
    h = Qt.Orientation.Horizontal
    assert model.headerData(EXPECTED, h) == "Expected" and model.headerData(WHY, h) == "Why"
    april = model.index(0, 0)  # newest period first
    assert model.index(0, EXPECTED).data() == ""  # nothing judged yet
    model.set_judgement(suggestions_for_call(sctx, view, sctx.now()).months)
    qtmodeltester.check(model)
    lines = {model.index(r, 1, april).data(): r for r in range(model.rowCount(april))}
    mpro = lines["MPRO"]
    assert model.index(mpro, 2, april).data() == "NT$50"
    assert model.index(mpro, EXPECTED, april).data() == "NT$0"
    assert model.index(mpro, WHY, april).data() == "SMS of 2/16/2009 said it ends 2/28/2009; not used"
    plan = lines["V3G399"]
    assert (model.index(plan, EXPECTED, april).data(), model.index(plan, WHY, april).data()) == ("NT$399", "as contracted")
    assert model.index(0, EXPECTED).data() == "NT$399" and model.index(0, WHY).data() == "NT$50 above expected"
    model.set_view(view, (), "zh_TW")
    model.set_judgement(suggestions_for_call(sctx, view, sctx.now()).months)
    assert "簡訊說" in model.index(mpro, WHY, model.index(0, 0)).data()
    assert model.index(0, 0, QModelIndex()).isValid()


def test_a_narrow_bill_pane_says_why_in_its_detail_line_and_a_wide_one_in_a_column(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    """At 1366 px the bill pane is ~340 px: Service and Why give way (they would cut "Apr 2009"
    and the amounts), and the detail line under the tree says billed, expected and why."""
    from ui.columns import elided_cells
    from ui.panes import BillPane

    application()
    view = view_of(sctx)
    pane = BillPane()
    qtbot.addWidget(pane)
    pane.model.set_view(view, (), "en")
    pane.model.set_judgement(suggestions_for_call(sctx, view, sctx.now()).months)
    pane.expand_recent()
    header = pane.view.header()
    for width, service, why in ((340, False, False), (1000, True, True)):
        pane.resize(width, 400)
        pane.show()
        qtbot.waitUntil(lambda: pane.view.isVisible())
        pane.fit()
        assert (not header.isSectionHidden(1), not header.isSectionHidden(WHY)) == (service, why), width
        assert elided_cells(pane.view) == [], width
    pane.resize(340, 400)
    pane.fit()
    assert pane.highlight(frozenset({"usage:MPRO:2009-04"})) == 1  # the evidence row becomes current
    assert pane.detail.text() == "mPro 月租費 · MPRO · NT$50; used 0; expected NT$0; SMS of 2/16/2009 said it ends 2/28/2009; not used"


def test_editing_or_rejecting_the_credit_renders_the_script_again(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    application()
    sctx.settings.credit_limit = Decimal(80)  # the NT$100 credit needs a lead
    panel = SuggestionsPanel(sctx, "en")
    qtbot.addWidget(panel)
    report = panel.load(view_of(sctx), sctx.now())
    sid = report.suggestions[0].id
    script = panel.script.toPlainText()
    assert "主管核准" in script and "下一期帳單" not in script and "NT$100" in script
    row = next(i for i, d in enumerate(panel.decisions[sid]) if d.spec.kind == "issue_credit")
    decision = lambda: panel.actions_model.index(row, 0).data()  # noqa: E731
    assert decision() == "Proposed\n⚠ needs a lead's approval"  # the table says what the script says
    assert all("approval" not in panel.actions_model.index(r, 0).data() for r in range(len(panel.decisions[sid])) if r != row)
    edited = replace(panel.decisions[sid][row].spec, amount=Decimal(50), periods=("2009-03",))
    panel.set_decision(sid, row, edited)
    script = panel.script.toPlainText()
    assert "NT$50" in script and "NT$100" not in script and "下一期帳單" in script  # within the limit now
    assert decision() == "Accepted (edited)"
    panel.actions.selectRow(row)
    panel.reject_current()
    assert panel.decisions[sid][row].status == REJECTED
    assert "NT$" not in panel.script.toPlainText()


def _credit_dialog(qtbot, sctx, credit):  # type: ignore[no-untyped-def]
    view = view_of(sctx)
    d = WrapUpDialog(sctx, view, sctx.now() - timedelta(minutes=3), actions=credit,
                     findings_offered=["notice_contradicts_contract"], findings_ticked=["notice_contradicts_contract"])
    qtbot.addWidget(d)
    d.show()
    d.outcome.setCurrentIndex(d.outcome.findData("resolved_with_credit"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("contract_notice_mismatch"))
    return d


def test_the_wrapup_refuses_a_repeat_credit_unless_a_reason_is_recorded(qtbot, sctx) -> None:  # type: ignore[no-untyped-def]
    application()
    report = suggestions_for_call(sctx, view_of(sctx), sctx.now())
    credit = [a for a in report.suggestions[0].actions if a.kind == "issue_credit"]
    first = _credit_dialog(qtbot, sctx, credit)
    assert not first.repeat_note.isVisibleTo(first)
    assert first.save() is not None
    second = _credit_dialog(qtbot, sctx, credit)  # the same credit again (still on another screen)
    assert second.repeat_note.isVisibleTo(second) and second.repeat_reason.isVisibleTo(second)
    assert "MPRO" in second.repeat_note.text() and "Mar 2009, Apr 2009" in second.repeat_note.text()
    assert second.save() is None
    assert second.errors["actions"].isVisibleTo(second)
    second.repeat_reason.setText("billing never received the first credit")
    assert second.save() is not None
    with sctx.journal.session() as s:
        reasons = [(a.params or {}).get("repeat_reason") for a in s.scalars(select(Action).where(Action.kind == "issue_credit"))]
    assert sorted(reasons, key=str) == [None, "billing never received the first credit"]
    assert calls.load_draft(sctx, customer_id="C-0001") is None
