"""Shared fixtures: private data/config folders, temporary stores, a fresh PostgreSQL database.

Every test runs with its own XDG folders so nothing touches the developer's real console
data. PostgreSQL tests use the server named by ``AGENT_CONSOLE_TEST_PG`` (``.ci/run`` sets it)
and get a database of their own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.context import ConsoleContext  # noqa: E402
from console.settings import load_settings  # noqa: E402

PG_ENV = "AGENT_CONSOLE_TEST_PG"
pytest_plugins = ["tmf_helpers"]  # the TMF tests' fixtures: a running test BSS, the scenarios as TMF data


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    for var in ("AGENT_CONSOLE_DB", "AGENT_CONSOLE_JOURNAL", "AGENT_CONSOLE_CONFIG", "AGENT_CONSOLE_AGENT", "AGENT_CONSOLE_ROLE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def customer_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'customers.sqlite3'}"


@pytest.fixture
def journal_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'journal.sqlite3'}"


@pytest.fixture
def ctx(customer_url: str, journal_url: str, tmp_path: Path) -> Iterator[ConsoleContext]:
    settings = load_settings(db=customer_url, journal=journal_url, config=None, agent="A001", role="agent")
    context = ConsoleContext(settings)
    yield context
    context.close()


def _pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server; dropped afterwards."""
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(f"{PG_ENV} is not set (the README's test command sets it)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ac_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from sqlalchemy.pool import NullPool  # noqa: F401

        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
