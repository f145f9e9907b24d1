"""Where a caller's world comes from: the customer-source seam.

The window, ``lookup``, ``suggest``, ``call`` and the rules never ask a database directly for
a caller; they ask ``ctx.source`` (a ``CustomerSource``), so an operator's own systems (a BSS
over TM Forum Open APIs, a CRM with its own API) can stand in for the console's SQL store
without touching the rules or the window. Source kinds are found by name: the built-in
``sql``, and third-party kinds registered under the entry point group
``agent_console.sources`` (a callable ``factory(ctx, config) -> CustomerSource``). Built in:
``sql`` (``console.sources.sql``) and ``tmf`` (``console.sources.tmf``, TM Forum Open APIs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol

from console.errors import StoreError, UserError

if TYPE_CHECKING:
    from console.caller_view import CallerView
    from console.context import ConsoleContext

ENTRY_POINT_GROUP = "agent_console.sources"
log = logging.getLogger(__name__)


class SourceUnavailable(StoreError):
    """The source cannot answer now (down, slow, refused): retryable, exit code 4."""


class CustomerSource(Protocol):
    """Reads one caller's world. Implementations must be safe to call from a worker thread."""

    kind: str

    def find(self, phone: str) -> CallerView:
        """The caller with this number (any written form), or raise ``UnknownCaller``
        (``console.lookup``), ``InvalidPhone`` or ``SourceUnavailable``."""
        ...

    def load(self, customer_id: str) -> CallerView:
        """The customer with this id (for the approvals queue and history), or ``UnknownCaller``."""
        ...

    def call_time(self, view: CallerView) -> datetime | None:
        """The moment this caller is seen at when not the clock: a training scenario's
        ``call_at``; None for a live customer."""
        ...

    def close(self) -> None: ...


SourceFactory = Callable[["ConsoleContext", Mapping[str, Any]], CustomerSource]


def _sql_factory(ctx: ConsoleContext, config: Mapping[str, Any]) -> CustomerSource:
    from console.sources.sql import SqlSource

    return SqlSource(ctx)


def _tmf_factory(ctx: ConsoleContext, config: Mapping[str, Any]) -> CustomerSource:
    from console.sources.tmf import factory

    return factory(ctx, config)


BUILTIN: dict[str, SourceFactory] = {"sql": _sql_factory, "tmf": _tmf_factory}


def factories() -> dict[str, SourceFactory]:
    """Built-in kinds, then the entry point group (a plugin may not replace a built-in)."""
    found: dict[str, SourceFactory] = dict(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in found:
            continue
        try:
            found[ep.name] = ep.load()
        except Exception:  # a broken plugin must not stop the console
            log.exception("could not load customer source %r from %s", ep.name, ep.value)
    return found


def open_source(ctx: ConsoleContext) -> CustomerSource:
    """The source the settings name (``[source] kind``; ``sql`` when absent)."""
    config = ctx.settings.source
    kind = str(config.get("kind", "sql"))
    if kind in BUILTIN:
        return BUILTIN[kind](ctx, config)
    known = factories()
    if kind not in known:
        raise UserError(f"[source] kind {kind!r} is not known: use one of {', '.join(sorted(known))}")
    return known[kind](ctx, config)
