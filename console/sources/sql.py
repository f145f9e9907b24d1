"""The default customer source: the console's own customer store (``--db``), SQLite or PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.caller_view import CallerView
    from console.context import ConsoleContext
    from console.search import CustomerMatch


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

    def search(self, text: str, limit: int) -> list[CustomerMatch]:
        """Customers whose name contains ``text`` (``console.search``), names starting with it first."""
        from sqlalchemy import case, func, select

        from console.models import Customer, Phone
        from console.search import CustomerMatch

        pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        first_phone = select(func.min(Phone.e164)).where(Phone.customer_id == Customer.id).scalar_subquery()
        query = (
            select(Customer.id, Customer.name, first_phone)
            .where(Customer.name.ilike(f"%{pattern}%", escape="\\"))
            .order_by(case((Customer.name.ilike(f"{pattern}%", escape="\\"), 0), else_=1), Customer.name, Customer.id)
            .limit(limit)
        )
        with self.ctx.customers.session() as s:
            return [CustomerMatch(*row) for row in s.execute(query)]

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
