"""Shared pieces of the TMF tests: a running test BSS, scenarios as TMF data, config files.

A pytest plugin (``pytest_plugins`` in conftest.py): the fixtures ``bss`` (a running test
BSS, with every cached caller kept inside the test's temporary folder) and ``scenarios``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from tmf_convert import convert
from tmf_server import TmfServer

from console.caller_view import CallerView
from console.cli import main
from console.context import ConsoleContext
from console.resources import resource_path
from console.settings import load_settings
from console.sources.tmf.config import load as load_config
from console.sources.tmf.source import TmfSource

SCENARIOS = sorted(resource_path("demo").glob("*.yaml"))


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def bss(private_cache: Path) -> Iterator[TmfServer]:
    """A running test BSS; it must never have served (or been sent) anything schema-invalid."""
    with TmfServer() as server:
        yield server
    assert server.errors == [], server.errors


def make_source(server: TmfServer, tmp_path: Path, **options: Any) -> TmfSource:
    table = {"base_url": server.base_url, "cache_dir": str(tmp_path / "callers"), **options}
    return TmfSource(load_config(table))


@dataclass(frozen=True)
class Scenario:
    view: CallerView  # the caller as the SQL store shows it
    phone: str
    call_at: str
    db: str  # a SQLite customer store holding this scenario only


@pytest.fixture(scope="session")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Scenario]:
    """Each shipped scenario imported once per session into a store of its own."""
    done: dict[Path, Scenario] = {}

    def get(path: Path) -> Scenario:
        if path not in done:
            folder = tmp_path_factory.mktemp(path.stem[:20])
            db, journal = f"sqlite:///{folder / 'customers.sqlite3'}", f"sqlite:///{folder / 'journal.sqlite3'}"
            assert main(["--db", db, "--journal", journal, "--role", "trainer", "import", str(path)]) == 0
            doc = yaml.safe_load(path.read_text())
            phone = str(doc["customer"]["phones"][0])
            call_at = doc["call_at"]
            call_at = call_at.isoformat() if isinstance(call_at, datetime) else str(call_at)
            with ConsoleContext(load_settings(db=db, journal=journal, config=None)) as ctx:
                done[path] = Scenario(ctx.source.find(phone), phone, call_at, db)
        return done[path]

    return get


def serve(server: TmfServer, view: CallerView) -> dict[str, Any]:
    """Load a caller into the BSS as TMF resources; returns the ``[source]`` mapping tables."""
    resources, tables, _left_out = convert(view)
    server.load(resources)
    return tables


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def write_config(path: Path, source: dict[str, Any], hooks: list[dict[str, Any]] = ()) -> Path:  # type: ignore[assignment]
    """A TOML config with a ``[source]`` table (its sub-tables too) and ``[[sync.hooks]]``."""
    lines = ["[source]"]
    tables = {k: v for k, v in source.items() if isinstance(v, dict)}
    lines += [f"{k} = {_toml_value(v)}" for k, v in source.items() if k not in tables]
    for name, table in tables.items():
        lines.append(f"[source.{name}]")
        lines += [f"{json.dumps(str(k), ensure_ascii=False)} = {_toml_value(v)}" for k, v in table.items()]
    for hook in hooks:
        lines.append("[[sync.hooks]]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in hook.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def holds_no_customers(path: Path) -> bool:
    """The SQL store beside a TMF source keeps users only: callers must come from the BSS.

    Opening it is fine (sign-in checks it for users); holding a customer is not.
    """
    import sqlite3

    if not path.exists():
        return True
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return "customers" not in tables or db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
