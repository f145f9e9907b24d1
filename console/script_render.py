"""Rendering the words the agent says: sandboxed Jinja2 templates, per language.

Leads and trainers edit these templates (a folder in the user's config dir overrides the
shipped ones), so they are untrusted input: they run in an immutable sandbox with
``StrictUndefined``, get only plain values (no ORM objects), and cannot allocate huge
strings: every operation that makes text (repetition, ``%`` and ``str.format`` widths, ``+``,
``~``, ``replace``, ``join``, padding...) is checked BEFORE it runs against a per-operation
cap and a per-render budget, because one C-level call (``"%999999999d" % 1``) cannot be
interrupted once started; output is capped at ``MAX_CHARS`` and an override also runs
under a deadline. A broken or hostile override never reaches the agent as an exception:
``render_script`` logs the error and renders the shipped script instead (then, if even
that fails, a plain fallback text built in Python).
Money is formatted with Babel (``NT$1,200``: TWD in whole dollars) and dates per language.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import stat
import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    nodes,
    pass_context,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError

from console import formatting
from console.formatting import cjk_spacing
from console.resources import resource_path

log = logging.getLogger(__name__)
MAX_CHARS = 4000  # a script is read aloud: anything longer is a mistake or an attack
MAX_ARG = 10_000  # largest integer a template may pass to a method, filter or operator
MAX_VALUE = 100_000  # largest text (or str() of a list) any single operation may make
MAX_PRODUCED = 1_000_000  # all the text the operations of one override render may make together
MAX_TEMPLATE_BYTES = 64 * 1024  # an override template file bigger than this is not read
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


# -- sizes: checked BEFORE an operation makes its text, so no C call can allocate gigabytes ----

def _size(value: Any, depth: int = 0) -> int:
    """How many characters ``str(value)`` would have, estimated from above without making it."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 5
    if isinstance(value, int):
        return value.bit_length() * 31 // 100 + 2
    if isinstance(value, list | tuple | set | frozenset | dict):
        if depth > 20:
            return MAX_VALUE + 1
        items = value.items() if isinstance(value, dict) else ((x, "") for x in value)
        total = 2
        for k, v in items:
            total += _size(k, depth + 1) + _size(v, depth + 1) + 4
            if total > MAX_VALUE:
                return total
        return total
    if isinstance(value, range):
        return len(value) * 8
    return 64  # numbers, dates, Decimal amounts, undefined values: short


_budget: ContextVar[list[int] | None] = ContextVar("script_budget", default=None)


def _charge(size: int) -> None:
    """Refuse one operation's text over ``MAX_VALUE``, and a render's text over its budget."""
    if size > MAX_VALUE:
        raise ScriptTooLong(f"a script operation would make {size:,} characters (at most {MAX_VALUE:,})")
    left = _budget.get()
    if left is not None:
        left[0] -= size
        if left[0] < 0:
            raise ScriptTooLong(f"script made more than {MAX_PRODUCED:,} characters of text")


def _checked(result: Any) -> Any:
    _charge(_size(result))
    return result


_PERCENT = re.compile(r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<conv>.)",
                      re.DOTALL)


def _percent_size(fmt: str, args: Any) -> int:
    """Upper bound of ``len(fmt % args)``: widths, precisions and the values each spec takes."""
    total, position = len(fmt), 0
    for m in _PERCENT.finditer(fmt):
        if m["conv"] == "%":
            continue
        if m["width"] == "*" or m["prec"] == "*":
            raise SecurityError("'*' widths are not allowed in scripts")
        width, prec = int(m["width"] or 0), int(m["prec"] or 0)
        if width > MAX_ARG or prec > MAX_ARG:
            raise SecurityError(f"a format width of {max(width, prec)} is too large for a script")
        if m["key"] is not None and isinstance(args, Mapping):
            value = args.get(m["key"], "")
        elif isinstance(args, tuple):
            value = args[position] if position < len(args) else ""
            position += 1
        else:
            value = args
        text = _size(value) * (4 if m["conv"] in "ra" else 1)
        total += max(width, prec + 330, text)
    return total


def _percent(fmt: Any, args: Any) -> Any:
    if isinstance(fmt, str):
        _charge(_percent_size(fmt, args))
    return fmt % args


_SPEC_NUMBERS = re.compile(r"\d+")


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` in a template: each field's width and precision checked before formatting."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "{" in format_spec:
            raise SecurityError("nested format fields are not allowed in scripts")
        if any(int(n) > MAX_ARG for n in _SPEC_NUMBERS.findall(format_spec)):
            raise SecurityError(f"the format {format_spec[:20]!r} is too wide for a script")
        _charge(max(_size(value), 330) + sum(int(n) for n in _SPEC_NUMBERS.findall(format_spec)))
        return super().format_field(value, format_spec)


def _replace_size(s: str, old: str, new: str, count: Any = -1) -> int:
    n = s.count(old) if old else len(s) + 1
    if isinstance(count, int) and count >= 0:
        n = min(n, count)
    return len(s) + n * max(0, len(new) - len(old))


def _join(sep: str, items: Iterable[Any]) -> str:
    values = [v if isinstance(v, str) else str(_checked(v)) for v in items]
    _charge(sum(len(v) for v in values) + len(sep) * max(0, len(values) - 1))
    return sep.join(values)


def _str_method_size(s: str, name: str, args: tuple[Any, ...]) -> int | None:
    """Upper bound of the text a ``str`` method makes, for the ones that can multiply it."""
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        return _replace_size(s, args[0], args[1], args[2] if len(args) > 2 else -1)
    if name == "expandtabs":
        tab = args[0] if args and isinstance(args[0], int) else 8
        return len(s) + s.count("\t") * max(tab, 0)
    if name == "translate" and args and isinstance(args[0], Mapping):
        longest = max((_size(v) for v in args[0].values()), default=1)
        return len(s) * max(longest, 1)
    if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        return max(len(s), args[0]) * (len(args[1]) if len(args) > 1 and isinstance(args[1], str) else 1)
    return None


def _filter_size(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int | None:
    """Upper bound of a built-in filter's text, for the filters that can multiply their input."""
    if name == "replace" and len(args) >= 4 and all(isinstance(a, str) for a in args[1:4]):
        return _replace_size(args[1], args[2], args[3], args[4] if len(args) > 4 else kwargs.get("count", -1))
    if name == "indent" and args:
        width = args[1] if len(args) > 1 else kwargs.get("width", 4)
        per_line = len(width) if isinstance(width, str) else width if isinstance(width, int) else 4
        return _size(args[0]) + (str(args[0]).count("\n") + 1) * per_line
    if name == "wordwrap" and len(args) >= 2:
        width = args[2] if len(args) > 2 else kwargs.get("width", 79)
        wrap = args[4] if len(args) > 4 else kwargs.get("wrapstring") or "\n"
        lines = _size(args[1]) // max(width if isinstance(width, int) else 79, 1) + 1
        return _size(args[1]) + lines * _size(wrap)
    if name == "tojson" and len(args) >= 2:
        indent = args[2] if len(args) > 2 else kwargs.get("indent") or 0
        return _size(args[1]) * 6 * (1 + (indent if isinstance(indent, int) else 1))
    return None


def _guard(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A built-in filter with its arguments, the text it would make and the text it made checked."""

    @functools.wraps(func)  # keeps jinja's pass_context/pass_environment marker
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[1:])
        _check_args(kwargs.values())
        if name == "format" and args:
            return _checked(_percent(str(args[0]), kwargs or tuple(args[1:])))
        if name == "join" and len(args) >= 2 and kwargs.get("attribute") is None and len(args) < 4:
            return _join(str(args[2] if len(args) > 2 else kwargs.get("d", "")), args[1])
        estimate = _filter_size(name, args, kwargs)
        if estimate is not None:
            _charge(estimate)
        return _checked(func(*args, **kwargs))

    return guarded


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a checked concatenation (the sandbox does not intercept ``~``)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class ScriptEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox (no changes to lists and dicts), plus limits on every operation that can
    make text: repetition, ``%`` and ``str.format`` widths, ``+``, ``~``, ``replace``,
    ``join``, padding, indenting. Each is checked before it runs, against ``MAX_VALUE`` and
    the render's budget, so a C-level call never gets to allocate more than that."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _BoundedCodeGenerator

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_args((left, right))
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int):
                    if len(seq) * n > MAX_CHARS:
                        raise SecurityError("repeated text is too long for a script")
                    _charge(_size(seq) * max(n, 0))
        elif operator == "%":
            return _checked(_percent(left, right))
        elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            _charge(_size(left) + _size(right))
        return _checked(super().call_binop(context, operator, left, right))

    def call(self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_args(args)
        _check_args(kwargs.values())
        owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            if name == "join" and len(args) == 1 and not kwargs:
                return _join(owner, args[0])
            estimate = _str_method_size(owner, name, args)
            if estimate is not None:
                _charge(estimate)
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if not isinstance(value, types.MethodType | types.BuiltinMethodType) or value.__name__ not in ("format", "format_map"):
            return None
        owner = value.__self__
        if not isinstance(owner, str):
            return None
        formatter = _BoundedFormatter(self)
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return _checked(formatter.vformat(owner, (), args[0]))
            return _checked(formatter.vformat(owner, args, kwargs))

        return wrapper

    def concat(self, values: tuple[Any, ...]) -> str:
        _charge(sum(_size(v) for v in values))
        return "".join(str(v) for v in values)


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}``: its text checked before ``str()`` makes it."""
    _charge(_size(value))
    return value


class _BoundedLoader(FileSystemLoader):
    """Reads only regular files of at most ``MAX_TEMPLATE_BYTES`` (no FIFO, no device, no huge file)."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        for folder in self.searchpath:
            path = Path(folder, *split_template_path(template))
            try:
                st = path.stat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                raise SecurityError(f"{template} is not a regular file")
            if st.st_size > MAX_TEMPLATE_BYTES:
                raise SecurityError(f"{template} is larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
            break
        return super().get_source(environment, template)


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
    return _months_text([periods] if isinstance(periods, str) else periods, _lang(context))


@formatting.remembered_for_short_lists
def _months_text(periods: tuple[str, ...], lang: str | None) -> str:
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
        loaders.append(_BoundedLoader(str(templates_dir)))
    loaders.append(FileSystemLoader(str(resource_path("scripts"))))
    env = ScriptEnvironment(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, finalize=_finalize,
    )
    env.filters = {name: _guard(name, f) for name, f in env.filters.items()}
    env.filters.update(money=money_filter, date=date_filter, months=months_filter)
    env.globals.pop("lipsum", None)  # thousands of random words: nothing a script needs
    return env


def render_script(
    code: str, language: str, values: Mapping[str, Any], *, templates_dir: Path | None = None,
    fallback: str | Callable[[], str],
) -> str:
    """Render ``<language>/<code>.j2`` (or ``<language>/generic.j2``); never raises.

    A lead's override that fails or breaks a limit is logged and the shipped script is
    rendered instead; if even that fails, the plain ``fallback`` text built in Python (a
    callable is called only then: it is almost never needed and costs a pop ~70 us).
    """
    if templates_dir is not None and _overridden(templates_dir, code, language):
        try:
            return _render(environment(templates_dir), code, language, values)
        except Exception as exc:  # noqa: BLE001 - a template must never break the console
            log.error("script template %s/%s.j2 failed (%s: %s); showing the shipped script", language, code,
                      type(exc).__name__, str(exc)[:200])
    try:
        return _render_shipped(code, language, values)
    except Exception as exc:  # noqa: BLE001
        log.error("%s %s/%s.j2 failed (%s: %s); showing the plain text",
                  "script template" if templates_dir is None else "shipped script", language, code,
                  type(exc).__name__, str(exc)[:200])
    return fallback() if callable(fallback) else fallback


def _overridden(templates_dir: Path, code: str, language: str) -> bool:
    """Whether the override folder holds the template the lookup picks: ``<code>.j2`` there,
    else its ``generic.j2`` when no shipped ``<code>.j2`` comes first (``ChoiceLoader`` order)."""
    folder = templates_dir / language
    if (folder / f"{code}.j2").exists():
        return True
    return (folder / f"{GENERIC}.j2").exists() and not (resource_path("scripts") / language / f"{code}.j2").is_file()


@functools.lru_cache(maxsize=1)
def shipped_environment() -> Environment:
    """The scripts that ship with the console, outside the sandbox.

    They are reviewed code, like the Python around them, and run on every screen pop: the
    sandbox's checks on every attribute, call and output cost a sixth of a render, and the
    files cannot change while the console runs (no reload check). The values they print
    are plain data; the output is still capped at ``MAX_CHARS``.
    """
    env = Environment(
        loader=FileSystemLoader(str(resource_path("scripts"))), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False,
    )
    env.filters.update(money=money_filter, date=date_filter, months=months_filter)
    env.globals.pop("lipsum", None)
    return env


@functools.lru_cache(maxsize=256)
def _shipped_template(code: str, language: str) -> Template:
    env = shipped_environment()
    try:
        return env.get_template(f"{language}/{code}.j2")
    except TemplateNotFound:
        return env.get_template(f"{language}/{GENERIC}.j2")


def _render_shipped(code: str, language: str, values: Mapping[str, Any]) -> str:
    text = _shipped_template(code, language).render({**DEFAULTS, **values, "language": language})
    if len(text) > MAX_CHARS:
        raise ScriptTooLong(f"script longer than {MAX_CHARS} characters")
    text = _tidy(text)
    return cjk_spacing(text) if language == "zh_TW" else text


def _render(env: ScriptEnvironment, code: str, language: str, values: Mapping[str, Any]) -> str:
    """Load (or compile) and render one override template under a deadline.

    Compiling an override and rendering it share one deadline (``MAX_SECONDS``); every
    render has a text budget. Only ``render_script`` calls it, once ``_overridden`` has
    found the override the loader will pick.
    """
    end = time.monotonic() + MAX_SECONDS
    with _render_budget(MAX_PRODUCED):
        with _deadline(end):
            try:
                template = env.get_template(f"{language}/{code}.j2")
            except TemplateNotFound:
                template = env.get_template(f"{language}/{GENERIC}.j2")
        parts: list[str] = []
        with _deadline(end):
            size = 0
            for chunk in template.generate(**{**DEFAULTS, **values}, language=language):
                size += len(chunk)
                if size > MAX_CHARS:
                    raise ScriptTooLong(f"script longer than {MAX_CHARS} characters")
                parts.append(chunk)
    text = _tidy("".join(parts))
    return cjk_spacing(text) if language == "zh_TW" else text


@contextlib.contextmanager
def _render_budget(chars: int) -> Iterator[None]:
    token = _budget.set([chars])
    try:
        yield
    finally:
        _budget.reset(token)


class ScriptTimeout(SecurityError):
    pass


@contextlib.contextmanager
def _deadline(end: float) -> Iterator[None]:
    """Stop a template from the override folder that loops for too long (until ``end``,
    a ``time.monotonic()`` instant).

    Output and allocation limits cannot catch a loop that prints nothing, so templates
    that did not ship with the console run under a line tracer with a deadline (the
    shipped ones are reviewed code and run at full speed). The previous tracer (a
    debugger, coverage) is put back afterwards.
    """

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if time.monotonic() > end:
            raise ScriptTimeout(f"script took longer than {MAX_SECONDS:g} s")
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
