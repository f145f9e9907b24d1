"""Settings: command-line options over environment variables over the TOML file.

DESIGN.md fixes the names: ``--db``/``AGENT_CONSOLE_DB``, ``--journal``/
``AGENT_CONSOLE_JOURNAL``, ``--config``/``AGENT_CONSOLE_CONFIG``, ``--agent``/
``AGENT_CONSOLE_AGENT``, ``--role``/``AGENT_CONSOLE_ROLE``. Secrets are never read from here:
hooks name the environment variable (or keyring entry) that holds them.
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from console import paths
from console.errors import UserError
from console.vocabulary import LANGUAGES, ROLES

DEFAULT_CREDIT_LIMIT = Decimal(500)


class ConfigError(UserError):
    pass


@dataclass
class Settings:
    db_url: str
    journal_url: str
    config_path: Path
    agent_id: str = "agent"
    role: str = "agent"
    demo: bool = False
    region: str = "TW"
    ui_language: str = ""  # "" follows the system locale
    workstation: str = field(default_factory=socket.gethostname)
    credit_limit: Decimal = DEFAULT_CREDIT_LIMIT
    templates_dir: Path | None = None
    hooks: list[dict[str, Any]] = field(default_factory=list)
    sync_interval_s: float = 5.0
    source: dict[str, Any] = field(default_factory=dict)  # [source]: where callers are read (console.sources)
    raw: dict[str, Any] = field(default_factory=dict)


def load_settings(
    *,
    db: str | None = None,
    journal: str | None = None,
    config: str | None = None,
    agent: str | None = None,
    role: str | None = None,
    demo: bool = False,
    env: dict[str, str] | None = None,
) -> Settings:
    env = os.environ if env is None else env
    config_path = Path(config or env.get("AGENT_CONSOLE_CONFIG") or paths.default_config_path())
    raw = _read_toml(config_path, explicit=bool(config or env.get("AGENT_CONSOLE_CONFIG")))
    if demo:
        # Demo mode never touches the production stores, whatever the environment says.
        db_url = db or paths.default_customer_url(demo=True)
        journal_url = journal or paths.default_journal_url(demo=True)
    else:
        db_url = db or env.get("AGENT_CONSOLE_DB") or paths.default_customer_url()
        journal_url = journal or env.get("AGENT_CONSOLE_JOURNAL") or paths.default_journal_url()
    role_value = role or env.get("AGENT_CONSOLE_ROLE") or raw.get("role") or ("trainer" if demo else "agent")
    if role_value not in ROLES:
        raise ConfigError(f"unknown role {role_value!r}: use one of {', '.join(ROLES)}")
    ui_language = str(raw.get("language", ""))
    if ui_language and ui_language not in LANGUAGES:
        raise ConfigError(f"{config_path}: language must be one of {', '.join(LANGUAGES)}")
    sync = raw.get("sync", {})
    if not isinstance(sync, dict):
        raise ConfigError(f"{config_path}: [sync] must be a table")
    hooks = sync.get("hooks", [])
    if not isinstance(hooks, list) or not all(isinstance(h, dict) for h in hooks):
        raise ConfigError(f"{config_path}: sync.hooks must be an array of tables ([[sync.hooks]])")
    templates = raw.get("templates_dir")
    if templates is not None and not isinstance(templates, str):
        raise ConfigError(f"{config_path}: templates_dir must be a folder path (text)")
    interval = _positive(sync.get("interval_s", 5.0), f"{config_path}: sync.interval_s")
    source = raw.get("source", {})
    if not isinstance(source, dict):
        raise ConfigError(f"{config_path}: [source] must be a table")
    return Settings(
        db_url=db_url,
        journal_url=journal_url,
        config_path=config_path,
        agent_id=agent or env.get("AGENT_CONSOLE_AGENT") or str(raw.get("agent", "agent")),
        role=role_value,
        demo=demo,
        region=str(raw.get("region", "TW")),
        ui_language=ui_language,
        workstation=str(raw.get("workstation") or socket.gethostname()),
        credit_limit=_money(raw.get("credit_limit", DEFAULT_CREDIT_LIMIT), config_path),
        templates_dir=Path(templates) if templates else paths.config_dir() / "templates",
        hooks=hooks,
        sync_interval_s=interval,
        source=source,
        raw=raw,
    )


def _read_toml(path: Path, *, explicit: bool) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"config file not found: {path}") from None
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _positive(value: Any, what: str) -> float:
    """A number of seconds greater than zero (a zero or negative interval would spin)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e9:
        raise ConfigError(f"{what} must be a number of seconds above zero, not {value!r}")
    return float(value)


def _money(value: Any, path: Path) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(f"{path}: credit_limit must be an amount, not {value!r}") from None
    if isinstance(value, bool) or not amount.is_finite():
        raise ConfigError(f"{path}: credit_limit must be an amount, not {value!r}")
    if amount < 0:
        raise ConfigError(f"{path}: credit_limit cannot be negative")
    return amount
