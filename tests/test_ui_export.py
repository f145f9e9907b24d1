"""The export dialog: 100,000 calls export on a worker while the window keeps ticking; Cancel works."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from a11y_helpers import heard_name, unnamed_controls
from export_helpers import AGENT, LEAD, T0, call_row, insert_calls
from PySide6.QtCore import QTimer
from qt_helpers import show_exposed

from console import audit
from console.context import ConsoleContext
from console.db import open_store
from console.export import ExportFilters
from console.settings import load_settings
from ui.app import application
from ui.export_dialog import ExportDialog
from ui.i18n import install_translators

pytestmark = pytest.mark.gui
ROWS = 100_000


@pytest.fixture(autouse=True)
def _english() -> None:
    install_translators(application(), "en")  # plurals come from the en catalogue, as in the app


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'journal.sqlite3'}"
    store = open_store(url, "journal")
    with store.session() as s, s.begin():
        for start in range(0, ROWS, 20_000):
            insert_calls(s, [call_row(i, started_at=T0 + timedelta(seconds=i), notes="客戶 =1+1")
                             for i in range(start, start + 20_000)])
    store.dispose()
    return url


@pytest.fixture
def big_ctx(big_journal: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(audit.KEY_ENV, "test-key")
    settings = load_settings(db=f"sqlite:///{tmp_path / 'c.sqlite3'}", journal=big_journal, agent="L001")
    with ConsoleContext(settings, clock=lambda: T0) as c:
        yield c


def _dialog(qtbot, ctx, who, out: Path) -> ExportDialog:
    dlg = ExportDialog(ctx, who, filters=ExportFilters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)))
    qtbot.addWidget(dlg)
    dlg.out.setText(str(out))
    return dlg


def test_big_export_keeps_the_window_responsive(qtbot, big_ctx, tmp_path: Path) -> None:
    out = tmp_path / "floor.csv"
    dlg = _dialog(qtbot, big_ctx, LEAD, out)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(dlg.progress.value()))
    reports: list[tuple[int, int]] = []
    dlg.signals.progress.connect(lambda done, total: reports.append((done, total)))
    timer.start()
    with qtbot.waitSignal(dlg.signals.finished, timeout=120_000) as done:
        dlg.start_button.click()
        assert dlg.running and not dlg.start_button.isEnabled() and dlg.cancel_button.isEnabled()
    timer.stop()
    assert done.args[0].rows == ROWS
    assert len(reports) >= 40 and reports[-1] == (ROWS, ROWS)
    # The GUI thread kept running its timer throughout, seeing the bar move.
    assert len(ticks) >= 20 and len(set(ticks)) >= 5
    assert dlg.progress.value() == dlg.progress.maximum() and not dlg.running
    assert "100,000 calls written" in dlg.status.text()
    with out.open(encoding="utf-8-sig") as fh:
        assert sum(1 for _ in fh) == ROWS + 1


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, big_ctx, tmp_path: Path) -> None:
    out = tmp_path / "floor.xlsx"
    dlg = _dialog(qtbot, big_ctx, LEAD, out)
    dlg.set_format("xlsx")
    with qtbot.waitSignal(dlg.signals.progress, timeout=60_000, check_params_cb=lambda done, total: done > 0):
        dlg.start_button.click()
    with qtbot.waitSignal(dlg.signals.cancelled, timeout=60_000):
        dlg.cancel_button.click()
    assert "cancelled" in dlg.status.text() and dlg.start_button.isEnabled()
    assert list(tmp_path.glob("floor.xlsx*")) == [] and list(tmp_path.glob(".floor.xlsx*")) == []


def test_agent_is_refused_by_the_service_not_just_the_window(qtbot, big_ctx, tmp_path: Path) -> None:
    dlg = _dialog(qtbot, big_ctx, AGENT, tmp_path / "x.csv")
    assert not dlg.unmasked.isEnabled()
    with qtbot.waitSignal(dlg.signals.failed, timeout=30_000) as failed:
        dlg.start_button.click()
    assert "may not export" in failed.args[0] and "may not export" in dlg.status.text()
    assert not (tmp_path / "x.csv").exists()


def test_filters_round_trip(qtbot, big_ctx, tmp_path: Path) -> None:
    f = ExportFilters(date_from=date(2026, 3, 2), date_to=date(2026, 3, 3), agents=("A001", "A002"),
                      outcomes=("escalated",), root_causes=("sales_promise",), findings=("duplicate_charge",))
    dlg = _dialog(qtbot, big_ctx, LEAD, tmp_path / "x.csv")
    dlg.set_filters(f)
    assert dlg.filters() == f
    dlg.set_format("jsonl")
    assert dlg.out.text().endswith("x.jsonl")
    shot = os.environ.get("AGENT_CONSOLE_SCREENSHOTS")
    if shot:
        dlg._on_progress(41_200, 100_000)
        show_exposed(qtbot, dlg)
        dlg.grab().save(str(Path(shot) / "export_dialog.png"))


def test_fields_are_labelled_and_lists_show_every_entry(qtbot, big_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr("ui.export_dialog.user_documents_path", lambda: docs)
    dlg = ExportDialog(big_ctx, LEAD)
    qtbot.addWidget(dlg)
    show_exposed(qtbot, dlg)
    assert Path(dlg.out.text()).parent == docs  # the lead's documents folder, not home
    assert [dlg.format.itemText(i) for i in range(dlg.format.count())] == [
        "CSV for Excel (.csv)", "Excel workbook (.xlsx)", "JSON lines (.jsonl)"]
    assert dlg.fmt() == "csv"
    names = {w: heard_name(w) for w in (dlg.format, dlg.date_from, dlg.date_to, dlg.out, dlg.outcomes, dlg.agents)}
    assert names[dlg.format] == "Format" and names[dlg.date_from] == "First day" and names[dlg.date_to] == "Last day"
    assert names[dlg.out] == "File to write" and names[dlg.outcomes] == "Outcomes" and names[dlg.agents] == "Agents"
    assert unnamed_controls(dlg) == []
    texts = [dlg.findings.item(i).text() for i in range(dlg.findings.count())]
    assert "A notice contradicts the contract" in texts and not any("_" in t for t in texts)
    for lst in (dlg.outcomes, dlg.root_causes, dlg.findings):  # no entry cut off ("Dropped" was)
        last = lst.visualItemRect(lst.item(lst.count() - 1))
        assert lst.viewport().rect().contains(last), lst.objectName()
    assert not dlg.cancel_button.isVisible()  # shown only while an export runs
    assert dlg.date_from.displayFormat() == "M/d/yyyy"


def test_one_call_is_singular(qtbot, big_ctx, tmp_path: Path) -> None:
    dlg = _dialog(qtbot, big_ctx, LEAD, tmp_path / "one.csv")
    dlg.set_filters(ExportFilters(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2), agents=("A002",)))
    dlg.out.setText(str(tmp_path / "one.csv"))
    with qtbot.waitSignal(dlg.signals.finished, timeout=60_000) as done:
        dlg.start_button.click()
    n = done.args[0].rows
    assert n >= 1
    assert dlg.status.text().startswith(f"{n:,} call written" if n == 1 else f"{n:,} calls written")
    dlg._on_finished(type("R", (), {"rows": 1, "path": tmp_path / "x.csv"})())
    assert dlg.status.text() == f"1 call written to {tmp_path / 'x.csv'}"


def test_an_existing_file_is_replaced_only_when_the_lead_says_so(qtbot, big_ctx, tmp_path: Path) -> None:
    """The service refuses to overwrite unless asked (--force); the window asks, naming the file."""
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "floor.csv"
    out.write_text("yesterday's export\n", encoding="utf-8")
    dlg = _dialog(qtbot, big_ctx, LEAD, out)
    box = dlg.start()
    assert box is not None and str(out) in box.text() and not dlg.running
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert out.read_text(encoding="utf-8") == "yesterday's export\n" and "Nothing exported" in dlg.status.text()
    box = dlg.start()
    assert box is not None
    with qtbot.waitSignal(dlg.signals.finished, timeout=120_000):
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    text = out.read_text(encoding="utf-8-sig")
    assert "yesterday" not in text and text.count("\n") == ROWS + 1  # replaced by the whole export
