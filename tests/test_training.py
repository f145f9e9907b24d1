"""Trainer mode scoring: accepting the suggestions scores 100% on every shipped scenario;
over-crediting or missing the suspension loses exactly the points it should."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.lookup import lookup
from console.models import Scenario
from console.scenarios import demo_dir, import_paths
from console.scenarios.document import ExpectedAction, ExpectedDoc
from console.settings import load_settings
from console.suggest import suggest_for
from console.training.attempts import attempt_rows, score_call, write_report
from console.training.scoring import RecordedAction, score_attempt

SCENARIOS = sorted(demo_dir().glob("*.yaml"))


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("training")
    url = f"sqlite:///{folder / 'customers.sqlite3'}"
    from console.db import open_store

    store = open_store(url, "customer")
    assert import_paths(store, [demo_dir()]).ok
    store.dispose()
    return url


@pytest.fixture
def trainer_ctx(demo_store: str, tmp_path: Path) -> ConsoleContext:
    settings = load_settings(db=demo_store, journal=f"sqlite:///{tmp_path / 'journal.sqlite3'}", agent="T01", role="lead")
    ctx = ConsoleContext(settings)
    yield ctx
    ctx.close()


def _play(ctx: ConsoleContext, path: Path, mutate=None) -> str:
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    phone = doc["customer"]["phones"][0]
    with ctx.customers.session() as s:
        view = lookup(s, phone)
        scenario = s.get(Scenario, doc["id"])
    at = scenario.call_at
    report = suggest_for(view, at=at)
    specs = [a for sug in report.suggestions for a in sug.actions]
    if mutate:
        specs = mutate(specs)
    wrap = WrapUp(
        customer_id=view.customer.id,
        outcome="resolved_with_credit" if any(a.kind == "issue_credit" for a in specs) else "resolved",
        started_at=at,
        saved_at=at + timedelta(minutes=4),
        root_cause="contract_notice_mismatch",
        actions=specs,
        finding_codes=[f.code for f in report.findings],
        scenario_id=doc["id"],
        demo=True,
    )
    return record_call(ctx, wrap, view=view)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_accepting_the_suggestions_scores_100(trainer_ctx: ConsoleContext, path: Path) -> None:
    call_id = _play(trainer_ctx, path)
    card = score_call(trainer_ctx, call_id)
    assert card.percent == 100, card
    assert card.over_credit == 0 and card.under_credit == 0
    assert card.seconds == 240


def test_over_credit_loses_the_exactness_point(trainer_ctx: ConsoleContext) -> None:
    # Scenario 09: mobile TV was used in 2025-06, so that month is not owed back.
    path = next(p for p in SCENARIOS if p.stem.startswith("09-"))

    def also_the_used_month(specs):
        return [
            dataclasses.replace(a, amount=a.amount + 99, periods=(*a.periods, "2025-06")) if a.kind == "issue_credit" else a
            for a in specs
        ]

    card = score_call(trainer_ctx, _play(trainer_ctx, path, also_the_used_month))
    assert card.over_credit == Decimal(99)
    assert card.points == card.max_points - 1
    assert any(v.status == "partly_right" for v in card.actions)


def test_missing_suspension_loses_its_point(trainer_ctx: ConsoleContext) -> None:
    path = next(p for p in SCENARIOS if p.stem.startswith("01-"))
    card = score_call(trainer_ctx, _play(trainer_ctx, path, lambda specs: [a for a in specs if a.kind != "suspend_service"]))
    missing = [v for v in card.actions if v.status == "missing"]
    assert [v.expected.kind for v in missing] == ["suspend_service"]
    assert card.points == card.max_points - 1


def test_credit_for_a_correctly_told_customer_scores_zero() -> None:
    card = score_attempt(ExpectedDoc(), [RecordedAction("issue_credit", "VIDEO", Decimal(100), ("2025-01",))], [])
    assert card.max_points == 1 and card.points == 0 and card.over_credit == Decimal(100)


def test_doing_nothing_for_a_correctly_told_customer_scores_full() -> None:
    assert score_attempt(ExpectedDoc(), [], []).percent == 100


def test_extra_action_costs_a_point() -> None:
    expected = ExpectedDoc(("duplicate_charge",), (ExpectedAction("issue_credit", "FIBRE", Decimal(1199), ("2025-09",)),))
    recorded = [RecordedAction("issue_credit", "FIBRE", Decimal(1199), ("2025-09",)), RecordedAction("open_case")]
    card = score_attempt(expected, recorded, ["duplicate_charge"])
    assert (card.points, card.max_points) == (2, 3)


def test_attempts_are_kept_and_reported(trainer_ctx: ConsoleContext, tmp_path: Path) -> None:
    for path in SCENARIOS[:2]:
        score_call(trainer_ctx, _play(trainer_ctx, path))
    rows = attempt_rows(trainer_ctx, trainee="T01")
    assert len(rows) == 2 and all(r["percent"] == 100 for r in rows)
    write_report(rows, tmp_path / "report.csv")
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    write_report(rows, tmp_path / "report.html")
    assert "DEMO" in (tmp_path / "report.html").read_text(encoding="utf-8")
