"""Shared fixtures and the suite's environment: the same results on any machine, any day.

Every test runs with its own XDG folders so nothing touches the developer's real console
data, and with every environment variable the console reads reset, so a developer's shell
cannot change a result. The time zone and the locale are pinned for the whole run (before
Qt starts); tests that care about another zone or language say so themselves.

Qt: the platform given in ``QT_QPA_PLATFORM`` is used as is (``./test`` runs the GUI tests
on Xvfb with a window manager, ``xcb``); without it, a display in ``DISPLAY`` or
``WAYLAND_DISPLAY`` is used, and with neither the tests run ``offscreen``. The header and
the closing summary say which, and the random-order seed to repeat the run with.

PostgreSQL tests use the server named by ``AGENT_CONSOLE_TEST_PG`` and get a database of
their own, dropped afterwards. A server that is not named or cannot be reached skips those
tests with the reason, except in CI (``CI=true``), where it fails them: CI must not pass
on checks it did not make.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# -- before anything imports Qt or reads the clock -------------------------------------------
if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Taipei, the product's home: not UTC, so a naive-time bug shows; fixed, so results do not
# depend on where the machine is. Same for the language of messages and of Qt's locale.
os.environ["TZ"] = "Asia/Taipei"
time.tzset()
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME", "LC_NUMERIC", "LC_MONETARY", "LC_COLLATE"):
    os.environ.pop(_var, None)
os.environ["LANG"] = os.environ["LC_CTYPE"] = "C.UTF-8"
# A developer's Qt tuning would change sizes, fonts and styles under the tests' feet.
for _var in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "QT_AUTO_SCREEN_SCALE_FACTOR", "QT_ENABLE_HIGHDPI_SCALING",
             "QT_FONT_DPI", "QT_STYLE_OVERRIDE", "QT_QPA_PLATFORMTHEME", "QT_SCALE_FACTOR_ROUNDING_POLICY"):
    os.environ.pop(_var, None)

from hypothesis import settings as hypothesis_settings  # noqa: E402

# Examples follow from each test's own code, never from a local .hypothesis/ folder or the
# clock; no deadline, because the suite runs on a loaded 2-core machine. A search for new
# examples: pytest --hypothesis-profile=explore (with --hypothesis-seed=N to repeat a search).
hypothesis_settings.register_profile("suite", derandomize=True, database=None, deadline=None, print_blob=True)
hypothesis_settings.register_profile("explore", database=None, deadline=None, print_blob=True)
hypothesis_settings.load_profile("suite")

from console.context import ConsoleContext  # noqa: E402
from console.settings import load_settings  # noqa: E402

PG_ENV = "AGENT_CONSOLE_TEST_PG"
# Everything the console reads from the environment (besides the XDG folders, set below).
CONSOLE_ENV = (
    "AGENT_CONSOLE_DB", "AGENT_CONSOLE_JOURNAL", "AGENT_CONSOLE_CONFIG", "AGENT_CONSOLE_AGENT",
    "AGENT_CONSOLE_ROLE", "AGENT_CONSOLE_PASSWORD", "AGENT_CONSOLE_AUDIT_KEY",
    "AGENT_CONSOLE_SCREENSHOT_SIZE", "AGENT_CONSOLE_T0",
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def qt_platform() -> str:
    """The Qt platform the GUI tests run on, as the reports name it."""
    platform = os.environ.get("QT_QPA_PLATFORM") or ("wayland" if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY") else "xcb")
    where = f" on {os.environ['DISPLAY']}" if platform.startswith("xcb") and os.environ.get("DISPLAY") else ""
    wm = os.environ.get("AGENT_CONSOLE_TEST_WM")
    return f"{platform}{where}" + (f" with {wm}" if wm else "")


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"Qt platform: {qt_platform()}; TZ={os.environ['TZ']}; LANG={os.environ['LANG']}"]


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    """Shown even with -q: what to type to repeat this run's order and platform."""
    seed = getattr(config.option, "randomly_seed", None)
    order = f"random order seed {seed} (repeat: --randomly-seed={seed})" if isinstance(seed, int) else "file order (pytest-randomly off)"
    terminalreporter.write_line(f"{order}; Qt platform: {qt_platform()}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that use a PostgreSQL database are marked ``postgres`` (so ``-m`` selects them)."""
    for item in items:
        if "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)

pytest_plugins = ["tmf_helpers"]  # the TMF tests' fixtures: a running test BSS, the scenarios as TMF data


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    for name in ("data", "config", "state", "cache"):
        monkeypatch.setenv(f"XDG_{name.upper()}_HOME", str(home / name))
    for var in CONSOLE_ENV:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def customer_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'customers.sqlite3'}"


@pytest.fixture
def journal_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'journal.sqlite3'}"


@pytest.fixture
def ctx(customer_url: str, journal_url: str, tmp_path: Path) -> Iterator[ConsoleContext]:
    settings = load_settings(db=customer_url, journal=journal_url, config=None, agent="A001", role="agent")
    context = ConsoleContext(settings)
    yield context
    context.close()


def no_postgres(reason: str) -> None:
    """Skip, saying why; in CI, fail instead: a check CI cannot make is a failed check."""
    if in_ci():
        pytest.fail(f"PostgreSQL is needed in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server; dropped afterwards."""
    admin = os.environ.get(PG_ENV)
    if not admin:
        no_postgres(f"{PG_ENV} is not set (./test and .ci/run set it)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    name = f"ac_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        engine.dispose()
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        no_postgres(f"cannot reach PostgreSQL at {make_url(admin).render_as_string(hide_password=True)}: {first}")
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
