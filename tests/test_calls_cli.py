"""``call``, ``sync`` and ``sync status`` end to end through the CLI, on a demo scenario."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from console import audit
from console.cli import main
from console.models import Action, Call, Case, OutboxEvent

SCENARIO = Path(__file__).parent.parent / "resources" / "demo" / "01-mpro-trial-billed-after-notice.yaml"
PHONE = "0912-345-678"


@pytest.fixture
def cli(customer_url: str, journal_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(audit.KEY_ENV, "k")
    config = tmp_path / "config.toml"
    config.write_text(f'[[sync.hooks]]\nname = "drop"\nkind = "jsonl"\ndir = "{tmp_path / "drop"}"\n')
    base = ["--db", customer_url, "--journal", journal_url, "--config", str(config), "--agent", "A007"]
    assert main(base + ["--role", "trainer", "import", str(SCENARIO)]) == 0  # agents may not import
    return lambda *args: main(base + list(args))


def test_call_accepts_a_suggestion_and_sync_delivers_it(cli, ctx, capsys, tmp_path: Path) -> None:
    capsys.readouterr()
    assert cli("suggest", PHONE, "--json") == 0
    suggestion = json.loads(capsys.readouterr().out)["suggestions"][0]["id"]
    assert cli("call", PHONE, "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch",
               "--accept", suggestion, "--note", "SMS said the trial ends") == 0
    call_id = capsys.readouterr().out.strip()
    uuid.UUID(call_id)
    with ctx.journal.session() as s:
        call = s.get(Call, call_id)
        assert call.agent_id == "A007" and call.credit_total > 0 and call.finding_codes
        assert {a.kind for a in s.scalars(select(Action).where(Action.call_id == call_id))} >= {"issue_credit"}
        types = list(s.scalars(select(OutboxEvent.type).order_by(OutboxEvent.customer_seq)))
        assert types[-1] == "call.recorded" and "credit.issued" in types
        # The accepted suggestion opens a case: it is there, with its event.
        assert [c.call_id for c in s.scalars(select(Case))] == [call_id] and "case.opened" in types

    assert cli("sync", "status", "--json") == 0
    [st] = json.loads(capsys.readouterr().out)
    assert st["pending"] == len(types) and st["delivered"] == 0
    assert cli("sync", "--once") == 0
    assert "drop: delivered" in capsys.readouterr().out
    assert cli("sync", "status") == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:6] == ["hook", "kind", "delivered", "pending", "failing", "dead"]
    assert table.splitlines()[1].split()[:6] == ["drop", "jsonl", str(len(types) + 1), "0", "0", "0"]
    # One file per day of the events' dates, read in name (date) order as a pick-up job does:
    # the call's events are dated by the scenario (2009), the audit head by the worker's clock.
    files = sorted((tmp_path / "drop").iterdir())
    lines = [json.loads(x) for f in files for x in f.read_text().splitlines()]
    assert sorted(x["type"] for x in lines) == sorted([*types, "audit.head"])
    assert [x["type"] for x in lines][-1] == "audit.head"


def test_call_errors_are_one_line(cli, capsys) -> None:
    capsys.readouterr()
    assert cli("call", PHONE, "--outcome", "resolved", "--accept", "no-such-suggestion") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no suggestion" in err
    assert cli("call", PHONE, "--outcome", "escalated") == 2
    assert "root cause" in capsys.readouterr().err
    assert cli("call", PHONE, "--outcome", "resolved", "--at", "yesterday") == 2
    assert cli("call", PHONE, "--outcome", "callback_scheduled", "--follow-up", "2009-05-19") == 0


def test_a_second_call_cannot_credit_the_same_months_again(tmp_path, capsys) -> None:
    """Accepting the same suggestion on a follow-up call must not repeat the credit."""
    from console.scenarios import demo_dir
    from ui.launcher import main as launch

    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    journal = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    base = ["--db", db, "--journal", journal]  # an agent: --role lead would lift the credit limit
    assert launch([*base, "--role", "trainer", "import", str(demo_dir() / "01-mpro-trial-billed-after-notice.yaml")]) == 0
    sid = "notice_contradicts_contract:MPRO"
    assert launch([*base, "call", "0912-345-678", "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch", "--accept", sid]) == 0
    capsys.readouterr()
    assert launch([*base, "call", "0912-345-678", "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch", "--accept", sid]) != 0
    assert "2009-03, 2009-04 already credited or waiting" in capsys.readouterr().err  # says which months
