"""Rendering the words the agent says: sandboxed Jinja2 templates, per language.

Leads and trainers edit these templates (a folder in the user's config dir overrides the
shipped ones), so they are untrusted input: they run in a ``SandboxedEnvironment`` with
``StrictUndefined``, get only plain values (no ORM objects), and cannot allocate huge
strings (large repeat counts and padding arguments are refused; output is capped at
``MAX_CHARS``); an override template also runs under a deadline. A broken or hostile template never reaches the agent as an exception:
``render_script`` logs the error and returns a plain fallback text built in Python.
Money is formatted with Babel (``NT$1,200``: TWD in whole dollars) and dates per language.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateNotFound, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from console import formatting
from console.formatting import cjk_spacing
from console.resources import resource_path

log = logging.getLogger(__name__)
MAX_CHARS = 4000  # a script is read aloud: anything longer is a mistake or an attack
MAX_ARG = 10_000  # largest integer a template may pass to a method, filter or operator
MAX_SECONDS = 0.5  # an override template that runs longer is stopped
GENERIC = "generic"
# Values every template may use without the caller naming them (older callers, tests).
DEFAULTS = {"needs_approval": False}
_LOCALES = {"zh_TW": "zh_Hant_TW", "en": "en"}
_DATE = {"zh_TW": "y年M月d日", "en": "d MMMM y"}
_SHORT_DATE = {"zh_TW": "M月d日", "en": "d MMM"}


class ScriptTooLong(SecurityError):
    pass


def _check_args(args: Iterable[Any]) -> None:
    for value in args:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARG:
            raise SecurityError(f"argument {value} is too large for a script")


class ScriptEnvironment(SandboxedEnvironment):
    """The sandbox, plus limits on the operations that can blow up memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_args((left, right))
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_CHARS:
                    raise SecurityError("repeated text is too long for a script")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_args(args)
        _check_args(kwargs.values())
        return super().call(__context, __obj, *args, **kwargs)


def _guard(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps jinja's pass_context/pass_environment marker
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[1:])
        _check_args(kwargs.values())
        return func(*args, **kwargs)

    return guarded


def _lang(context: Context) -> str:
    return str(context.get("language", "en"))


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@functools.lru_cache(maxsize=4)
def _locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, "en"))


@functools.lru_cache(maxsize=1024)
def _money(amount: Decimal, currency: str, lang: str) -> str:
    return formatting.money(amount, currency, lang)


@functools.lru_cache(maxsize=4096)
def _format_date(value: date, pattern: str, lang: str) -> str:
    # Babel parses the locale and the pattern on every call; scripts reuse a few of each.
    return format_date(value, pattern, locale=_locale(lang))


@pass_context
def money_filter(context: Context, amount: Any, currency: str | None = None) -> str:
    """``NT$1,200``: the same money format as the window and the exports."""
    currency = currency or str(context.get("currency", "TWD"))
    return _money(Decimal(str(amount)), currency, _lang(context))


@pass_context
def date_filter(context: Context, value: Any, style: str = "long") -> str:
    lang = _lang(context)
    patterns = _SHORT_DATE if style == "short" else _DATE
    return _format_date(_as_date(value), patterns.get(lang, patterns["en"]), lang)


def _month_parts(periods: Iterable[str]) -> list[date]:
    return [date(int(p[:4]), int(p[5:7]), 1) for p in sorted(periods)]


@pass_context
def months_filter(context: Context, periods: Any) -> str:
    """2009-03, 2009-04 -> "2009年3月和4月" / "March and April 2009"."""
    lang = _lang(context)
    if isinstance(periods, str):
        periods = [periods]
    days = _month_parts(periods)
    if not days:
        return ""
    locale = _locale(lang)
    one_year = len({d.year for d in days}) == 1
    if lang == "zh_TW":
        names = [_format_date(d, "M月" if one_year and i else "y年M月", lang) for i, d in enumerate(days)]
        return format_list(names, locale=locale)
    names = [_format_date(d, "LLLL" if one_year else "LLLL y", lang) for d in days]
    text = format_list(names, locale=locale)
    return f"{text} {days[0].year}" if one_year else text


@functools.lru_cache(maxsize=8)
def environment(templates_dir: Path | None) -> ScriptEnvironment:
    loaders = []
    if templates_dir is not None and templates_dir.is_dir():
        loaders.append(FileSystemLoader(str(templates_dir)))
    loaders.append(FileSystemLoader(str(resource_path("scripts"))))
    env = ScriptEnvironment(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )
    env.filters = {name: _guard(f) for name, f in env.filters.items()}
    env.filters.update(money=money_filter, date=date_filter, months=months_filter)
    return env


def render_script(
    code: str, language: str, values: Mapping[str, Any], *, templates_dir: Path | None = None,
    fallback: str,
) -> str:
    """Render ``<language>/<code>.j2`` (or ``<language>/generic.j2``); never raises."""
    env = environment(templates_dir)
    name = f"{language}/{code}.j2"
    try:
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            name = f"{language}/{GENERIC}.j2"
            template = env.get_template(name)
        shipped = _is_shipped(template.filename)
        with contextlib.nullcontext() if shipped else _deadline(MAX_SECONDS):
            parts: list[str] = []
            size = 0
            for chunk in template.generate(**{**DEFAULTS, **values}, language=language):
                size += len(chunk)
                if size > MAX_CHARS:
                    raise ScriptTooLong(f"script longer than {MAX_CHARS} characters")
                parts.append(chunk)
        text = _tidy("".join(parts))
        return cjk_spacing(text) if language == "zh_TW" else text
    except Exception as exc:  # noqa: BLE001 - a template must never break the console
        log.error("script template %s failed (%s: %s); showing the plain text", name, type(exc).__name__, exc)
        return fallback


@functools.lru_cache(maxsize=256)
def _is_shipped(filename: str | None) -> bool:
    if not filename:
        return False
    return Path(filename).resolve().is_relative_to(resource_path("scripts").resolve())


class ScriptTimeout(SecurityError):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Stop a template from the override folder that loops for too long.

    Output and allocation limits cannot catch a loop that prints nothing, so templates
    that did not ship with the console run under a line tracer with a deadline (the
    shipped ones are reviewed code and run at full speed). The previous tracer (a
    debugger, coverage) is put back afterwards.
    """
    end = time.monotonic() + seconds

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if time.monotonic() > end:
            raise ScriptTimeout(f"script took longer than {seconds:g} s")
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(previous)


def _tidy(text: str) -> str:
    """Collapse the blank lines that conditional blocks leave behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)
