"""Every demo scenario yields exactly its ``expected`` findings and actions.

Parametrised over ``resources/demo/*.yaml``: a new scenario file is a new test. Two ways in:
the engine alone (the parsed scenario turned into a CallerView, no database), and the
whole path (import into a temporary store, then ``agent-console suggest --json``, which
evaluates at the scenario's ``call_at``).
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from console.actions import ActionSpec
from console.resources import resource_path
from console.scenarios.document import ExpectedAction
from console.scenarios.parse import load_scenario
from console.scenarios.view import view_of
from console.suggest import suggest_for

DEMO = sorted(resource_path("demo").glob("*.yaml"))


def key_expected(a: ExpectedAction) -> tuple[Any, ...]:
    return (a.kind, a.service, a.amount, tuple(a.periods), a.what if a.kind == "request_evidence" else None)


def key_spec(a: ActionSpec) -> tuple[Any, ...]:
    what = a.params.get("what") if a.kind == "request_evidence" else None
    return (a.kind, a.service_code, a.amount, tuple(a.periods), what)


def key_json(a: dict[str, Any]) -> tuple[Any, ...]:
    amount = Decimal(a["amount"]) if a["amount"] is not None else None
    return (a["kind"], a["service"], amount, tuple(a["periods"]))


@pytest.mark.parametrize("path", DEMO, ids=[p.stem for p in DEMO])
def test_engine_reaches_the_expected_resolution(path: Path) -> None:
    doc = load_scenario(path)
    assert doc.expected is not None, f"{path.name} has no expected block"
    report = suggest_for(view_of(doc), at=doc.call_at)
    assert sorted(f.code for f in report.findings) == sorted(doc.expected.findings)
    got = Counter(key_spec(a) for s in report.suggestions for a in s.actions)
    assert got == Counter(key_expected(a) for a in doc.expected.actions)
    for f in report.findings:
        assert f.evidence and f.summary
    for s in report.suggestions:
        assert s.script.strip()
        assert s.script.count("\n") >= 1  # a real template rendered, not the one-line fallback


def test_there_are_demo_scenarios_for_every_finding_code() -> None:
    from console.vocabulary import FINDING_CODES

    covered = {code for p in DEMO for code in (load_scenario(p).expected.findings or ())}  # type: ignore[union-attr]
    assert covered == set(FINDING_CODES)


@pytest.mark.parametrize("path", DEMO, ids=[p.stem for p in DEMO])
def test_imported_scenario_through_the_cli(path: Path, customer_url: str, journal_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from console.cli import main

    base = ["--db", customer_url, "--journal", journal_url]
    assert main([*base, "--role", "trainer", "import", str(path)]) == 0, f"import failed: {capsys.readouterr().err}"
    capsys.readouterr()
    doc = load_scenario(path)
    assert main([*base, "suggest", doc.customer.phones[0].raw, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["customer"]["id"] == doc.customer.id
    assert sorted(f["code"] for f in out["findings"]) == sorted(doc.expected.findings)  # type: ignore[union-attr]
    got = Counter(key_json(a) for s in out["suggestions"] for a in s["actions"])
    want = Counter(key_expected(a)[:4] for a in doc.expected.actions)  # type: ignore[union-attr]
    assert got == want
