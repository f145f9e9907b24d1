"""The default customer source: the console's own customer store (``--db``), SQLite or PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.caller_view import CallerView
    from console.context import ConsoleContext


class SqlSource:
    kind = "sql"

    def __init__(self, ctx: ConsoleContext) -> None:
        self.ctx = ctx

    def find(self, phone: str) -> CallerView:
        from console.lookup import lookup

        with self.ctx.customers.session() as s:
            return lookup(s, phone, self.ctx.settings.region)

    def load(self, customer_id: str) -> CallerView:
        from console.lookup import load_caller

        with self.ctx.customers.session() as s:
            return load_caller(s, customer_id)

    def call_time(self, view: CallerView) -> datetime | None:
        if not view.customer.scenario_id:
            return None
        from console.errors import NotFound
        from console.scenarios import scenario_call_at

        try:
            return scenario_call_at(self.ctx.customers, view.customer.scenario_id)
        except NotFound:
            return None

    def close(self) -> None:
        """The store belongs to the context, which closes it."""
