"""Alembic environment of the journal store (run by console.migrate, never by hand)."""

from console.migrations.common_env import run_migrations
from console.models import JournalBase

run_migrations(JournalBase.metadata)
