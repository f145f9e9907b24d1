"""What both stores' Alembic environments share (each env.py only names its metadata)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import MetaData


def _render_item(type_: Any, obj: Any, autogen_context: Any) -> str | bool:
    """Render our column types as plain SQLAlchemy types so migrations stand alone."""
    if type_ == "type":
        name = type(obj).__name__
        if name == "Money":
            return "sa.BigInteger()"
        if name == "UTCDateTime":
            return "sa.DateTime(timezone=True)"
    return False


def run_migrations(target_metadata: MetaData) -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        connection = create_engine(context.config.get_main_option("sqlalchemy.url")).connect()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=_render_item,
        version_table=f"alembic_version_{context.config.attributes['store_kind']}",
    )
    with context.begin_transaction():
        context.run_migrations()
