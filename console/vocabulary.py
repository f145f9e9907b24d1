"""The closed word lists of scenario format 1 and of the journal.

One place for every vocabulary, so that the importer, the rules, the window's labels and
the export all agree on the same spelling.
"""

from __future__ import annotations

CLAUSE_KINDS = frozenset({
    "trial_converts_to_paid", "ends_at_term", "auto_renews", "promo_price",
    "no_cancel_before_term", "early_termination_fee", "other",
})
# ``unclassified``: a message a customer source could not map to one of the others (an
# operator's template nobody mapped). It is shown as such, and no finding rests on it.
NOTIFICATION_SAYS = frozenset({
    "ends_at_trial_end", "continues_unless_cancelled", "promo_applies", "price_change",
    "payment_due", "informational", "unclassified",
})
CHANNELS = frozenset({"sms", "email", "letter", "app", "call"})
# Event channels are descriptive: any short word is kept as the source wrote it (no finding
# depends on the channel). These are the words the console knows how to say in both
# languages; ``CHANNEL_SYNONYMS`` folds common spellings onto them.
EVENT_CHANNELS = frozenset({"web", "shop", "call", "field", "app", "system", "sms", "email", "letter"})
CHANNEL_SYNONYMS = {
    "store": "shop", "retail": "shop", "counter": "shop", "branch": "shop",
    "website": "web", "online": "web", "internet": "web", "portal": "web",
    "phone": "call", "telephone": "call", "callcentre": "call", "callcenter": "call", "ivr": "call",
    "sales": "field", "door": "field", "technician": "field",
    "e-mail": "email", "mail": "email", "text": "sms", "post": "letter",
    "mobile_app": "app", "application": "app", "batch": "system", "billing": "system",
    "門市": "shop", "網站": "web", "網路": "web", "客服": "call", "電話": "call", "簡訊": "sms",
    "業務": "field", "郵件": "email", "信件": "letter", "系統": "system",
}


def channel_word(word: str) -> str:
    """A channel as the console spells it: a known word or synonym folded, any other kept as written."""
    low = word.strip().casefold()
    if low in EVENT_CHANNELS:
        return low
    return CHANNEL_SYNONYMS.get(low, word.strip())


EVENT_KINDS = frozenset({
    "call", "complaint", "promise", "installed", "cancel_requested", "cancel_rejected",
    "cancelled", "suspended", "resumed", "credit_issued",
})
SERVICE_STATUSES = frozenset({"active", "suspended", "cancelled"})
FEE_PERIODS = frozenset({"month", "year", "once"})
LANGUAGES = ("zh_TW", "en")
CURRENCIES = frozenset({"TWD", "USD", "EUR", "JPY", "HKD"})
# Currencies billed in whole units: an amount with a fraction is a data error.
WHOLE_UNIT_CURRENCIES = frozenset({"TWD", "JPY"})

FINDING_CODES = (
    "notice_contradicts_contract", "promo_not_applied", "charged_after_cancel_attempt",
    "charged_while_suspended", "duplicate_charge", "unused_paid_service",
)
ACTION_KINDS = (
    "suspend_service", "cancel_service", "issue_credit", "open_case", "schedule_callback",
    "request_evidence",
)
OUTCOMES = (
    "resolved", "resolved_with_credit", "escalated", "callback_scheduled", "no_action_needed",
    "transferred", "dropped",
)
ROOT_CAUSES = (
    "contract_notice_mismatch", "website_rule", "sales_promise", "billing_error",
    "customer_misunderstanding", "other",
)
ROLES = ("agent", "lead", "trainer")
EVENT_TYPES = (
    "call.recorded", "credit.issued", "service.suspended", "service.cancelled", "case.opened",
    "callback.scheduled", "evidence.requested", "credit.requested", "credit.decided", "audit.head",
)
DELIVERY_STATES = ("pending", "delivered", "failing", "dead")
