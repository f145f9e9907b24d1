"""Babel formatting (console.formatting) and caller flags (console.flags): pure logic, no Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from console import formatting as fmt
from console.caller_view import CallerView, CustomerInfo, EventRow, ServiceRow
from console.flags import caller_flags, months_between, pending_credits


def test_money_twd_has_no_decimals_and_says_nt_dollar() -> None:
    assert fmt.money(Decimal("1234.00"), "TWD", "zh_TW") == "NT$1,234"
    assert fmt.money(Decimal(100), "TWD", "en") == "NT$100"
    assert fmt.money(Decimal(-100), "TWD", "en") == "-NT$100"
    assert fmt.money(Decimal("12.50"), "USD", "en") == "$12.50"


def test_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        fmt.money(1.5, "TWD", "en")  # type: ignore[arg-type]


def test_dates_per_locale_in_taipei_time() -> None:
    assert fmt.day(date(2009, 2, 16), "zh_TW") == "2009/2/16"
    assert fmt.day(date(2009, 2, 16), "en") == "2/16/2009"
    # 18:30 UTC is already the next morning in Taipei.
    assert fmt.moment(datetime(2009, 2, 15, 18, 30, tzinfo=UTC), "zh_TW") == "2009/2/16 02:30"
    assert fmt.period("2009-03", "zh_TW") == "2009年3月"
    assert fmt.period("2009-03", "en") == "Mar 2009"
    with pytest.raises(ValueError):
        fmt.moment(datetime(2009, 2, 16), "en")


def _view(services: tuple[ServiceRow, ...], events: tuple[EventRow, ...] = ()) -> CallerView:
    info = CustomerInfo("C1", "Test", "en", None, ("+886912345678",))
    return CallerView(info, "+886912345678", (), services, (), (), (), events)


def _service(code: str, trial: date | None = None, term: date | None = None, status: str = "active", fee: int = 50) -> ServiceRow:
    return ServiceRow(code, code, code, None, Decimal(fee), "month", date(2008, 3, 1), trial, term, status)


def test_trial_ended_is_a_warning_and_recent_ends_are_info() -> None:
    now = datetime(2009, 5, 12, 6, 30, tzinfo=UTC)
    view = _view((_service("MPRO", trial=date(2009, 2, 28)), _service("TV", term=date(2009, 6, 1)),
                  _service("OLD", trial=date(2009, 1, 1), status="cancelled"), _service("FREE", trial=date(2009, 1, 1), fee=0)))
    flags = caller_flags(view, now)
    codes = [(f.code, f.service_code, f.severity) for f in flags]
    assert codes == [("trial_ended", "MPRO", "warn"), ("term_ends_soon", "TV", "info")]
    assert months_between(date(2009, 2, 28), date(2009, 5, 12)) == 2


def test_cancel_rejected_and_journal_counts() -> None:
    now = datetime(2009, 2, 20, tzinfo=UTC)
    event = EventRow(7, datetime(2009, 2, 8, 13, tzinfo=UTC), "web", "cancel_rejected", "BBV", "no", None)
    history = SimpleNamespace(open_cases=(1, 2), due_callbacks=(), undelivered=(
        SimpleNamespace(id="A1", kind="issue_credit", service_code="MPRO", amount=Decimal(100), currency="TWD",
                        state="pending", created_at=now),
        SimpleNamespace(id="A2", kind="open_case", service_code=None, amount=None, currency="TWD", state="pending", created_at=now),
    ))
    flags = caller_flags(_view((), (event,)), now, history)
    assert [(f.code, f.ref, f.count) for f in flags] == [("cancel_rejected", "event:7", 0), ("open_cases", None, 2)]
    credits = pending_credits(history)
    assert [(c.action_id, c.amount) for c in credits] == [("A1", Decimal(100))]
    assert pending_credits(None) == ()


def test_cjk_spacing_separates_latin_words_but_not_digits() -> None:
    from console.formatting import cjk_spacing

    assert cjk_spacing("停止mPro基本服務") == "停止 mPro 基本服務"
    assert cjk_spacing("2009年3月") == "2009年3月"
    assert cjk_spacing("already spaced 中文 text") == "already spaced 中文 text"
