"""TMF resources -> CallerView rows, rule by rule (docs/integration.md's mapping table).

Every payload here is checked against the official definition first, so the mapping is
tested on what a conforming BSS may send, not on what is convenient.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from tmf_specs import check

from console.sources.tmf import mapping, orders
from console.sources.tmf.config import load
from console.sources.tmf.source import caller_view
from console.sources.tmf.values import event_id

CFG = load({"base_url": "http://bss.example/tmf-api",
            "message_templates": {"TPL-TRIAL-END": "ends_at_trial_end"},
            "term_types": {"TrialThenPaid": "trial_converts_to_paid"},
            "channels": {"Retail store": "shop"}})


def valid(api: str, definition: str, *items: dict[str, Any]) -> list[dict[str, Any]]:
    for item in items:
        check(api, definition, item)
    return list(items)


def customer(**extra: Any) -> dict[str, Any]:
    return valid("TMF629", "Customer", {
        "id": "C1", "name": "Mr Chen", "engagedParty": {"id": "P1", "@referredType": "Individual"},
        "contactMedium": [{"mediumType": "mobile", "characteristic": {"phoneNumber": "+886912345678"}},
                          {"mediumType": "phone", "characteristic": {"phoneNumber": "(02) 2345-6789"}},
                          {"mediumType": "postalAddress", "characteristic": {"postCode": "106", "city": "台北市", "street1": "復興南路 200 號"}}],
        "account": [{"id": "BA1", "name": "billing"}], **extra})[0]


@pytest.mark.parametrize(("value", "language"), [("zh-TW", "zh_TW"), ("zh_Hant_TW", "zh_TW"), ("en-GB", "en"),
                                                 ("EN", "en"), ("fr", "zh_TW"), (None, "zh_TW"), (42, "zh_TW")])
def test_language_from_preferred_language(value: Any, language: str) -> None:
    chars = [] if value is None else [{"name": "preferredLanguage", "value": value}]
    info = mapping.customer_info(customer(characteristic=chars), CFG, "TW")
    assert info.language == language


def test_customer_phones_account_and_address() -> None:
    c = customer()
    info = mapping.customer_info(c, CFG, "TW")
    assert info.phones == ("+886223456789", "+886912345678")  # E.164, sorted as the SQL store lists them
    assert info.address == "106 台北市 復興南路 200 號"
    assert info.national_id_masked is None  # TMF629 carries none; we do not ask TMF632 for it
    assert mapping.billing_accounts(c) == ["BA1"]


def test_clause_kind_from_type_then_term_types_then_other_and_params_from_the_extension() -> None:
    agreement = valid("TMF651", "Agreement", {
        "id": "AG1", "name": "3G 399", "agreementType": "commercial", "initialDate": "2008-03-01T00:00:00+08:00",
        "engagedParty": [{"id": "C1", "name": "Mr Chen", "@referredType": "Customer"}],
        "agreementItem": [
            {"product": [{"id": "MPRO"}], "termOrCondition": [
                {"id": "T7", "description": "free year, then paid unless cancelled", "@type": "TrialThenPaid"}]},
            {"product": [{"id": "A"}, {"id": "B"}], "termOrCondition": [
                {"id": "T2", "description": "promo", "@type": "promo_price", "price": 699, "condition": "30 households"}]},
            {"termOrCondition": [{"id": "T1", "description": "24 months", "@type": "SomethingElse"}, {"description": "untitled"}]},
        ]})
    contracts, agreement_of = mapping.contracts(agreement, CFG)
    (k,) = contracts
    assert (k.id, k.signed_on, k.plan) == ("AG1", date(2008, 3, 1), "3G 399")
    rows = {(c.id, c.service_code): c for c in k.clauses}
    assert rows[("T7", "MPRO")].kind == "trial_converts_to_paid"  # via [source.term_types]
    assert rows[("T2", "A")].kind == rows[("T2", "B")].kind == "promo_price"  # our word as @type
    assert rows[("T2", "A")].params == {"price": 699, "condition": "30 households"}
    assert rows[("T1", None)].kind == "other" and rows[("T1", None)].params is None
    assert rows[("AG1/3.2", None)].text == "untitled"
    assert agreement_of == {"MPRO": "AG1", "A": "AG1", "B": "AG1"}


@pytest.mark.parametrize(("status", "ours"), [
    ("active", "active"), ("created", "active"), ("pendingActive", "active"), ("pendingTerminate", "active"),
    ("suspended", "suspended"), ("terminated", "cancelled"), ("cancelled", "cancelled"), ("aborted ", "cancelled"),
])
def test_product_status_mapping(status: str, ours: str) -> None:
    (p,) = valid("TMF637", "Product", {"id": "MPRO", "status": status})
    assert mapping.services([p], {})[0].status == ours


def test_product_fee_terms_names_and_contract() -> None:
    (p,) = valid("TMF637", "Product", {
        "id": "MPRO", "name": "mPro basic", "status": "active", "startDate": "2008-03-01T00:00:00+08:00",
        "productCharacteristic": [{"name": "name_zh_TW", "value": "mPro 基本服務"}],
        "productPrice": [{"priceType": "oneTime", "price": {"taxIncludedAmount": {"unit": "TWD", "value": 300}}},
                         {"priceType": "recurring", "recurringChargePeriod": "month",
                          "price": {"taxIncludedAmount": {"unit": "TWD", "value": Decimal("50")}}}],
        "productTerm": [{"name": "trial", "validFor": {"endDateTime": "2009-02-28T23:59:59+08:00"}},
                        {"name": "Commitment", "validFor": {"endDateTime": "2010-02-28T15:59:59Z"}}]})
    (s,) = mapping.services([p], {"MPRO": "AG1"})
    assert (s.name_zh, s.name_en, s.contract_id) == ("mPro 基本服務", "mPro basic", "AG1")
    assert (s.fee_amount, s.fee_per) == (Decimal(50), "month")
    assert (s.started_on, s.trial_until, s.term_until) == (date(2008, 3, 1), date(2009, 2, 28), date(2010, 2, 28))


def _message(ident: str, template: str | None, **extra: Any) -> dict[str, Any]:
    chars = [{"name": "productId", "value": "MPRO"}] + ([{"name": "templateId", "value": template}] if template else [])
    return valid("TMF681", "CommunicationMessage", {
        "id": ident, "content": f"text {ident}", "messageType": "SMS", "sendTime": "2009-02-16T10:00:00+08:00",
        "receiver": [{"id": "C1"}], "characteristic": chars, **extra})[0]


def test_messages_mapped_unclassified_and_unsent() -> None:
    rows = mapping.notifications([
        _message("M1", "TPL-TRIAL-END"), _message("M2", "TPL-NOBODY-MAPPED"), _message("M3", None),
        _message("M4", "TPL-TRIAL-END", state="failed"),
        _message("M5", "TPL-TRIAL-END", sendTime="2009-03-01T09:00:00+08:00", messageType="e-mail"),
        valid("TMF681", "CommunicationMessage", {"id": "M6", "content": "scheduled", "scheduledSendTime": "2009-04-01T09:00:00+08:00"})[0],
    ], CFG)
    assert [(n.id, n.says, n.channel) for n in rows] == [
        ("M5", "ends_at_trial_end", "email"),
        ("M1", "ends_at_trial_end", "sms"), ("M2", "unclassified", "sms"), ("M3", "unclassified", "sms"),
    ]
    assert rows[1].service_code == "MPRO" and rows[1].sent_at == datetime(2009, 2, 16, 2, 0, tzinfo=UTC)


def _bill(ident: str, period: str, issued: str) -> dict[str, Any]:
    return valid("TMF678", "CustomerBill", {
        "id": ident, "billDate": issued, "billingAccount": {"id": "BA1"}, "amountDue": {"unit": "TWD", "value": 449},
        "billingPeriod": {"startDateTime": f"{period}-01T00:00:00+08:00", "endDateTime": f"{period}-28T23:59:59+08:00"}})[0]


def _rate(ident: str, bill: str, product: str | None, value: Any, **extra: Any) -> dict[str, Any]:
    return valid("TMF678", "AppliedCustomerBillingRate", {
        "id": ident, "bill": {"id": bill}, "name": f"line {ident}", "type": "recurringCharge",
        "taxIncludedAmount": {"unit": "TWD", "value": value}, **({"product": {"id": product}} if product else {}), **extra})[0]


def test_a_negative_rate_is_an_earlier_credit_not_a_reduction_of_its_bill() -> None:
    bills = [_bill("B3", "2009-03", "2009-04-05T00:00:00+08:00"), _bill("B4", "2009-04", "2009-05-05T00:00:00+08:00")]
    rates = [_rate("R1", "B3", "MPRO", 50), _rate("R2", "B3", None, 399), _rate("R3", "B4", "MPRO", 50),
             _rate("900", "B4", "MPRO", -100, type="adjustment",
                   periodCoverage={"startDateTime": "2009-02-01T00:00:00+08:00", "endDateTime": "2009-03-31T23:59:59+08:00"}),
             _rate("R5", "B9", "MPRO", 50)]  # on a bill we did not read: not shown
    rows = mapping.bills(bills, rates)
    assert [(b.id, b.period, b.issued_on, b.total) for b in rows] == [
        ("B3", "2009-03", date(2009, 4, 5), Decimal(449)), ("B4", "2009-04", date(2009, 5, 5), Decimal(50))]
    assert [ln.service_code for ln in rows[0].lines] == ["MPRO", None]
    (credit,) = orders.credits(rates, {"B3": None, "B4": datetime(2009, 5, 5, tzinfo=UTC)})
    assert (credit.id, credit.kind, credit.service_code, credit.at) == (900, "credit_issued", "MPRO", datetime(2009, 5, 5, tzinfo=UTC))
    assert credit.params == {"periods": ["2009-02", "2009-03"], "amount": "100", "bill": "B4"}


def test_usage_summed_per_month_and_a_missing_month_is_unknown() -> None:
    def usage(ident: str, day: str, product: str, quantity: Any) -> dict[str, Any]:
        return valid("TMF635", "Usage", {"id": ident, "usageDate": day, "relatedParty": [{"id": "C1", "@referredType": "Customer"}],
                                         "ratedProductUsage": [{"productRef": {"id": product}}],
                                         "usageCharacteristic": [{"name": "quantity", "value": quantity}]})[0]

    rows = mapping.usage([usage("U1", "2009-03-02T10:00:00+08:00", "MPRO", 0), usage("U2", "2009-04-30T23:00:00+08:00", "V3G", 200),
                          usage("U3", "2009-04-01T01:00:00+08:00", "V3G", "87"), usage("U4", "2009-04-01T01:00:00+08:00", "V3G", "lots")])
    assert [(u.service_code, u.period, u.units) for u in rows] == [("MPRO", "2009-03", 0), ("V3G", "2009-04", 287)]


def _order(ident: str, action: str, state: str, product: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return valid("TMF622", "ProductOrder", {
        "id": ident, "orderDate": "2009-02-08T21:00:00+08:00", "state": state, "relatedParty": [{"id": "C1", "@referredType": "Customer"}],
        "channel": [{"id": "CH9", "name": "Retail store"}], "note": [{"text": f"note {ident}"}],
        "productOrderItem": [{"id": "1", "action": action, "state": state, "product": product}], **extra})[0]


@pytest.mark.parametrize(("action", "state", "status", "kind"), [
    ("delete", "acknowledged", None, "cancel_requested"), ("delete", "inProgress", None, "cancel_requested"),
    ("delete", "rejected", None, "cancel_rejected"), ("delete", "failed", None, "cancel_rejected"),
    ("delete", "completed", None, "cancelled"),
    ("modify", "completed", "suspended", "suspended"), ("modify", "completed", "active", "resumed"),
    ("modify", "inProgress", "suspended", None), ("add", "completed", None, "installed"), ("add", "pending", None, None),
])
def test_order_items_become_the_events_the_rules_know(action: str, state: str, status: str | None, kind: str | None) -> None:
    product = {"id": "BBV", **({"status": status} if status else {})}
    events = orders.order_events([_order("4711", action, state, product, completionDate="2009-02-09T08:40:00+08:00")], CFG.channels)
    assert [e.kind for e in events] == ([kind] if kind else [])
    for e in events:
        assert (e.id, e.service_code, e.channel, e.text) == (4711, "BBV", "shop", "note 4711")
        done = kind in ("cancelled", "suspended", "resumed", "installed")
        assert e.at == datetime.fromisoformat("2009-02-09T08:40:00+08:00" if done else "2009-02-08T21:00:00+08:00")


def test_a_price_alteration_is_a_promise_and_ids_stay_integers() -> None:
    price = {"taxIncludedAmount": {"unit": "TWD", "value": 1099}}
    item = {"id": "7", "action": "add", "state": "completed", "product": {"id": "FIB"},
            "itemPrice": [{"priceType": "recurring", "price": price, "priceAlteration": [
                {"priceType": "recurring", "description": "30 households", "price": {"taxIncludedAmount": {"unit": "TWD", "value": -400}}}]}],
            "itemTotalPrice": [{"priceType": "recurring", "price": {"taxIncludedAmount": {"unit": "TWD", "value": 699}}}]}
    (order,) = valid("TMF622", "ProductOrder", {"id": "SO-17", "orderDate": "2009-01-12T19:30:00+08:00",
                                                "completionDate": "2009-01-31T14:00:00+08:00", "productOrderItem": [item]})
    events = orders.order_events([order], {})
    assert [(e.kind, e.params, e.channel) for e in events] == [
        ("promise", {"price": "699", "condition": "30 households"}, "system"), ("installed", None, "system")]
    assert events[0].id == event_id("SO-17/7/promise") != events[1].id == event_id("SO-17/7/installed")
    assert all(0 < e.id < 2**53 for e in events)


def test_a_whole_caller_from_nothing_but_a_customer() -> None:
    got = {k: [] for k in ("agreements", "products", "bills", "rates", "messages", "usage", "orders")}
    view = caller_view(customer(), "+886912345678", got, CFG, "TW")
    assert (view.customer.id, view.matched_phone, view.currency) == ("C1", "+886912345678", "TWD")
    assert view.contracts == view.services == view.bills == view.events == ()
