"""Customer source kind ``tmf``: the operator's BSS over the TM Forum Open APIs v4.

``config`` checks the ``[source]`` table, ``client`` speaks HTTP (one pool, TMF630 paging),
``mapping`` and ``orders`` turn TMF resources into CallerView rows, ``cache`` keeps the last
copy of each caller for when the BSS is down, and ``source`` ties them together. Writing
outcomes back (TMF621 trouble tickets, TMF622 product orders) is the sync hook
``console.sync.tmf``. The mapping, field by field: docs/integration.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.context import ConsoleContext
    from console.sources import CustomerSource


def factory(ctx: ConsoleContext, options: Mapping[str, Any]) -> CustomerSource:
    from console.sources.tmf.config import load
    from console.sources.tmf.source import TmfSource

    return TmfSource(load(options), region=ctx.settings.region)
