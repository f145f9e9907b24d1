"""TMF622 product orders and TMF678 credit rates -> the caller's events (docs/integration.md).

The rules already understand a small set of event kinds; the BSS's orders are mapped onto
them rather than teaching the rules TMF. Per order item:

- ``delete``: ``cancel_requested`` while in flight, ``cancel_rejected`` when ``rejected`` or
  ``failed`` (the customer asked and was refused), ``cancelled`` when ``completed``;
- ``modify`` to product status ``suspended`` / back to ``active``, completed:
  ``suspended`` / ``resumed``;
- ``add`` completed: ``installed``; an ``add``/``modify`` whose recurring ``itemPrice``
  carries a ``priceAlteration``: a ``promise`` of the recurring ``itemTotalPrice``.

A negative applied billing rate is a credit given earlier, for the months its
``periodCoverage`` touches (``credit_issued`` with ``params.periods``), not a reduction of
the bill that happens to print it. Event ids are integers (evidence says ``event:<id>``):
the order's (or rate's) own id when it is a number and the order makes one event, else a
stable hash of ``order/item/kind``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from console.caller_view import EventRow
from console.sources.tmf.values import (
    event_id,
    moment,
    money,
    months_between,
    obj,
    objs,
    ref_id,
    text,
)
from console.vocabulary import EVENT_CHANNELS

IN_FLIGHT = frozenset({"acknowledged", "pending", "held", "inprogress", "partial", "assessingcancellation",
                       "pendingcancellation"})
REFUSED = frozenset({"rejected", "failed"})


def _state(item: dict[str, Any], order: dict[str, Any]) -> str:
    return str(item.get("state") or order.get("state") or "acknowledged").strip().lower()


def channel(order: dict[str, Any], names: Mapping[str, str]) -> str:
    """The order's first channel in our words: ``[source.channels]``, else its name or id if it is one."""
    for c in objs(order.get("channel")):
        for raw in (text(c.get("name")), text(c.get("id"))):
            if raw is None:
                continue
            if raw in names:
                return names[raw]
            if raw.strip().lower() in EVENT_CHANNELS:
                return raw.strip().lower()
    return "system"


def _promise(item: dict[str, Any]) -> dict[str, Any] | None:
    """The params of the promise an item's recurring price alteration makes, or None: the
    promised ``price`` is the recurring ``itemTotalPrice`` (left out when the BSS gives none),
    the ``condition`` the alteration's description."""
    alterations = [a for p in objs(item.get("itemPrice")) if str(p.get("priceType", "")).lower() == "recurring"
                   for a in objs(p.get("priceAlteration"))]
    if not alterations:
        return None
    params: dict[str, Any] = {}
    for p in objs(item.get("itemTotalPrice")):
        if str(p.get("priceType", "")).lower() == "recurring":
            value, _ = money(obj(p.get("price")).get("taxIncludedAmount"))
            if value is not None and value >= 0:
                params["price"] = format(value, "f")
                break
    condition = next((t for t in (text(a.get("description")) for a in alterations) if t), None)
    if condition:
        params["condition"] = condition
    return params


def _item_events(order: dict[str, Any], item: dict[str, Any]) -> list[tuple[str, datetime | None, dict[str, Any] | None]]:
    """(kind, when, params) for one order item; when None means the order has no usable time."""
    action = str(item.get("action", "")).lower()
    state = _state(item, order)
    ordered = moment(order.get("orderDate"))
    done = moment(order.get("completionDate")) or ordered
    product = obj(item.get("product"))
    status = str(product.get("status", "")).strip().lower()
    out: list[tuple[str, datetime | None, dict[str, Any] | None]] = []
    if action == "delete":
        if state == "completed":
            out.append(("cancelled", done, None))
        elif state in REFUSED:
            out.append(("cancel_rejected", ordered, None))
        elif state in IN_FLIGHT:
            out.append(("cancel_requested", ordered, None))
    elif action == "modify" and state == "completed" and status in ("suspended", "active"):
        out.append(("suspended" if status == "suspended" else "resumed", done, None))
    if action in ("add", "modify"):
        promise = _promise(item)
        if promise is not None:
            out.append(("promise", ordered, promise or None))
    if action == "add" and state == "completed":
        out.append(("installed", done, None))
    return out


def order_events(orders: Iterable[dict[str, Any]], channels: Mapping[str, str]) -> list[EventRow]:
    events: list[EventRow] = []
    for order in orders:
        ident = text(order.get("id"))
        if ident is None:
            continue
        found = []
        for n, item in enumerate(objs(order.get("productOrderItem")), start=1):
            service = ref_id(item.get("product"))
            item_id = text(item.get("id")) or str(n)
            for kind, when, params in _item_events(order, item):
                if when is not None:
                    found.append((f"{ident}/{item_id}/{kind}", kind, when, service, params))
        note = next((t for t in (text(x.get("text")) for x in objs(order.get("note"))) if t), None)
        where = channel(order, channels)
        for key, kind, when, service, params in found:
            ident_n = event_id(ident if len(found) == 1 else key)
            events.append(EventRow(ident_n, when, where, kind, service, note, params))
    return events


def credits(rates: Iterable[dict[str, Any]], bill_dates: Mapping[str, datetime | None]) -> list[EventRow]:
    """Negative applied rates on a bill we read, as ``credit_issued`` events for the months they cover."""
    events = []
    for r in rates:
        ident, bill = text(r.get("id")), ref_id(r.get("bill"))
        value, _ = money(r.get("taxIncludedAmount"))
        if ident is None or bill not in bill_dates or value is None or value >= 0:
            continue
        when = moment(r.get("date")) or bill_dates[bill]
        if when is None:
            continue
        coverage = obj(r.get("periodCoverage"))
        periods = months_between(coverage.get("startDateTime"), coverage.get("endDateTime"))
        label = text(r.get("name")) or text(r.get("description")) or text(r.get("type"))
        params = {"periods": periods, "amount": format(-value, "f"), "bill": bill}
        events.append(EventRow(event_id(ident), when, "system", "credit_issued", ref_id(r.get("product")), label, params))
    return events
