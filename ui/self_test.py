"""``agent-console --self-test``: proves an installation works, end to end, without touching real data.

IT installs the console on workstations that have no Python; the installed bundle or wheel
must show, in one command, that everything it needs came along: resources (demo scenarios,
style sheet, translations), the Alembic migrations, the SQLite driver, the rules and
script templates, Qt and its offscreen platform. So the self-test walks one call through
the real services: import a shipped demo scenario into a TEMPORARY customer database, look
the caller up, open the window offscreen and pop the caller, run the suggestions, record
the outcome into a TEMPORARY journal and read it back. Each step prints one line; the first
failing step is named and the exit code is 1. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from console import __version__
from console.context import ConsoleContext
from console.errors import UserError
from console.settings import load_settings

AGENT = "SELFTEST"
DEMO_LANGUAGE = "zh_TW"


@dataclass
class Run:
    """What the steps hand to each other."""

    folder: Path
    out: Any = sys.stdout
    ctx: ConsoleContext | None = None
    scenario: Any = None  # console.scenarios.ScenarioDoc
    phone: str = ""
    call_at: datetime | None = None
    view: Any = None  # console.caller_view.CallerView
    report: Any = None  # console.suggest.SuggestionReport
    call_id: str = ""
    notes: dict[str, str] = field(default_factory=dict)


class StepFailed(Exception):
    """A check that did not hold; the message says what was expected."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise StepFailed(message)


# --- the steps, in order; each returns its one-line detail -----------------------------


def step_resources(run: Run) -> str:
    from console.resources import resource
    from console.scenarios import demo_dir

    demo = sorted(p for p in demo_dir().iterdir() if p.suffix in (".yaml", ".yml"))
    check(demo, f"no demo scenarios in {demo_dir()}")
    check(resource("style.qss").is_file(), "the style sheet style.qss is missing")
    qm = [p.name for p in resource("translations").iterdir() if p.name.endswith(".qm")]
    check(qm, "no compiled translations (.qm) in resources/translations")
    scripts = [p.name for p in resource("scripts").iterdir() if p.is_dir()]
    run.notes["demo"] = str(demo[0])
    return f"{len(demo)} demo scenarios, {len(qm)} translations, script languages {', '.join(sorted(scripts))}"


def step_stores(run: Run) -> str:
    from console.migrate import current_revision, head_revision

    settings = load_settings(
        db=f"sqlite:///{run.folder / 'customers.sqlite3'}",
        journal=f"sqlite:///{run.folder / 'journal.sqlite3'}",
        config=str(_empty_config(run.folder)),
        agent=AGENT,
        role="agent",
        env={},
    )
    run.ctx = ConsoleContext(settings, clock=lambda: _now(run))
    revisions = []
    for kind, store in (("customer", run.ctx.customers), ("journal", run.ctx.journal)):
        current = current_revision(store.engine, kind)
        check(current == head_revision(kind), f"{kind} store at {current}, expected {head_revision(kind)}")
        revisions.append(f"{kind} {current}")
    return "temporary SQLite stores migrated: " + ", ".join(revisions)


def step_import(run: Run) -> str:
    from console.scenarios import import_paths, load_scenario

    assert run.ctx is not None
    path = Path(run.notes["demo"])
    report = import_paths(run.ctx.customers, [path])
    check(report.ok, "; ".join(r.error or "" for r in report.failed))
    run.scenario = load_scenario(path)
    check(run.scenario.customer.phones, f"{path.name} has no phone number to call from")
    run.phone = run.scenario.customer.phones[0].e164
    run.call_at = run.scenario.call_at
    return f"{path.name} -> customer {run.scenario.customer.id}, caller {run.phone}"


def step_lookup(run: Run) -> str:
    assert run.ctx is not None
    run.view = run.ctx.source.find(run.phone)
    check(run.view.customer.id == run.scenario.customer.id,
          f"{run.phone} found {run.view.customer.id}, expected {run.scenario.customer.id}")
    return f"{run.phone} -> {run.view.customer.id}"


def step_window(run: Run) -> str:
    from PySide6.QtGui import QImage

    from ui.app import make_window, screenshot, wait_for_pop

    assert run.ctx is not None
    _quiet_offscreen_warnings()
    window = make_window(run.ctx, language=DEMO_LANGUAGE, remember=False)
    results: dict[str, object] = {}
    window.popped.connect(lambda r: results.setdefault("popped", r))
    window.pop_failed.connect(lambda r: results.setdefault("failed", r))
    try:
        window.resize(1366, 768)
        window.show()
        window.pop(run.phone)
        answered = wait_for_pop(window)
        check(answered, "the window did not answer the screen pop within 30 s")
        check("failed" not in results, f"the screen pop failed: {_describe(results.get('failed'))}")
        shot = run.folder / "window.png"
        check(screenshot(window, str(shot)), "could not render the window to PNG")
        image = QImage(str(shot))
        check(not image.isNull() and image.width() >= 640, "the window rendered an empty image")
    finally:
        window.close()
        window.deleteLater()
    from PySide6.QtGui import QGuiApplication

    platform = QGuiApplication.platformName()
    return f"window popped {run.phone} on the {platform!r} platform; rendered {image.width()}x{image.height()}"


def step_suggest(run: Run) -> str:
    from console.suggest import suggest_for

    assert run.ctx is not None and run.call_at is not None
    run.report = suggest_for(run.view, at=run.call_at, templates_dir=run.ctx.settings.templates_dir)
    check(run.report.suggestions, "no suggestion for the demo caller")
    found = {f.code for f in run.report.findings}
    expected = set(getattr(run.scenario.expected, "findings", ()) or ())
    check(expected <= found, f"expected findings {sorted(expected)}, got {sorted(found)}")
    check(all(s.script.strip() for s in run.report.suggestions), "a suggestion has an empty script")
    return f"{len(run.report.suggestions)} suggestion(s): {', '.join(s.id for s in run.report.suggestions)}"


def step_record(run: Run) -> str:
    from console.calls import WrapUp, record_call

    assert run.ctx is not None and run.call_at is not None
    actions = [a for s in run.report.suggestions for a in s.actions]
    credit = any(getattr(a, "kind", None) == "issue_credit" for a in actions)
    wrapup = WrapUp(
        customer_id=run.view.customer.id,
        phone=run.phone,
        outcome="resolved_with_credit" if credit else "resolved",
        root_cause="other",
        notes="agent-console --self-test",
        actions=actions,
        finding_codes=[f.code for f in run.report.findings],
        started_at=run.call_at,
        ended_at=run.call_at + timedelta(minutes=4),
        saved_at=run.call_at + timedelta(minutes=5),
        scenario_id=run.scenario.id,
        demo=True,
    )
    run.call_id = record_call(run.ctx, wrapup, view=run.view)
    return f"call {run.call_id[:8]} recorded, outcome {wrapup.outcome}, {len(actions)} actions"


def step_journal(run: Run) -> str:
    from sqlalchemy import func, select

    from console import audit
    from console.models import Call, OutboxEvent

    assert run.ctx is not None
    with run.ctx.journal.session() as session:
        call = session.get(Call, run.call_id)
        check(call is not None, f"call {run.call_id} is not in the journal")
        events = session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.call_id == run.call_id))
        check(events, "the call has no outbox event to deliver")
        verified = audit.verify(session)
        check(verified.ok, "the audit chain does not verify")
    return f"read back: {events} outbox events, credit {call.credit_total}, audit chain verified"


STEPS: tuple[tuple[str, Callable[[Run], str]], ...] = (
    ("resources", step_resources),
    ("stores", step_stores),
    ("import", step_import),
    ("lookup", step_lookup),
    ("window", step_window),
    ("suggest", step_suggest),
    ("record", step_record),
    ("journal", step_journal),
)


# --- running them -----------------------------------------------------------------------


def run_self_test(out: Any = None) -> int:
    """Run every step in a temporary folder; 0 if all pass, 1 at the first failure."""
    out = out or sys.stdout
    _prepare_environment()
    started = time.perf_counter()
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    print(f"agent-console {__version__}{frozen} self-test, Python {sys.version.split()[0]}", file=out)
    with tempfile.TemporaryDirectory(prefix="agent-console-self-test-") as tmp:
        run = Run(folder=Path(tmp), out=out)
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    detail = step(run)
                except (StepFailed, UserError) as exc:
                    print(f"  FAIL {name:<9} {exc}", file=out)
                    print(f"self-test FAILED at step '{name}'", file=out)
                    return 1
                except Exception as exc:  # a bug or a missing piece of the install
                    print(f"  FAIL {name:<9} {type(exc).__name__}: {exc}", file=out)
                    traceback.print_exc(file=sys.stderr)
                    print(f"self-test FAILED at step '{name}'", file=out)
                    return 1
                print(f"  ok   {name:<9} {detail} ({time.perf_counter() - t0:.2f} s)", file=out)
        finally:
            if run.ctx is not None:
                run.ctx.close()
    print(f"self-test passed: {len(STEPS)} steps in {time.perf_counter() - started:.1f} s", file=out)
    return 0


def _prepare_environment() -> None:
    # Offscreen unless told otherwise: the check must work on a machine without a display
    # and must not flash a window on an agent's screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt wants a UTF-8 locale and says so on stderr when started with none (env -i, cron).
    if not any(os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")) and sys.platform.startswith("linux"):
        os.environ["LC_CTYPE"] = "C.UTF-8"
    # A fixed audit key for the temporary journal, so the self-test never creates the real key file.
    from console.audit import KEY_ENV

    os.environ[KEY_ENV] = "agent-console-self-test"


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" noise only."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _empty_config(folder: Path) -> Path:
    path = folder / "config.toml"
    path.write_text("# agent-console --self-test: defaults only\n", encoding="utf-8")
    return path


def _now(run: Run) -> datetime:
    from datetime import UTC

    return (run.call_at + timedelta(minutes=5)) if run.call_at else datetime.now(UTC)


def _describe(failure: object) -> str:
    return str(getattr(failure, "message", None) or failure)
