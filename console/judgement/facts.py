"""The few facts that decide what a service should cost, read once from the caller's world.

Clauses, notices, events and the service's own dates are read here, and only here, into
typed facts per service: when the service should have stopped and why (a notice or the
contract said it ends, the customer asked to cancel, it was switched off), when it ran
again (``resumed``), the free trial, and the price the customer was promised. The ledger
(``console.judgement.ledger``) applies them month by month; the rules and the bill pane
read the ledger, so no rule re-reads the raw rows its own way (STYLE 11a). Every policy
applied here is written, with its reason and an example, in ``docs/judgement.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from console.caller_view import EventRow, NotificationRow, ServiceRow
from console.evidence import ref
from console.rules.base import local_date, period_end, period_of

if TYPE_CHECKING:
    from console.rules.base import RuleContext

NOTICE = "notice_contradicts_contract"
CANCEL = "charged_after_cancel_attempt"
SUSPENDED = "charged_while_suspended"
PROMO = "promo_not_applied"
DUPLICATE = "duplicate_charge"

TOLD_STOPS = "ends_at_trial_end"
TOLD_CONTINUES = "continues_unless_cancelled"
CONTRACT_KINDS = ("trial_converts_to_paid", "auto_renews", "ends_at_term")
REQUEST_KINDS = ("cancel_requested", "cancel_rejected")
OFF_KINDS = ("suspended", "cancelled")


@dataclass(frozen=True)
class Stop:
    """The service should not have been billed from the cycle after ``last_day`` (until ``until``).

    ``why`` names the deciding fact: ``notice_stops`` (a notice said it ends),
    ``contract_ends`` (an ``ends_at_term`` clause and its date), ``cancel_requested`` /
    ``cancel_refused`` (the customer asked), ``suspended`` / ``cancelled`` (it was switched
    off). ``off`` means it was really switched off, so a month of unknown usage counts as
    unused; a request or a notice leaves the service running, so its usage must be known.
    """

    cause: str
    why: str
    last_day: date
    refs: tuple[str, ...]
    on: date
    until: date | None = None
    off: bool = False
    channel: str | None = None
    text: str | None = None
    source: EventRow | NotificationRow | None = None

    def covers(self, start: date) -> bool:
        """Policy "the first day decides": a cycle is stopped when it starts after the stop."""
        return self.last_day < start and (self.until is None or start < self.until)


@dataclass(frozen=True)
class Price:
    """A monthly price the customer was promised (a ``promise`` event or a promo clause)."""

    amount: Decimal
    refs: tuple[str, ...]
    promise: EventRow | None = None


@dataclass(frozen=True)
class ServiceFacts:
    code: str
    stops: tuple[Stop, ...] = ()  # in precedence order: told, asked, switched off
    trial_until: date | None = None
    trial_refs: tuple[str, ...] = ()
    price: Price | None = None


def service_facts(ctx: RuleContext, s: ServiceRow) -> ServiceFacts:
    clauses = [c for c in ctx.clauses if c.service_code == s.code]
    events = ctx.events_for(s.code)
    notices = ctx.notifications_for(s.code)
    stops: list[Stop] = []
    told = _told(s, clauses, notices)
    if told is not None:
        stops.append(told)
    asked = _asked(s, clauses, events)
    if asked is not None:
        stops.append(asked)
    stops.extend(_switched_off(s, events))
    trial = s.trial_until if s.trial_until is not None and s.fee_amount > 0 else None
    trial_refs = tuple(ref("clause", c.id) for c in clauses if c.kind in CONTRACT_KINDS)
    return ServiceFacts(s.code, tuple(stops), trial, trial_refs, _price(ctx, s.code, clauses, events, notices))


def _told(s: ServiceRow, clauses: list[Any], notices_of_service: Sequence[NotificationRow]) -> Stop | None:
    """What the customer was last told about the end: the decisive notice, else the contract."""
    contract = tuple(ref("clause", c.id) for c in clauses if c.kind in CONTRACT_KINDS)
    notices = sorted(
        (n for n in notices_of_service if n.says in (TOLD_STOPS, TOLD_CONTINUES)),
        key=lambda n: n.sent_at,
    )
    if notices:
        # The last notice sent before the end it speaks of decides; a later one is too late
        # to change what the customer went by (only if none came before the end, the last).
        end = _notice_end(s, local_date(notices[-1].sent_at))
        before = [n for n in notices if local_date(n.sent_at) <= end]
        last = (before or notices)[-1]
        if last.says != TOLD_STOPS:
            return None  # correctly told that it continues
        end = _notice_end(s, local_date(last.sent_at))
        return Stop(NOTICE, "notice_stops", end, (*contract, ref("notification", last.id)),
                    on=local_date(last.sent_at), channel=last.channel, text=last.text, source=last)
    ends = [c for c in clauses if c.kind == "ends_at_term"]
    end = s.term_until or s.trial_until
    if ends and end is not None:
        return Stop(NOTICE, "contract_ends", end, contract, on=end, text=ends[0].text)
    return None


def _notice_end(s: ServiceRow, notice_day: date) -> date:
    end = s.trial_until or s.term_until
    # No end date on record: the notice speaks of the end of its own month.
    return end if end is not None else period_end(period_of(notice_day))


def _asked(s: ServiceRow, clauses: list[Any], events: Sequence[EventRow]) -> Stop | None:
    """The customer's first request to cancel, carried out or not, refused or ignored."""
    requests = [e for e in events if e.kind in REQUEST_KINDS]
    if not requests:
        return None
    first = requests[0]
    day = local_date(first.at)
    refused = next((e for e in requests if e.kind == "cancel_rejected"), None)
    refs = [ref("event", e.id) for e in requests]
    refs += [ref("event", e.id) for e in events if e.kind == "cancelled"]
    last = day
    binding = [c for c in clauses if c.kind == "no_cancel_before_term"]
    refs += [ref("clause", c.id) for c in binding]
    if binding and s.term_until is not None and s.term_until > day:
        last = s.term_until  # a minimum term the customer agreed to: the request counts after it
    shown = refused or first
    return Stop(CANCEL, "cancel_refused" if refused else "cancel_requested", last, tuple(refs), on=day,
                channel=shown.channel, text=shown.text, source=shown)


def _switched_off(s: ServiceRow, events: Sequence[EventRow]) -> list[Stop]:
    """Suspensions and cancellations on record, each closed by the next ``resumed`` event."""
    stops: list[Stop] = []
    opened: EventRow | None = None
    for e in events:
        if e.kind in OFF_KINDS and opened is None:
            opened = e
        elif e.kind == "resumed" and opened is not None:
            stops.append(_off(opened, e, off=True))
            opened = None
    if opened is not None:
        # Still off if the service says so; an active service with no resumption on record
        # ran again at some unknown date, so its usage must be known before any credit.
        stops.append(_off(opened, None, off=s.status != "active"))
    return stops


def _off(start: EventRow, end: EventRow | None, *, off: bool) -> Stop:
    refs = (ref("event", start.id),) + ((ref("event", end.id),) if end is not None else ())
    return Stop(SUSPENDED, start.kind, local_date(start.at), refs, on=local_date(start.at),
                until=local_date(end.at) if end is not None else None, off=off,
                channel=start.channel, text=start.text, source=start)


def price_of(params: dict[str, Any] | None) -> Decimal | None:
    if not params or params.get("price") is None:
        return None
    try:
        value = Decimal(str(params["price"]))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def _price(
    ctx: RuleContext, service: str, clauses: list[Any], events: Sequence[EventRow], notices_of_service: Sequence[NotificationRow],
) -> Price | None:
    """The promised monthly price: a priced ``promise`` event, else a promo clause the customer
    was promised or told applies, else an unconditional promo clause. A conditional promo
    nobody promised decides nothing: the console cannot tell whether the condition was met."""
    promos = [c for c in clauses if c.kind == "promo_price"]
    # A promise naming no service counts only beside a promo clause: then every event is read.
    promises = [e for e in (ctx.events if promos else events) if e.kind == "promise"
                and e.service_code in (service, None) and (e.service_code == service or promos)]
    notices = [n for n in notices_of_service if n.says == "promo_applies"]
    refs = tuple([ref("clause", c.id) for c in promos] + [ref("event", e.id) for e in promises]
                 + [ref("notification", n.id) for n in notices])
    promise = promises[-1] if promises else None
    for e in reversed(promises):
        amount = price_of(e.params)
        if amount is not None:
            return Price(amount, refs, promise)
    for c in promos:
        amount = price_of(c.params)
        conditional = bool((c.params or {}).get("condition"))
        if amount is not None and (promises or notices or not conditional):
            return Price(amount, refs, promise)
    return None
