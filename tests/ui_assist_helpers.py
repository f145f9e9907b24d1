"""Shared test data for the suggestions, wrap-up, sync and trainer widgets: shipped scenarios.

The scenarios are imported once per run into a template file; each test copies it (a file
copy is much faster than an import), so every test starts from pristine stores. Import the fixtures by their ``*_fixture``
names (``from ui_assist_helpers import sctx_fixture  # noqa: F401``); tests ask for ``sctx``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from console.context import ConsoleContext
from console.db import open_store
from console.lookup import lookup
from console.resources import resource_path
from console.scenarios import import_paths, scenario_call_at
from console.settings import load_settings

PHONE_01 = "0912-345-678"
SCENARIO_01 = "mpro-trial-billed-after-notice"


@pytest.fixture(scope="session", name="scenarios_template")
def scenarios_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scenarios") / "customers.sqlite3"
    store = open_store(f"sqlite:///{path}", "customer")
    try:
        report = import_paths(store, [resource_path("demo")])
        assert report.ok, [r.error for r in report.failed]
    finally:
        store.dispose()
    return path


def make_ctx(template: Path, tmp_path: Path, *, demo: bool = False, hooks: list | None = None,
             at: datetime | None = None) -> ConsoleContext:
    db = tmp_path / "customers.sqlite3"
    shutil.copyfile(template, db)
    settings = load_settings(db=f"sqlite:///{db}", journal=f"sqlite:///{tmp_path / 'journal.sqlite3'}", agent="A001",
                             role="agent")
    settings.demo = demo
    if hooks is not None:
        settings.hooks = hooks
    ctx = ConsoleContext(settings)
    call_at = at or scenario_call_at(ctx.customers, SCENARIO_01)
    ctx.clock = lambda: call_at
    return ctx


@pytest.fixture(name="sctx")
def sctx_fixture(scenarios_template: Path, tmp_path: Path) -> Iterator[ConsoleContext]:
    ctx = make_ctx(scenarios_template, tmp_path)
    yield ctx
    ctx.close()


def view_of(ctx: ConsoleContext, phone: str = PHONE_01):  # type: ignore[no-untyped-def]
    with ctx.customers.session() as s:
        return lookup(s, phone, ctx.settings.region)
