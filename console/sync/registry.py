"""Building the configured hooks: built-in plugins, entry-point plugins, one table each.

Each ``[[sync.hooks]]`` table becomes one hook through the pluggy hook
``agent_console_sync_hook``. A table that cannot be built (unknown kind, missing secret,
bad URL) does not stop the others: it becomes a ``BrokenHook`` that the worker skips and
``sync status`` shows with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pluggy

from console.db import Store
from console.errors import UserError
from console.settings import ConfigError
from console.sync.hookspecs import ENTRY_POINT_GROUP, PROJECT, HookSpecs, SyncHook
from console.sync.jsonl import JsonlPlugin
from console.sync.postgres import PostgresPlugin
from console.sync.tmf import TmfPlugin
from console.sync.webhook import WebhookPlugin


@dataclass(frozen=True)
class BrokenHook:
    name: str
    kind: str
    error: str


def plugin_manager(extra_plugins: Sequence[object] = (), *, entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(HookSpecs)
    for plugin in (PostgresPlugin(), WebhookPlugin(), JsonlPlugin(), TmfPlugin(), *extra_plugins):
        pm.register(plugin)
    if entry_points:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    return pm


def hook_names(tables: Sequence[dict[str, Any]]) -> list[str]:
    return [str(t.get("name", "")) for t in tables]


def validate_tables(tables: Sequence[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for i, t in enumerate(tables, start=1):
        name, kind = t.get("name"), t.get("kind")
        if not isinstance(name, str) or not name.strip() or len(name) > 64:
            raise ConfigError(f"sync hook #{i}: needs a name (up to 64 characters)")
        if not isinstance(kind, str) or not kind:
            raise ConfigError(f"sync hook {name!r}: needs a kind (postgres, webhook, jsonl, tmf, or a plugin's)")
        if name in seen:
            raise ConfigError(f"sync hook {name!r} is configured twice")
        seen.add(name)
        for option, least in (("backoff_s", 0), ("max_backoff_s", 0), ("timeout_s", 0.001)):
            value = t.get(option)
            # bool is an int in Python: `timeout_s = true` must not pass as one second.
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not least <= value < 86_400):
                raise ConfigError(f"sync hook {name!r}: {option} must be a number of seconds, not {value!r}")
        batch = t.get("batch_size")
        if batch is not None and (isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= 100_000):
            raise ConfigError(f"sync hook {name!r}: batch_size must be a whole number from 1 to 100000")


def build_hooks(
    tables: Sequence[dict[str, Any]], journal: Store, *, pm: pluggy.PluginManager | None = None
) -> list[SyncHook | BrokenHook]:
    validate_tables(tables)
    pm = pm or plugin_manager()
    hooks: list[SyncHook | BrokenHook] = []
    for t in tables:
        name, kind = t["name"], t["kind"]
        try:
            hook = pm.hook.agent_console_sync_hook(name=name, kind=kind, options=dict(t), journal=journal)
        except UserError as exc:
            hooks.append(BrokenHook(name, kind, str(exc)))
            continue
        except Exception as exc:  # a third-party plugin's bug must not stop the other hooks
            hooks.append(BrokenHook(name, kind, f"plugin failed: {type(exc).__name__}: {exc}"))
            continue
        if hook is None:
            hooks.append(BrokenHook(name, kind, f"no plugin handles kind {kind!r}"))
        else:
            hooks.append(hook)
    return hooks
