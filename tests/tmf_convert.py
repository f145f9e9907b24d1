"""A caller of the SQL store (imported from a scenario) as the TMF resources a BSS would serve.

The conversion lives in the tests, not in the console: it is how the tests build a BSS
that holds exactly the shipped scenarios, so that the same caller judged through ``sql``
and through ``tmf`` can be compared. It uses the operator-style names a real BSS has (term
types like ``TrialThenPaid``, template ids like ``TPL-ENDS-AT-TRIAL-END``) and returns the
``[source]`` mapping tables that make them our words again. Events the seven APIs cannot
carry (a past call, a complaint: TMF683 is not read) are left out and listed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from console.caller_view import CallerView, EventRow
from console.formatting import TAIPEI

# Clause kinds a BSS names its own way (mapped back by [source.term_types]); the others
# are sent as our word, and "other" as a type nobody maps.
TERM_TYPE = {"trial_converts_to_paid": "TrialThenPaid", "promo_price": "PromoPriceTerm", "other": "GeneralTerm"}
STATUS = {"active": "active", "suspended": "suspended", "cancelled": "terminated"}
Resources = dict[tuple[str, str], list[dict[str, Any]]]


def iso(value: datetime | date, end_of_day: bool = False) -> str:
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(23, 59, 59) if end_of_day else time(0, 0), TAIPEI)
    return value.isoformat()


def template_id(says: str) -> str:
    return "TPL-" + says.upper().replace("_", "-")


def _money(value: Decimal, currency: str) -> dict[str, Any]:
    return {"unit": currency, "value": value}


def _party(cid: str) -> dict[str, Any]:
    return {"id": cid, "role": "customer", "@referredType": "Customer"}


def convert(view: CallerView) -> tuple[Resources, dict[str, Any], list[EventRow]]:
    """(resources by (API, collection), the [source] mapping tables, events left out)."""
    c = view.customer
    cid, account, cur = c.id, f"BA-{c.id}", view.currency
    media = [{"mediumType": "mobile", "preferred": i == 0, "characteristic": {"contactType": "mobile", "phoneNumber": p}}
             for i, p in enumerate(c.phones)]
    if c.address:
        media.append({"mediumType": "postalAddress", "characteristic": {"street1": c.address}})
    out: Resources = {("TMF629", "customer"): [{
        "id": cid, "name": c.name, "status": "approved", "@type": "Customer",
        "engagedParty": {"id": cid, "name": c.name, "@referredType": "Individual"},
        "contactMedium": media,
        "characteristic": [{"name": "preferredLanguage", "value": "zh-TW" if c.language == "zh_TW" else "en"}],
        "account": [{"id": account, "name": "billing account", "@referredType": "BillingAccount"}],
    }]}
    out[("TMF651", "agreement")] = [_agreement(k, cid, c.name) for k in view.contracts]
    out[("TMF637", "product")] = [_product(s, cid, account, cur) for s in view.services]
    out[("TMF681", "communicationMessage")] = [{
        "id": n.id, "content": n.text, "sendTime": iso(n.sent_at), "state": "completed",
        "messageType": n.channel.upper() if n.channel == "sms" else n.channel,
        "receiver": [{"id": cid, "name": c.name}],
        "characteristic": [{"name": "templateId", "value": template_id(n.says)}]
        + ([{"name": "productId", "value": n.service_code}] if n.service_code else []),
    } for n in view.notifications]
    out[("TMF678", "customerBill")] = [{
        "id": b.id, "state": "sent", "billingAccount": {"id": account},
        "billingPeriod": {"startDateTime": iso(date(int(b.period[:4]), int(b.period[5:]), 1)),
                          "endDateTime": iso(_month_end(b.period), end_of_day=True)},
        **({"billDate": iso(b.issued_on)} if b.issued_on else {}),
        "amountDue": _money(b.total, b.currency),
    } for b in view.bills]
    out[("TMF678", "appliedCustomerBillingRate")] = [{
        "id": ln.id, "type": "recurringCharge", "isBilled": True, "name": ln.text, "bill": {"id": b.id},
        "billingAccount": {"id": account}, "taxIncludedAmount": _money(ln.amount, b.currency),
        **({"product": {"id": ln.service_code}} if ln.service_code else {}),
    } for b in view.bills for ln in b.lines]
    out[("TMF635", "usage")] = [{
        "id": f"U-{cid}-{u.service_code}-{u.period}", "usageType": "service", "status": "rated",
        "usageDate": iso(datetime.combine(date(int(u.period[:4]), int(u.period[5:]), 15), time(12), TAIPEI)),
        "relatedParty": [_party(cid)], "ratedProductUsage": [{"productRef": {"id": u.service_code}}],
        "usageCharacteristic": [{"name": "quantity", "value": u.units}],
    } for u in view.usage]
    orders, left_out = [], []
    for e in view.events:
        order = _order(e, view, cid, cur)
        if order is None:
            left_out.append(e)
        else:
            orders.append(order)
    out[("TMF622", "productOrder")] = orders
    tables = {
        "message_templates": {template_id(n.says): n.says for n in view.notifications},
        "term_types": {v: k for k, v in TERM_TYPE.items() if k != "other"},
    }
    return out, tables, left_out


def _month_end(period: str) -> date:
    y, m = int(period[:4]), int(period[5:])
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def _agreement(k: Any, cid: str, name: str) -> dict[str, Any]:
    by_service: dict[str | None, list[Any]] = {}
    for cl in k.clauses:
        by_service.setdefault(cl.service_code, []).append(cl)
    items = []
    for service, clauses in by_service.items():
        item: dict[str, Any] = {"termOrCondition": [
            {"id": cl.id, "description": cl.text, "@type": TERM_TYPE.get(cl.kind, cl.kind), **(cl.params or {})}
            for cl in clauses]}
        if service:
            item["product"] = [{"id": service}]
        items.append(item)
    return {"id": k.id, "name": k.plan or k.id, "agreementType": "commercial", "status": "validated",
            "initialDate": iso(k.signed_on), "agreementPeriod": {"startDateTime": iso(k.signed_on)},
            "engagedParty": [{"id": cid, "name": name, "@referredType": "Customer", "role": "customer"}],
            "agreementItem": items}


def _product(s: Any, cid: str, account: str, cur: str) -> dict[str, Any]:
    price: dict[str, Any] = {"priceType": "oneTime" if s.fee_per == "once" else "recurring",
                             "price": {"taxIncludedAmount": _money(s.fee_amount, cur)}}
    if s.fee_per != "once":
        price["recurringChargePeriod"] = s.fee_per
    terms = [{"name": name, "validFor": {"endDateTime": iso(until, end_of_day=True)}}
             for name, until in (("trial", s.trial_until), ("commitment", s.term_until)) if until]
    return {
        "id": s.code, "name": s.name_en, "status": STATUS[s.status], "isBundle": False,
        **({"startDate": iso(s.started_on)} if s.started_on else {}),
        "productCharacteristic": [{"name": "name_zh_TW", "value": s.name_zh}, {"name": "name_en", "value": s.name_en}],
        **({"agreement": [{"id": s.contract_id}]} if s.contract_id else {}),
        "productPrice": [price], "productTerm": terms,
        "relatedParty": [_party(cid)], "billingAccount": {"id": account},
    }


def _order(e: EventRow, view: CallerView, cid: str, cur: str) -> dict[str, Any] | None:
    item: dict[str, Any] = {"id": "1"}
    product: dict[str, Any] = {"id": e.service_code} if e.service_code else {}
    state = "completed"
    if e.kind in ("cancel_requested", "cancel_rejected", "cancelled"):
        item["action"] = "delete"
        state = {"cancel_requested": "acknowledged", "cancel_rejected": "rejected", "cancelled": "completed"}[e.kind]
    elif e.kind in ("suspended", "resumed"):
        item["action"] = "modify"
        product["status"] = "suspended" if e.kind == "suspended" else "active"
    elif e.kind == "installed":
        item["action"] = "add"
    elif e.kind == "promise":
        item["action"], state = "add", "acknowledged"
        promised = Decimal(str((e.params or {}).get("price", 0)))
        fee = view.service(e.service_code).fee_amount if view.service(e.service_code) else promised
        condition = str((e.params or {}).get("condition") or "promotion")
        item["itemPrice"] = [{"priceType": "recurring", "recurringChargePeriod": "month",
                              "price": {"taxIncludedAmount": _money(fee, cur)},
                              "priceAlteration": [{"priceType": "recurring", "name": "promotion", "description": condition,
                                                   "price": {"taxIncludedAmount": _money(promised - fee, cur)}}]}]
        if "price" in (e.params or {}):
            item["itemTotalPrice"] = [{"priceType": "recurring", "price": {"taxIncludedAmount": _money(promised, cur)}}]
    else:
        return None  # call, complaint, credit_issued (a credit is a negative rate on a bill)
    item["state"] = state
    if product:
        item["product"] = product
    order: dict[str, Any] = {
        "id": str(e.id), "orderDate": iso(e.at), "state": state, "relatedParty": [_party(cid)],
        "channel": [{"id": e.channel, "name": e.channel}], "productOrderItem": [item],
    }
    if state == "completed":
        order["completionDate"] = iso(e.at)
    if e.text:
        order["note"] = [{"text": e.text}]
    return order
