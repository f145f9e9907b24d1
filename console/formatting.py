"""Money, dates and times for people, per locale (Babel), shared by the window, scripts and exports.

One module so that the window, a rendered apology script and an exported call log all
write "NT$100" and "2009/2/16" the same way. Whole-unit currencies (TWD, JPY) are shown
without decimals; instants are shown in Asia/Taipei, the operator's time zone, whatever
the workstation's clock says. Pure Python: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache, wraps
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_interval, format_skeleton, format_timedelta
from babel.numbers import format_currency, format_decimal

from console.vocabulary import WHOLE_UNIT_CURRENCIES

TAIPEI = ZoneInfo("Asia/Taipei")
DEFAULT_LOCALE = "zh_TW"
# Symbols agents expect whatever the UI language: CLDR writes TWD as "$" in zh_TW.
_SYMBOLS = {"TWD": "NT$"}


def babel_locale(language: str | None) -> str:
    """Map the console's language codes (zh_TW, en) to a Babel locale name."""
    if not language:
        return DEFAULT_LOCALE
    if language.startswith("zh"):
        return "zh_TW"
    if language.startswith("en"):
        return "en"
    return language


@lru_cache(maxsize=8)
def _locale(language: str | None) -> Locale:
    return Locale.parse(babel_locale(language))


def money(amount: Decimal, currency: str = "TWD", language: str | None = None) -> str:
    """``NT$1,234`` for whole-unit currencies (decimals only if the amount has some)."""
    if isinstance(amount, float):
        raise TypeError("money must be Decimal, never float")
    return _money(amount, currency, language)


@lru_cache(maxsize=4096)
def _money(amount: Decimal, currency: str, language: str | None) -> str:
    # A screen pop formats the same few amounts over and over: cache them.
    loc = _locale(language)
    whole = currency in WHOLE_UNIT_CURRENCIES and amount == amount.to_integral_value()
    if currency in _SYMBOLS:
        digits = format_decimal(abs(amount), "#,##0" if whole else "#,##0.00", locale=loc)
        return ("-" if amount < 0 else "") + _SYMBOLS[currency] + digits
    if whole:
        return format_currency(amount, currency, "¤#,##0", locale=loc, currency_digits=False)
    return format_currency(amount, currency, locale=loc)


def day(value: date | None, language: str | None = None) -> str:
    """A calendar date, compact: ``2009/2/16`` (zh_TW), ``2/16/2009`` (en)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(TAIPEI).date()
    return _skeleton("yMd", value, language)


@lru_cache(maxsize=8192)
def _skeleton(skeleton: str, value: date, language: str | None) -> str:
    return format_skeleton(skeleton, value, locale=_locale(language))


def day_pattern(language: str | None = None) -> str:
    """The CLDR pattern ``day`` writes dates with (``M/d/y``, ``y/M/d``), for date edits that
    must show a date exactly as the rest of the window does."""
    return str(_locale(language).datetime_skeletons["yMd"].pattern)


def month(value: date, language: str | None = None) -> str:
    """A month, compact, for axes and narrow cells: ``2009/3`` (zh_TW), ``3/2009`` (en)."""
    return _skeleton("yM", date(value.year, value.month, 1), language)


def long_day(value: date | None, language: str | None = None) -> str:
    """A calendar date for sentences: ``2009年2月16日``, ``Feb 16, 2009``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(TAIPEI).date()
    return _skeleton("yMMMd", value, language)


def period(value: str, language: str | None = None) -> str:
    """A billing month ``YYYY-MM`` for people: ``2009年3月``, ``Mar 2009``."""
    try:
        year, month = (int(x) for x in value.split("-"))
        return _skeleton("yMMM", date(year, month, 1), language)
    except ValueError:
        return value


def remembered_for_short_lists(func: Callable[[tuple[str, ...], str | None], str]) -> Callable[[Iterable[str], str | None], str]:
    """``func(values, language)`` remembered for lists of up to ``SHORT_LIST`` values.

    Findings, scripts and the bill pane word the same months again and again, and Babel takes
    ~0.1 ms a run; a longer list (a lead's template can pass any) is worked out each time, so
    it cannot fill memory with keys.
    """
    cached = lru_cache(maxsize=4096)(func)

    @wraps(func)
    def call(values: Iterable[str], language: str | None) -> str:
        values = tuple(values)
        return (cached if len(values) <= SHORT_LIST else func)(values, language)

    return call


SHORT_LIST = 120


def periods(values: Sequence[str], language: str | None = None) -> str:
    """Billing months as few words as they allow: consecutive months as one range
    (``Mar – Apr 2009``, ``2009年3月至4月``), the others listed (``Jan 2009, Mar 2009``)."""
    return _periods(values, language)


@remembered_for_short_lists
def _periods(values: tuple[str, ...], language: str | None) -> str:
    months: list[date] = []
    for value in values:
        try:
            year, mon = (int(x) for x in value.split("-"))
            months.append(date(year, mon, 1))
        except ValueError:
            return ", ".join(values)
    months.sort()
    runs: list[list[date]] = []
    for m in months:
        if runs and (m.year * 12 + m.month) - (runs[-1][-1].year * 12 + runs[-1][-1].month) == 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return ", ".join(
        _skeleton("yMMM", run[0], language) if len(run) == 1 else _interval(run[0], run[-1], language)
        for run in runs
    )


@lru_cache(maxsize=4096)
def _interval(first: date, last: date, language: str | None) -> str:
    # Babel takes ~0.1 ms per interval and findings and scripts name the same runs again.
    return format_interval(first, last, "yMMM", locale=_locale(language))


def plural_category(count: int, language: str | None = None) -> str:
    """The CLDR plural category of ``count`` (``one``, ``other``...; Chinese has only ``other``)."""
    return str(_locale(language).plural_form(abs(count)))


def counted(count: int, forms: Mapping[str, str], language: str | None = None) -> str:
    """``count`` with the right form of its noun: ``forms`` maps plural categories to
    templates with ``{n}`` (``{"one": "{n} call", "other": "{n} calls"}``); ``other`` is
    the fallback. The number is written as the locale writes numbers (``1,200``)."""
    template = forms.get(plural_category(count, language)) or forms["other"]
    return template.replace("{n}", format_decimal(count, locale=_locale(language)))


def moment(value: datetime | None, language: str | None = None) -> str:
    """An instant in Asia/Taipei, date and 24-hour time: ``2009/2/16 10:00``."""
    if value is None:
        return ""
    if value.tzinfo is None:
        raise ValueError("naive datetime: times must be timezone-aware")
    local = value.astimezone(TAIPEI)
    return f"{day(local.date(), language)} {local:%H:%M}"


def local_date(value: datetime) -> date:
    """The Asia/Taipei calendar day of an instant."""
    return value.astimezone(TAIPEI).date()


def short_day(value: date, language: str | None = None) -> str:
    """Month and day only, for a chart's day axis: ``11/19`` (en and zh_TW)."""
    return _skeleton("Md", value, language)


def relative(delta: timedelta, language: str | None = None) -> str:
    """``2 months ago`` / ``in 3 weeks`` (``2 個月前``), for flags like "trial ended ..."."""
    return format_timedelta(delta, add_direction=True, locale=babel_locale(language))


_CJK = "\u3400-\u9fff\uf900-\ufaff"
# One pass, zero-width: the boundary between a Chinese character and a Latin letter, either
# way round (a literal replacement, so no group expansion per match).
_CJK_LATIN_BOUNDARY = re.compile(f"(?<=[{_CJK}])(?=[A-Za-z])|(?<=[A-Za-z])(?=[{_CJK}])")


def cjk_spacing(text: str) -> str:
    """A space between Chinese characters and Latin words ("停止 mPro 服務"), as Taiwanese
    typesetting does; digits stay attached ("2009年3月")."""
    return _CJK_LATIN_BOUNDARY.sub(" ", text)
