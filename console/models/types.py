"""Column types shared by both stores: money, aware timestamps, JSON.

SQLite has no decimal and no time-zone type, and the same models must run on PostgreSQL.
Money is therefore stored as whole minor units (cents) in a BIGINT and handed back as an
exact ``Decimal``; timestamps are stored in UTC and always come back timezone-aware, so no
naive datetime can leak into the rules or the journal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import JSON, BigInteger, DateTime, String
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator

_CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored exactly as integer cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            if isinstance(value, float):
                raise TypeError("money must be Decimal, never float")
            value = Decimal(value)
        cents = value * 100
        if cents != cents.to_integral_value():
            raise ValueError(f"amount {value} has a fraction of a cent")
        return int(cents)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(_CENT)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant, stored as UTC; naive input is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: times must be timezone-aware")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


str16 = Annotated[str, mapped_column(String(16))]
str32 = Annotated[str, mapped_column(String(32))]
str64 = Annotated[str, mapped_column(String(64))]
str200 = Annotated[str, mapped_column(String(200))]
money = Annotated[Decimal, mapped_column(Money)]
instant = Annotated[datetime, mapped_column(UTCDateTime)]
json_data = Annotated[Any, mapped_column(JSON)]
