"""Rows of the synthetic population, generated block by block as plain tuples.

A block is ``BLOCK`` consecutive customers drawn from one random stream seeded by
``(seed, block number)``: customer ``i`` is therefore the same whatever ``--customers`` says
or how the writer batches blocks, and two runs with one seed give identical rows. Rows are
tuples in the column order of ``COLUMNS`` with money in integer cents and instants in
SQLAlchemy's SQLite format, ready for ``executemany`` or ``COPY`` without any ORM in between.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from console.seed import numbers
from console.seed.calendar import Period, instant
from console.seed.catalogue import ADD_ON_WEIGHTS, ADD_ONS, MOBILE_PLANS, Offer, Pools
from console.seed.patterns import PATTERNS, apply_pattern

BLOCK = 1000
ENGLISH_SHARE = 0.03
LANDLINE_SHARE = 0.3

# Column order of every tuple; ids of services, usage and events are left to the database.
COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("id", "name", "language", "national_id", "address", "scenario_id"),
    "phones": ("e164", "customer_id", "raw"),
    "contracts": ("id", "customer_id", "signed_on", "plan"),
    "clauses": ("id", "contract_id", "customer_id", "kind", "service_code", "text", "params"),
    "services": (
        "customer_id", "code", "name_zh", "name_en", "contract_id", "fee_amount", "fee_per",
        "started_on", "trial_until", "term_until", "status",
    ),
    "notifications": ("id", "customer_id", "sent_at", "channel", "service_code", "says", "text"),
    "bills": ("id", "customer_id", "period", "issued_on", "currency"),
    "bill_lines": ("id", "customer_id", "bill_id", "service_code", "text", "amount"),
    "usage": ("customer_id", "service_code", "period", "units"),
    "events": ("customer_id", "at", "channel", "kind", "service_code", "text", "params"),
}
TABLES = tuple(COLUMNS)
INSTANT_COLUMNS = {"notifications": ("sent_at",), "events": ("at",)}


def customer_id(index: int) -> str:
    return f"S{index + 1:07d}"


@dataclass
class Svc:
    """One service of the customer being generated, before it becomes rows."""

    offer: Offer
    started: date
    j_start: int = 0  # first period with usage (the service existed)
    j0: int = 0  # first billed period
    j1: int = 0  # billed up to (excluded); set to the month count
    zero_from: int = 10**6  # periods from here on have zero usage ...
    zero_to: int = 10**6  # ... up to this one (excluded): used again afterwards
    trial_until: date | None = None
    term_until: date | None = None
    status: str = "active"


@dataclass
class Person:
    """Everything about one customer that a complaint pattern may rewrite."""

    cid: str
    months: tuple[Period, ...]
    signed: date
    svcs: list[Svc]
    clauses: list[tuple[str, str | None, str, str | None]] = field(default_factory=list)
    notices: list[tuple[str, str, str | None, str, str]] = field(default_factory=list)
    events: list[tuple[str, str, str, str | None, str | None, str | None]] = field(default_factory=list)
    duplicates: set[tuple[int, str]] = field(default_factory=set)
    pattern: str | None = None


@dataclass
class Rows:
    tables: dict[str, list[tuple[object, ...]]] = field(default_factory=lambda: {t: [] for t in TABLES})
    patterns: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PATTERNS, 0))
    planted: dict[str, str] = field(default_factory=dict)  # customer id -> pattern

    def count(self) -> int:
        return sum(len(v) for v in self.tables.values())


@dataclass(frozen=True)
class Plan:
    """What to generate: the seed, the history length and the share of complaint cases."""

    seed: int
    calendar: tuple[Period, ...]
    pools: Pools
    months: int | None = None  # None: 12..24 at random per customer
    complaint_rate: float = 0.03
    reserved_phones: frozenset[str] = frozenset()


def generate_block(plan: Plan, block: int, stop: int, rows: Rows) -> None:
    """Append the rows of customers ``block*BLOCK .. min(stop, (block+1)*BLOCK)`` to ``rows``."""
    rng = random.Random(f"agent-console-seed:{plan.seed}:{block}")
    first = block * BLOCK
    for index in range(first, min(stop, first + BLOCK)):
        _customer(plan, rng, index, rows)


def _customer(plan: Plan, rng: random.Random, index: int, rows: Rows) -> None:
    r = rng.random
    t = rows.tables
    pools = plan.pools
    cid = customer_id(index)
    english = r() < ENGLISH_SHARE
    if english:
        name, language = pools.english_names[int(r() * len(pools.english_names))], "en"
    else:
        name = pools.family_names[int(r() * len(pools.family_names))] + pools.given_names[int(r() * len(pools.given_names))]
        language = "zh_TW"
    t["customers"].append((cid, name, language, numbers.national_id(r(), r(), r()), pools.addresses[int(r() * len(pools.addresses))], None))
    _phones(plan, index, r() < LANDLINE_SHARE, cid, t["phones"])

    m = plan.months or 12 + int(r() * 13)
    months = plan.calendar[-m:]
    signed = months[0].first - timedelta(days=1 + int(r() * 700))
    plan_offer = MOBILE_PLANS[int(r() * len(MOBILE_PLANS))]
    svcs = [Svc(plan_offer, signed, j1=m, term_until=_add_days(signed, 730))]
    extra = r()
    for offer in _add_ons(rng, 0 if extra < 0.35 else 1 if extra < 0.75 else 2):
        svcs.append(Svc(offer, signed, j1=m))
    person = Person(cid, months, signed, svcs)
    person.clauses.append(("no_cancel_before_term", plan_offer.code, f"{plan_offer.name_zh} 合約期間 24 個月,期滿前不得取消;提前解約須繳交違約金。", '{"months": 24}'))
    if r() < 0.5:
        person.clauses.append(("early_termination_fee", plan_offer.code, "提前解約者,須依剩餘合約月數比例繳納手機補貼款。", None))
    person.notices.append((instant(signed, 3), "sms", plan_offer.code, "informational", f"感謝您申辦{plan_offer.name_zh},合約自 {signed.isoformat()} 起生效。"))
    if r() < plan.complaint_rate:
        pattern = PATTERNS[int(r() * len(PATTERNS))]
        apply_pattern(pattern, person, rng)
        rows.patterns[pattern] += 1
        rows.planted[cid] = pattern
    _emit(person, plan_offer, language, rng, t)


def _phones(plan: Plan, index: int, with_landline: bool, cid: str, out: list[tuple[object, ...]]) -> None:
    e164, raw = numbers.mobile(index, plan.seed)
    spill = 0
    while e164 in plan.reserved_phones:  # a scenario owns it: move to a spare index range
        spill += 1
        e164, raw = numbers.mobile(index + spill * (numbers.MAX_CUSTOMERS + 1), plan.seed)
    out.append((e164, cid, raw))
    if with_landline:
        e164, raw = numbers.landline(index, plan.seed)
        if e164 not in plan.reserved_phones:
            out.append((e164, cid, raw))


def _add_ons(rng: random.Random, count: int) -> list[Offer]:
    chosen: list[Offer] = []
    while len(chosen) < count:
        offer = rng.choices(ADD_ONS, ADD_ON_WEIGHTS)[0]
        if offer not in chosen:
            chosen.append(offer)
    return chosen


def _add_days(d: date, days: int) -> date:
    return d + timedelta(days=days)


def _emit(p: Person, plan_offer: Offer, language: str, rng: random.Random, t: dict[str, list[tuple[object, ...]]]) -> None:
    r = rng.random
    cid = p.cid
    contract = f"CT-{cid}"
    t["contracts"].append((contract, cid, p.signed.isoformat(), plan_offer.name_zh))
    if len(p.svcs) > 1:
        o = p.svcs[1].offer
        p.clauses.append(("auto_renews", o.code, f"{o.name_zh} 按月自動續用,用戶得隨時申請終止。", None))
    clauses = t["clauses"]
    for k, (kind, code, text, params) in enumerate(p.clauses, 1):
        clauses.append((f"{contract}/{k}", contract, cid, kind, code, text, params))
    services = t["services"]
    for s in p.svcs:
        o = s.offer
        services.append((
            cid, o.code, o.name_zh, o.name_en, contract, o.fee * 100, "month", s.started.isoformat(),
            s.trial_until.isoformat() if s.trial_until else None,
            s.term_until.isoformat() if s.term_until else None, s.status,
        ))
    bills, lines, usage = t["bills"], t["bill_lines"], t["usage"]
    totals: list[int] = []
    dups = p.duplicates
    for j, per in enumerate(p.months):
        bid = f"B{cid}-{per.ym}"
        bills.append((bid, cid, per.period, per.issued_on, "TWD"))
        n = total = 0
        for s in p.svcs:
            o = s.offer
            if s.j0 <= j < s.j1:
                n += 1
                lines.append((f"{bid}-{n}", cid, bid, o.code, o.line_zh, o.fee * 100))
                total += o.fee
                if dups and (j, o.code) in dups:
                    n += 1
                    lines.append((f"{bid}-{n}", cid, bid, o.code, o.line_zh, o.fee * 100))
                    total += o.fee
            if j >= s.j_start:
                usage.append((cid, o.code, per.period, 0 if s.zero_from <= j < s.zero_to else 1 + int(r() * o.unit_max)))
        totals.append(total)
    m = len(p.months)
    sms = r() < 0.6
    for j in range(m - 3, m):
        per = p.months[j]
        if sms:
            text = f"您 {per.period} 月帳單金額 {totals[j]} 元,請於 {per.last.month % 12 + 1} 月 20 日前繳納。"
        else:
            text = f"Your {per.period} bill is TWD {totals[j]}, due on the 20th." if language == "en" else f"{per.period} 電子帳單已寄送,本期應繳 {totals[j]} 元。"
        p.notices.append((per.notice_at, "sms" if sms else "email", None, "payment_due", text))
    notifications = t["notifications"]
    for k, (at, channel, code, says, text) in enumerate(sorted(p.notices), 1):
        notifications.append((f"N{cid}-{k:02d}", cid, at, channel, code, says, text))
    events = t["events"]
    for s in p.svcs:
        if s.offer.code in ("HINET", "MOD") and not any(e[1] == "installed" and e[3] == s.offer.code for e in p.events):
            p.events.append((instant(s.started, 6), "installed", "field", s.offer.code, f"{s.offer.name_zh} 完成裝機", None))
    for at, kind, channel, code, text, params in sorted(p.events, key=lambda e: e[0]):
        events.append((cid, at, channel, kind, code, text, params))


def params_json(value: dict[str, object]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
