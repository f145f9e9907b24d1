"""The scoring rules, as pure functions over the expected and the recorded actions.

Points (documented in docs/training.md):
- each expected finding the trainee named: 1 point;
- each expected action done (same kind, and same service when the scenario names one):
  1 point, and for a credit 1 more point when the amount AND the months are exact;
- each action the scenario does not call for: minus 1 point (the total never goes below 0);
- a scenario that expects nothing (the customer was correctly told) is worth 1 point,
  earned by doing nothing the scenario does not call for.
Over- and under-credit are reported in money, per service, beside the points.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from console.scenarios.document import ExpectedAction, ExpectedDoc

ZERO = Decimal(0)


@dataclass(frozen=True)
class RecordedAction:
    kind: str
    service: str | None = None
    amount: Decimal | None = None
    periods: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionVerdict:
    status: str  # right | partly_right | missing | extra
    expected: ExpectedAction | None
    recorded: RecordedAction | None
    points: int
    max_points: int
    note: str = ""


@dataclass(frozen=True)
class Scorecard:
    findings_expected: tuple[str, ...]
    findings_spotted: tuple[str, ...]
    findings_missed: tuple[str, ...]
    findings_wrong: tuple[str, ...]
    actions: tuple[ActionVerdict, ...]
    over_credit: Decimal
    under_credit: Decimal
    seconds: int | None
    points: int
    max_points: int
    hints_hidden: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def percent(self) -> int:
        if self.max_points == 0:
            return 100
        return round(100 * self.points / self.max_points)

    @property
    def perfect(self) -> bool:
        return self.points == self.max_points


def _matches(expected: ExpectedAction, recorded: RecordedAction) -> bool:
    if expected.kind != recorded.kind:
        return False
    return expected.service is None or expected.service == recorded.service


def _credit_total(actions: Iterable[ExpectedAction | RecordedAction]) -> dict[str | None, Decimal]:
    totals: dict[str | None, Decimal] = {}
    for a in actions:
        if a.kind == "issue_credit" and a.amount is not None:
            totals[a.service] = totals.get(a.service, ZERO) + a.amount
    return totals


def score_attempt(
    expected: ExpectedDoc,
    recorded: Sequence[RecordedAction],
    finding_codes: Iterable[str],
    *,
    seconds: int | None = None,
    hints_hidden: bool = False,
) -> Scorecard:
    named = set(finding_codes)
    exp_findings = tuple(expected.findings)
    spotted = tuple(f for f in exp_findings if f in named)
    missed = tuple(f for f in exp_findings if f not in named)
    wrong = tuple(sorted(named - set(exp_findings)))

    remaining = list(recorded)
    verdicts: list[ActionVerdict] = []
    for exp in expected.actions:
        worth = 2 if exp.kind == "issue_credit" else 1
        match = next((r for r in remaining if _matches(exp, r)), None)
        if match is None:
            verdicts.append(ActionVerdict("missing", exp, None, 0, worth, _describe(exp)))
            continue
        remaining.remove(match)
        if exp.kind != "issue_credit":
            verdicts.append(ActionVerdict("right", exp, match, worth, worth))
            continue
        exact = match.amount == exp.amount and sorted(match.periods) == sorted(exp.periods)
        note = "" if exact else f"expected {exp.amount} for {', '.join(exp.periods)}; recorded {match.amount} for {', '.join(match.periods) or '-'}"
        verdicts.append(ActionVerdict("right" if exact else "partly_right", exp, match, 2 if exact else 1, 2, note))
    for extra in remaining:
        verdicts.append(ActionVerdict("extra", None, extra, -1, 0, _describe(extra)))

    max_points = len(exp_findings) + sum(v.max_points for v in verdicts)
    points = len(spotted) + sum(v.points for v in verdicts)
    if not exp_findings and not expected.actions:
        max_points = 1
        points = 1 if not remaining else 0
    points = max(0, points)

    exp_credit = _credit_total(expected.actions)
    rec_credit = _credit_total(recorded)
    over = under = ZERO
    for service in set(exp_credit) | set(rec_credit):
        diff = rec_credit.get(service, ZERO) - exp_credit.get(service, ZERO)
        if diff > 0:
            over += diff
        else:
            under -= diff
    return Scorecard(
        findings_expected=exp_findings,
        findings_spotted=spotted,
        findings_missed=missed,
        findings_wrong=wrong,
        actions=tuple(verdicts),
        over_credit=over,
        under_credit=under,
        seconds=seconds,
        points=points,
        max_points=max_points,
        hints_hidden=hints_hidden,
    )


def _describe(action: ExpectedAction | RecordedAction) -> str:
    parts = [action.kind]
    if action.service:
        parts.append(action.service)
    if action.amount is not None:
        parts.append(str(action.amount))
    if action.periods:
        parts.append(",".join(action.periods))
    return " ".join(parts)
