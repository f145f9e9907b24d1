"""A floor as an insider meets it: the installed CLI in subprocesses, on stores with users.

``build_floor`` makes the state every security probe starts from (the review's setup):
the demo scenarios, a lead L01, an agent A01 with a limit of NT$100, a trainer TR1, a
disabled agent A02, and one NT$1,200 credit of A01 waiting for approval. It is built once
through the CLI (production argon2, no shortcut) and copied for each test, so a probe
that breaks something breaks only its own copy.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from faults import cli_command

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo"
AUDIT_KEY = "security-probe-key"
PASSWORDS = {"L01": "leadpass123", "A01": "agentpass1", "TR1": "trainerpass1", "A02": "disabledpw1"}
MPRO = ("0912-345-678", "notice_contradicts_contract:MPRO")  # NT$100 credit
FIBMOD = ("0928-765-432", "promo_not_applied:FIBMOD")  # NT$1,200 credit, above the NT$500 default
MOBTV = ("0958-246-135", "notice_contradicts_contract:MOBTV")  # NT$198 credit, above A01's NT$100
FIBER = ("(02) 2345-6789", "duplicate_charge:FIBER300")  # NT$1,199 credit, above the NT$500 default
SHIELD = ("0966 135 792", "notice_contradicts_contract:SHIELD")  # NT$60 credit


@dataclass
class Call:
    """One command line for ``Floor.run_many``."""

    args: tuple[str, ...]
    user: str | None = None
    password: str | None = None
    stdin: str = ""
    env: dict[str, str] = field(default_factory=dict)


def call(*args: str, user: str | None = None, password: str | None = None, stdin: str = "", **env: str) -> Call:
    return Call(tuple(args), user, password, stdin, env)


# Runs each command line of a JSON job file through the real entry point, in this one process.
_RUNNER = r"""
import contextlib, io, json, os, sys
from pathlib import Path
from ui.launcher import main
job = Path(sys.argv[1])
results = []
for c in json.loads(job.read_text(encoding="utf-8")):
    os.environ.clear()
    os.environ.update(c["env"])
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(c["stdin"])
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(c["argv"])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # a traceback is a finding: report it, keep going
            import traceback
            err.write("Traceback (most recent call last):\n" + traceback.format_exc())
            code = 1
    results.append({"code": code, "out": out.getvalue(), "err": err.getvalue()})
job.with_suffix(".out").write_text(json.dumps(results), encoding="utf-8")
"""


@dataclass
class Floor:
    """One copy of the floor: its folder, stores and a way to run the CLI against them."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "x.db"

    @property
    def journal(self) -> Path:
        return self.root / "j.db"

    def env(self, **extra: str) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_CONSOLE_")}
        keep.update(
            AGENT_CONSOLE_DB=f"sqlite:///{self.db}", AGENT_CONSOLE_JOURNAL=f"sqlite:///{self.journal}",
            AGENT_CONSOLE_AUDIT_KEY=AUDIT_KEY, XDG_CONFIG_HOME=str(self.root / "c"),
            XDG_DATA_HOME=str(self.root / "d"), XDG_CACHE_HOME=str(self.root / "cache"),
            QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
        )
        keep.update(extra)
        return keep

    def run(self, *args: str, user: str | None = None, password: str | None = None, stdin: str | None = None,
            timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
        """``agent-console [--agent USER] ARGS`` with USER's password (or ``password``) in the environment."""
        extra = dict(env)
        secret = password if password is not None else PASSWORDS.get(user or "")
        if secret is not None:
            extra["AGENT_CONSOLE_PASSWORD"] = secret
        argv = [*cli_command(), *(["--agent", user] if user else []), *args]
        return subprocess.run(argv, capture_output=True, text=True, env=self.env(**extra), input=stdin or "",
                              timeout=timeout, cwd=self.root, preexec_fn=lambda: os.umask(0o022))

    def run_many(self, calls: list[Call], timeout: float = 300) -> list[subprocess.CompletedProcess[str]]:
        """Several command lines in ONE process (``ui.launcher.main`` called in turn, each with
        its own environment and stdin): what a shell script does, without paying Python's
        start-up for each line."""
        spec = []
        for c in calls:
            extra = dict(c.env)
            secret = c.password if c.password is not None else PASSWORDS.get(c.user or "")
            if secret is not None:
                extra["AGENT_CONSOLE_PASSWORD"] = secret
            spec.append({"argv": [*(["--agent", c.user] if c.user else []), *c.args], "env": self.env(**extra),
                         "stdin": c.stdin})
        job = self.root / f".run-{len(list(self.root.glob('.run-*')))}.json"
        job.write_text(json.dumps(spec), encoding="utf-8")
        r = subprocess.run([sys.executable, "-c", _RUNNER, str(job)], capture_output=True, text=True,
                           env=self.env(), timeout=timeout, cwd=self.root, preexec_fn=lambda: os.umask(0o022))
        assert r.returncode == 0, r.stderr[-3000:]
        results = json.loads(job.with_suffix(".out").read_text(encoding="utf-8"))
        return [subprocess.CompletedProcess(c["argv"], x["code"], x["out"], x["err"]) for c, x in zip(spec, results, strict=True)]

    def query(self, sql: str, store: str = "journal") -> list[tuple[object, ...]]:
        with sqlite3.connect(self.journal if store == "journal" else self.db) as conn:
            return list(conn.execute(sql))

    def credits(self) -> list[tuple[object, ...]]:
        return self.query("SELECT agent_id, amount, status FROM actions WHERE kind = 'issue_credit' ORDER BY rowid")

    def pending_id(self) -> str:
        [(action_id,)] = self.query("SELECT id FROM actions WHERE status = 'pending_approval'")
        return str(action_id)

    def copy_to(self, target: Path) -> Floor:
        target.mkdir(parents=True, exist_ok=True)
        for f in self.root.iterdir():
            if f.is_file():
                shutil.copy2(f, target / f.name)
        return Floor(target)


def ok(r: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert r.returncode == 0, (r.returncode, r.stdout, r.stderr)
    return r


def refused(r: subprocess.CompletedProcess[str], *codes: int) -> str:
    """A refusal: one of ``codes`` (default: 2 no terminal to ask, 5 not allowed), one line, no traceback."""
    assert r.returncode in (codes or (2, 5)), (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
    return r.stderr


def build_floor(root: Path) -> Floor:
    floor = Floor(root)
    root.mkdir(parents=True, exist_ok=True)
    phone, suggestion = FIBMOD
    steps = [
        call("--role", "lead", "import", str(DEMO)),
        call("user", "add", "L01", "--name", "Lead Lin", "--role", "lead", "--password-stdin", stdin=PASSWORDS["L01"] + "\n"),
        *(call("user", "add", uid, "--name", uid, "--role", role, *(["--credit-limit", limit] if limit else []),
               "--password-stdin", user="L01", stdin=PASSWORDS[uid] + "\n")
          for uid, role, limit in (("A01", "agent", "100"), ("TR1", "trainer", None), ("A02", "agent", None))),
        call("user", "disable", "A02", user="L01"),
        call("call", phone, "--outcome", "resolved_with_credit", "--root-cause", "sales_promise", "--accept", suggestion,
             user="A01"),
    ]
    for r in floor.run_many(steps):
        ok(r)
    assert floor.credits() == [("A01", 120000, "pending_approval")]
    return floor
