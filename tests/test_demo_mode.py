"""Demo mode: its own database, built from the shipped scenarios, reset to pristine fast."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from console import paths
from console.db import open_store
from console.demo import demo_files, ensure_demo, reset_demo
from console.models import Customer, Scenario
from console.scenarios import demo_dir
from console.settings import load_settings
from ui.launcher import main


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Build the demo store once for the module (it takes a few seconds)."""
    home = tmp_path_factory.mktemp("demo-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_DATA_HOME", str(home))
    ensure_demo()
    mp.undo()
    return {"XDG_DATA_HOME": str(home)}


@pytest.fixture
def demo_env(built_demo: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in built_demo.items():
        monkeypatch.setenv(key, value)


def test_demo_store_holds_every_shipped_scenario_and_a_population(demo_env: None) -> None:
    store = open_store(demo_files().customer_url, "customer")
    with store.session() as s:
        scenarios = set(s.scalars(select(Scenario.id)))
        synthetic = s.scalar(select(func.count()).select_from(Customer).where(Customer.scenario_id.is_(None)))
    store.dispose()
    shipped = {p.stem.split("-", 1)[1] for p in demo_dir().glob("*.yaml")}
    assert len(shipped) >= 9 and shipped == scenarios
    assert synthetic and synthetic >= 1000


def test_demo_and_production_never_share_a_file(demo_env: None) -> None:
    demo = load_settings(demo=True)
    prod = load_settings()
    assert demo.db_url != prod.db_url and demo.journal_url != prod.journal_url
    assert "demo" in demo.db_url and str(paths.data_dir()) in demo.db_url


def test_demo_ignores_production_environment(demo_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_CONSOLE_DB", "sqlite:////nonexistent/production.sqlite3")
    assert load_settings(demo=True).db_url == demo_files().customer_url


def test_demo_refuses_explicit_stores(demo_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "sqlite:////tmp/x.sqlite3", "demo", "--no-window"]) == 2
    assert "demo mode always uses its own database" in capsys.readouterr().err


def test_reset_restores_pristine_in_under_5_seconds(demo_env: None) -> None:
    files = demo_files()
    store = open_store(files.customer_url, "customer")
    with store.session() as s, s.begin():
        s.execute(Customer.__table__.delete().where(Customer.id == "C-0001"))
    store.dispose()
    files.journal.write_bytes(b"trainee attempts")
    cpu = time.process_time()
    reported = reset_demo()
    # A restore copies a file: ~0.02 s of this process's CPU. A rebuild imports every
    # scenario and seeds 2,000 customers: ~0.6 s. CPU time, so other load cannot blur it.
    assert time.process_time() - cpu < 0.3
    assert 0 < reported < 60
    assert not files.journal.exists()
    store = open_store(files.customer_url, "customer")
    with store.session() as s:
        assert s.get(Customer, "C-0001") is not None
    store.dispose()


def test_demo_cli_prepares_without_window(demo_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--reset", "--no-window"]) == 0
    assert "reset to pristine" in capsys.readouterr().err
