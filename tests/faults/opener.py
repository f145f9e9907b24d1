"""The child process of the first-open crash test: creates and migrates a journal, one step at a time.

Run as ``python opener.py JOURNAL_URL``. Before every SQL statement the journal's engine
runs, and before its commits, it prints ``STEP n WHAT`` and waits for a line on stdin, so
the parent can SIGKILL it at an exact point of the creation and migration (instead of
after a guessed delay, which under load lands before the file even exists). ``WHAT`` is the
statement's first word (``BEGIN``, ``CREATE``, ``INSERT`` ...) or ``COMMIT``. After the
store is open it prints ``READY``, records one call (``CALL id``) and prints ``DONE``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from sqlalchemy import Engine, event


def _pause(what: str, counter: list[int]) -> None:
    counter[0] += 1
    print(f"STEP {counter[0]} {what}", flush=True)
    if not sys.stdin.readline():  # the parent went away: stop here
        sys.exit(1)


def main(journal_url: str) -> None:
    from console.calls import WrapUp, record_call
    from console.context import ConsoleContext
    from console.settings import load_settings

    counter = [0]
    # Class-level listeners: they apply to the engine the context creates inside.
    event.listen(Engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: _pause(statement.split(None, 1)[0].upper(), counter))
    event.listen(Engine, "commit", lambda conn: _pause("COMMIT", counter))
    ctx = ConsoleContext(load_settings(journal=journal_url, db="sqlite://", agent="A001", role="agent"))
    ctx.journal  # noqa: B018 - open (create and migrate) it now
    print("READY", flush=True)
    t0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    call_id = record_call(ctx, WrapUp(customer_id="C1", outcome="resolved", started_at=t0, saved_at=t0,
                                      notes="first call", phone="+886912345678"))
    print(f"CALL {call_id}", flush=True)
    ctx.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
