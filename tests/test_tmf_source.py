"""The tmf source over HTTP: filtering, paging, seven concurrent reads on one pool, errors.

Against a real local server (``tmf_server``) that validates everything it serves.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tmf_helpers import SCENARIOS, make_source, serve, write_config
from tmf_server import TmfServer

from console.cli import main
from console.context import ConsoleContext
from console.lookup import UnknownCaller
from console.settings import ConfigError, load_settings
from console.sources import SourceUnavailable
from console.sources.tmf.source import READERS, TmfSource

MPRO = SCENARIOS[0]


@pytest.fixture
def mpro(bss: TmfServer, scenarios, tmp_path: Path) -> tuple[TmfSource, str]:
    s = scenarios(MPRO)
    source = make_source(bss, tmp_path, **serve(bss, s.view))
    yield source, s.phone
    source.close()


def test_customer_found_by_a_tmf630_filter_on_the_dotted_phone_path(mpro, bss: TmfServer, scenarios) -> None:
    serve(bss, scenarios(SCENARIOS[1]).view)  # another customer the filter must leave out
    source, phone = mpro
    view = source.find(phone)
    assert view.customer.id == "C-0001" and view.matched_phone == "+886912345678"
    first = bss.requests[0]
    assert first["path"] == "/tmf-api/customerManagement/v4/customer"
    assert first["query"]["contactMedium.characteristic.phoneNumber"] == "+886912345678"
    reads = {(r["path"].rsplit("/", 1)[-1], tuple(sorted(set(r["query"]) - {"offset", "limit"}))) for r in bss.requests[1:]}
    assert reads == {
        ("agreement", ("engagedParty.id",)), ("product", ("relatedParty.id",)), ("customerBill", ("billingAccount.id",)),
        ("appliedCustomerBillingRate", ("billingAccount.id",)), ("communicationMessage", ("receiver.id",)),
        ("usage", ("relatedParty.id",)), ("productOrder", ("relatedParty.id",)),
    }
    with pytest.raises(UnknownCaller, match="no customer has the number 0911 111 111"):
        source.find("0911-111-111")


@pytest.mark.parametrize("partial_status", [True, False], ids=["206", "200+X-Total-Count"])
def test_every_page_is_read_by_offset_and_limit(partial_status: bool, bss: TmfServer, scenarios, tmp_path: Path) -> None:
    view = scenarios(MPRO).view
    tables = serve(bss, view)
    bss.max_page = 1  # the server hands out one item per page, whatever the client asks
    bss.partial_status = partial_status
    source = make_source(bss, tmp_path, page_size=50, **tables)
    try:
        got = source.find("0912-345-678")
    finally:
        source.close()
    assert got.bills == view.bills and got.usage == view.usage and got.services == view.services
    usage_reads = [r for r in bss.requests if r["path"].endswith("/usage")]
    assert [r["query"]["offset"] for r in usage_reads] == [str(n) for n in range(len(view.usage))]
    assert all(r["query"]["limit"] == "50" for r in usage_reads)


def test_the_seven_reads_run_at_once_on_one_pool_of_connections(mpro, bss: TmfServer) -> None:
    source, phone = mpro
    bss.latency_s = 0.15
    source.find(phone)  # warm: connections opened
    warm = bss.connections()
    bss.requests.clear()
    start = time.perf_counter()
    source.find(phone)
    took = time.perf_counter() - start
    # Customer, then the seven at once: two latencies, not eight.
    assert took < 2 * 0.15 + 0.25, f"a pop took {took:.2f} s with 0.15 s per request"
    starts = sorted(r["start"] for r in bss.requests[1:])
    assert len(starts) == 7 and starts[-1] - starts[0] < 0.1, "the seven reads did not start together"
    assert bss.connections() <= warm, "the second pop opened new connections instead of reusing the pool"
    assert len(warm) <= 2 * READERS


def test_bearer_token_from_the_environment(bss: TmfServer, scenarios, tmp_path: Path, monkeypatch) -> None:
    tables = serve(bss, scenarios(MPRO).view)
    bss.token = "s3cret-token"
    monkeypatch.setenv("BSS_TOKEN", "s3cret-token")
    source = make_source(bss, tmp_path, token_env="BSS_TOKEN", **tables)
    try:
        assert source.find("0912-345-678").customer.id == "C-0001"
        assert "s3cret" not in repr(source) + repr(source.config)
    finally:
        source.close()
    assert {r["auth"] for r in bss.requests} == {"Bearer s3cret-token"}
    monkeypatch.setenv("BSS_TOKEN", "wrong")
    source = make_source(bss, tmp_path, token_env="BSS_TOKEN", cache_max_age_s=0, **tables)
    try:
        with pytest.raises(SourceUnavailable, match="refused access .HTTP 401"):
            source.find("0912-345-678")
    finally:
        source.close()
    monkeypatch.delenv("BSS_TOKEN")
    with pytest.raises(ConfigError, match="environment variable BSS_TOKEN is empty"):
        make_source(bss, tmp_path, token_env="BSS_TOKEN")


@pytest.mark.parametrize(("mode", "message"), [
    ("down", "cannot reach the BSS"), ("error", "HTTP 503"), ("hang", "did not answer in time")])
def test_a_bss_that_is_down_or_slow_is_one_clear_line(mode: str, message: str, bss: TmfServer, scenarios, tmp_path: Path) -> None:
    tables = serve(bss, scenarios(MPRO).view)
    bss.mode, bss.hang_s = mode, 2.0
    source = make_source(bss, tmp_path, timeout_s=0.3, cache_max_age_s=0, **tables)
    start = time.perf_counter()
    try:
        with pytest.raises(SourceUnavailable, match=message) as info:
            source.find("0912-345-678")
    finally:
        source.close()
    assert time.perf_counter() - start < 1.5
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 4


def test_cli_exit_codes_through_tmf(bss: TmfServer, scenarios, tmp_path: Path, capsys) -> None:
    tables = serve(bss, scenarios(MPRO).view)
    config = write_config(tmp_path / "c.toml", {"kind": "tmf", "base_url": bss.base_url, "timeout_s": 0.5,
                                                "cache_dir": str(tmp_path / "cache"), "cache_max_age_s": 0, **tables})
    base = ["--config", str(config), "--journal", f"sqlite:///{tmp_path / 'j.sqlite3'}"]
    assert main([*base, "lookup", "0911-111-111"]) == 3
    assert "no customer has the number" in capsys.readouterr().err
    bss.mode = "error"
    assert main([*base, "lookup", "0912-345-678"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("agent-console: the BSS answered HTTP 503") and err.count("\n") == 1 and "Traceback" not in err
    bad = write_config(tmp_path / "bad.toml", {"kind": "tmf", "base_url": "ftp://nope"})
    assert main(["--config", str(bad), "lookup", "0912-345-678"]) == 2
    assert "base_url must be an http:// or https:// URL" in capsys.readouterr().err


def test_config_keys_are_checked(tmp_path: Path) -> None:
    from console.sources.tmf.config import load

    with pytest.raises(ConfigError, match=r"\[source.term_types\] 'X' = 'trial' is not one of"):
        load({"base_url": "http://x", "term_types": {"X": "trial"}})
    with pytest.raises(ConfigError, match=r"\[source.message_templates\] 'T' = 'stops' is not one of"):
        load({"base_url": "http://x", "message_templates": {"T": "stops"}})
    with pytest.raises(ConfigError, match="timeout_s must be a number of seconds above zero"):
        load({"base_url": "http://x", "timeout_s": 0})
    with pytest.raises(ConfigError, match="cache_max_age_s must be a number of seconds"):
        load({"base_url": "http://x", "cache_max_age_s": "1h"})
    cfg = load({"base_url": "http://x/tmf-api/", "timeout_s": 2, "cache_max_age_s": 600})
    assert (cfg.base_url, cfg.timeout_s, cfg.cache_max_age_s) == ("http://x/tmf-api", 2.0, 600.0)


def test_kind_tmf_is_built_in(bss: TmfServer, tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", {"kind": "tmf", "base_url": bss.base_url, "cache_dir": str(tmp_path / "c")})
    with ConsoleContext(load_settings(config=str(config))) as ctx:
        assert ctx.source.kind == "tmf" and isinstance(ctx.source, TmfSource)
