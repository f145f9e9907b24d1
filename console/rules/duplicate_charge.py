"""``duplicate_charge``: the same charge billed twice for the same month.

Two lines for the same service, month, amount and wording (on one bill or on two bills
for the same month) are one charge billed twice: every copy after the first is credited
in full, whatever the usage, because the customer owed it once. Months a more specific
rule already credits as a whole are left to that rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from console.actions import ActionSpec
from console.caller_view import BillLineRow
from console.evidence import ref
from console.rules.base import Finding, Resolution, RuleContext
from console.rules.common import suggestion_id

CODE = "duplicate_charge"


class DuplicateCharge:
    code = CODE
    priority = 50

    def _copies(self, ctx: RuleContext, service: str, periods: tuple[str, ...] | None = None) -> dict[str, tuple[list[BillLineRow], list[BillLineRow]]]:
        """Per month: (originals, extra copies) of charges billed more than once.

        Without ``periods``, months already explained or credited are skipped; with them,
        exactly those months are examined (to resolve this rule's own finding).
        """
        done = ctx.credited_periods(service)
        result: dict[str, tuple[list[BillLineRow], list[BillLineRow]]] = {}
        for period, charge in ctx.charges(service).items():
            if periods is not None:
                if period not in periods:
                    continue
            elif (service, period) in ctx.claimed or period in done:
                continue
            seen: dict[tuple[Decimal, str], BillLineRow] = {}
            originals: list[BillLineRow] = []
            extra: list[BillLineRow] = []
            for line in charge.lines:
                if line.amount <= 0:
                    continue
                key = (line.amount, " ".join(line.text.split()).casefold())
                if key in seen:
                    extra.append(line)
                    if seen[key] not in originals:
                        originals.append(seen[key])
                else:
                    seen[key] = line
            if extra:
                result[period] = (originals, extra)
        return result

    def _amounts(self, ctx: RuleContext, service: str, copies: dict[str, tuple[list[BillLineRow], list[BillLineRow]]]) -> dict[str, Decimal]:
        charges = ctx.charges(service)  # never more than was billed net for the month
        return {p: min(sum((ln.amount for ln in extra), Decimal(0)), charges[p].amount) for p, (_, extra) in copies.items()}

    def find(self, ctx: RuleContext) -> Iterator[Finding]:
        for s in ctx.services:
            copies = self._copies(ctx, s.code)
            if not copies:
                continue
            ctx.claimed.update((s.code, p) for p in copies)
            evidence = [ref("bill_line", ln.id) for orig, extra in copies.values() for ln in (*orig, *extra)]
            total = sum(self._amounts(ctx, s.code, copies).values(), Decimal(0))
            summary = ctx.text(
                {
                    "en": "{name} was billed twice for {months} ({total} too much).",
                    "zh_TW": "{name}在 {months} 重複收費（多收 {total}）。",
                },
                name=ctx.service_name(s.code), months=", ".join(sorted(copies)),
                total=ctx.money(total),
            )
            yield Finding(CODE, s.code, tuple(evidence), summary, tuple(sorted(copies)))

    def resolve(self, finding: Finding, ctx: RuleContext) -> Resolution:
        service = finding.service_code or ""
        copies = self._copies(ctx, service, finding.periods)
        amounts = self._amounts(ctx, service, copies)
        total = sum(amounts.values(), Decimal(0))
        sid = suggestion_id(CODE, service)
        actions = (ActionSpec("issue_credit", service_code=service, amount=total, currency=ctx.currency,
                              periods=tuple(sorted(amounts)), suggestion_id=sid),) if total > 0 else ()
        title = ctx.text({"en": "Credit the duplicate {name} charge", "zh_TW": "退還重複收取的{name}費用"},
                         name=ctx.service_name(service))
        facts = {
            "credit": total, "billed": sum((ctx.charges(service)[p].amount for p in amounts), Decimal(0)),
            "credited_periods": sorted(amounts), "used_periods": [], "unknown_periods": [],
            "per_period": [{"period": p, "amount": a} for p, a in sorted(amounts.items())],
            "lines": [{"id": ln.id, "text": ln.text, "amount": ln.amount} for _, extra in copies.values() for ln in extra],
        }
        return Resolution(title, actions, facts)


RULE = DuplicateCharge()
