"""The last copy of a caller, for a BSS that is down: shown as cached with its age, private,
never older than configured, never a substitute for "no such customer"."""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tmf_helpers import SCENARIOS, serve
from tmf_server import TmfServer

from console.lookup import UnknownCaller
from console.sources import SourceUnavailable
from console.sources.tmf.cache import CallerCache, decode, encode
from console.sources.tmf.config import load
from console.sources.tmf.source import TmfSource


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _source(server: TmfServer, folder: Path, clock: Clock, tables: dict, **options) -> TmfSource:
    return TmfSource(load({"base_url": server.base_url, "cache_dir": str(folder), "timeout_s": 0.5, **tables, **options}),
                     clock=clock)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_view_survives_the_file_format_exactly(path: Path, scenarios) -> None:
    view = scenarios(path).view
    assert decode(json.loads(json.dumps(encode(view)))) == view


def test_down_bss_shows_the_last_copy_with_its_reason_and_age(bss: TmfServer, scenarios, tmp_path: Path) -> None:
    tables = serve(bss, scenarios(SCENARIOS[0]).view)
    clock, folder = Clock(), tmp_path / "callers"
    source = _source(bss, folder, clock, tables, cache_max_age_s=3600)
    try:
        live = source.find("0912-345-678")
        assert live.cached is None
        source.copies_written()  # the copy is written in the background
        clock.now += timedelta(minutes=12)
        bss.mode = "down"
        cached = source.find("+886 912 345 678")
        assert cached.cached is not None and "cannot reach the BSS" in cached.cached.reason
        assert cached.cached.saved_at == clock.now - timedelta(minutes=12)
        assert cached.contracts == live.contracts and cached.bills == live.bills and cached.events == live.events
        by_id = source.load("C-0001")  # the approvals queue and history read by id
        assert by_id.cached is not None and by_id.customer == live.customer
        clock.now += timedelta(minutes=49)  # 61 minutes old: too old to show
        with pytest.raises(SourceUnavailable, match="cannot reach the BSS"):
            source.find("0912-345-678")
    finally:
        source.close()
    assert len(list(folder.glob("*.json"))) == 1, "the stale phone copy is deleted when met"


def test_copies_are_private_and_name_no_one(bss: TmfServer, scenarios, tmp_path: Path) -> None:
    tables = serve(bss, scenarios(SCENARIOS[0]).view)
    folder = tmp_path / "callers"
    source = _source(bss, folder, Clock(), tables)
    try:
        source.find("0912-345-678")
    finally:
        source.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert len(files) == 2  # by phone and by customer id
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        assert "912345678" not in f.name and "C-0001" not in f.name
        assert json.loads(f.read_bytes())["view"]["$row"] == "CallerView"  # data, not pickle


def test_no_copies_when_the_max_age_is_zero_and_unknown_callers_are_not_masked(bss: TmfServer, scenarios, tmp_path: Path) -> None:
    tables = serve(bss, scenarios(SCENARIOS[0]).view)
    folder = tmp_path / "callers"
    source = _source(bss, folder, Clock(), tables, cache_max_age_s=0)
    try:
        source.find("0912-345-678")
        bss.mode = "error"
        with pytest.raises(SourceUnavailable, match="HTTP 503"):
            source.find("0912-345-678")
    finally:
        source.close()
    assert not folder.exists() or not list(folder.iterdir())
    bss.mode = "ok"
    source = _source(bss, folder, Clock(), tables)
    try:
        source.find("0912-345-678")
        with pytest.raises(UnknownCaller):  # the BSS answered: no such number, whatever was cached
            source.find("0911-111-111")
    finally:
        source.close()


def test_stale_and_foreign_files_are_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "callers"
    folder.mkdir(mode=0o755)
    old = folder / "old.json"
    old.write_text("{}")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    cache = CallerCache(folder, 3600)
    assert not old.exists() and stat.S_IMODE(folder.stat().st_mode) == 0o700
    cache._path("phone:+886900000000").write_text(json.dumps({"saved_at": datetime.now(UTC).isoformat(),
                                                               "view": {"$row": "os.system", "x": 1}}))
    assert cache.load("phone:+886900000000", "down") is None
    assert not cache._path("phone:+886900000000").exists()


def test_the_cli_says_when_it_shows_a_cached_copy(bss: TmfServer, scenarios, tmp_path: Path, capsys) -> None:
    from tmf_helpers import write_config

    from console.cli import main

    tables = serve(bss, scenarios(SCENARIOS[0]).view)
    config = write_config(tmp_path / "c.toml", {"kind": "tmf", "base_url": bss.base_url, "cache_dir": str(tmp_path / "c"),
                                                "timeout_s": 0.5, **tables})
    base = ["--config", str(config), "--journal", f"sqlite:///{tmp_path / 'j.sqlite3'}"]
    capsys.readouterr()  # the scenario's import message
    assert main([*base, "lookup", "0912-345-678", "--json"]) == 0
    live = capsys.readouterr()
    assert live.err == ""
    bss.mode = "down"
    assert main([*base, "lookup", "0912-345-678", "--json"]) == 0
    cached = capsys.readouterr()
    assert cached.out, cached.err
    assert json.loads(cached.out) == json.loads(live.out)  # the same caller, the same documented keys
    assert cached.err.startswith("agent-console: cannot reach the BSS") and "showing the copy of this caller read" in cached.err
    assert cached.err.count("\n") == 1
