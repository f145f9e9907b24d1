"""``agent-console suggest``: text and JSON, --lang, --at, errors, and the journal's memory."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from console.actions import ActionSpec, apply_actions
from console.cli import main
from console.db import open_store
from console.models.journal import Call
from console.resources import resource_path

MPRO = resource_path("demo") / "01-mpro-trial-billed-after-notice.yaml"
PHONE = "0912-345-678"


@pytest.fixture
def base(customer_url: str, journal_url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    args = ["--db", customer_url, "--journal", journal_url]
    assert main([*args, "--role", "trainer", "import", str(MPRO)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return args


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_output_in_the_customer_language_at_call_at(base: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *base, "suggest", PHONE)
    assert code == 0
    assert "as of 2009-05-12 14:30 Asia/Taipei" in out
    assert "Finding notice_contradicts_contract [MPRO]" in out and "簡訊" in out
    assert "issue_credit MPRO 100 TWD for 2009-03, 2009-04" in out
    assert "NT$100" in out and "2009年2月16日" in out


def test_lang_and_at(base: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *base, "suggest", PHONE, "--json", "--lang", "en")
    assert code == 0
    script = json.loads(out)["suggestions"][0]["script"]
    assert "16 February 2009" in script and "March and April 2009" in script
    # Before the March bill was issued nothing was billed wrongly yet.
    code, out, _ = run(capsys, *base, "suggest", PHONE, "--json", "--at", "2009-03-20T09:00")
    assert code == 0 and json.loads(out)["findings"] == []
    code, out, _ = run(capsys, *base, "suggest", PHONE, "--at", "2009-04-20T09:00:00+08:00", "--json")
    credit = json.loads(out)["suggestions"][0]["actions"][1]
    assert credit["amount"] == "50" and credit["periods"] == ["2009-03"]


@pytest.mark.parametrize("argv, exit_code, message", [
    (["suggest", PHONE, "--at", "yesterday"], 2, "--at: not an ISO 8601 time"),
    (["suggest", "0987-654-321"], 3, "no customer has the number"),
])
def test_errors_are_one_line(base: list[str], capsys: pytest.CaptureFixture[str], argv: list[str], exit_code: int, message: str) -> None:
    code, out, err = run(capsys, *base, *argv)
    assert code == exit_code and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_credit_decided_in_an_earlier_call_is_not_suggested_again_whatever_the_as_of_time(
    base: list[str], journal_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README's demo path: the scenario customer is seen as of its call_at (2009) while
    # the journal stamps the recorded actions with today's date.
    now = datetime(2026, 12, 2, 6, 40, tzinfo=UTC)
    store = open_store(journal_url, "journal")
    with store.session() as s, s.begin():
        s.add(Call(id="CALL-1", customer_id="C-0001", agent_id="A001", workstation="ws", started_at=now,
                   saved_at=now, outcome="resolved_with_credit"))
        s.flush()
        apply_actions(s, call_id="CALL-1", customer_id="C-0001", agent_id="A001", role="agent", now=now,
                      credit_limit=Decimal(500), specs=[
                          ActionSpec("suspend_service", "MPRO", suggestion_id="notice_contradicts_contract:MPRO"),
                          ActionSpec("issue_credit", "MPRO", Decimal(100), periods=("2009-03", "2009-04"),
                                     suggestion_id="notice_contradicts_contract:MPRO"),
                      ])
    store.dispose()
    for at in ((), ("--at", "2009-05-13T10:00:00+08:00"), ("--at", "2009-05-12T09:00:00+08:00")):
        code, out, _ = run(capsys, *base, "suggest", PHONE, "--json", *at)
        assert code == 0
        assert json.loads(out)["findings"] == [], at


PROMO = resource_path("demo") / "02-community-promo-billed-full-price.yaml"


@pytest.mark.parametrize("role, limit, waits", [("agent", None, True), ("agent", "2000", False), ("lead", None, False)])
def test_suggest_json_says_whether_each_credit_needs_approval(
    customer_url: str, journal_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    role: str, limit: str | None, waits: bool,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"credit_limit = {limit}\n" if limit else "", encoding="utf-8")
    base = ["--db", customer_url, "--journal", journal_url, "--config", str(config), "--role", role]
    assert main([*base, "--role", "trainer", "import", str(PROMO)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, *base, "suggest", "0928-765-432", "--json")
    assert code == 0
    (credit,) = [a for s in json.loads(out)["suggestions"] for a in s["actions"] if a["kind"] == "issue_credit"]
    assert credit["amount"] == "1200" and credit["needs_approval"] is waits  # the default limit is NT$500
    script = json.loads(out)["suggestions"][0]["script"]
    assert ("主管核准" in script) is waits and ("下一期帳單" in script) is not waits
