"""One masking function for personal data in free text (console.masking), and the log filter.

The review found numbers written with dots, a letter before them or full-width digits
left in clear in masked exports; tests/test_security.py checks the files an export and a
drop write, this file the function itself and the log lines.
"""

from __future__ import annotations

import logging

import pytest

from console.masking import MaskingFilter, mask_text, mask_url_secrets


@pytest.mark.parametrize(("text", "masked"), [
    ("call 0912.345.678 back", "call *******678 back"),
    ("tel0912345678", "tel*******678"),
    ("IDA123456789", "IDA1*****789"),
    ("電話０９１２３４５６７８", "電話*******６７８"),
    ("Ａ１２３４５６７８９", "Ａ１*****７８９"),
    ("+886 912 345 678", "*********678"),
    ("(02) 2345 6789", "(*******789"),
    ("０９１２－３４５－６７８", "*******６７８"),
    ("A123456789 and 0912-345-678", "A1*****789 and *******678"),
])
def test_numbers_in_every_written_form_are_masked(text: str, masked: str) -> None:
    assert mask_text(text) == masked


@pytest.mark.parametrize("text", ["on 2009-05-12 at 14:30", "NT$1,200 credit", "order 12345", "no digits at all", ""])
def test_dates_amounts_and_short_numbers_stay(text: str) -> None:
    assert mask_text(text) == text


def test_url_credentials_and_tokens_are_hidden() -> None:
    text = "cannot reach http://svc:hunter2pw@127.0.0.1:1/events?token=tok3n&x=1: ConnectError"
    assert mask_url_secrets(text) == "cannot reach http://***@127.0.0.1:1/events?token=***&x=1: ConnectError"


def test_log_lines_are_masked_before_any_handler_writes_them(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("agent_console.test_masking")
    caplog.handler.addFilter(MaskingFilter())
    with caplog.at_level(logging.ERROR):
        log.error("lookup of %s failed (%s)", "0912-345-678", "ID A123456789")
    assert caplog.messages == ["lookup of *******678 failed (ID A1*****789)"]
