"""Screen-pop lookups off the GUI thread: one worker, newest request wins.

The agent may type a number, think better of it and type another before the first answer
is back; a database on a busy floor may be locked or unreachable. So every lookup runs on a
single worker thread (a ``QThreadPool`` of one, like Anki's task manager), each request
gets a generation number, and the window keeps only the answer to the newest one. Results
and errors come back through queued signals; the worker never touches a widget.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from console.caller_view import CallerView
from console.errors import NotFound, StoreError, UserError
from console.flags import Flag, PendingCredit, caller_flags, pending_credits
from console.phones import InvalidPhone
from console.search import CustomerMatch, SearchUnavailable, find_customers, is_search_text

if TYPE_CHECKING:
    from console.context import ConsoleContext

# The database layer (SQLAlchemy, the ORM models, the lookup) is imported on the worker
# thread by the first lookup, not at start-up: the window paints before it is loaded.

log = logging.getLogger("agent_console.ui")


@dataclass(frozen=True)
class PopResult:
    """Everything the window shows for one caller, built on the worker as plain data."""

    phone: str
    view: CallerView
    flags: tuple[Flag, ...]
    history: Any  # console.history.CustomerHistory, or None when the journal is unavailable
    credits: tuple[PendingCredit, ...]
    now: datetime  # the console's "now" for this caller: a scenario's call_at, else the clock
    history_error: str | None = None


# What went wrong, for the window to say in its own language (``PopFailure.kind``).
UNKNOWN, INVALID, NO_MATCH, NO_SEARCH, STORE, BUG = "unknown", "invalid", "no_match", "no_search", "store", "bug"


@dataclass(frozen=True)
class PopFailure:
    phone: str
    message: str  # the service's one line (English; logs, support)
    retryable: bool  # False: the number itself is wrong (inline message); True: store trouble
    kind: str = STORE  # UNKNOWN, INVALID, NO_MATCH, NO_SEARCH, STORE or BUG: what the window says


@dataclass(frozen=True)
class PopChoices:
    """Several customers match the name typed: the agent picks one (``console.search``)."""

    text: str
    matches: tuple[CustomerMatch, ...]


def screen_pop(ctx: ConsoleContext, phone: str) -> PopResult | PopChoices | PopFailure:
    """Look a caller up in the customer store and the journal. Runs on the worker thread.

    ``phone`` is what the agent typed or the softphone sent: a number in any written form,
    or (when it has letters) a customer id or a name, searched through ``console.search``.
    """
    if is_search_text(phone):
        matches = find_customers(ctx, phone)
        if not matches:
            return PopFailure(phone, f"no customer matches {phone!r}", retryable=False, kind=NO_MATCH)
        if len(matches) > 1:
            return PopChoices(phone, tuple(matches))
        return caller_pop(ctx, phone, ctx.source.load(matches[0].id))
    return caller_pop(ctx, phone, ctx.source.find(phone))


def customer_pop(ctx: ConsoleContext, customer_id: str) -> PopResult:
    """The same as ``screen_pop`` for a customer chosen by id (from ``PopChoices``)."""
    return caller_pop(ctx, customer_id, ctx.source.load(customer_id))


def caller_pop(ctx: ConsoleContext, phone: str, view: CallerView) -> PopResult:
    """The caller's journal history, flags and pending credits around ``view``."""
    from sqlalchemy.exc import SQLAlchemyError

    # A scenario caller (demo, training) is seen as of the scenario's call, as the CLI does.
    call_at = ctx.source.call_time(view)
    history, history_error = None, None
    try:
        from console.history import customer_history

        hooks = [str(h.get("name", "")) for h in ctx.settings.hooks] or None
        with ctx.journal.session() as js:
            history = customer_history(js, view.customer.id, hooks=hooks)
    except (UserError, SQLAlchemyError) as exc:
        # The journal is this workstation's; if it is unreadable the caller still pops.
        history_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    now = call_at or ctx.now()
    return PopResult(phone, view, caller_flags(view, now, history), history, pending_credits(history), now, history_error)


def describe(phone: str, exc: BaseException) -> PopFailure:
    """Turn an exception from a lookup into what the window says about it."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, InvalidPhone):
        return PopFailure(phone, str(exc), retryable=False, kind=INVALID)
    if isinstance(exc, NotFound):
        return PopFailure(phone, str(exc), retryable=False, kind=UNKNOWN)
    if isinstance(exc, SearchUnavailable):
        return PopFailure(phone, str(exc), retryable=False, kind=NO_SEARCH)
    if isinstance(exc, StoreError):
        return PopFailure(phone, str(exc), retryable=True, kind=STORE)
    if isinstance(exc, UserError):
        return PopFailure(phone, str(exc), retryable=False, kind=INVALID)
    if isinstance(exc, SQLAlchemyError):
        orig = getattr(exc, "orig", None) or exc
        text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
        return PopFailure(phone, text, retryable=True, kind=STORE)
    log.error("lookup of %s failed", phone, exc_info=exc)
    return PopFailure(phone, f"{type(exc).__name__}: {exc}", retryable=True, kind=BUG)


class _Job(QRunnable):
    def __init__(self, owner: Lookups, generation: int, phone: str, fn: Any) -> None:
        super().__init__()
        self.owner, self.generation, self.phone, self.fn = owner, generation, phone, fn

    def run(self) -> None:
        if self.generation != self.owner.generation:
            return  # superseded before it started: don't even ask the database
        try:
            result: PopResult | PopChoices | PopFailure = self.fn(self.owner.ctx, self.phone)
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the window
            result = describe(self.phone, exc)
        self.owner.done.emit(self.generation, result)


class Lookups(QObject):
    """Runs ``screen_pop`` on one worker thread; ``done(generation, PopResult | PopChoices | PopFailure)``."""

    done = Signal(int, object)

    def __init__(self, ctx: ConsoleContext, parent: QObject | None = None, fn: Any = screen_pop) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fn = fn
        self.generation = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def request(self, phone: str) -> int:
        self.generation += 1
        self.pool.start(_Job(self, self.generation, phone, self.fn))
        return self.generation

    def request_customer(self, customer_id: str) -> int:
        """Pop a customer chosen by id (after a name search offered several)."""
        self.generation += 1
        self.pool.start(_Job(self, self.generation, customer_id, customer_pop))
        return self.generation

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def shutdown(self) -> None:
        self.generation += 1  # anything queued is now stale
        self.pool.clear()
        self.pool.waitForDone()
