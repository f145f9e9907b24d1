"""Caller numbers in any written form, normalised to E.164 with phonenumbers.

Agents paste numbers as the customer says them (``0912-345-678``, ``(02) 2345-6789``,
``+886 912 345 678``, full-width digits from a Chinese IME); the customer store keys phones
by E.164, so every form of one number finds the same customer.
"""

from __future__ import annotations

import unicodedata

import phonenumbers

from console.errors import UserError

DEFAULT_REGION = "TW"
_MAX_INPUT = 64


class InvalidPhone(UserError):
    pass


def normalise(text: str, region: str = DEFAULT_REGION) -> str:
    """Return ``text`` as an E.164 number, or raise InvalidPhone with a one-line reason."""
    if not isinstance(text, str):
        raise InvalidPhone("a phone number must be text")
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise InvalidPhone("enter a phone number")
    if len(cleaned) > _MAX_INPUT:
        raise InvalidPhone("that is too long to be a phone number")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        raise InvalidPhone(f"not a phone number: {_shown(cleaned)}") from None
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhone(f"not a possible phone number: {_shown(cleaned)}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str, region: str = DEFAULT_REGION) -> str:
    """Format for people: national form at home, international form otherwise."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask(e164: str) -> str:
    """Mask all but the last three digits, as exports and logs show phones."""
    digits = [c for c in e164 if c.isdigit()]
    if len(digits) <= 3:
        return "*" * len(digits)
    return "*" * (len(digits) - 3) + "".join(digits[-3:])


def _shown(text: str) -> str:
    """Echo input back safely: printable characters only, and not too much of it."""
    printable = "".join(c if c.isprintable() else "?" for c in text)
    return printable if len(printable) <= 32 else printable[:29] + "..."
