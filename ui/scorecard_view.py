"""A scorecard as lines a trainee reads: what was right, partly right, missed or extra.

Kept apart from the trainer panel so the wording can be tested (and translated) on its own;
each line comes with its kind (``right``, ``partly``, ``wrong``, ``info``) for its colour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console import formatting as fmt
from console.training.scoring import ActionVerdict, Scorecard
from ui.labels import word
from ui.wrapup import finding_word, mm_ss


def _action(v: ActionVerdict, language: str) -> str:
    a = v.expected or v.recorded
    assert a is not None
    parts = [word(a.kind)]
    if a.service:
        parts.append(a.service)
    if a.amount is not None:
        parts.append(fmt.money(a.amount, "TWD", language))
    if a.periods:
        parts.append(", ".join(fmt.period(p, language) for p in a.periods))
    return " · ".join(parts)


def scorecard_lines(card: Scorecard, language: str) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for code in card.findings_spotted:
        lines.append(("right", QCoreApplication.translate("Scorecard", "✓ Spotted: %1").replace("%1", finding_word(code))))
    for code in card.findings_missed:
        lines.append(("wrong", QCoreApplication.translate("Scorecard", "✗ Missed: %1").replace("%1", finding_word(code))))
    for code in card.findings_wrong:
        lines.append(("partly", QCoreApplication.translate("Scorecard", "? Named but not in this case: %1").replace("%1", finding_word(code))))
    for v in card.actions:
        text = _action(v, language)
        if v.status == "right":
            lines.append(("right", QCoreApplication.translate("Scorecard", "✓ Done right: %1").replace("%1", text)))
        elif v.status == "partly_right":
            rec = v.recorded
            got = ""
            if rec is not None:
                amount = fmt.money(rec.amount, "TWD", language) if rec.amount is not None else "-"
                got = " " + QCoreApplication.translate("Scorecard", "(you credited %1 for %2)").replace("%1", amount).replace(
                    "%2", ", ".join(fmt.period(p, language) for p in rec.periods) or "-")
            lines.append(("partly", QCoreApplication.translate("Scorecard", "≈ Partly right: %1").replace("%1", text) + got))
        elif v.status == "missing":
            lines.append(("wrong", QCoreApplication.translate("Scorecard", "✗ Missing: %1").replace("%1", text)))
        else:
            lines.append(("wrong", QCoreApplication.translate("Scorecard", "✗ Not called for: %1").replace("%1", text)))
    if not card.findings_expected and not any(v.expected for v in card.actions):
        lines.append(("info", QCoreApplication.translate("Scorecard", "Nothing was wrong in this case: the right answer was to explain, not to act.")))
    lines.append(("wrong" if card.over_credit else "info",
                  QCoreApplication.translate("Scorecard", "Over-credit: %1").replace("%1", fmt.money(card.over_credit, "TWD", language))))
    lines.append(("wrong" if card.under_credit else "info",
                  QCoreApplication.translate("Scorecard", "Under-credit: %1").replace("%1", fmt.money(card.under_credit, "TWD", language))))
    if card.seconds is not None:
        lines.append(("info", QCoreApplication.translate("Scorecard", "Time to resolution: %1").replace("%1", mm_ss(card.seconds))))
    if card.hints_hidden:
        missed = [finding_word(c) for c in card.findings_missed] + [_action(v, language) for v in card.actions if v.status == "missing"]
        if missed:
            lines.append(("wrong", QCoreApplication.translate("Scorecard", "Hints were hidden. What you missed: %1").replace("%1", "; ".join(missed))))
        else:
            lines.append(("right", QCoreApplication.translate("Scorecard", "Hints were hidden, and you missed nothing.")))
    return lines
