"""Fault 4, bad input (hypothesis): a clear one-line message or a safe value, never a crash.

Phone numbers (any text, emoji, 200 characters, full-width digits), notes (100 KB, control
characters, right-to-left text), credit amounts (negative, fractional, huge, NaN, floats),
dates and times, and scenario files with every field wrong in turn. The rule: either the
input is accepted (and stored exactly as cleaned) or a ``UserError`` with ONE line comes
back, and the journal is byte-for-byte as before (no partial write). Finally the real CLI
entry point in a subprocess, fed the same kinds of junk: nothing on stderr says
"Traceback".
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from faults import cli_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from console import audit
from console.actions import ActionSpec
from console.calls import WrapUp, clean_notes, record_call
from console.cli import main
from console.cli.cmd_suggest import parse_at
from console.cli.cmd_sync import EXIT_UNDELIVERED
from console.errors import UserError
from console.lookup import lookup
from console.models import Action, AuditEntry, Call, OutboxEvent
from console.scenarios import ScenarioError, demo_dir, import_paths, parse_scenario

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
SCENARIO = demo_dir() / "01-mpro-trial-billed-after-notice.yaml"
FIXTURE_HC = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
FULL_WIDTH = "０９１２－３４５－６７８"
RTL = "\u202eשלום עולם مرحبا\u202c"


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.KEY_ENV, "input-key")


@pytest.fixture
def loaded(ctx):  # type: ignore[no-untyped-def]
    assert import_paths(ctx.customers, [SCENARIO]).ok
    return ctx


def one_line(exc: BaseException) -> None:
    text = str(exc)
    assert text and "\n" not in text and "Traceback" not in text and len(text) < 400, text


def counts(ctx) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with ctx.journal.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Call, Action, OutboxEvent, AuditEntry))


phones = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=150, max_size=220),
    st.from_regex(r"[0-9０-９ ()+\-]{0,30}", fullmatch=True),
    st.sampled_from(["😀", "📞0912345678", "0" * 200, FULL_WIDTH, "+886 912 345 678", "'; DROP TABLE phones; --",
                     "0912345678' OR '1'='1", "\x00", "\u202e0912345678", "＋８８６９１２３４５６７８"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_HC)
@given(text=phones)
@example(text=FULL_WIDTH)
def test_any_phone_text_gives_a_caller_or_one_line(loaded, text: str) -> None:
    with loaded.customers.session() as s:
        try:
            view = lookup(s, text)
        except UserError as exc:
            one_line(exc)
            return
    assert view.matched_phone == "+886912345678"


notes = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=400),
    st.sampled_from(["x" * 100_000, "\x00\x01\x1b[31mred\x7f", RTL, "line\r\nline\rline", "\u2028\u2029",
                     "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "'; DELETE FROM calls; --"]),
)


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURE_HC)
@given(text=notes)
def test_notes_are_stored_cleaned_or_refused_whole(ctx, text: str) -> None:
    before = counts(ctx)
    w = WrapUp(customer_id="C1", outcome="resolved", started_at=T0, saved_at=T0, notes=text)
    try:
        call_id = record_call(ctx, w)
    except UserError as exc:
        one_line(exc)
        assert counts(ctx) == before
        assert len(text) > 10_000
        return
    with ctx.journal.session() as s:
        stored = s.get(Call, call_id).notes or ""
    assert stored == clean_notes(text)
    assert not any(c in stored for c in "\x00\x1b\x7f\r")
    if text == RTL:
        assert stored == RTL  # right-to-left text and its direction marks are kept as typed


amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-10**12, max_value=10**12, places=3),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from([Decimal("0"), Decimal("-0"), Decimal("0.01"), Decimal("1e30"), Decimal("1000000.00"),
                     Decimal("1000001"), Decimal("499.999"), Decimal("sNaN"), True, None]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_HC)
@given(amount=amounts)
def test_credit_amounts_are_exact_or_refused_with_nothing_written(ctx, amount: Any) -> None:
    before = counts(ctx)
    spec = ActionSpec("issue_credit", "MPRO", amount, periods=("2026-02",), suggestion_id="s1")
    w = WrapUp(customer_id="C1", outcome="resolved_with_credit", root_cause="billing_error",
               started_at=T0, saved_at=T0, actions=[spec])
    try:
        call_id = record_call(ctx, w)
    except UserError as exc:
        one_line(exc)
        assert counts(ctx) == before
        return
    assert isinstance(amount, Decimal | int) and not isinstance(amount, bool)
    with ctx.journal.session() as s:
        action = s.scalars(select(Action).where(Action.call_id == call_id)).one()
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.call_id == call_id,
                                                     OutboxEvent.type.like("credit.%"))).one()
    assert action.amount == Decimal(amount) and 0 < action.amount <= Decimal(1_000_000)
    # Above the agent's limit the credit waits for a lead instead of being issued.
    assert (event.type, action.status) in {("credit.issued", "applied"), ("credit.requested", "pending_approval")}
    assert (action.status == "applied") == (action.amount <= ctx.settings.credit_limit)
    assert Decimal(event.payload["amount"]) == action.amount


times = st.one_of(st.text(max_size=40), st.sampled_from([
    "2026-02-30T10:00", "2026-13-01", "99999-01-01", "0000-01-01", "2026-03-02T25:61", "now", "",
    "2026-03-02T10:00:00+25:00", "2026-03-02 10:00", "１９９９-01-01", "2026-03-02T10:00:00Z",
]))


@settings(max_examples=150, deadline=None)
@given(text=times)
def test_times_parse_to_aware_values_or_one_line(text: str) -> None:
    try:
        value = parse_at(text)
    except UserError as exc:
        one_line(exc)
        return
    assert value.tzinfo is not None


def test_naive_or_backwards_times_are_refused_whole(ctx) -> None:
    before = counts(ctx)
    cases = [
        WrapUp(customer_id="C1", outcome="resolved", started_at=datetime(2026, 3, 2, 9, 0)),
        WrapUp(customer_id="C1", outcome="resolved", started_at=T0, ended_at=T0 - timedelta(minutes=1)),
        WrapUp(customer_id="C1", outcome="resolved", started_at=T0, saved_at=T0 - timedelta(seconds=1)),
        WrapUp(customer_id="C1", outcome="callback_scheduled", started_at=T0, saved_at=T0),
    ]
    for w in cases:
        with pytest.raises(UserError) as info:
            record_call(ctx, w)
        one_line(info.value)
    assert counts(ctx) == before


EXTREME_TIMES = ["0001-01-01T00:00:00+08:00", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59-08:00", "1899-12-31"]


@pytest.mark.parametrize("at", EXTREME_TIMES)
def test_extreme_call_times_are_one_line(loaded, capsys: pytest.CaptureFixture[str], at: str) -> None:
    """Found by this suite: year 1 or 9999 overflowed inside the rules (OverflowError traceback)."""
    s = loaded.settings
    before = counts(loaded)
    base = ["--db", s.db_url, "--journal", s.journal_url, "--agent", "A001"]
    for args in (["suggest", "0912-345-678", f"--at={at}"], ["call", "0912-345-678", "--outcome", "resolved", f"--at={at}"]):
        assert main([*base, *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "between the years" in err, err
    assert counts(loaded) == before


@settings(max_examples=12, deadline=None, suppress_health_check=FIXTURE_HC)
@given(at=times, follow=times)
@example(at="2009-05-12T14:30:00+08:00", follow="2009-05-19")  # an accepted call, every run
def test_call_command_dates_never_crash(loaded, capsys: pytest.CaptureFixture[str], at: str, follow: str) -> None:
    s = loaded.settings
    before = counts(loaded)
    code = main(["--db", s.db_url, "--journal", s.journal_url, "--agent", "A001", "call", "0912-345-678",
                 "--outcome", "callback_scheduled", f"--at={at}", f"--follow-up={follow}"])
    out, err = capsys.readouterr()
    if code:
        assert err.count("\n") == 1 and err.startswith("agent-console: "), err
        assert counts(loaded) == before
    else:
        # Accepted: exactly one more call, carrying the follow-up day it was given.
        assert counts(loaded)[0] == before[0] + 1
        with loaded.journal.session() as session:
            call = session.get(Call, out.strip())  # the command prints the new call's id
        assert call is not None and call.follow_up_on == date.fromisoformat(follow)


BASE: dict[str, Any] = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    items: Any = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    out = []
    for key, value in items:
        out.append((*prefix, key))
        out.extend(_paths(value, (*prefix, key)))
    return out




def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


def test_every_scenario_field_wrong_in_turn(ctx, tmp_path: Path) -> None:
    """Each field of a real scenario, replaced in turn by each wrong kind of value."""
    refused = accepted = 0
    for path in _paths(BASE):
        value = _get(BASE, path)
        # Deleted, then the wrong shape: a list where a value is expected, a word where a list or table is.
        for wrong in ("<delete>", "??" if isinstance(value, dict | list) else []):
            doc = json.loads(json.dumps(BASE, default=str))
            node = doc
            for key in path[:-1]:
                node = node[key]
            if wrong == "<delete>":
                del node[path[-1]]
            else:
                node[path[-1]] = wrong
            data = yaml.safe_dump(doc, allow_unicode=True).encode()
            try:
                parse_scenario(data, "mutant.yaml")
                accepted += 1
            except ScenarioError as exc:
                one_line(exc)
                assert str(exc).startswith("mutant.yaml: ")
                refused += 1
    assert refused > accepted > 0  # most wrong fields are caught; optional ones may be dropped
    # Through the importer, a refused file leaves the database untouched.
    bad = tmp_path / "bad.yaml"
    doc = json.loads(json.dumps(BASE, default=str))
    doc["bills"] = "not a list"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    report = import_paths(ctx.customers, [bad])
    assert not report.results[0].ok
    from console.models.customer import Customer

    with ctx.customers.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


DRIVER = r'''
import json, sys
from ui.launcher import main
for argv in json.loads(sys.stdin.read()):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    print(json.dumps([argv[-1] if argv else "", code]), flush=True)
'''


def test_cli_in_a_subprocess_never_prints_a_traceback(tmp_path: Path, customer_url: str, journal_url: str) -> None:
    """The installed entry point, then one process running the CLI's main on many junk inputs."""
    base = ["--db", customer_url, "--journal", journal_url, "--agent", "A001"]
    env = {"AGENT_CONSOLE_AUDIT_KEY": "input-key", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path / "c"), "LANG": "C.UTF-8"}
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_bytes(b"scenario: [\x00\xff")
    r = subprocess.run([*cli_command(), *base, "--role", "trainer", "import", str(SCENARIO)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    junk = [
        ["lookup", "😀" * 70], ["lookup", FULL_WIDTH], ["lookup", "x" * 200], ["lookup", "'; DROP TABLE phones; --"],
        ["suggest", "0912-345-678", "--at", "2026-02-30"], ["call", "0912-345-678", "--outcome", "resolved", "--note", "x" * 100_001],
        ["call", "0912-345-678", "--outcome", "nonsense"], ["call", "0912-345-678", "--outcome", "resolved", "--at", "yesterday"],
        ["call", "0912-345-678", "--outcome", "callback_scheduled", "--follow-up", "2026-02-30"],
        ["call", "0912-345-678", "--outcome", "resolved", "--accept", "no-such-suggestion"],
        ["suggest", "0912-345-678", "--at", "0001-01-01T00:00:00+08:00"], ["call", "0912-345-678", "--outcome", "resolved", "--at", "9999-12-31"],
        ["export", "--format", "csv", "--out", str(tmp_path / "o.csv"), "--from", "31/12/2026"],
        ["export", "--format", "csv", "--out", str(tmp_path / "o.csv"), "--from", "2026-03-05", "--to", "2026-03-01"],
        ["--role", "trainer", "import", str(bad_yaml)], ["scenario", "check", str(bad_yaml)],
        ["--role", "trainer", "import", str(tmp_path / "missing.yaml")],
    ]
    argvs = [[*base, *args] for args in junk]
    argvs.append(["--db", "not a url", "lookup", "0912345678"])
    argvs.append(["--journal", f"sqlite:///{tmp_path / 'no' / 'such'}/\x00", "sync", "status"])
    r = subprocess.run([sys.executable, "-c", DRIVER],
                       input=json.dumps(argvs), capture_output=True, text=True, env=env, timeout=300)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.returncode == 0, r.stderr[-2000:]
    codes = [json.loads(line)[1] for line in r.stdout.splitlines() if line.startswith("[")]
    assert len(codes) == len(argvs)
    assert codes[1] == 0  # full-width digits from a Chinese IME find the caller
    refused = codes[:1] + codes[2:]
    assert all(c != 0 for c in refused), list(zip([a[-2:] for a in argvs], codes, strict=False))
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    # One line per refusal; argparse's own usage block (indented continuation lines) aside.
    odd = [ln for ln in lines if not ln.startswith(("agent-console: ", "usage: ", "agent-console ", " ", str(tmp_path)))]
    assert not odd, odd


TOML_VALUES = ['"x"', '""', "5", "-1", "0", "0.0001", "nan", "inf", "-inf", "true", "[1, 2]", "{ a = 1 }", '"😀"',
               '"2026-13-01"', "1979-05-27T07:32:00Z", '"../../etc"', '"http://127.0.0.1:1/e"', '"postgresql://x@[::1"']
TOP_KEYS = ["role", "language", "region", "credit_limit", "templates_dir", "workstation", "agent"]
HOOK_KEYS = ["name", "kind", "url", "dir", "secret_env", "timeout_s", "backoff_s", "max_backoff_s"]
HOOK_TIMINGS = ("timeout_s", "backoff_s", "max_backoff_s")
NOT_AMOUNTS = {"nan", "inf", "-inf", "-1", '"x"', '""', '"😀"', "true", "[1, 2]", "{ a = 1 }", '"2026-13-01"',
               "1979-05-27T07:32:00Z", '"../../etc"', '"http://127.0.0.1:1/e"', '"postgresql://x@[::1"'}


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURE_HC)
@given(section=st.sampled_from(["top", "sync", "hook"]), key=st.integers(0, 7), value=st.sampled_from(TOML_VALUES),
       kind=st.sampled_from(["jsonl", "webhook", "postgres", "nope"]))
def test_any_config_value_gives_settings_or_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], section: str,
                                                    key: int, value: str, kind: str) -> None:
    hook = {"name": '"h"', "kind": f'"{kind}"', "dir": f'"{tmp_path / "drop"}"', "url": '"http://127.0.0.1:1/e"',
            "secret_env": '"HOME"', "timeout_s": "0.2", "backoff_s": "0"}
    lines = []
    if section == "top":
        changed = TOP_KEYS[key % len(TOP_KEYS)]
        lines.append(f"{changed} = {value}")
    elif section == "sync":
        changed = "interval_s"
        lines += ["[sync]", f"interval_s = {value}"]
    else:
        changed = HOOK_KEYS[key]
        hook[changed] = value
    lines.append("[[sync.hooks]]")
    lines += [f"{k} = {v}" for k, v in hook.items()]
    config = tmp_path / "c.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A journal per example: a lease left by the previous example's worker would skip this one.
    journal = f"sqlite:///{tmp_path / f'j-{uuid.uuid4().hex}.sqlite3'}"
    # A number of seconds or an amount that is not a finite, non-negative number is refused
    # (a hook's timings by the webhook hook that uses them, when sync starts it).
    refused = value in NOT_AMOUNTS and (changed in ("credit_limit", "interval_s") or (changed in HOOK_TIMINGS and kind == "webhook"))
    for args in (["sync", "--once"], ["sync", "status"]):
        code = main(["--config", str(config), "--journal", journal, "--db", "sqlite://", *args])  # raises on a bug
        err = capsys.readouterr().err
        # 0, 7 (events left undelivered: said on stdout), or a refusal in one line on stderr.
        assert "Traceback" not in err and err.count("\n") == (0 if code in (0, EXIT_UNDELIVERED) else 1), (code, err)
        if refused and (args[1] == "--once" or changed in ("credit_limit", "interval_s")):
            assert code == 2, (changed, value, err)


@pytest.mark.parametrize("days", [("0001-01-01", None), (None, "9999-12-31")])
def test_export_with_extreme_days_is_one_line(ctx, tmp_path: Path, days: tuple[str | None, str | None]) -> None:
    from console.auth import Principal
    from console.export import ExportFilters, ExportRequest, parse_day, run_export

    lead = Principal("L001", "Lin Lead", "lead", None)
    filters = ExportFilters(date_from=parse_day(days[0], "--from"), date_to=parse_day(days[1], "--to"))
    with pytest.raises(UserError, match="outside 1900-2199") as info:
        run_export(ctx, lead, ExportRequest("csv", tmp_path / "x.csv", filters))
    one_line(info.value)
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("due_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "0001-01-01"])
def test_extreme_callback_times_are_refused_whole(ctx, due_at: str) -> None:
    """Found by this suite: a callback due in year 1 or 9999 overflowed at the insert (StatementError)."""
    before = counts(ctx)
    spec = ActionSpec("schedule_callback", params={"due_at": due_at})
    with pytest.raises(UserError) as info:
        record_call(ctx, WrapUp(customer_id="C1", outcome="callback_scheduled", started_at=T0, saved_at=T0,
                                actions=[spec]))
    one_line(info.value)
    assert counts(ctx) == before
