"""The contract between the sync worker and a delivery target, as a pluggy hook.

A plugin implements ``agent_console_sync_hook``: given one ``[[sync.hooks]]`` table it
returns a ``SyncHook`` when it handles that ``kind`` (else None; the first answer wins).
The worker then calls ``hook.deliver(events)`` with a batch in outbox order and records the
``Outcome`` of each event per hook. A hook must not deliver an event of a customer after
an earlier event of the same customer failed in the same batch: ``deliver_in_order`` does
that bookkeeping for hooks that send one event at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

import pluggy

if TYPE_CHECKING:
    from console.db import Store
    from console.outbox import Envelope

PROJECT = "agent_console_sync"
ENTRY_POINT_GROUP = "agent_console.sync_hooks"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(frozen=True)
class Outcome:
    """What happened to one event at one hook.

    ``retry``: a temporary failure (network, timeout, 5xx, 408, 429); tried again after a
    backoff, or after ``retry_after`` seconds when the target said so. ``dead``: refused for
    good (other 4xx); kept with the ``response`` for a lead to look at. ``held``: not tried,
    because an earlier event of the same customer failed; its state is left untouched.
    """

    state: Literal["delivered", "retry", "dead", "held"]
    error: str | None = None
    response: str | None = None
    retry_after: float | None = None


DELIVERED = Outcome("delivered")
HELD = Outcome("held")


class SyncHook(Protocol):
    name: str
    kind: str

    def deliver(self, events: Sequence[Envelope]) -> list[Outcome]:
        """One outcome per event, in the same order."""
        ...

    def close(self) -> None: ...


class HookSpecs:
    @hookspec(firstresult=True)
    def agent_console_sync_hook(self, name: str, kind: str, options: dict[str, Any], journal: Store) -> SyncHook | None:
        """Build the hook for one ``[[sync.hooks]]`` table, or return None if ``kind`` is not yours.

        ``options`` is the whole table (``name``, ``kind`` and the kind's own keys);
        ``journal`` is this workstation's journal store, read-only for hooks. Raise
        ``console.settings.ConfigError`` for a bad table (one line, no secrets in it).
        """


def deliver_in_order(events: Sequence[Envelope], send: Callable[[Envelope], Outcome]) -> list[Outcome]:
    """Send events one by one; once a customer's event fails, hold back its later ones."""
    blocked: set[str] = set()
    out: list[Outcome] = []
    for ev in events:
        if ev.customer_id in blocked:
            out.append(HELD)
            continue
        try:
            outcome = send(ev)
        except Exception as exc:  # a bug or an unexpected library error: retry, keep the reason
            outcome = Outcome("retry", error=f"{type(exc).__name__}: {exc}")
        if outcome.state in ("retry", "held"):
            blocked.add(ev.customer_id)
        out.append(outcome)
    return out
