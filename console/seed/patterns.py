"""The complaint patterns planted in a few percent of the synthetic population.

Each pattern rewrites one customer's world so that it carries exactly the contradiction a
finding of the rules engine names (``scenario-format.md``), with the evidence where the
rules look for it: the clause, the notice, the events, the bill lines and the usage of the
last billed months. Three patterns come in two shapes, so the population holds the
complaint classes the expected-charge model (``docs/judgement.md``) must find too: a
contract that ends by itself (``ends_at_term``, no notice) beside the told-it-ends SMS, a
request to cancel that was simply never carried out beside the refused one, and a
suspension that was resumed beside one still in force. Ordinary customers are generated so
that none of these fire: they use every service they pay for, are billed once per service
per month, and nothing is billed after a cancellation or a suspension.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import TYPE_CHECKING

from console.seed.calendar import instant
from console.seed.catalogue import BY_CODE

if TYPE_CHECKING:
    from console.seed.generate import Person, Svc

# Pattern name = the finding code the rules should report for it.
PATTERNS = (
    "notice_contradicts_contract",
    "promo_not_applied",
    "charged_after_cancel_attempt",
    "charged_while_suspended",
    "duplicate_charge",
    "unused_paid_service",
)
PROMO_PRICE = 899


def apply_pattern(name: str, p: Person, rng: random.Random) -> None:
    p.pattern = name
    _APPLY[name](p, rng)


def _service(p: Person, code: str) -> Svc:
    """The customer's service ``code``, added (replacing the last add-on if full) if absent."""
    from console.seed.generate import Svc

    for s in p.svcs:
        if s.offer.code == code:
            return s
    new = Svc(BY_CODE[code], p.signed, j1=len(p.months))
    if len(p.svcs) >= 3:
        p.svcs[-1] = new
    else:
        p.svcs.append(new)
    return new


def _first_period_from(p: Person, day: object) -> int:
    return next(j for j, per in enumerate(p.months) if per.last >= day)  # type: ignore[operator]


def _trial_billed_after_notice(p: Person, rng: random.Random) -> None:
    m = len(p.months)
    if rng.random() < 0.5:
        _term_ended_by_itself(p, rng)
        return
    s = _service(p, "MPRO")
    s.trial_until = p.months[m - 3].last
    s.started = s.trial_until + timedelta(days=1) - timedelta(days=365)
    s.j_start = _first_period_from(p, s.started)
    s.j0 = m - 2  # free during the trial; billed for the two months after it
    s.zero_from = m - 2
    p.clauses.append((
        "trial_converts_to_paid", "MPRO",
        "mPro 基本服務免費試用一年;試用期滿後如不再使用,用戶須自行來電申請取消,否則按月收費 50 元。",
        None,
    ))
    sent = s.trial_until - timedelta(days=10 + int(rng.random() * 10))
    p.notices.append((
        instant(sent, 2), "sms", "MPRO", "ends_at_trial_end",
        f"您的 mPro 服務將於 {s.trial_until:%Y/%m/%d} 屆滿,如欲繼續使用,請來電申請。",
    ))


def _term_ended_by_itself(p: Person, rng: random.Random) -> None:
    """The contract says the add-on ends at the end of its term; no notice; billed after it."""
    m = len(p.months)
    s = _service(p, "MUSIC")
    s.term_until = p.months[m - 3].last
    s.zero_from = m - 2
    p.clauses.append((
        "ends_at_term", "MUSIC",
        f"{s.offer.name_zh}優惠方案使用至 {s.term_until:%Y/%m/%d} 止,期滿自動終止,不另收費。",
        None,
    ))


def _promo_not_applied(p: Person, rng: random.Random) -> None:
    from console.seed.generate import Svc

    m = len(p.months)
    started = p.months[m - 3].first + timedelta(days=2 + int(rng.random() * 10))
    p.svcs[1:] = [Svc(BY_CODE["HINET"], started, j_start=m - 3, j0=m - 3, j1=m), Svc(BY_CODE["MOD"], started, j_start=m - 3, j0=m - 3, j1=m)]
    condition = "社區申裝達 30 戶"
    p.clauses.append((
        "promo_price", "HINET",
        f"社區優惠專案:光世代 300M 加 MOD,{condition}後光世代月租以優惠價 {PROMO_PRICE} 元計。",
        json.dumps({"price": PROMO_PRICE, "condition": condition}, ensure_ascii=False),
    ))
    promised = started - timedelta(days=7 + int(rng.random() * 14))
    p.events.append((
        instant(promised, 7), "promise", "field", "HINET",
        f"業務承諾:達社區優惠門檻才安裝,光世代月租以 {PROMO_PRICE} 元計。",
        json.dumps({"price": PROMO_PRICE, "condition": condition}, ensure_ascii=False),
    ))


def _charged_after_cancel(p: Person, rng: random.Random) -> None:
    m = len(p.months)
    if rng.random() < 0.5:
        # The customer called to cancel; nobody carried it out; the next months were billed.
        s = _service(p, "CLOUD")
        s.zero_from = m - 2
        asked = p.months[m - 3].first + timedelta(days=5 + int(rng.random() * 20))
        p.events.append((instant(asked, 4), "cancel_requested", "call", "CLOUD", "客戶來電申請取消雲端硬碟", None))
        return
    s = _service(p, "MOVIE")
    s.started = p.months[m - 3].first
    s.term_until = p.months[m - 2].last  # joined for two months
    s.status = "cancelled"
    s.j_start = s.j0 = m - 3
    s.zero_from = m - 1
    rejected, cancelled = s.term_until - timedelta(days=1), s.term_until + timedelta(days=1)
    p.events.append((instant(rejected, 13), "cancel_rejected", "web", "MOVIE", "未到期不得取消", None))
    p.events.append((instant(cancelled, 1), "cancelled", "web", "MOVIE", "線上申請取消成功", None))


def _charged_while_suspended(p: Person, rng: random.Random) -> None:
    m = len(p.months)
    code = p.svcs[1].offer.code if len(p.svcs) > 1 else "MOD"
    s = _service(p, code)
    if rng.random() < 0.4:
        # Suspended, resumed two months later and used again: only the months off are disputed.
        s.zero_from, s.zero_to = m - 4, m - 1
        off = p.months[m - 4].first + timedelta(days=1 + int(rng.random() * 20))
        back = p.months[m - 2].first + timedelta(days=2 + int(rng.random() * 10))
        p.events.append((instant(off, 3), "suspended", "shop", code, f"客戶至門市申請暫停{s.offer.name_zh}", None))
        p.events.append((instant(back, 5), "resumed", "app", code, f"客戶以 App 恢復{s.offer.name_zh}", None))
        return
    s.status = "suspended"
    s.zero_from = m - 2
    at = p.months[m - 3].first + timedelta(days=1 + int(rng.random() * 20))
    p.events.append((instant(at, 3), "suspended", "call", code, f"客戶來電申請暫停{s.offer.name_zh}", None))


def _duplicate_charge(p: Person, rng: random.Random) -> None:
    m = len(p.months)
    s = p.svcs[int(rng.random() * len(p.svcs))]
    p.duplicates.add((m - 1 - int(rng.random() * 3), s.offer.code))


def _unused_paid(p: Person, rng: random.Random) -> None:
    m = len(p.months)
    code = p.svcs[-1].offer.code if len(p.svcs) > 1 else "CLOUD"
    s = _service(p, code)
    s.zero_from = m - 4


_APPLY = {
    "notice_contradicts_contract": _trial_billed_after_notice,
    "promo_not_applied": _promo_not_applied,
    "charged_after_cancel_attempt": _charged_after_cancel,
    "charged_while_suspended": _charged_while_suspended,
    "duplicate_charge": _duplicate_charge,
    "unused_paid_service": _unused_paid,
}
