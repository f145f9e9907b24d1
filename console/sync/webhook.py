"""The ``webhook`` hook: POST each event to an HTTP endpoint, signed, idempotent, retried.

Headers: ``Idempotency-Key`` = the event id (a receiver that sees it twice keeps the first),
``X-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">`` (docs/webhooks.md shows how
to verify it). The secret comes from the environment variable named by ``secret_env`` or,
with ``keyring_service`` and the optional ``keyring`` package, from the system keyring; it
is never stored in the database, the config file or a log line. Connection errors,
timeouts, 5xx, 408 and 429 are retried by the worker with exponential backoff and jitter
(honouring ``Retry-After``); any other 4xx is dead-lettered with the response kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from console.db import Store
from console.outbox import Envelope
from console.settings import ConfigError
from console.sync.hookspecs import DELIVERED, Outcome, hookimpl
from console.sync.http import deliver_until_down, request, retry_after_seconds
from console.sync.personal import envelope_json, masks_personal_data

__all__ = ["WebhookHook", "WebhookPlugin", "load_secret", "retry_after_seconds", "sign", "verify_signature"]


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The ``X-Signature`` value for a body sent at ``timestamp`` (unix seconds)."""
    mac = hmac.new(secret, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: bytes, header: str, body: bytes, *, now: float, tolerance_s: float = 300) -> bool:
    """What a receiver does (also used by the tests' receiver): check the MAC and the age."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        t = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs(now - t) > tolerance_s:
        return False
    expected = hmac.new(secret, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


class WebhookHook:
    kind = "webhook"
    # Few per batch: the lease (60 s) is renewed between batches, and each POST may take
    # up to ``timeout_s``; a slow receiver must not outlive the lease mid-batch.
    batch_size = 5

    def __init__(self, name: str, url: str, secret: bytes, *, timeout_s: float = 10.0,
                 transport: httpx.BaseTransport | None = None, clock: Callable[[], float] = time.time,
                 masked: bool = True) -> None:
        self.name = name
        self.masked = masked
        self.url = url
        self.batch_size = max(1, min(5, int(50 // timeout_s)))  # a batch fits in the lease
        self._secret = secret
        self._clock = clock
        self._client = httpx.Client(timeout=httpx.Timeout(timeout_s), transport=transport,
                                    headers={"User-Agent": "agent-console-sync"})

    def __repr__(self) -> str:  # never show the secret
        return f"WebhookHook({self.name!r}, {self.url!r})"

    def deliver(self, events: Sequence[Envelope]) -> list[Outcome]:
        # A connection error or timeout is about the receiver, not the event: the rest
        # of the batch waits for the same backoff instead of timing out one by one.
        return deliver_until_down(events, self._send)

    def _send(self, ev: Envelope) -> Outcome:
        body = json.dumps(envelope_json(ev, self.masked), ensure_ascii=False, separators=(",", ":")).encode()
        ts = int(self._clock())
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": ev.id,
            "X-Signature": sign(self._secret, ts, body),
            "X-Event-Type": ev.type,
        }
        r = request(self._client, "POST", self.url, content=body, headers=headers)
        return DELIVERED if isinstance(r, httpx.Response) else r

    def close(self) -> None:
        self._client.close()


def load_secret(name: str, options: dict[str, Any], env: dict[str, str] | None = None) -> bytes:
    env = os.environ if env is None else env
    var = options.get("secret_env")
    if var:
        value = env.get(str(var))
        if value:
            return value.encode()
    service = options.get("keyring_service")
    if service:
        try:
            import keyring  # optional dependency
        except ImportError:
            keyring = None
        if keyring is not None:
            value = keyring.get_password(str(service), str(options.get("keyring_user", name)))
            if value:
                return value.encode()
    if not var and not service:
        raise ConfigError(f"sync hook {name!r}: a webhook needs secret_env = \"VAR\" (or keyring_service)")
    where = f"environment variable {var}" if var else f"keyring service {service!r}"
    raise ConfigError(f"sync hook {name!r}: the signing secret is not set ({where} is empty)")


class WebhookPlugin:
    @hookimpl
    def agent_console_sync_hook(self, name: str, kind: str, options: dict[str, Any], journal: Store) -> WebhookHook | None:
        if kind != "webhook":
            return None
        url = options.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"sync hook {name!r}: a webhook needs url = \"https://...\"")
        timeout = options.get("timeout_s", 10)
        if not isinstance(timeout, int | float) or timeout <= 0:
            raise ConfigError(f"sync hook {name!r}: timeout_s must be a positive number")
        return WebhookHook(name, url, load_secret(name, options), timeout_s=float(timeout),
                           masked=masks_personal_data(name, options))
