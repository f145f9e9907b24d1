"""Personal data in what a hook sends: masked unless the operator asks for it in full.

A drop folder, a CRM's webhook or a BSS receive events outside this workstation; the
customer is named by ``customer_id`` there, so the caller's phone and what people typed
(notes, reasons) travel masked like a masked export (``console.masking``) unless the hook
says ``personal_data = "full"`` (the receiver then needs that data and protects it).
The ``postgres`` hook is the central copy of the journal itself and carries it whole.
"""

from __future__ import annotations

from typing import Any

from console.masking import mask_number, mask_text
from console.settings import ConfigError

PERSONAL_DATA = ("masked", "full")
# Payload fields people type (or a caller's number): masked. Ids, times and amounts are
# left alone (a UUID or a date can look like a phone number to a pattern).
FREE_TEXT = frozenset({"notes", "note", "reason", "summary", "text", "repeat_reason"})


def masks_personal_data(name: str, options: dict[str, Any]) -> bool:
    """The hook's ``personal_data`` option: True (masked, the default) or False (full)."""
    personal = options.get("personal_data", "masked")
    if personal not in PERSONAL_DATA:
        raise ConfigError(f"sync hook {name!r}: personal_data must be one of {', '.join(PERSONAL_DATA)}")
    return personal == "masked"


def masked_payload(value: Any) -> Any:
    """The payload with the caller's phone and every free-text field masked (console.masking)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k == "phone" and isinstance(v, str):
                out[k] = mask_number(v)
            elif k in FREE_TEXT and isinstance(v, str):
                out[k] = mask_text(v)
            else:
                out[k] = masked_payload(v)
        return out
    if isinstance(value, list):
        return [masked_payload(v) for v in value]
    return value


def envelope_json(ev: Any, masked: bool) -> dict[str, Any]:
    """An outbox envelope as a receiver gets it."""
    obj = ev.to_json()
    if masked:
        obj["payload"] = masked_payload(obj["payload"])
    return obj
