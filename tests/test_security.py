"""Issue 14, bullet by bullet: the command line as an insider uses it, on a floor with users.

Every probe of the security review (``reviews/2026-12-02-security.md``) that the issue
lists runs here through the installed ``agent-console`` in a subprocess, on its own copy
of a floor built through the same CLI (tests/security_helpers.py); the window's part is in
tests/test_security_window.py. Each test failed on the code before the fix (4564fb5).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from security_helpers import (
    DEMO,
    FIBER,
    MOBTV,
    MPRO,
    PASSWORDS,
    SHIELD,
    Floor,
    build_floor,
    call,
    ok,
    refused,
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Floor:
    return build_floor(tmp_path_factory.mktemp("floor"))


@pytest.fixture
def floor(base: Floor, tmp_path: Path) -> Floor:
    return base.copy_to(tmp_path / "floor")


def credit(target: tuple[str, str], *flags: str, user: str | None = None, password: str | None = None, **env: str):
    """``call PHONE --outcome resolved_with_credit --accept SUGGESTION`` as one command line."""
    phone, suggestion = target
    return call(*flags, "call", phone, "--outcome", "resolved_with_credit", "--root-cause", "contract_notice_mismatch",
                "--accept", suggestion, user=user, password=password, **env)


# -- 1. every command that records, changes money or data, exports or shows customers signs in --

def test_call_without_a_sign_in_records_nothing(floor: Floor) -> None:
    events = floor.query("SELECT count(*) FROM outbox_events")
    results = floor.run_many([
        credit(MPRO, "--agent", "NOBODY"),  # not a user, no password
        credit(MPRO, user="A02"),  # disabled: its right password is refused
        credit(MPRO, "--agent", "L01"),  # the lead's id without the password
        credit(MPRO, "--agent", "L01", "--role", "lead", AGENT_CONSOLE_ROLE="lead"),
    ])
    for r in results:
        refused(r)
    assert floor.credits() == [("A01", 120000, "pending_approval")]
    assert floor.query("SELECT count(*) FROM outbox_events") == events
    assert floor.query("SELECT count(*) FROM calls") == [(1,)]


SHOWS_OR_CHANGES = [
    ["lookup", MPRO[0], "--json"], ["suggest", MPRO[0]], ["import", str(DEMO / "02-community-promo-billed-full-price.yaml")],
    ["seed", "--customers", "5"], ["audit", "verify"], ["sync", "dead"], ["policy", "show"],
    ["--caller", MPRO[0], "--screenshot", "shot.png"],
]


def test_commands_that_show_or_change_data_need_a_sign_in(floor: Floor) -> None:
    customers = floor.query("SELECT count(*) FROM customers", "customers")
    results = floor.run_many([call("--role", "lead", *command) for command in SHOWS_OR_CHANGES])  # a flag, no sign-in
    for command, r in zip(SHOWS_OR_CHANGES, results, strict=True):
        err = refused(r)
        assert "陳志明" not in r.stdout and "A1*****789" not in r.stdout, command
        assert "--password-stdin" in err, (command, err)  # no terminal to ask: says how to give it
    assert floor.query("SELECT count(*) FROM customers", "customers") == customers
    assert not (floor.root / "shot.png").exists()


def test_the_password_comes_from_stdin_or_the_environment(floor: Floor) -> None:
    by_stdin, wrong = floor.run_many([
        call("--password-stdin", "lookup", MPRO[0], user="A01", password="", stdin=PASSWORDS["A01"] + "\n"),
        call("lookup", MPRO[0], user="A01", password="wrong-password"),
    ])
    assert "陳志明" in ok(by_stdin).stdout
    assert refused(wrong, 5) == "agent-console: sign-in failed: unknown id or wrong password\n"


def test_a_screenshot_with_users_shows_the_caller_only_after_a_sign_in(floor: Floor) -> None:
    shot = floor.root / "shot.png"
    wrong, right = floor.run_many([call("--caller", MPRO[0], "--screenshot", str(shot), user="A01", password="wrong-pw"),
                                   call("--caller", MPRO[0], "--screenshot", str(shot), user="A01")])
    refused(wrong, 5)
    ok(right)
    assert shot.stat().st_size > 10_000


# -- 2. role and credit limit come only from the user record ----------------------------------

def test_role_flag_environment_and_config_grant_nothing_once_users_exist(floor: Floor) -> None:
    config = floor.root / "my.toml"
    config.write_text('credit_limit = 999999\nrole = "lead"\n')
    for r in floor.run_many([
        credit(FIBER, "--role", "lead", user="A01"),  # NT$1,199: above any agent's limit
        credit(MOBTV, "--config", str(config), user="A01", AGENT_CONSOLE_ROLE="lead"),  # NT$198 > A01's own NT$100
    ]):
        ok(r)
    assert floor.credits()[1:] == [("A01", 119900, "pending_approval"), ("A01", 19800, "pending_approval")]


def test_own_limit_then_the_floor_default_which_only_a_lead_sets(floor: Floor) -> None:
    own, by_agent, by_lead, trainer = floor.run_many([
        credit(MPRO, user="A01"),  # NT$100 = A01's own limit: applied
        call("policy", "set", "credit_limit", "5000", user="A01"),
        call("policy", "set", "credit_limit", "50", user="L01"),
        credit(SHIELD, user="TR1"),  # NT$60: TR1 has no limit of their own, the floor's is now NT$50
    ])
    ok(own), ok(by_lead), ok(trainer)
    assert "may not change the configuration" in refused(by_agent, 5)
    assert floor.credits()[1:] == [("A01", 10000, "applied"), ("TR1", 6000, "pending_approval")]
    assert ("L01", "config.changed") in floor.query("SELECT actor, action FROM audit_entries")


# -- 3. a sign-in belongs to the data it protects ------------------------------------------------

def test_a_lead_of_another_customer_store_cannot_approve_export_or_record(floor: Floor) -> None:
    evil = f"sqlite:///{floor.root / 'evil.db'}"
    own_journal = f"sqlite:///{floor.root / 'evil-journal.db'}"
    pending = floor.pending_id()
    results = floor.run_many([
        # A throwaway store and journal: its first lead needs no sign-in (the bootstrap)...
        call("--db", evil, "--journal", own_journal, "user", "add", "EVIL", "--name", "Evil", "--role", "lead",
             "--password-stdin", stdin="evilpass123\n"),
        # ...but that sign-in cannot act on the real journal, nor bootstrap into it.
        call("--db", evil, "approve", "accept", pending, "--reason", "x", user="EVIL", password="evilpass123"),
        call("--db", evil, "export", "--format", "csv", "--out", str(floor.root / "stolen.csv"), "--unmasked",
             user="EVIL", password="evilpass123"),
        credit(FIBER, "--db", evil, user="EVIL", password="evilpass123"),
        call("--db", f"sqlite:///{floor.root / 'empty.db'}", "user", "add", "EVIL", "--name", "Evil", "--role", "lead",
             "--password-stdin", stdin="evilpass123\n"),
        credit(FIBER, "--db", f"sqlite:///{floor.root / 'empty.db'}", "--agent", "X", "--role", "lead"),
    ])
    ok(results[0])
    for r in results[1:]:
        assert "belongs to customer store" in refused(r, 5)
    assert floor.credits() == [("A01", 120000, "pending_approval")]
    assert not (floor.root / "stolen.csv").exists()
    assert floor.query("SELECT count(*) FROM outbox_events WHERE type = 'credit.issued'") == [(0,)]


def test_a_lead_moves_the_journal_to_another_store_signing_in_to_both(floor: Floor) -> None:
    new = floor.root / "central.db"
    shutil.copy(floor.db, new)  # the users moved with the data...
    with sqlite3.connect(new) as conn:  # ...into another store, with an identity of its own
        conn.execute("UPDATE store_meta SET value = 'new-store-id' WHERE key = 'store.id'")
    url, old = f"sqlite:///{new}", f"sqlite:///{floor.db}"
    before, by_agent, by_lead, after, back = floor.run_many([
        call("--db", url, "lookup", MPRO[0], user="A01"),
        call("--db", url, "journal", "rebind", "--from-db", old, user="A01"),
        call("--db", url, "journal", "rebind", "--from-db", old, user="L01"),
        call("--db", url, "lookup", MPRO[0], user="A01"),
        call("lookup", MPRO[0], user="A01"),
    ])
    assert "belongs to customer store" in refused(before, 5)
    assert "may not" in refused(by_agent, 5)
    ok(by_lead), ok(after)
    assert "belongs to customer store" in refused(back, 5)
    [(details,)] = floor.query("SELECT details FROM audit_entries WHERE action = 'journal.rebound'")
    assert json.loads(details)["to"] == "new-store-id"


# -- 4. import, seed and audit follow the role matrix --------------------------------------------

# Every "no" of the role matrix that has a command (dashboard.view is the window's only),
# as (action, command line). The services refuse the same in tests/test_permissions.py.
MATRIX_COMMANDS = [
    ("scenario.import", ["import", str(DEMO / "02-community-promo-billed-full-price.yaml")]),
    ("scenario.import", ["seed", "--customers", "5"]),
    ("audit.verify", ["audit", "verify"]),
    ("user.manage", ["user", "list"]), ("user.manage", ["user", "unlock", "A02"]),
    ("approval.list", ["approve", "list"]), ("approval.decide", ["approve", "accept", "PENDING", "--reason", "x"]),
    ("config.change", ["policy", "set", "lockout_after", "100"]),
    ("sync.requeue", ["sync", "requeue", "--hook", "x"]),
    ("export", ["export", "--format", "csv", "--out", "x.csv"]),
    ("export.unmasked", ["export", "--format", "csv", "--out", "x.csv", "--unmasked"]),
]


def test_every_no_of_the_role_matrix_is_refused_by_the_cli(floor: Floor) -> None:
    from console.permissions import allowed

    pending = floor.pending_id()
    cases = [(user, action, [pending if a == "PENDING" else a for a in command])
             for user, role in (("A01", "agent"), ("TR1", "trainer"))
             for action, command in MATRIX_COMMANDS if not allowed(role, action)]
    customers = floor.query("SELECT count(*) FROM customers", "customers")
    results = floor.run_many([call(*command, user=user) for user, _, command in cases])
    for (user, action, command), r in zip(cases, results, strict=True):
        assert "may not" in refused(r, 5), (user, action, command)
    assert len(cases) == 20  # 11 for the agent, 9 for the trainer
    assert floor.query("SELECT count(*) FROM customers", "customers") == customers
    assert floor.credits() == [("A01", 120000, "pending_approval")] and not (floor.root / "x.csv").exists()
    trainer_import, lead_verify = floor.run_many([call(*MATRIX_COMMANDS[0][1], user="TR1"),
                                                  call("audit", "verify", user="L01")])
    ok(trainer_import)
    assert "audit chain intact" in ok(lead_verify).stdout


# -- 5. throttling, the last lead, the bootstrap -------------------------------------------------

def test_five_failures_lock_the_id_even_for_the_right_password_until_a_lead_unlocks(floor: Floor) -> None:
    started = time.perf_counter()
    results = floor.run_many([call("lookup", MPRO[0], user="A01", password=f"wrong-{i}") for i in range(5)]
                             + [call("lookup", MPRO[0], user="A01")])
    elapsed = time.perf_counter() - started
    for r in results[:4]:
        assert refused(r, 5) == "agent-console: sign-in failed: unknown id or wrong password\n"
    for r in results[4:]:  # the fifth failure locks; then even the right password is refused
        err = refused(r, 5)
        assert "A01 is locked after 5 failed sign-ins until" in err and "user unlock A01" in err
    listed, unlocked, again = floor.run_many([call("user", "list", user="L01"), call("user", "unlock", "A01", user="L01"),
                                              call("lookup", MPRO[0], user="A01")])
    assert "locked" in ok(listed).stdout
    ok(unlocked), ok(again)
    actions = [a for (a,) in floor.query("SELECT action FROM audit_entries WHERE subject = 'A01' ORDER BY seq")]
    assert actions[-8:] == ["signin.failed"] * 5 + ["signin.locked", "user.unlock", "signin.ok"]
    [(details,)] = floor.query("SELECT details FROM audit_entries WHERE action = 'signin.failed' ORDER BY seq DESC LIMIT 1")
    assert "locked_until" in json.loads(details)
    print(f"\nlockout: 5 failed sign-ins and the locked refusal in one CLI process: {elapsed:.2f} s")


def test_the_last_lead_stays_a_lead_and_the_bootstrap_never_reopens(floor: Floor) -> None:
    demote, bootstrap = floor.run_many([
        call("user", "add", "L01", "--name", "x", "--role", "agent", "--password-stdin", user="L01",
             stdin="newpassword1\n"),
        call("user", "add", "EVIL", "--name", "Evil", "--role", "lead", "--password-stdin", stdin="evilpass123\n"),
    ])
    assert "last active lead" in refused(demote, 5)
    refused(bootstrap)
    with sqlite3.connect(floor.db) as conn:  # every lead gone (edited by hand): still no bootstrap
        conn.execute("UPDATE agents SET active = 0 WHERE role = 'lead'")
    [again] = floor.run_many([call("user", "add", "EVIL", "--name", "Evil", "--role", "lead", "--password-stdin",
                                   stdin="evilpass123\n")])
    refused(again)
    assert floor.query("SELECT count(*) FROM agents WHERE id = 'EVIL'", "customers") == [(0,)]


def test_a_password_typed_into_the_id_is_not_kept(floor: Floor) -> None:
    refused(floor.run("lookup", MPRO[0], user="MyS3cretPw!", password="x"), 5)
    assert "MyS3cretPw" not in json.dumps(floor.query("SELECT actor, subject, details FROM audit_entries"))


# -- 6. export never destroys a store, nor any file without --force ------------------------------

def test_export_never_writes_over_a_store_and_over_a_file_only_with_force(floor: Floor) -> None:
    (floor.root / "link-to-journal").symlink_to(floor.journal)
    report = floor.root / "report.csv"
    report.write_text("keep me\n")
    calls = floor.query("SELECT count(*) FROM calls")
    own = ["j.db", "x.db", "j.db-wal", "link-to-journal"]
    results = floor.run_many(
        [call("export", "--format", "csv", "--out", str(floor.root / name), "--force", user="L01") for name in own]
        + [call("export", "--format", "csv", "--out", str(report), user="L01"),
           call("export", "--format", "csv", "--out", str(report), "--force", user="L01"),
           call("call", MPRO[0], "--outcome", "no_action_needed", user="A01")])
    for r in results[:4]:
        assert "console's own files" in refused(r, 2)
    assert "exists" in refused(results[4], 2)
    ok(results[5]), ok(results[6])
    assert report.read_text(encoding="utf-8-sig").startswith("call_id")
    assert floor.query("SELECT count(*) FROM calls") == [(calls[0][0] + 1,)]


# -- 7. files holding personal data are private --------------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_install_creates_private_files(tmp_path: Path) -> None:
    fresh = Floor(tmp_path)
    env = {"AGENT_CONSOLE_DB": "", "AGENT_CONSOLE_JOURNAL": ""}  # the default paths in the data folder
    drop = tmp_path / "drop"
    (tmp_path / "c" / "agent-console").mkdir(parents=True)
    (tmp_path / "c" / "agent-console" / "config.toml").write_text(
        f'[[sync.hooks]]\nname = "drop"\nkind = "jsonl"\ndir = "{drop}"\n')
    for r in fresh.run_many([
        call("--role", "lead", "import", str(DEMO / "01-mpro-trial-billed-after-notice.yaml"), **env),
        call("call", MPRO[0], "--outcome", "resolved", "--note", "ID A123456789", **env),
        call("sync", "--once", **env),
        call("user", "add", "L01", "--name", "L", "--role", "lead", "--password-stdin", stdin="leadpass123\n", **env),
        call("export", "--format", "csv", "--out", str(tmp_path / "e.csv"), user="L01", **env),
    ]):
        ok(r)
    data = tmp_path / "d" / "agent-console"
    files = [*data.iterdir(), *drop.iterdir(), tmp_path / "e.csv"]
    print("\nfile modes on a fresh install (umask 022):",
          {p.name: oct(_mode(p)) for p in [data, drop, *files]})
    assert _mode(data) == 0o700 and _mode(drop) == 0o700
    assert {"customers.sqlite3", "journal.sqlite3"} <= {p.name for p in files}
    for p in files:
        assert _mode(p) == 0o600, (p, oct(_mode(p)))


def test_stores_an_older_version_left_readable_are_made_private(floor: Floor) -> None:
    floor.db.chmod(0o644)
    ok(floor.run("lookup", MPRO[0], user="A01"))
    assert _mode(floor.db) == 0o600


# -- 8. lead-edited templates are bounded while rendering ----------------------------------------

HOSTILE_TEMPLATES = [
    '{{ "%999999999d" % 1 }}', '{{ "%.999999999f" % 1 }}', '{{ "{:>999999999}".format(1) }}',
    '{{ ("x"*4000)|replace("x","x"*4000)|replace("x","x"*4000) }}', '{{ "%999999999d"|format(1) }}',
    '{% set ns = namespace(s="x"*4000) %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}',
]


def test_a_hostile_template_falls_back_to_the_shipped_script(floor: Floor) -> None:
    calls = []
    for i, body in enumerate(HOSTILE_TEMPLATES):
        folder = floor.root / f"templates-{i}"
        (folder / "zh_TW").mkdir(parents=True)
        (folder / "zh_TW" / "notice_contradicts_contract.j2").write_text(body)
        config = floor.root / f"t{i}.toml"
        config.write_text(f'templates_dir = "{folder}"\n')
        calls.append(call("--config", str(config), "suggest", MPRO[0], user="A01"))
    started = time.perf_counter()
    results = floor.run_many(calls)
    elapsed = time.perf_counter() - started
    for body, r in zip(HOSTILE_TEMPLATES, results, strict=True):
        assert "很抱歉" in ok(r).stdout and "NT$100" in r.stdout, body  # the shipped script
        assert "failed" in r.stderr and "showing the shipped script" in r.stderr, body
    print(f"\n{len(HOSTILE_TEMPLATES)} hostile templates, suggest through the CLI each: {elapsed:.2f} s in all")


# -- 9. masking finds numbers in every written form -----------------------------------------------

NOTE = "call 0912.345.678 or tel0912345678, IDA123456789, 電話０９１２３４５６７８, Ａ１２３４５６７８９, +886 912 345 678"
LEAKS = ["345.678", "0912345678", "A123456789", "３４５６７８", "２３４５６７８９", "912 345"]


def test_masked_exports_and_drop_files_leak_no_number_in_any_written_form(floor: Floor) -> None:
    config = floor.root / "drop.toml"
    config.write_text(f'[[sync.hooks]]\nname = "drop"\nkind = "jsonl"\ndir = "{floor.root / "drop"}"\n')
    for r in floor.run_many([call("call", MPRO[0], "--outcome", "resolved", "--note", NOTE, user="A01"),
                             call("--config", str(config), "sync", "--once")]
                            + [call("export", "--format", fmt, "--out", str(floor.root / f"m.{fmt}"), user="L01")
                               for fmt in ("csv", "xlsx", "jsonl")]):
        ok(r)
    texts = {fmt: (floor.root / f"m.{fmt}").read_text(encoding="utf-8-sig") for fmt in ("csv", "jsonl")}
    texts["xlsx"] = json.dumps(list(load_workbook(floor.root / "m.xlsx").active.iter_rows(values_only=True)),
                               ensure_ascii=False, default=str)
    texts["drop"] = "".join(p.read_text(encoding="utf-8") for p in (floor.root / "drop").iterdir())
    for where, text in texts.items():
        assert "*******678" in text, where
        for leak in LEAKS:
            assert leak not in text, (where, leak)
    [row] = [r for r in csv.DictReader(io.StringIO(texts["csv"])) if r["notes"].startswith("call")]
    assert row["notes"].count("*******678") == 3 and "Ａ１*****７８９" in row["notes"]


# -- 10. bad input is one line, a folder import goes on --------------------------------------------

IMPOSSIBLE = [
    ("signed_on: 2008-03-01", "signed_on: 2009-02-30", "contracts[0].signed_on"),
    ("call_at: 2009-05-12T14:30:00+08:00", "call_at: 0000-01-01T14:30:00+08:00", "call_at"),
    ("call_at: 2009-05-12T14:30:00+08:00", "call_at: 2009-05-12T25:30:00+08:00", "call_at"),
    ("call_at: 2009-05-12T14:30:00+08:00", "call_at: 2009-05-12T14:30:00+99:00", "call_at"),
]


def test_impossible_dates_are_one_line_and_the_good_files_still_import(floor: Floor) -> None:
    src = (DEMO / "01-mpro-trial-billed-after-notice.yaml").read_text(encoding="utf-8")
    calls = []
    for i, (old, new, _) in enumerate(IMPOSSIBLE):
        assert old in src
        folder = floor.root / f"scenarios-{i}"
        folder.mkdir()
        (folder / "01-bad.yaml").write_text(src.replace(old, new), encoding="utf-8")
        shutil.copy(DEMO / "03-movie-rental-cancel-refused.yaml", folder / "02-good.yaml")
        calls += [call("import", str(folder), user="TR1"), call("scenario", "check", str(folder / "01-bad.yaml"))]
    results = floor.run_many(calls)
    for (_, new, field), imported, checked in zip(IMPOSSIBLE, results[::2], results[1::2], strict=True):
        assert imported.returncode == 2 and "Traceback" not in imported.stderr
        [line] = imported.stderr.splitlines()
        assert "01-bad.yaml" in line and f"{field}:" in line and new.split(": ", 1)[1][:10] in line, line
        assert "movie-rental-cancel-refused from" in imported.stdout  # the good file after it
        assert refused(checked, 2) == line + "\n"


def test_duplicate_keys_and_fifos_are_refused(floor: Floor) -> None:
    src = (DEMO / "01-mpro-trial-billed-after-notice.yaml").read_text(encoding="utf-8")
    dup = floor.root / "dup.yaml"
    dup.write_text(src.replace("id: mpro-trial-billed-after-notice", "id: probe-x\nid: probe-y"), encoding="utf-8")
    fifo = floor.root / "fifo.yaml"
    os.mkfifo(fifo)
    duplicate, pipe = floor.run_many([call("scenario", "check", str(dup)), call("import", str(fifo), user="TR1")],
                                     timeout=60)
    assert "given twice" in refused(duplicate, 2)
    assert "not a regular file" in refused(pipe, 2)


def _fill_and_damage(journal: Path, calls: int = 3000) -> None:
    """Many calls (copies of the one recorded), then garbage over pages in the middle of the
    calls table, as the review did: the schema and the last pages stay readable."""
    with sqlite3.connect(journal) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM calls LIMIT 1").fetchone())
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.executemany(f"INSERT INTO calls ({names}) VALUES ({marks})",  # noqa: S608 - column names from the table
                         [tuple({**row, "id": f"copy-{i:06d}", "notes": "x" * 500}.values()) for i in range(calls)])
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = journal.stat().st_size // 4096
    with journal.open("r+b") as fh:
        for page in (pages // 3, pages // 2, 2 * pages // 3):
            fh.seek(page * 4096)
            fh.write(os.urandom(4096))


def test_a_damaged_journal_is_exit_4_even_for_export(floor: Floor) -> None:
    _fill_and_damage(floor.journal)
    export, *others = floor.run_many([
        call("export", "--format", "csv", "--out", str(floor.root / "o.csv"), user="L01"),
        call("audit", "verify", user="L01"), call("sync", "status"),
    ])
    assert "the file is damaged" in refused(export, 4)
    for r in others:  # what SQLite notices is one line and exit 4; what it does not read works
        assert r.returncode in (0, 4, 6) and "Traceback" not in r.stderr, r.stderr
    assert not (floor.root / "o.csv").exists() and not list(floor.root.glob(".o.csv.*"))


# -- low findings of the review ------------------------------------------------------------------

def test_webhook_url_credentials_are_masked_in_sync_status(floor: Floor) -> None:
    config = floor.root / "hook.toml"
    config.write_text('[[sync.hooks]]\nname = "crm"\nkind = "webhook"\n'
                      'url = "http://svc:hunter2pw@127.0.0.1:1/events?token=tok3n"\nsecret_env = "HOOK_SECRET"\n'
                      'timeout_s = 0.5\n', encoding="utf-8")
    _, shown = floor.run_many([call("--config", str(config), "sync", "--once", HOOK_SECRET="s"),
                               call("--config", str(config), "sync", "status")])
    assert "cannot reach" in ok(shown).stdout
    assert "hunter2pw" not in shown.stdout + shown.stderr and "tok3n" not in shown.stdout + shown.stderr
