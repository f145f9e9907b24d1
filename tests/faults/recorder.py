"""The child process of the crash tests: records calls through ``record_call``, one per line.

Run as ``python recorder.py JOURNAL_URL N START``. It records N calls (every third one
with a credit and a case, so one call writes several rows and events) and prints each new
call's id only AFTER ``record_call`` returned, i.e. after the transaction committed: a
printed id is a promise that the call is saved. The parent SIGKILLs it at random moments.
The credit of call number i is ``credit_for(i)`` so the parent knows the expected money.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def credit_for(i: int) -> Decimal | None:
    return Decimal(1 + (i * 37) % 499) if i % 3 == 0 else None


def main(journal_url: str, n: int, start: int) -> None:
    from console.actions import ActionSpec
    from console.calls import WrapUp, record_call
    from console.context import ConsoleContext
    from console.settings import load_settings

    ctx = ConsoleContext(load_settings(journal=journal_url, db="sqlite://", agent="A001", role="agent"))
    ctx.journal  # open (and migrate) before the first call  # noqa: B018
    print("READY", flush=True)
    for i in range(start, start + n):
        amount = credit_for(i)
        specs = []
        if amount is not None:
            # One month per call: a second credit for a month already credited needs a reason.
            month = f"{2026 + i // 12}-{i % 12 + 1:02d}"
            specs = [ActionSpec("issue_credit", "MPRO", amount, periods=(month,), suggestion_id=f"s{i}"),
                     ActionSpec("open_case", params={"summary": "notice vs contract"}, suggestion_id=f"s{i}")]
        call_id = record_call(ctx, WrapUp(
            customer_id=f"C{i % 10}", outcome="resolved_with_credit" if specs else "resolved",
            root_cause="contract_notice_mismatch", started_at=T0 + timedelta(minutes=i),
            saved_at=T0 + timedelta(minutes=i, seconds=40), actions=specs, notes=f"call {i}",
            phone="+886912345678",
        ))
        print(f"{i} {call_id}", flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
