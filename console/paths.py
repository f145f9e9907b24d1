"""Where the console keeps its files, per user and per platform (platformdirs).

Tests and trainers point the console elsewhere with ``XDG_DATA_HOME``/``XDG_CONFIG_HOME``
on Linux, or with the explicit ``--db``/``--journal``/``--config`` options.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_log_path

APP = "agent-console"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP, appauthor=False)


def log_dir() -> Path:
    return user_log_path(APP, appauthor=False)


def default_customer_url(demo: bool = False) -> str:
    folder = data_dir() / "demo" if demo else data_dir()
    return f"sqlite:///{folder / 'customers.sqlite3'}"


def default_journal_url(demo: bool = False) -> str:
    folder = data_dir() / "demo" if demo else data_dir()
    return f"sqlite:///{folder / 'journal.sqlite3'}"


def default_config_path() -> Path:
    return config_dir() / "config.toml"
