"""``agent-console scenario check PATH...``: validate scenario files without writing anything.

For trainers writing a scenario: the same checks as ``import`` that the file alone can
answer (syntax, fields, vocabulary, amounts, dates, phones, ids unique within the file), one
line per file, and no database is opened. Under a valid file, ``note:`` lines say what was
read differently from how it was written (a channel synonym, an unknown channel kept as
written) and where the console's own judgement of the caller, as of ``call_at``, differs
from the file's ``expected`` block. Exit 0 when every file is valid, 2 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from console.context import ConsoleContext
from console.errors import UserError
from console.scenarios import load_scenario, scenario_files
from console.scenarios.view import expectation_gaps


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("scenario", help="work with scenario files (see 'scenario check')")
    actions = p.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate scenario files (YAML) without importing them")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file or a folder of them")
    check.set_defaults(handler=run_check)


def run_check(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    failed = False
    for path, problem in scenario_files(args.paths):
        if problem is None:
            try:
                doc = load_scenario(path, ctx.settings.region)
            except UserError as exc:
                problem = str(exc)
            else:
                print(f"ok {doc.id} {path}")
                for note in (*doc.notes, *expectation_gaps(doc)):
                    print(f"  note: {note}")
                continue
        failed = True
        print(problem, file=sys.stderr)
    return 2 if failed else 0
