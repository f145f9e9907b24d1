"""The ``tmf`` hook: outcomes written back to the operator's BSS over TM Forum Open APIs v4.

``case.opened`` becomes a TMF621 ``troubleTicket``; ``service.suspended`` and
``service.cancelled`` become a TMF622 ``productOrder`` (one ``modify`` item to product
status ``suspended``, or one ``delete`` item). Every other event has nothing to say to the
BSS and counts as delivered here: credits keep flowing through the other hooks, since no
TMF v4 API creates a bill adjustment.

A retry must never make a second ticket or order, yet a POST whose answer was lost may
have been carried out. So ``externalId`` is our action id (the event id when there is
none), and before each POST the hook asks for that ``externalId`` (TMF630 filter) and
counts a match as delivered. The lease (``console.sync.lease``) keeps a second worker
from racing between the check and the POST. Errors are the webhook's: connection errors,
timeouts, 5xx, 408 and 429 retry with backoff, other 4xx are dead-lettered with the
response kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

import httpx

from console.db import Store
from console.formatting import TAIPEI
from console.masking import mask_text
from console.outbox import Envelope
from console.settings import ConfigError
from console.sources.tmf.client import make_client, url
from console.sources.tmf.config import base_url, token_from
from console.sync.hookspecs import DELIVERED, Outcome, hookimpl
from console.sync.http import deliver_until_down, request
from console.sync.personal import masks_personal_data

Body = tuple[str, str, dict[str, Any]]  # (API, collection, body)


def _customer(ev: Envelope) -> dict[str, Any]:
    return {"id": ev.customer_id, "role": "customer", "@referredType": "Customer"}


def _note(ev: Envelope, text: str) -> list[dict[str, Any]]:
    return [{"text": text, "author": ev.agent_id, "date": ev.created_at.isoformat()}]


def external_id(ev: Envelope) -> str:
    return str(ev.payload.get("action_id") or ev.id)


def ticket(ev: Envelope, options: dict[str, Any]) -> Body:
    """TMF621 ``TroubleTicket_Create`` for an opened case."""
    case = ev.payload.get("case") or {}
    summary = str(case.get("summary") or (ev.payload.get("params") or {}).get("summary") or "")
    text = summary or f"Case opened by the contact centre in call {ev.call_id or '-'}"
    if options.get("masked", True):  # an agent may have typed a number into the summary
        text = mask_text(text)
    body: dict[str, Any] = {
        "@type": "TroubleTicket",
        "externalId": external_id(ev),
        "name": text[:120],
        "description": text,
        "severity": options["severity"],
        "ticketType": options["ticket_type"],
        "channel": {"id": options["channel_id"], "name": "call"},
        "relatedParty": [_customer(ev)],
        "note": _note(ev, text),
    }
    due = case.get("due_on")
    if due:
        try:
            body["requestedResolutionDate"] = datetime.combine(date.fromisoformat(due), time(23, 59, 59), TAIPEI).isoformat()
        except ValueError:
            pass
    if ev.call_id:
        body["relatedEntity"] = [{"id": ev.call_id, "role": "originating call", "@referredType": "AgentConsoleCall"}]
    return "TMF621", "troubleTicket", body


def _order(ev: Envelope, options: dict[str, Any], action: str, status: str | None, verb: str) -> Body:
    service = ev.payload.get("service")
    if not service:
        raise ValueError(f"{ev.type} without a service")
    product: dict[str, Any] = {"id": str(service), "@type": "Product"}
    if status:
        product["status"] = status
    text = f"{verb} {service} at the customer's request (call {ev.call_id or '-'}, agent {ev.agent_id})"
    return "TMF622", "productOrder", {
        "@type": "ProductOrder",
        "externalId": external_id(ev),
        "description": text,
        "requestedStartDate": ev.created_at.isoformat(),
        "channel": [{"id": options["channel_id"], "name": "call"}],
        "note": _note(ev, text),
        "relatedParty": [_customer(ev)],
        "productOrderItem": [{"id": "1", "action": action, "product": product, "@type": "ProductOrderItem"}],
    }


BUILDERS: dict[str, Callable[[Envelope, dict[str, Any]], Body]] = {
    "case.opened": ticket,
    "service.suspended": lambda ev, o: _order(ev, o, "modify", "suspended", "Suspend"),
    "service.cancelled": lambda ev, o: _order(ev, o, "delete", None, "Cancel"),
}


class TmfHook:
    kind = "tmf"

    def __init__(self, name: str, base: str, token: str | None, *, timeout_s: float = 10.0,
                 options: dict[str, Any] | None = None, transport: httpx.BaseTransport | None = None) -> None:
        self.name = name
        self.base_url = base
        self.options = {"severity": "Minor", "ticket_type": "Complaint", "channel_id": "agent-console", **(options or {})}
        self.batch_size = max(1, min(5, int(25 // timeout_s)))  # two requests per event; a batch fits in the lease
        self._client = make_client(base, token, timeout_s, timeout_s, connections=2, transport=transport)

    def __repr__(self) -> str:  # never show the token
        return f"TmfHook({self.name!r}, {self.base_url!r})"

    def deliver(self, events: Sequence[Envelope]) -> list[Outcome]:
        return deliver_until_down(events, self._send)

    def _send(self, ev: Envelope) -> Outcome:
        build = BUILDERS.get(ev.type)
        if build is None:
            return DELIVERED  # nothing for the BSS (credits, calls, callbacks ... go to the other hooks)
        try:
            api, resource, body = build(ev, self.options)
        except ValueError as exc:
            return Outcome("dead", error=f"cannot be written as TMF: {exc}")
        path = url(api, resource)
        key = body["externalId"]
        found = request(self._client, "GET", path, params={"externalId": key, "fields": "id,externalId"})
        if not isinstance(found, httpx.Response):
            return found
        try:
            existing = found.json()
        except ValueError:
            return Outcome("retry", error=f"{api} {resource}: the BSS answered the externalId check with something that is not JSON")
        if isinstance(existing, list) and any(isinstance(x, dict) and x.get("externalId") == key for x in existing):
            return DELIVERED  # made by an earlier attempt whose answer was lost
        created = request(self._client, "POST", path, json=body)
        return DELIVERED if isinstance(created, httpx.Response) else created

    def close(self) -> None:
        self._client.close()


class TmfPlugin:
    @hookimpl
    def agent_console_sync_hook(self, name: str, kind: str, options: dict[str, Any], journal: Store) -> TmfHook | None:
        if kind != "tmf":
            return None
        where = f"sync hook {name!r}"
        base = base_url(options.get("base_url"), where)
        token = token_from(options, where)
        extra = {}
        for key in ("severity", "ticket_type", "channel_id"):
            value = options.get(key)
            if value is not None:
                if not isinstance(value, str) or not value.strip():
                    raise ConfigError(f"{where}: {key} must be text")
                extra[key] = value
        extra["masked"] = masks_personal_data(name, options)
        return TmfHook(name, base, token, timeout_s=float(options.get("timeout_s", 10)), options=extra)
