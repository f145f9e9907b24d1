"""The ``[source]`` table for ``kind = "tmf"``, checked once when the source opens.

An operator's BSS differs from the console's vocabulary in ways only the operator knows
(which message template means "it stops by itself", which term type means "trial then
paid"), so those mappings live in the config. Every value is checked here, so a typo
becomes one clear line at start-up instead of a wrong finding during a call. The bearer
token is never in the file: ``token_env`` names the environment variable that holds it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.settings import ConfigError
from console.vocabulary import CLAUSE_KINDS, EVENT_CHANNELS, LANGUAGES, NOTIFICATION_SAYS

DEFAULT_TIMEOUT_S = 3.0
DEFAULT_CONNECT_TIMEOUT_S = 1.0
DEFAULT_CACHE_MAX_AGE_S = 8 * 3600  # one shift: long enough for a BSS outage, short for personal data
DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True)
class TmfConfig:
    base_url: str
    token: str | None = None
    message_templates: Mapping[str, str] = field(default_factory=dict)
    term_types: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)
    timeout_s: float = DEFAULT_TIMEOUT_S
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S
    cache_max_age_s: float = DEFAULT_CACHE_MAX_AGE_S  # 0: keep no copies
    cache_dir: Path | None = None  # None: the user's cache folder (platformdirs)
    page_size: int = DEFAULT_PAGE_SIZE
    default_language: str = "zh_TW"

    def __repr__(self) -> str:  # never show the token
        return f"TmfConfig(base_url={self.base_url!r})"


def base_url(value: Any, where: str) -> str:
    """An http(s) URL without a trailing slash (each API's base path goes below it)."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: base_url must be an http:// or https:// URL, not {value!r}")
    return value.rstrip("/")


def token_from(options: Mapping[str, Any], where: str, env: Mapping[str, str] | None = None) -> str | None:
    """The bearer token from the variable ``token_env`` names (optional; named but empty is an error)."""
    var = options.get("token_env")
    if var is None:
        return None
    if not isinstance(var, str) or not var:
        raise ConfigError(f"{where}: token_env must name an environment variable")
    value = (os.environ if env is None else env).get(var)
    if not value:
        raise ConfigError(f"{where}: the bearer token is not set (environment variable {var} is empty)")
    return value


def seconds(options: Mapping[str, Any], key: str, default: float, where: str, *, zero: bool = False) -> float:
    value = options.get(key, default)
    low_ok = (lambda v: v >= 0) if zero else (lambda v: v > 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low_ok(value) or value >= 1e7:
        raise ConfigError(f"{where}: {key} must be a number of seconds{' (0 or more)' if zero else ' above zero'}, not {value!r}")
    return float(value)


def _mapping(options: Mapping[str, Any], key: str, allowed: frozenset[str], where: str) -> dict[str, str]:
    table = options.get(key, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [source.{key}] must be a table")
    out: dict[str, str] = {}
    for name, word in table.items():
        if word not in allowed:
            raise ConfigError(f"{where}: [source.{key}] {name!r} = {word!r} is not one of {', '.join(sorted(allowed))}")
        out[str(name)] = str(word)
    return out


def load(options: Mapping[str, Any], env: Mapping[str, str] | None = None) -> TmfConfig:
    """Check the ``[source]`` table of a ``tmf`` source; raise ConfigError (one line) if it is wrong."""
    where = "[source] (kind tmf)"
    page = options.get("page_size", DEFAULT_PAGE_SIZE)
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= 10_000:
        raise ConfigError(f"{where}: page_size must be a whole number from 1 to 10000, not {page!r}")
    language = options.get("default_language", "zh_TW")
    if language not in LANGUAGES:
        raise ConfigError(f"{where}: default_language must be one of {', '.join(LANGUAGES)}")
    cache_dir = options.get("cache_dir")
    if cache_dir is not None and (not isinstance(cache_dir, str) or not cache_dir):
        raise ConfigError(f"{where}: cache_dir must be a folder path")
    return TmfConfig(
        base_url=base_url(options.get("base_url"), where),
        token=token_from(options, where, env),
        message_templates=_mapping(options, "message_templates", NOTIFICATION_SAYS, where),
        term_types=_mapping(options, "term_types", CLAUSE_KINDS, where),
        channels=_mapping(options, "channels", EVENT_CHANNELS, where),
        timeout_s=seconds(options, "timeout_s", DEFAULT_TIMEOUT_S, where),
        connect_timeout_s=seconds(options, "connect_timeout_s", DEFAULT_CONNECT_TIMEOUT_S, where),
        cache_max_age_s=seconds(options, "cache_max_age_s", DEFAULT_CACHE_MAX_AGE_S, where, zero=True),
        cache_dir=Path(cache_dir).expanduser() if cache_dir else None,
        page_size=page,
        default_language=language,
    )
