"""Caller numbers: every common written form of one number is the same E.164."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.phones import InvalidPhone, display, mask, normalise


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("0912-345-678", "+886912345678"),
        ("+886 912 345 678", "+886912345678"),
        ("0912345678", "+886912345678"),
        ("+886-912-345-678", "+886912345678"),
        ("０９１２－３４５－６７８", "+886912345678"),  # full-width, from a Chinese IME
        ("(02) 2345-6789", "+886223456789"),
        ("02-23456789", "+886223456789"),
        ("+886 2 2345 6789", "+886223456789"),
    ],
)
def test_written_forms(text: str, e164: str) -> None:
    assert normalise(text) == e164


@pytest.mark.parametrize("text", ["", "   ", "hello", "12", "☎️☎️☎️", "1" * 200, "0912-345-678; DROP TABLE phones"])
def test_invalid_numbers_are_one_clear_line(text: str) -> None:
    with pytest.raises(InvalidPhone) as info:
        normalise(text)
    assert "\n" not in str(info.value)
    assert len(str(info.value)) < 120


@given(st.text(max_size=300))
def test_any_text_gives_e164_or_invalid_phone(text: str) -> None:
    try:
        result = normalise(text)
    except InvalidPhone as exc:
        assert "\n" not in str(exc)
    else:
        assert result.startswith("+") and result[1:].isdigit()


def test_region_is_configurable() -> None:
    assert normalise("020 7946 0018", region="GB") == "+442079460018"


def test_mask_and_display() -> None:
    assert mask("+886912345678") == "*********678"
    assert display("+886223456789") == "02 2345 6789"
    assert display("+442079460018").startswith("+44")
