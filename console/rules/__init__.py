"""The rules engine: which rules exist, and running them over one caller as of a moment.

Rules are pluggy plugins (the hook system pytest uses), so a rule pack is an ordinary
Python package exposing ``agent_console_rules()`` under the entry point group
``agent_console.rules``; the built-in rules are registered the same way. Each rule lives
in its own module and runs in ``priority`` order, so the most specific explanation of a
charge claims it first and one overcharge gives one finding.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pluggy

from console.caller_view import CallerView
from console.rules.base import Finding, Resolution, Rule, RuleContext

if TYPE_CHECKING:
    from console.judgement.ledger import Ledger

PROJECT = "agent_console"
ENTRY_POINT_GROUP = "agent_console.rules"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
log = logging.getLogger(__name__)

__all__ = [
    "ENTRY_POINT_GROUP", "Finding", "Resolution", "Rule", "RuleContext", "all_rules", "evaluate",
    "hookimpl", "hookspec", "plugin_manager",
]


class RuleSpecs:
    @hookspec
    def agent_console_rules(self) -> Sequence[Rule]:  # type: ignore[empty-body]
        """Return the rules this plugin contributes (objects with code, priority, find, resolve)."""


class BuiltinRules:
    @hookimpl
    def agent_console_rules(self) -> Sequence[Rule]:
        from console.rules import (
            charged_after_cancel_attempt,
            charged_while_suspended,
            duplicate_charge,
            notice_contradicts_contract,
            promo_not_applied,
            unused_paid_service,
        )

        return [
            notice_contradicts_contract.RULE,
            charged_after_cancel_attempt.RULE,
            charged_while_suspended.RULE,
            promo_not_applied.RULE,
            duplicate_charge.RULE,
            unused_paid_service.RULE,
        ]


def plugin_manager(load_entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(RuleSpecs)
    pm.register(BuiltinRules(), name="builtin")
    if load_entry_points:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception:  # a broken third-party pack must not stop the console
            log.exception("could not load rule packs from entry points %s", ENTRY_POINT_GROUP)
    return pm


def collect(pm: pluggy.PluginManager) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    for contributed in reversed(pm.hook.agent_console_rules()):  # later plugins override built-ins
        for rule in contributed:
            rules[rule.code] = rule
    return tuple(sorted(rules.values(), key=lambda r: (r.priority, r.code)))


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    return collect(plugin_manager())


def evaluate(
    view: CallerView, at: datetime, language: str, rules: Sequence[Rule] | None = None,
    effects: Iterable[Any] = (),
    ledger: Ledger | None = None,
) -> tuple[RuleContext, list[tuple[Rule, Finding]]]:
    """Run every rule over ``view`` as of ``at``; a failing rule is logged and skipped.

    ``effects`` are the journal's ``console.effects.Effect`` rows for the customer. Pass the
    ``ledger`` of an earlier evaluation of the same caller, moment and effects to word the
    same judgement in another language without working it out again.
    """
    ctx = RuleContext(view, at, language, effects)
    if ledger is not None:
        ctx.use_ledger(ledger)
    found: list[tuple[Rule, Finding]] = []
    for rule in rules if rules is not None else all_rules():
        try:
            found.extend((rule, f) for f in rule.find(ctx))
        except Exception:
            log.exception("rule %s failed for customer %s", rule.code, view.customer.id)
    return ctx, found
