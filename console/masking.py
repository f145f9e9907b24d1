"""One masking function for personal data in free text: exports, drop files, logs alike.

Agents type phone numbers and national ids into notes in every form people write them:
``0912-345-678``, ``0912.345.678``, ``(02) 2345 6789``, ``+886 912 345 678``,
``tel0912345678``, full-width ``０９１２３４５６７８``, ``IDA123456789``. A masked export, a
jsonl drop file and a log line must hide all of them the same way, so there is exactly
one function (``mask_text``) and every writer calls it: a phone keeps its last three
digits (``*******678``, as ``console.phones.mask`` shows a caller's number), a national
id its first two characters and last three (``A1*****789``).

Over-masking is the safe side: a product code that looks like an id is masked too. ISO
dates (``2009-05-12``) and times are left alone, although they have eight digits.
"""

from __future__ import annotations

import logging
import re

from console.caller_view import mask_national_id
from console.phones import mask as mask_phone

_D = "0-9\uff10-\uff19"  # ASCII and full-width digits
_SEP = " \u3000\\-.()/\uff0d\uff0e\uff08\uff09\u2010-\u2015"  # spaces, dashes, dots, brackets, slash
# A Taiwanese national id or resident certificate (one letter, then 1/2/8/9 or A-D, eight
# digits), in ASCII or full-width; a letter before it ("ID") does not hide it.
_NATIONAL_ID = re.compile(
    rf"(?<![{_D}])[A-Za-z\uff21-\uff3a\uff41-\uff5a][12489A-Da-d\uff11\uff12\uff14\uff18\uff19][{_D}]{{8}}(?![{_D}])"
)
# Eight or more digits with separators between them (a "+" or letters before are fine).
_PHONE = re.compile(rf"(?<![{_D}*])[+\uff0b]?[{_D}](?:[{_D}]|[{_SEP}]){{6,30}}[{_D}](?![{_D}])")
_DATE = re.compile(rf"^[{_D}]{{4}}[-/.\uff0d\uff0e][{_D}]{{2}}[-/.\uff0d\uff0e][{_D}]{{2}}$")
_ANY_DIGIT = re.compile(rf"[{_D}]")
_DIGITS = frozenset("0123456789") | frozenset(chr(c) for c in range(0xFF10, 0xFF1A))


def _phone(m: re.Match[str]) -> str:
    text = m.group(0)
    digits = [c for c in text if c in _DIGITS]
    if len(digits) < 8 or _DATE.match(text):
        return text
    return "*" * (len(digits) - 3) + "".join(digits[-3:])


def mask_text(text: str) -> str:
    """Mask national ids and phone numbers anywhere in free text (notes, payloads, log lines)."""
    if not text or not _ANY_DIGIT.search(text):
        return text
    text = _NATIONAL_ID.sub(lambda m: mask_national_id(m.group(0)) or "", text)
    return _PHONE.sub(_phone, text)


_URL_SECRET = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s:]*:[^/@\s]*@")
_QUERY_SECRET = re.compile(r"(?P<key>[?&](?:[a-z_]*token|key|secret|password|sig|signature|auth)[a-z_]*=)[^&\s#]*",
                           re.IGNORECASE)


def mask_url_secrets(text: str) -> str:
    """Hide credentials in URLs inside a message (``http://svc:pw@host/?token=x`` ->
    ``http://***@host/?token=***``): a hook's error is shown to every role."""
    text = _URL_SECRET.sub(lambda m: m["scheme"] + "***@", text)
    return _QUERY_SECRET.sub(lambda m: m["key"] + "***", text)


def mask_number(e164: str | None) -> str | None:
    """A caller's number as exports show it: console.phones.mask, with a fast path for E.164."""
    if not e164:
        return e164
    if e164[0] == "+" and e164[1:].isdigit():
        return "*" * (len(e164) - 4) + e164[-3:] if len(e164) > 4 else "*" * (len(e164) - 1)
    return mask_phone(e164)


class MaskingFilter(logging.Filter):
    """Rewrites a log record's message through ``mask_text`` before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: leave the record to logging
            return True
        masked = mask_url_secrets(mask_text(message))
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True


def install_log_masking() -> None:
    """Mask personal data in whatever the process logs (stderr, or handlers set up later)."""
    for handler in (logging.lastResort, *logging.getLogger().handlers):
        if handler is not None and not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
