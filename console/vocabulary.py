"""The closed word lists of scenario format 1 and of the journal.

One place for every vocabulary, so that the importer, the rules, the window's labels and
the export all agree on the same spelling.
"""

from __future__ import annotations

CLAUSE_KINDS = frozenset({
    "trial_converts_to_paid", "ends_at_term", "auto_renews", "promo_price",
    "no_cancel_before_term", "early_termination_fee", "other",
})
NOTIFICATION_SAYS = frozenset({
    "ends_at_trial_end", "continues_unless_cancelled", "promo_applies", "price_change",
    "payment_due", "informational",
    # A message whose template the operator has not mapped (console.sources.tmf): shown as
    # such, and no rule reads it, so no finding rests on a guess.
    "unclassified",
})
CHANNELS = frozenset({"sms", "email", "letter", "app", "call"})
EVENT_CHANNELS = frozenset({"web", "shop", "call", "field", "app", "system", "sms", "email", "letter"})
EVENT_KINDS = frozenset({
    "call", "complaint", "promise", "installed", "cancel_requested", "cancel_rejected",
    "cancelled", "suspended", "credit_issued",
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
