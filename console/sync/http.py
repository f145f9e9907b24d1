"""What an HTTP answer means for a delivery, shared by the hooks that speak HTTP.

The ``webhook`` and ``tmf`` hooks must behave the same toward a receiver that is down or
refuses: connection errors, timeouts, 5xx, 408 and 429 are retried by the worker with
backoff (honouring ``Retry-After``); any other 4xx is dead-lettered with the response kept
for a lead. And once a receiver is unreachable, the rest of the batch waits for the same
backoff instead of timing out one event at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from console.outbox import Envelope
from console.sync.hookspecs import Outcome, deliver_in_order

RETRY_STATUSES = frozenset({408, 429})
MAX_RESPONSE = 2000


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def failure(r: httpx.Response) -> Outcome:
    """The outcome of a non-2xx answer: retry (5xx, 408, 429) or dead (any other 4xx)."""
    text = f"HTTP {r.status_code} {r.reason_phrase}: {r.text[:MAX_RESPONSE]}"
    if r.status_code >= 500 or r.status_code in RETRY_STATUSES:
        after = retry_after_seconds(r.headers.get("Retry-After"), datetime.now(UTC))
        return Outcome("retry", error=f"HTTP {r.status_code} {r.reason_phrase}", response=text, retry_after=after)
    return Outcome("dead", error=f"HTTP {r.status_code} {r.reason_phrase}", response=text)


def request(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response | Outcome:
    """The 2xx response, or the Outcome that a transport error or another status means."""
    try:
        r = client.request(method, url, **kwargs)
    except httpx.TimeoutException as exc:
        return Outcome("retry", error=f"timeout: {type(exc).__name__}")
    except httpx.TransportError as exc:
        return Outcome("retry", error=f"cannot reach {url}: {type(exc).__name__}: {exc}")
    return r if 200 <= r.status_code < 300 else failure(r)


def deliver_until_down(events: Sequence[Envelope], send: Callable[[Envelope], Outcome]) -> list[Outcome]:
    """``deliver_in_order``, and once the receiver is unreachable (a retry without a response)
    the rest of the batch is not tried: it waits for the same backoff."""
    down: list[str] = []

    def guarded(ev: Envelope) -> Outcome:
        if down:
            return Outcome("retry", error=f"not sent: {down[0]}")
        outcome = send(ev)
        if outcome.state == "retry" and outcome.response is None:
            down.append(outcome.error or "receiver unreachable")
        return outcome

    return deliver_in_order(events, guarded)
