"""``agent-console import PATH...``: load scenario files (YAML) into the customer store.

One line per file: ``imported <id> from <path>`` on stdout, or the file's error line on
stderr. Each file is its own transaction, so one bad file does not stop the others; the
exit code is 0 when every file imported and 2 when any failed.
"""

from __future__ import annotations

import argparse
import sys

from console.context import ConsoleContext
from console.data_load import import_scenarios


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="load scenario files (YAML, format 1) into the customer data",
        description="Load scenario files or folders of *.yaml files. Re-importing a scenario replaces it.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file or a folder of them")
    p.set_defaults(handler=run, auth="user")


def run(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    report = import_scenarios(ctx, args.paths)
    for r in report.results:
        if r.ok:
            print(f"{'replaced' if r.replaced else 'imported'} {r.scenario_id} from {r.path}")
        else:
            print(r.error, file=sys.stderr)
    return 0 if report.ok else 2
