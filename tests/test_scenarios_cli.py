"""``agent-console import`` and ``scenario check`` end to end, in-process, as a trainer uses them.

Importing the demo folder then looking a caller up by a number written differently from
the file proves the whole path: YAML -> validation -> E.164 -> customer store -> lookup.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main
from console.scenarios import demo_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_demo_then_lookup_in_another_written_form(
    capsys: pytest.CaptureFixture[str], customer_url: str, journal_url: str
) -> None:
    code, out, err = run(capsys, "--db", customer_url, "--journal", journal_url, "--role", "trainer", "import", str(demo_dir()))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == len(list(demo_dir().glob("*.yaml")))
    assert lines[0] == f"imported mpro-trial-billed-after-notice from {demo_dir() / '01-mpro-trial-billed-after-notice.yaml'}"
    assert err == ""

    # The file says "(02) 2345-6789"; the agent types it the international way.
    code, out, err = run(capsys, "--db", customer_url, "lookup", "+886 2 2345 6789", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["customer"]["id"] == "C-0005"
    assert data["customer"]["name"] == "王大同"

    # The file says "0912-345-678"; full-width digits from a Chinese IME.
    code, out, err = run(capsys, "--db", customer_url, "lookup", "０９１２３４５６７８", "--json")
    assert code == 0, err
    assert json.loads(out)["customer"]["id"] == "C-0001"

    code, out, _ = run(capsys, "--db", customer_url, "--role", "trainer", "import", str(demo_dir() / "03-movie-rental-cancel-refused.yaml"))
    assert code == 0 and out.startswith("replaced movie-rental-cancel-refused from ")


def test_import_reports_each_file_and_exits_2_on_any_failure(
    capsys: pytest.CaptureFixture[str], customer_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    text = (demo_dir() / "01-mpro-trial-billed-after-notice.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("amount: 50}", "amount: 12.5}", 1), encoding="utf-8")
    good = demo_dir() / "02-community-promo-billed-full-price.yaml"
    code, out, err = run(capsys, "--db", customer_url, "--role", "trainer", "import", str(bad), str(good), str(tmp_path / "missing.yaml"))
    assert code == 2
    assert out == f"imported community-promo-billed-full-price from {good}\n"
    assert err.splitlines() == [
        f"{bad}: bills[0].lines[1].amount: 12.5 has a fraction of a dollar (TWD is billed in whole dollars)",
        f"{tmp_path / 'missing.yaml'}: no such file or folder",
    ]
    assert "Traceback" not in err


def test_scenario_check_validates_without_touching_a_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "never.sqlite3"
    template = demo_dir().parent / "scenario-template.yaml"
    code, out, err = run(capsys, "--db", f"sqlite:///{db}", "scenario", "check", str(demo_dir()), str(template))
    assert code == 0, err
    assert out.splitlines()[-1] == f"ok my-new-case {template}"
    assert len(out.splitlines()) == len(list(demo_dir().glob("*.yaml"))) + 1

    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: 1\nid: x\ntitle: t\ncall_at: 2025-01-01T10:00\ncustomer: {id: C-1, name: A, phones: ['1']}\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", f"sqlite:///{db}", "scenario", "check", str(bad))
    assert code == 2 and out == ""
    assert err == f"{bad}: customer.phones[0]: not a phone number: 1\n"
    assert not db.exists()


def test_scenario_check_notes_channels_and_where_the_console_disagrees_with_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    doc = yaml.safe_load((demo_dir() / "04-music-charged-while-suspended.yaml").read_text(encoding="utf-8"))
    doc["events"][0]["channel"] = "store"
    doc["events"].append({"at": "2025-06-20T10:00:00+08:00", "channel": "kiosk", "kind": "resumed", "service": "MUSIC"})
    path = tmp_path / "resumed.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert main(["scenario", "check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok music-charged-while-suspended")
    assert "  note: events[0].channel: 'store' read as 'shop'" in out
    assert "  note: events[1].channel: 'kiosk' is not a channel the console knows; it is shown as written" in out
    # Resumed on 20 June: July was on again and not used, so only June is credited now.
    assert "  note: expected action issue_credit MUSIC 298 2025-06, 2025-07 is not suggested" in out
    assert "  note: the console also suggests issue_credit MUSIC 149 2025-06" in out
