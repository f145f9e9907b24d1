"""The webhook hook's answers table: which failures are retried, which are dead, and the signature."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from console.outbox import Envelope
from console.settings import ConfigError
from console.sync.webhook import (
    WebhookHook,
    load_secret,
    retry_after_seconds,
    sign,
    verify_signature,
)

EV = Envelope(1, "0190d8a0-0000-7000-8000-000000000001", "call.recorded", 1, {"v": 1, "notes": "中文"}, "C1", 1,
              "A001", "ws", "call-1", datetime(2026, 3, 2, tzinfo=UTC))


def _hook(handler) -> WebhookHook:
    return WebhookHook("crm", "http://crm.test/events", b"secret", transport=httpx.MockTransport(handler),
                       clock=lambda: 1_764_230_400)


@pytest.mark.parametrize(("status", "state"), [
    (200, "delivered"), (202, "delivered"), (408, "retry"), (429, "retry"), (500, "retry"), (503, "retry"),
    (400, "dead"), (401, "dead"), (404, "dead"), (409, "dead"), (422, "dead"),
])
def test_status_codes(status: int, state: str) -> None:
    [out] = _hook(lambda req: httpx.Response(status, text="why")).deliver([EV])
    assert out.state == state
    if state == "dead":
        assert out.response.startswith(f"HTTP {status}") and "why" in out.response


@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadTimeout, httpx.RemoteProtocolError])
def test_transport_failures_are_retried(exc) -> None:
    def handler(req):
        raise exc("boom", request=req)

    [out] = _hook(handler).deliver([EV])
    assert out.state == "retry" and out.error


def test_request_is_signed_and_keyed() -> None:
    seen = {}

    def handler(req: httpx.Request) -> httpx.Response:
        seen.update(headers=dict(req.headers), body=req.content)
        return httpx.Response(200)

    _hook(handler).deliver([EV])
    assert seen["headers"]["idempotency-key"] == EV.id
    assert seen["headers"]["x-signature"] == sign(b"secret", 1_764_230_400, seen["body"])
    assert verify_signature(b"secret", seen["headers"]["x-signature"], seen["body"], now=1_764_230_400 + 10)
    assert not verify_signature(b"secret", seen["headers"]["x-signature"], seen["body"] + b" ", now=1_764_230_400)
    assert not verify_signature(b"secret", seen["headers"]["x-signature"], seen["body"], now=1_764_230_400 + 301)
    assert json.loads(seen["body"])["payload"]["notes"] == "中文"


def test_retry_after_forms() -> None:
    now = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Mon, 02 Mar 2026 00:01:00 GMT", now) == 60
    assert retry_after_seconds("soon", now) is None
    [out] = _hook(lambda req: httpx.Response(429, headers={"Retry-After": "7"})).deliver([EV])
    assert out.retry_after == 7


def test_secret_comes_from_the_environment_only() -> None:
    assert load_secret("crm", {"secret_env": "X"}, env={"X": "abc"}) == b"abc"
    with pytest.raises(ConfigError, match="X is empty"):
        load_secret("crm", {"secret_env": "X"}, env={})
    with pytest.raises(ConfigError, match="secret_env"):
        load_secret("crm", {"secret": "inline-secrets-are-ignored"}, env={})


def test_an_unreachable_receiver_costs_one_attempt_per_batch() -> None:
    calls = []

    def handler(req):
        calls.append(req)
        raise httpx.ConnectTimeout("no answer", request=req)

    others = [Envelope(i, f"id-{i}", "call.recorded", 1, {"v": 1}, f"C{i}", 1, "A001", "ws", None, EV.created_at)
              for i in range(2, 6)]
    outcomes = _hook(handler).deliver([EV, *others])
    assert len(calls) == 1
    assert [o.state for o in outcomes] == ["retry"] * 5
    assert all("no answer" in o.error or "timeout" in o.error for o in outcomes)
