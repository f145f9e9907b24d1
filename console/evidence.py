"""Typed references to the evidence behind a finding: ``kind:identifier`` strings.

A finding names its evidence by reference, not by copy, so the window can highlight the
very rows in its panes and timeline, the JSON output stays small, and a script can quote
the row it points at. The reference kinds are a closed list shared with the window:
``clause:<id>``, ``notification:<id>``, ``bill_line:<id>``, ``event:<int id>`` and
``usage:<SERVICE>:<YYYY-MM>``.
"""

from __future__ import annotations

import re

from console.errors import UserError

KINDS = ("clause", "notification", "bill_line", "event", "usage")
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class BadReference(UserError):
    pass


def ref(kind: str, ident: object) -> str:
    """Build a reference: ``ref("bill_line", "B-1")`` -> ``"bill_line:B-1"``.

    For usage, ``ident`` is ``(service, period)`` or the string ``"SERVICE:YYYY-MM"``.
    """
    if kind not in KINDS:
        raise BadReference(f"unknown evidence kind {kind!r}: use one of {', '.join(KINDS)}")
    if kind == "usage":
        if isinstance(ident, tuple):
            service, period = ident
            ident = f"{service}:{period}"
        text = str(ident)
        service, _, period = text.rpartition(":")
        if not service or not _PERIOD.match(period):
            raise BadReference(f"usage evidence must be SERVICE:YYYY-MM, not {text!r}")
        return f"usage:{text}"
    if kind == "event":
        if isinstance(ident, bool) or not isinstance(ident, int | str) or not str(ident).isdigit():
            raise BadReference(f"event evidence needs an integer id, not {ident!r}")
        return f"event:{int(ident)}"
    text = str(ident)
    if not text:
        raise BadReference(f"{kind} evidence needs an id")
    return f"{kind}:{text}"


def parse(reference: str) -> tuple[str, str]:
    """Split a reference into (kind, identifier); ``usage`` keeps ``SERVICE:YYYY-MM``."""
    kind, sep, ident = reference.partition(":")
    if not sep or kind not in KINDS or not ident:
        raise BadReference(f"not an evidence reference: {reference!r}")
    ref(kind, int(ident) if kind == "event" and ident.isdigit() else ident)  # validates
    return kind, ident
