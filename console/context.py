"""The one bootstrap: settings plus the two stores, opened lazily, shared by CLI and window.

A lookup needs only customer data and a CLI ``sync`` only the journal, so each store is
opened (and migrated) on first use. The clock lives here too: in demo mode the console's
"now" is the scenario's ``call_at``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from console.settings import Settings

if TYPE_CHECKING:  # imported when a store is first opened: the window paints before SQLAlchemy loads
    from console.db import Store
    from console.principal import Principal
    from console.sources import CustomerSource


def system_clock() -> datetime:
    return datetime.now(UTC)


class ConsoleContext:
    def __init__(self, settings: Settings, clock: Callable[[], datetime] = system_clock) -> None:
        self.settings = settings
        self.clock = clock
        self._customers: Store | None = None
        self._journal: Store | None = None
        self._source: CustomerSource | None = None
        # Who is at the keyboard once signed in (console.principal); None until then.
        self.principal: Principal | None = None
        # Trainer mode: the calls of attempts scored before the scenario was last rung. They
        # are closed: their credits and stops do not count for the next attempt.
        self.closed_calls: frozenset[str] = frozenset()
        # The journal was checked to belong to the customer store (console.binding).
        self.journal_bound = False

    @property
    def customers(self) -> Store:
        if self._customers is None:
            from console.db import open_store

            self._customers = open_store(self.settings.db_url, "customer")
        return self._customers

    @property
    def journal(self) -> Store:
        if self._journal is None:
            from console.db import open_store

            self._journal = open_store(self.settings.journal_url, "journal")
        return self._journal

    @property
    def source(self) -> CustomerSource:
        """Where callers are read from (``[source]`` in the config; the customer store by default)."""
        if self._source is None:
            from console.sources import open_source

            self._source = open_source(self)
        return self._source

    def now(self) -> datetime:
        return self.clock()

    def close(self) -> None:
        if self._source is not None:
            self._source.close()
            self._source = None
        for store in (self._customers, self._journal):
            if store is not None:
                store.dispose()
        self._customers = self._journal = None

    def __enter__(self) -> ConsoleContext:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
