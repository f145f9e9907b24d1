"""Fault 7, personal data: no phone number or national ID where it does not belong; no secret anywhere.

One working session on a seeded population and the demo set: lookups, suggestions, calls
(with the numbers also typed into bad input), sync to a flaky webhook and a file drop,
masked exports in every format, and errors. Afterwards no log record, no file the console
left in its data/config/state/log folders (other than the databases themselves and the
drop the central systems read), no masked export and no error text contains a seeded phone
number (in any written form) or national ID; and the webhook signing secret appears in no
file at all (journal database and its WAL included), no log record and no output.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from faults.flaky import FlakyReceiver
from sqlalchemy import select

from console import audit, paths
from console.auth import Principal
from console.cli import main
from console.context import ConsoleContext
from console.export import ExportRequest, run_export
from console.models.customer import Customer, Phone
from console.scenarios import demo_dir
from console.settings import load_settings
from console.sync.worker import SyncWorker

SECRET = "whsec-7Hq2-PRIVACY-canary-9xK"
LEAD = Principal("L001", "Lin Lead", "lead", None)


def _forms(e164: str) -> set[str]:
    """The ways a number can be written: E.164, digits, national with and without separators."""
    digits = e164.lstrip("+")
    national = "0" + digits[3:] if digits.startswith("886") else digits
    return {e164, digits, national, f"{national[:4]}-{national[4:7]}-{national[7:]}"}


def _scan(blob: bytes, needles: set[str]) -> set[str]:
    text = blob.decode("utf-8", "replace")
    return {n for n in needles if n in text}


@pytest.fixture
def session_run(tmp_path: Path, customer_url: str, journal_url: str, monkeypatch: pytest.MonkeyPatch,
                caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(audit.KEY_ENV, "privacy-key")
    monkeypatch.setenv("PRIVACY_WEBHOOK_SECRET", SECRET)
    caplog.set_level(logging.DEBUG)
    drop = tmp_path / "drop"
    out = {"exports": [], "outputs": []}
    with FlakyReceiver(SECRET.encode(), fail_rate=0.3, seed=3, hang_s=2) as rx:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[[sync.hooks]]\nname = "crm"\nkind = "webhook"\nurl = "{rx.url}"\nsecret_env = "PRIVACY_WEBHOOK_SECRET"\n'
            f'timeout_s = 0.3\nbackoff_s = 0\n[[sync.hooks]]\nname = "drop"\nkind = "jsonl"\ndir = "{drop}"\n')
        base = ["--db", customer_url, "--journal", journal_url, "--config", str(config), "--agent", "A001"]

        def cli(*args: str) -> int:
            code = main([*base, *args])
            captured = capsys.readouterr()
            out["outputs"].append((args, captured.out, captured.err))
            return code

        assert cli("--role", "trainer", "import", str(demo_dir())) == 0  # agents may not load data
        assert cli("--role", "trainer", "seed", "--customers", "30", "--months", "12", "--as-of", "2026-02-28") == 0
        ctx = ConsoleContext(load_settings(db=customer_url, journal=journal_url, config=str(config), agent="A001"))
        with ctx.customers.session() as s:
            phones = list(s.scalars(select(Phone.e164)))
            ids = [i for i in s.scalars(select(Customer.national_id)) if i]
        assert len(phones) > 30 and len(ids) > 10
        for phone in phones[:12]:
            cli("lookup", phone)
            cli("suggest", phone)
            assert cli("call", phone, "--outcome", "resolved", "--note", "called back") == 0
        # The numbers typed where they do not belong: bad input whose errors must not echo them.
        cli("call", phones[0] + "99999", "--outcome", "resolved")
        cli("lookup", ids[0])
        for _ in range(40):
            with SyncWorker(ctx) as worker:
                worker.run_once()
            if cli("sync", "status") == 0 and rx.faults and len(rx.events) >= 12:
                break
        # The leak checks below mean something only if data really went out, faults and all.
        assert rx.faults and len(rx.events) >= 12, f"sync delivered {len(rx.events)} events with {rx.faults} faults"
        assert sum(len(f.read_text(encoding="utf-8").splitlines()) for f in drop.iterdir()) >= 12
        for fmt in ("csv", "xlsx", "jsonl"):
            path = tmp_path / f"masked.{fmt}"
            run_export(ctx, LEAD, ExportRequest(fmt, path))
            out["exports"].append(path)
        ctx.close()
    out.update(phones=phones, ids=ids, drop=drop, config=config, tmp=tmp_path, records=list(caplog.records))
    return out


def _needles(run) -> set[str]:  # type: ignore[no-untyped-def]
    needles = set(run["ids"])
    for p in run["phones"]:
        needles |= _forms(p)
    return needles


def check_logs_exports_messages(session_run) -> None:  # type: ignore[no-untyped-def]
    needles = _needles(session_run)
    logs = "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in session_run["records"])
    assert not _scan(logs.encode(), needles), "a log record carries personal data"
    for path in session_run["exports"]:
        if path.suffix == ".xlsx":
            from openpyxl import load_workbook

            text = "\n".join(str(c.value) for row in load_workbook(path).active.iter_rows() for c in row)
            found = _scan(text.encode(), needles)
        else:
            found = _scan(path.read_bytes(), needles)
        assert not found, f"masked export {path.name} contains {sorted(found)[:3]}"
    for args, stdout, stderr in session_run["outputs"]:
        if args[0] in ("lookup", "suggest", "call"):
            continue  # the agent's own screen: it shows the caller, and echoes what the agent typed
        found = _scan((stdout + stderr).encode(), needles)
        assert not found, f"{args[0]} printed {sorted(found)[:3]}"


def _files_left(run) -> list[Path]:  # type: ignore[no-untyped-def]
    roots = [Path(os.environ["XDG_DATA_HOME"]), Path(os.environ["XDG_CONFIG_HOME"]), Path(os.environ["XDG_STATE_HOME"]),
             paths.log_dir(), Path(os.environ["XDG_CACHE_HOME"]) / paths.APP]  # conftest sets XDG_CACHE_HOME
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def check_files_left(session_run) -> None:  # type: ignore[no-untyped-def]
    needles = _needles(session_run)
    leaks = {}
    for path in _files_left(session_run):
        if ".sqlite3" in path.name:
            continue  # the stores themselves hold customer data by design
        found = _scan(path.read_bytes(), needles)
        if found:
            leaks[str(path)] = sorted(found)[:3]
    assert not leaks, leaks
    crash = [p for p in _files_left(session_run) if "crash" in p.name.lower() or p.suffix in (".log", ".dmp")]
    for p in crash:
        assert not _scan(p.read_bytes(), needles)


def check_secret_nowhere(session_run) -> None:  # type: ignore[no-untyped-def]
    tmp: Path = session_run["tmp"]
    files = [p for p in tmp.rglob("*") if p.is_file()] + _files_left(session_run)
    assert any(p.name.endswith((".sqlite3", ".sqlite3-wal")) for p in files)
    hits = [str(p) for p in files if SECRET.encode() in p.read_bytes() and p != session_run["config"]]
    assert not hits, hits
    assert SECRET not in session_run["config"].read_text()  # the config names the variable, not the value
    logs = "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in session_run["records"])
    assert SECRET not in logs
    assert not [a for a, o, e in session_run["outputs"] if SECRET in o or SECRET in e]


def test_personal_data_and_the_secret_stay_where_they_belong(session_run) -> None:  # type: ignore[no-untyped-def]
    check_logs_exports_messages(session_run)
    check_files_left(session_run)
    check_secret_nowhere(session_run)
