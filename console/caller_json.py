"""The stable JSON shape of ``lookup --json`` (documented in the README).

Kept apart from the view so the view can grow fields without changing what scripts read:
a key added here is a documented change.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from console.caller_view import CallerView


def _d(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _m(value: Decimal) -> str:
    return format(value.normalize() if value == value.to_integral_value() else value, "f")


def money_str(value: Decimal) -> str:
    """Decimal as a plain string: "100", "12.50"; never float, never exponent."""
    return _m(value)


def caller_to_json(view: CallerView) -> dict[str, Any]:
    c = view.customer
    return {
        "customer": {
            "id": c.id,
            "name": c.name,
            "language": c.language,
            "national_id": c.national_id_masked,
            "phones": list(c.phones),
            "matched_phone": view.matched_phone,
        },
        "currency": view.currency,
        "contracts": [
            {
                "id": k.id,
                "signed_on": _d(k.signed_on),
                "plan": k.plan,
                "clauses": [
                    {"id": cl.id, "kind": cl.kind, "service": cl.service_code, "text": cl.text, "params": cl.params}
                    for cl in k.clauses
                ],
            }
            for k in view.contracts
        ],
        "services": [
            {
                "code": s.code,
                "name": {"zh_TW": s.name_zh, "en": s.name_en},
                "contract": s.contract_id,
                "fee": {"amount": _m(s.fee_amount), "per": s.fee_per},
                "started_on": _d(s.started_on),
                "trial_until": _d(s.trial_until),
                "term_until": _d(s.term_until),
                "status": s.status,
            }
            for s in view.services
        ],
        "notifications": [
            {"id": n.id, "sent_at": _d(n.sent_at), "channel": n.channel, "service": n.service_code, "says": n.says, "text": n.text}
            for n in view.notifications
        ],
        "bills": [
            {
                "id": b.id,
                "period": b.period,
                "issued_on": _d(b.issued_on),
                "currency": b.currency,
                "total": _m(b.total),
                "lines": [{"id": ln.id, "service": ln.service_code, "text": ln.text, "amount": _m(ln.amount)} for ln in b.lines],
            }
            for b in view.bills
        ],
        "usage": [{"service": u.service_code, "period": u.period, "units": u.units} for u in view.usage],
        "events": [
            {"id": e.id, "at": _d(e.at), "channel": e.channel, "kind": e.kind, "service": e.service_code, "text": e.text, "params": e.params}
            for e in view.events
        ],
    }
