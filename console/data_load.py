"""Loading customer data from files or a generator: for the roles the matrix allows.

Importing a scenario replaces a customer's contract, notices and bills, and seeding adds
customers, so on a production store both are as sensitive as a credit: the acting
principal (signed in once the store has users) needs ``scenario.import`` (leads and
trainers). The CLI (``import``, ``seed``) and the trainer's window both come through here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from console.permissions import require
from console.principal import acting

if TYPE_CHECKING:
    from console.context import ConsoleContext
    from console.scenarios.store import ImportReport
    from console.seed import SeedOptions, SeedReport


def import_scenarios(ctx: ConsoleContext, paths: Sequence[str | Path]) -> ImportReport:
    """Import scenario files or folders, each file in its own transaction (one bad file
    does not stop the others)."""
    from console.scenarios import import_paths

    require(acting(ctx), "scenario.import")
    return import_paths(ctx.customers, list(paths), ctx.settings.region)


def seed_customers(ctx: ConsoleContext, options: SeedOptions, progress: Callable[[int, int], None] | None = None) -> SeedReport:
    """Generate a synthetic population into the customer store."""
    from console.seed import seed_population

    require(acting(ctx), "scenario.import")
    return seed_population(ctx.settings.db_url, options, progress=progress)
