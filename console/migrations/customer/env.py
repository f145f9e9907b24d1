"""Alembic environment of the customer store (run by console.migrate, never by hand)."""

from console.migrations.common_env import run_migrations
from console.models import CustomerBase

run_migrations(CustomerBase.metadata)
