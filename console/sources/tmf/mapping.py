"""TMF629/651/637/678/681/635 resources -> the rows of a CallerView (docs/integration.md).

Pure functions over parsed JSON, so the mapping can be tested (and fuzzed) without a server.
What the operator's data does not say in our words is never guessed: a message template
missing from ``[source.message_templates]`` is ``unclassified`` (no rule reads that word),
a term type we do not know is a clause of kind ``other``, a month without a usage record
is unknown. A negative applied rate is an earlier credit (``console.sources.tmf.orders``),
never a reduction of the bill it is printed on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from console.caller_view import (
    BillLineRow,
    BillRow,
    ClauseRow,
    ContractRow,
    CustomerInfo,
    NotificationRow,
    ServiceRow,
    UsageRow,
)
from console.phones import InvalidPhone, normalise
from console.sources.tmf.config import TmfConfig
from console.sources.tmf.values import (
    amount,
    characteristic,
    local_day,
    moment,
    money,
    month,
    obj,
    objs,
    ref_id,
    text,
)
from console.vocabulary import CHANNELS, CLAUSE_KINDS

UNCLASSIFIED = "unclassified"
# TMF637 product status -> ours. Still billed until it ends: active; ended: cancelled.
PRODUCT_STATUS = {
    "active": "active", "created": "active", "pendingactive": "active", "pendingterminate": "active",
    "suspended": "suspended",
    "terminated": "cancelled", "cancelled": "cancelled", "aborted": "cancelled",
}
CHARGE_PERIOD = {"month": "month", "monthly": "month", "year": "year", "yearly": "year", "annual": "year"}
MESSAGE_CHANNEL = {"e-mail": "email", "mail": "letter", "post": "letter", "push": "app", "voice": "call"}
# termOrCondition properties of the base class; anything else is the operator's extension (params).
TERM_BASE = frozenset({"id", "href", "description", "validFor", "@type", "@baseType", "@schemaLocation"})


def phones(customer: dict[str, Any], region: str) -> tuple[str, ...]:
    found = set()
    for medium in objs(customer.get("contactMedium")):
        number = text(obj(medium.get("characteristic")).get("phoneNumber"))
        if number:
            try:
                found.add(normalise(number, region))
            except InvalidPhone:
                continue
    return tuple(sorted(found))


def language(customer: dict[str, Any], default: str) -> str:
    """``preferredLanguage`` (zh-TW, zh_Hant_TW, en-GB ...) as one of our languages."""
    value = characteristic(customer.get("characteristic"), "preferredLanguage")
    tag = value.strip().lower().replace("-", "_") if isinstance(value, str) else ""
    if tag.startswith("zh"):
        return "zh_TW"
    if tag.startswith("en"):
        return "en"
    return default


def address(customer: dict[str, Any]) -> str | None:
    for medium in objs(customer.get("contactMedium")):
        c = obj(medium.get("characteristic"))
        parts = [text(c.get(k)) for k in ("postCode", "city", "street1", "street2")]
        if any(parts[2:]):
            return " ".join(p for p in parts if p)
    return None


def customer_info(customer: dict[str, Any], cfg: TmfConfig, region: str) -> CustomerInfo:
    ident = text(customer.get("id")) or ""
    name = text(customer.get("name")) or text(obj(customer.get("engagedParty")).get("name")) or ident
    return CustomerInfo(ident, name, language(customer, cfg.default_language), None, phones(customer, region),
                        address(customer), None)


def billing_accounts(customer: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(i for i in (ref_id(a) for a in objs(customer.get("account"))) if i))


def clause_kind(term: dict[str, Any], cfg: TmfConfig) -> str:
    kind = text(term.get("@type"))
    if kind in CLAUSE_KINDS:
        return kind  # type: ignore[return-value]
    return cfg.term_types.get(kind or "", "other")


def contracts(agreements: Iterable[dict[str, Any]], cfg: TmfConfig) -> tuple[tuple[ContractRow, ...], dict[str, str]]:
    """The contracts and, for each product an agreement item names, its agreement's id."""
    rows: list[ContractRow] = []
    agreement_of: dict[str, str] = {}
    for a in agreements:
        ident = text(a.get("id"))
        if ident is None:
            continue
        period = obj(a.get("agreementPeriod"))
        signed = local_day(a.get("initialDate")) or local_day(period.get("startDateTime")) or date(1970, 1, 1)
        clauses: list[ClauseRow] = []
        for n, item in enumerate(objs(a.get("agreementItem")), start=1):
            products = [p for p in (ref_id(x) for x in objs(item.get("product"))) if p]
            for p in products:
                agreement_of.setdefault(p, ident)
            for m, term in enumerate(objs(item.get("termOrCondition")), start=1):
                params = {k: v for k, v in term.items() if k not in TERM_BASE}
                clause_id = text(term.get("id")) or f"{ident}/{n}.{m}"
                for service in products or [None]:
                    clauses.append(ClauseRow(clause_id, ident, clause_kind(term, cfg), service,
                                             text(term.get("description")) or "", _plain(params) or None))
        clauses.sort(key=lambda c: c.id)
        rows.append(ContractRow(ident, signed, text(a.get("name")), tuple(clauses)))
    rows.sort(key=lambda c: (c.signed_on, c.id))
    return tuple(rows), agreement_of


def _plain(value: Any) -> Any:
    """JSON read with Decimal numbers back to plain JSON types (params are shown and stored as JSON)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else str(value)
    return value


def _fee(product: dict[str, Any]) -> tuple[Decimal, str]:
    prices = objs(product.get("productPrice"))
    for p in prices:
        if str(p.get("priceType", "")).lower() == "recurring":
            value, _ = money(obj(p.get("price")).get("taxIncludedAmount"))
            if value is not None:
                period = str(p.get("recurringChargePeriod") or "month").lower()
                return value, CHARGE_PERIOD.get(period, "month")
    for p in prices:
        value, _ = money(obj(p.get("price")).get("taxIncludedAmount"))
        if value is not None:
            return value, "once"
    return Decimal(0), "month"


def _term_end(product: dict[str, Any], name: str) -> date | None:
    for term in objs(product.get("productTerm")):
        if str(term.get("name", "")).lower() == name:
            return local_day(obj(term.get("validFor")).get("endDateTime"))
    return None


def services(products: Iterable[dict[str, Any]], agreement_of: dict[str, str]) -> tuple[ServiceRow, ...]:
    """Products in the order the BSS lists them (the SQL store keeps the order they were added)."""
    rows = []
    for p in products:
        code = text(p.get("id"))
        if code is None:
            continue
        chars = p.get("productCharacteristic")
        name = text(p.get("name")) or code
        name_zh = text(characteristic(chars, "name_zh_TW")) or name
        name_en = text(characteristic(chars, "name_en")) or name
        contract = next((ref_id(a) for a in objs(p.get("agreement")) if ref_id(a)), None) or agreement_of.get(code)
        fee, per = _fee(p)
        status = PRODUCT_STATUS.get(str(p.get("status", "active")).strip().lower(), "active")
        rows.append(ServiceRow(code, name_zh, name_en, contract, fee, per, local_day(p.get("startDate")),
                               _term_end(p, "trial"), _term_end(p, "commitment"), status))
    return tuple(rows)


def message_channel(message_type: Any) -> str:
    kind = str(message_type or "").strip().lower()
    kind = MESSAGE_CHANNEL.get(kind, kind)
    return kind if kind in CHANNELS else (kind[:20] or "letter")


def notifications(messages: Iterable[dict[str, Any]], cfg: TmfConfig) -> tuple[NotificationRow, ...]:
    """Messages that were sent, newest first. One without a send time, or ``failed`` or
    ``cancelled``, never reached the customer: nothing the customer was told rests on it."""
    rows = []
    for m in messages:
        ident = text(m.get("id"))
        sent = moment(m.get("sendTimeComplete")) or moment(m.get("sendTime"))
        if ident is None or sent is None or str(m.get("state", "")).lower() in ("failed", "cancelled"):
            continue
        chars = m.get("characteristic")
        template = characteristic(chars, "templateId")
        says = cfg.message_templates.get(template, UNCLASSIFIED) if isinstance(template, str) else UNCLASSIFIED
        service = characteristic(chars, "productId")
        body = text(m.get("content")) or text(m.get("subject")) or ""
        rows.append(NotificationRow(ident, sent, message_channel(m.get("messageType")),
                                    service if isinstance(service, str) and service else None, says, body))
    rows.sort(key=lambda n: n.id)
    rows.sort(key=lambda n: n.sent_at, reverse=True)
    return tuple(rows)


def bills(customer_bills: Iterable[dict[str, Any]], rates: Iterable[dict[str, Any]]) -> tuple[BillRow, ...]:
    """Bills with their non-negative applied rates as lines (negative rates are credits: orders.credits)."""
    lines: dict[str, list[BillLineRow]] = defaultdict(list)
    units: dict[str, str] = {}
    for r in rates:
        ident, bill = text(r.get("id")), ref_id(r.get("bill"))
        value, unit = money(r.get("taxIncludedAmount"))
        if ident is None or bill is None or value is None or value < 0:
            continue
        label = text(r.get("name")) or text(r.get("description")) or text(r.get("type")) or ""
        lines[bill].append(BillLineRow(ident, bill, ref_id(r.get("product")), label, value))
        if unit:
            units.setdefault(bill, unit)
    rows = []
    for b in customer_bills:
        ident = text(b.get("id"))
        period = obj(b.get("billingPeriod"))
        when = month(period.get("startDateTime")) or month(period.get("endDateTime")) or month(b.get("billDate"))
        if ident is None or when is None:
            continue
        currency = (money(b.get("amountDue"))[1] or money(b.get("taxIncludedAmount"))[1]
                    or units.get(ident) or "TWD")
        rows.append(BillRow(ident, when, local_day(b.get("billDate")), currency[:3].upper(),
                            tuple(sorted(lines.get(ident, ()), key=lambda ln: ln.id))))
    rows.sort(key=lambda b: (b.period, b.id))
    return tuple(rows)


def usage(records: Iterable[dict[str, Any]]) -> tuple[UsageRow, ...]:
    """Units per service and month, summed; a month without a record stays unknown."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for u in records:
        when = month(u.get("usageDate"))
        quantity = amount(characteristic(u.get("usageCharacteristic"), "quantity"))
        if when is None or quantity is None or quantity < 0:
            continue
        for service in dict.fromkeys(ref_id(r.get("productRef")) for r in objs(u.get("ratedProductUsage"))):
            if service:
                totals[(service, when)] += int(quantity)
    return tuple(UsageRow(s, p, n) for (s, p), n in sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0])))
