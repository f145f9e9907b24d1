"""Words for the closed vocabularies (clause kinds, what a notice says, statuses, flags).

The data carries stable codes (``trial_converts_to_paid``); agents read words in their
language. The source strings are marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate``
collects them, and looked up at display time so a language switch needs no reload.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console import formatting
from console.flags import Flag

_CTX = "Labels"

_WORDS: dict[str, str] = {
    # clause kinds
    "trial_converts_to_paid": QT_TRANSLATE_NOOP("Labels", "Free trial becomes paid unless cancelled"),
    "ends_at_term": QT_TRANSLATE_NOOP("Labels", "Stops by itself at the end of the term"),
    "auto_renews": QT_TRANSLATE_NOOP("Labels", "Renews automatically"),
    "promo_price": QT_TRANSLATE_NOOP("Labels", "Promotional price"),
    "no_cancel_before_term": QT_TRANSLATE_NOOP("Labels", "No cancellation before the term ends"),
    "early_termination_fee": QT_TRANSLATE_NOOP("Labels", "Early termination fee"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    # what a notification says
    "ends_at_trial_end": QT_TRANSLATE_NOOP("Labels", "Stops at trial end"),
    "continues_unless_cancelled": QT_TRANSLATE_NOOP("Labels", "Continues unless cancelled"),
    "promo_applies": QT_TRANSLATE_NOOP("Labels", "Promotion applies"),
    "price_change": QT_TRANSLATE_NOOP("Labels", "Price change"),
    "payment_due": QT_TRANSLATE_NOOP("Labels", "Payment due"),
    "informational": QT_TRANSLATE_NOOP("Labels", "Information only"),
    "unclassified": QT_TRANSLATE_NOOP("Labels", "Unclassified: template not mapped"),
    # channels
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "app": QT_TRANSLATE_NOOP("Labels", "App"),
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "web": QT_TRANSLATE_NOOP("Labels", "Website"),
    "shop": QT_TRANSLATE_NOOP("Labels", "Shop"),
    "field": QT_TRANSLATE_NOOP("Labels", "Field sales"),
    "system": QT_TRANSLATE_NOOP("Labels", "System"),
    # service statuses
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "suspended": QT_TRANSLATE_NOOP("Labels", "Suspended"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    # fee periods
    "month": QT_TRANSLATE_NOOP("Labels", "/ month"),
    "year": QT_TRANSLATE_NOOP("Labels", "/ year"),
    "once": QT_TRANSLATE_NOOP("Labels", "once"),
    # event kinds
    "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "promise": QT_TRANSLATE_NOOP("Labels", "Promise by sales"),
    "installed": QT_TRANSLATE_NOOP("Labels", "Installed"),
    "cancel_requested": QT_TRANSLATE_NOOP("Labels", "Cancellation requested"),
    "cancel_rejected": QT_TRANSLATE_NOOP("Labels", "Cancellation refused"),
    "credit_issued": QT_TRANSLATE_NOOP("Labels", "Credit issued"),
    # call outcomes
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "resolved_with_credit": QT_TRANSLATE_NOOP("Labels", "Resolved with a credit"),
    "escalated": QT_TRANSLATE_NOOP("Labels", "Escalated"),
    "callback_scheduled": QT_TRANSLATE_NOOP("Labels", "Callback scheduled"),
    "no_action_needed": QT_TRANSLATE_NOOP("Labels", "No action needed"),
    "transferred": QT_TRANSLATE_NOOP("Labels", "Transferred"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "Dropped"),
    # actions and delivery states
    "suspend_service": QT_TRANSLATE_NOOP("Labels", "Suspend service"),
    "cancel_service": QT_TRANSLATE_NOOP("Labels", "Cancel service"),
    "issue_credit": QT_TRANSLATE_NOOP("Labels", "Credit"),
    "open_case": QT_TRANSLATE_NOOP("Labels", "Open case"),
    "schedule_callback": QT_TRANSLATE_NOOP("Labels", "Schedule callback"),
    "request_evidence": QT_TRANSLATE_NOOP("Labels", "Request evidence"),
    "pending_approval": QT_TRANSLATE_NOOP("Labels", "Waiting for a lead"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Not sent yet"),
    "failing": QT_TRANSLATE_NOOP("Labels", "Sending failed, retrying"),
    "dead": QT_TRANSLATE_NOOP("Labels", "Refused by the central system"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
    # root causes (the lead's export groups by them)
    "contract_notice_mismatch": QT_TRANSLATE_NOOP("Labels", "Contract and notice disagree"),
    "website_rule": QT_TRANSLATE_NOOP("Labels", "Website rule"),
    "sales_promise": QT_TRANSLATE_NOOP("Labels", "Sales promise"),
    "billing_error": QT_TRANSLATE_NOOP("Labels", "Billing error"),
    "customer_misunderstanding": QT_TRANSLATE_NOOP("Labels", "Customer misunderstanding"),
}

_LANGUAGE_NAMES = {
    "zh_TW": QT_TRANSLATE_NOOP("Labels", "Chinese (Taiwan)"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
}


def word(code: str | None) -> str:
    """The translated word for a vocabulary code; unknown codes are shown as they are."""
    if not code:
        return ""
    source = _WORDS.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


_NATIVE_NAMES = {"zh_TW": "中文（台灣）", "en": "English"}

# How this workstation's recorded actions leave it (``delivery_mode``).
DELIVERY_HOOKS, DELIVERY_NONE, DELIVERY_DEMO = "hooks", "none", "demo"


def language_name(code: str, native: bool = False) -> str:
    """A language's name in the UI language, or (``native``) in itself, for the language menu."""
    if native:
        return _NATIVE_NAMES.get(code, code)
    source = _LANGUAGE_NAMES.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code


def delivery_mode(settings: Any) -> str:
    """``demo`` (never delivered), ``none`` (no sync hooks: stays here) or ``hooks``."""
    if getattr(settings, "demo", False):
        return DELIVERY_DEMO
    return DELIVERY_HOOKS if getattr(settings, "hooks", None) else DELIVERY_NONE


def state_word(state: str | None, delivery: str = DELIVERY_HOOKS, short: bool = False) -> str:
    """A recorded action's state, saying why it is not sent when nothing will send it
    (``short`` for a narrow cell; its tooltip then gives the long form)."""
    if state == "pending" and delivery == DELIVERY_NONE:
        if short:
            return QCoreApplication.translate("Labels", "Kept here (no hooks)")
        return QCoreApplication.translate("Labels", "Kept here: no sync hooks configured")
    if state == "pending" and delivery == DELIVERY_DEMO:
        return QCoreApplication.translate("Labels", "Demo: never sent")
    return word(state)


def flag_text(flag: Flag, service_name: str, language: str, today_delta_days: int) -> str:
    """One flag as a short sentence, e.g. "mPro: trial ended 2 months ago (2009/2/28)"."""
    from datetime import timedelta

    ago = formatting.relative(timedelta(days=today_delta_days), language)
    when = formatting.day(flag.on, language)
    texts = {
        "trial_ended": QCoreApplication.translate("Flags", "{service}: free trial ended {ago} ({date}), now billed"),
        "trial_ends_soon": QCoreApplication.translate("Flags", "{service}: free trial ends {ago} ({date})"),
        "term_ended": QCoreApplication.translate("Flags", "{service}: term ended {ago} ({date})"),
        "term_ends_soon": QCoreApplication.translate("Flags", "{service}: term ends {ago} ({date})"),
        "suspended": QCoreApplication.translate("Flags", "{service}: suspended"),
        "cancel_rejected": QCoreApplication.translate("Flags", "{service}: cancellation refused {ago} ({date})"),
        "open_cases": QCoreApplication.translate("Flags", "Open cases: {count}"),
        "callbacks_due": QCoreApplication.translate("Flags", "Callbacks due: {count}"),
    }
    template = texts.get(flag.code, flag.code)
    return template.format(service=service_name, ago=ago, date=when, count=flag.count)
