"""Trainer mode scoring: accepting the suggestions scores 100% on every shipped scenario;
over-crediting or missing the suspension loses exactly the points it should."""

from __future__ import annotations

import csv
import dataclasses
import io
import stat
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from console.calls import WrapUp, record_call
from console.context import ConsoleContext
from console.errors import UserError
from console.lookup import lookup
from console.models import Scenario
from console.scenarios import demo_dir, import_paths
from console.scenarios.document import ExpectedAction, ExpectedDoc
from console.settings import load_settings
from console.suggest import suggest_for
from console.trainer import DemoClock, start_attempt
from console.training.attempts import score_call
from console.training.report import session_report, to_csv, to_html, write_report
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
    start_attempt(ctx)  # the trainer rings it: a new attempt, earlier scored ones are closed
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


def _attempt_at(ctx: ConsoleContext, call_id: str, at: datetime, **kw) -> None:  # type: ignore[no-untyped-def]
    ctx.clock = lambda: at  # the real clock when the attempt is kept
    score_call(ctx, call_id, **kw)


def test_the_session_report_is_for_people(trainer_ctx: ConsoleContext, tmp_path: Path) -> None:
    s01 = next(p for p in SCENARIOS if p.stem.startswith("01-"))
    s02 = next(p for p in SCENARIOS if p.stem.startswith("02-"))
    base = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)  # 09:00 in Taipei
    # Made out of order on purpose: the report lists them by time, not by trainee or scenario.
    _attempt_at(trainer_ctx, _play(trainer_ctx, s02), base + timedelta(minutes=20), trainee="Ana")
    _attempt_at(trainer_ctx, _play(trainer_ctx, s01, lambda specs: [a for a in specs if a.kind != "suspend_service"]),
                base, trainee="Ben", hints_hidden=True)
    _attempt_at(trainer_ctx, _play(trainer_ctx, s01), base + timedelta(minutes=10), trainee="Ana")
    report = session_report(trainer_ctx, language="en", written_at=base + timedelta(hours=1))
    assert [(a.trainee, a.title) for a in report.attempts] == [
        ("Ben", "mPro billed after the free year despite the SMS"),
        ("Ana", "mPro billed after the free year despite the SMS"),
        ("Ana", "Community fibre + MOD promo billed at full price"),
    ]
    assert report.attempts[0].missed == ("Suspend service: mPro basic (MPRO)",)
    assert [(t.trainee, t.attempts, t.average_percent, t.perfect) for t in report.trainees] == [
        ("Ana", 2, 100, 2), ("Ben", 1, 80, 0)]
    assert report.overall is not None and report.overall.attempts == 3 and report.overall.average_percent == 93

    csv_text = to_csv(report)
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == ["Training session report"] and rows[1] == ["Written 12/2/2026 10:00 · 3 attempts"]
    assert rows[3][:4] == ["When", "Trainee", "Scenario", "Score (%)"]
    assert rows[4][:5] == ["12/2/2026 09:00", "Ben", "mPro billed after the free year despite the SMS", "80", "4/5"]
    assert rows[4][8:10] == ["hidden", "Suspend service: mPro basic (MPRO)"]
    summary = rows[rows.index(["Per trainee"]) + 1:]
    assert summary[0][:4] == ["Trainee", "Attempts", "Average score (%)", "Full marks"]
    assert summary[1][:4] == ["Ana", "2", "100", "2"] and summary[3][:3] == ["All trainees", "3", "93"]
    assert "T01" not in csv_text and "+00:00" not in csv_text  # names and local times, no ids or UTC stamps

    zh = session_report(trainer_ctx, language="zh_TW", written_at=base)
    assert zh.attempts[0].title == "mPro 試用期滿仍續收費"
    assert zh.attempts[0].missed[0].startswith("暫停服務：") and "(MPRO)" in zh.attempts[0].missed[0]
    html_text = to_html(zh)
    assert "訓練課程報告" in html_text and "2026/12/2 09:00" in html_text and "各學員摘要" in html_text


def test_missed_credits_and_findings_in_words() -> None:
    from console.training.report import _item

    services = {"MUSIC": ("Music streaming add-on", "音樂串流加值")}
    doc = {"kind": "issue_credit", "service": "MUSIC", "amount": "298", "periods": ["2025-06", "2025-07"]}
    assert _item(doc, services, "en") == "Credit: Music streaming add-on (MUSIC) NT$298 for Jun 2025, Jul 2025"
    assert _item(doc, services, "zh_TW") == "折抵：音樂串流加值 (MUSIC) NT$298（2025年6月, 2025年7月）"


def test_the_trainee_named_in_the_window_is_kept(trainer_ctx: ConsoleContext) -> None:
    s01 = next(p for p in SCENARIOS if p.stem.startswith("01-"))
    score_call(trainer_ctx, _play(trainer_ctx, s01), trainee="  王 小明 ")
    score_call(trainer_ctx, _play(trainer_ctx, s01), trainee="")
    assert [a.trainee for a in session_report(trainer_ctx).attempts] == ["王 小明", "T01"]
    with pytest.raises(UserError, match="at most 32"):
        score_call(trainer_ctx, _play(trainer_ctx, s01), trainee="x" * 33)


def test_an_attempt_is_kept_at_the_real_time_not_the_scenarios(trainer_ctx: ConsoleContext) -> None:
    s01 = next(p for p in SCENARIOS if p.stem.startswith("01-"))
    real = datetime(2026, 12, 2, 3, 4, tzinfo=UTC)
    clock = DemoClock(base=lambda: real)
    clock.start(datetime(2009, 5, 12, 2, 0, tzinfo=UTC))  # the scenario's call is running
    trainer_ctx.clock = clock
    score_call(trainer_ctx, _play(trainer_ctx, s01))
    assert session_report(trainer_ctx).attempts[0].at == real


def test_attempts_are_kept_and_reported(trainer_ctx: ConsoleContext, tmp_path: Path) -> None:
    for path in SCENARIOS[:2]:
        score_call(trainer_ctx, _play(trainer_ctx, path))
    report = session_report(trainer_ctx, trainee="T01")
    assert len(report.attempts) == 2 and all(r.percent == 100 for r in report.attempts)
    write_report(report, tmp_path / "report.csv")
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    write_report(report, tmp_path / "report.html")
    assert "DEMO" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o600  # trainees' names and results


def test_writing_the_report_is_safe(trainer_ctx: ConsoleContext, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    score_call(trainer_ctx, _play(trainer_ctx, SCENARIOS[0]), trainee="＝HYPERLINK(\"http://x\")")
    report = session_report(trainer_ctx)
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "report.csv.partial").symlink_to(victim)  # a planted link at the old predictable name
    out = write_report(report, tmp_path / "report.csv")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "report.csv.partial", "victim"]
    text = out.read_text(encoding="utf-8-sig")
    assert "'＝HYPERLINK" in text and ",＝HYPERLINK" not in text  # full-width = neutralised too
    with pytest.raises(UserError, match="folder not found"):
        write_report(report, tmp_path / "missing" / "r.csv")
    (tmp_path / "x.csv").mkdir()
    with pytest.raises(UserError, match="is a folder"):
        write_report(report, tmp_path / "x.csv")
    with pytest.raises(UserError, match=r"\.csv or \.html"):
        write_report(report, tmp_path / "r.txt")


def test_cli_report_to_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from console.cli import main

    assert main(["training", "report", "--out", str(tmp_path / "missing" / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "folder not found" in err and "Traceback" not in err
    assert main(["training", "report", "--lang", "zh_TW", "--out", str(tmp_path / "r.html")]) == 0
    assert "本次課程尚無作答紀錄" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "0 attempts written to" in capsys.readouterr().out


def test_each_ring_starts_from_the_scenario_as_written(trainer_ctx: ConsoleContext) -> None:
    """A second trainee who rings the same scenario is offered the credit the first one gave;
    within one attempt, a look-up after the save offers nothing twice."""
    from console.assist import suggestions_for_call

    s01 = next(p for p in SCENARIOS if p.stem.startswith("01-"))
    score_call(trainer_ctx, _play(trainer_ctx, s01), trainee="Ana")
    with trainer_ctx.customers.session() as s:
        view = lookup(s, "0912-345-678")
        at = s.get(Scenario, "mpro-trial-billed-after-notice").call_at

    def credits() -> list[str]:
        report = suggestions_for_call(trainer_ctx, view, at)
        return [p for sg in report.suggestions for a in sg.actions if a.kind == "issue_credit" for p in a.periods]

    assert credits() == []  # the same attempt: already credited
    start_attempt(trainer_ctx)  # the trainer rings it again for Ben
    assert credits() == ["2009-03", "2009-04"]
