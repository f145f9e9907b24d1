"""The suggestions panel on reference case 1: findings with evidence, decisions, the script."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui_assist_helpers import (  # noqa: F401 - fixtures
    make_ctx,
    scenarios_template_fixture,
    sctx_fixture,
    view_of,
)

from console.actions import ActionError, ActionSpec
from console.assist import (
    ACCEPTED,
    REJECTED,
    edit_within_limits,
    parse_amount,
    spec_from_json,
    spec_to_json,
)
from ui.app import application
from ui.suggestions_panel import SuggestionsPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, sctx):  # type: ignore[no-untyped-def]
    application()
    p = SuggestionsPanel(sctx, "en")
    qtbot.addWidget(p)
    p.resize(420, 640)
    p.show()
    return p


def test_models_pass_the_model_tester(qtmodeltester, panel, sctx) -> None:  # type: ignore[no-untyped-def]
    panel.load(view_of(sctx), sctx.now())
    qtmodeltester.check(panel.findings_model)
    qtmodeltester.check(panel.actions_model)


def test_finding_selection_emits_its_evidence(qtbot, panel, sctx) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.evidence_selected) as blocker:
        panel.load(view_of(sctx), sctx.now())
    refs = blocker.args[0]
    assert "clause:CT-2008-0301/7" in refs and "notification:SMS-20090216-01" in refs
    assert panel.findings_model.rowCount() == 1
    assert panel.actions_model.rowCount() == 3
    assert panel.title.text()
    assert "2009" in panel.script.toPlainText() and "陳志明" in panel.script.toPlainText()
    # re-selecting the finding emits again
    panel.findings.clearSelection()
    with qtbot.waitSignal(panel.evidence_selected) as again:
        panel.findings.setCurrentIndex(panel.findings_model.index(0, 0))
    assert again.args[0] == refs


def test_accept_reject_and_accept_all_feed_the_wrap_up(qtbot, panel, sctx) -> None:  # type: ignore[no-untyped-def]
    panel.load(view_of(sctx), sctx.now())
    assert panel.accepted_actions() == [] and panel.pending_count() == 3
    panel.actions.selectRow(0)
    with qtbot.waitSignal(panel.decisions_changed):
        qtbot.mouseClick(panel.accept_btn, Qt.MouseButton.LeftButton)
    assert [a.kind for a in panel.accepted_actions()] == ["suspend_service"]
    assert panel.finding_codes() == ["notice_contradicts_contract"]
    panel.actions.selectRow(2)
    panel.reject_current()
    assert panel.actions_model.index(2, 0).data() == "Rejected"
    panel.accept_all()
    kinds = [a.kind for a in panel.accepted_actions()]
    assert kinds == ["suspend_service", "issue_credit", "open_case"]
    credit = panel.accepted_actions()[1]
    assert credit.amount == Decimal(100) and credit.periods == ("2009-03", "2009-04")
    assert all(a.suggestion_id == "notice_contradicts_contract:MPRO" for a in panel.accepted_actions())


def test_edit_credit_within_limits_through_the_dialog(qtbot, panel, sctx) -> None:  # type: ignore[no-untyped-def]
    panel.load(view_of(sctx), sctx.now())
    panel.actions.selectRow(1)
    assert panel.edit_btn.isEnabled()
    dialog = panel.edit_current()
    assert dialog is not None
    dialog.amount.setText("150")
    assert not dialog.try_accept()  # above the suggestion: refused, the dialog stays
    assert "above the suggested" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    dialog.amount.setText("50")
    next(c for c in dialog.months if c.property("period") == "2009-04").setChecked(False)
    with qtbot.waitSignal(panel.decisions_changed):
        assert dialog.try_accept()
    credit = panel.accepted_actions()[0]
    assert credit.amount == Decimal(50) and credit.periods == ("2009-03",)
    assert panel.actions_model.index(1, 0).data() == "Accepted (edited)"
    panel.actions.selectRow(0)
    assert not panel.edit_btn.isEnabled()  # nothing to edit on a suspension


def test_copy_script_puts_it_on_the_clipboard(panel, sctx) -> None:  # type: ignore[no-untyped-def]
    panel.load(view_of(sctx), sctx.now())
    text = panel.copy_script()
    assert text and QGuiApplication.clipboard().text() == text


def test_correctly_told_customer_gets_no_suggestion(qtbot, scenarios_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from console.scenarios import scenario_call_at

    ctx = make_ctx(scenarios_template, tmp_path)
    try:
        at = scenario_call_at(ctx.customers, "video-trial-told-correctly")
        from console.trainer import list_scenarios

        phone = next(s.phone for s in list_scenarios(ctx) if s.id == "video-trial-told-correctly")
        application()
        p = SuggestionsPanel(ctx, "en")
        qtbot.addWidget(p)
        p.load(view_of(ctx, phone), at)
        assert p.findings_model.rowCount() == 0
        assert p.empty.isVisibleTo(p) and not p.accept_all_btn.isEnabled()
        assert p.accepted_actions() == []
    finally:
        ctx.close()


def test_edit_within_limits_rules() -> None:
    credit = ActionSpec("issue_credit", "MPRO", Decimal(100), "TWD", ("2009-03", "2009-04"), suggestion_id="x:MPRO")
    lower = edit_within_limits(credit, amount=Decimal(40), periods=["2009-04"])
    assert lower.amount == Decimal(40) and lower.periods == ("2009-04",)
    with pytest.raises(ActionError, match="above the suggested"):
        edit_within_limits(credit, amount=Decimal("100.5"))
    with pytest.raises(ActionError, match="suggested months"):
        edit_within_limits(credit, periods=["2009-05"])
    with pytest.raises(ActionError, match="at least one month"):
        edit_within_limits(credit, periods=[])
    with pytest.raises(ActionError, match="positive"):
        edit_within_limits(credit, amount=Decimal(0))
    with pytest.raises(ActionError, match="nothing to edit"):
        edit_within_limits(ActionSpec("open_case"), amount=Decimal(1))
    with pytest.raises(ActionError, match="not an amount"):
        parse_amount("ten")
    assert parse_amount("NT$1,200") == Decimal(1200)
    assert spec_from_json(spec_to_json(lower)) == lower


def test_status_words_are_translated_for_accepted_and_rejected(panel, sctx) -> None:  # type: ignore[no-untyped-def]
    panel.load(view_of(sctx), sctx.now())
    panel.set_decision("notice_contradicts_contract:MPRO", 0, status=ACCEPTED)
    panel.set_decision("notice_contradicts_contract:MPRO", 2, status=REJECTED)
    assert [panel.actions_model.index(r, 0).data() for r in range(3)] == ["Accepted", "Proposed", "Rejected"]


def test_edit_refusal_names_the_suggested_amount_plainly() -> None:
    credit = ActionSpec("issue_credit", "MPRO", Decimal("100.00"), "TWD", ("2009-03",))
    with pytest.raises(ActionError, match=r"above the suggested 100 TWD$"):
        edit_within_limits(credit, amount=Decimal(101))


def test_tooltips_and_labels_show_data_as_plain_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    from console.rules.base import Finding
    from ui.suggestion_models import FindingsModel

    application()
    model = FindingsModel()
    model.set_rows([Finding("duplicate_charge", "X", ("bill_line:<b>1</b>",), "<img src=x> charged twice")])
    tipped = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tipped and "&lt;img src=x&gt;" in tipped and "&lt;b&gt;" in tipped
    assert model.index(0, 0).data() == "<img src=x> charged twice"  # views draw display text as is
