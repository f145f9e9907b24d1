"""Why a month's expected charge is what it is, in words, for the agent (zh_TW or English).

The bill pane shows, per service and month, billed / expected / why, so the agent sees the
reasoning and not only the verdict: "SMS of 2009/2/16 said it ends 2009/2/28; not used".
The words come from the ledger's deciding fact and, for a stop, from how usage decided the
month; dates and money are formatted by ``console.formatting`` like everywhere else.
"""

from __future__ import annotations

from console import formatting as fmt
from console.formatting import cjk_spacing
from console.judgement.ledger import MonthJudgement

_FACT = {
    "en": {
        "contract": "as contracted",
        "no_charge": "no charge",
        "trial": "free until {end}",
        "notice_stops": "{channel} of {on} said it ends {end}",
        "contract_ends": "contract: ends by itself {end}",
        "cancel_requested": "asked to cancel {on}",
        "cancel_refused": "cancelling refused {on}",
        "suspended": "suspended {on}",
        "cancelled": "cancelled {on}",
        "promise": "promised {price} a month",
        "duplicate": "billed twice",
    },
    "zh_TW": {
        "contract": "依合約計費",
        "no_charge": "未收費",
        "trial": "免費至 {end}",
        "notice_stops": "{on} {channel}說 {end} 停止",
        "contract_ends": "合約：{end} 自動停止",
        "cancel_requested": "{on} 已申請取消",
        "cancel_refused": "{on} 取消遭拒",
        "suspended": "{on} 起暫停",
        "cancelled": "{on} 已取消",
        "promise": "承諾每月 {price}",
        "duplicate": "重複收費",
    },
}
_RESUMED = {"en": " (resumed {until})", "zh_TW": "（{until} 恢復）"}
_USE = {
    "en": {"used": "; used ({units}): owed", "unused": "; not used", "off": "; service was off",
           "unknown": "; usage not reported: check first"},
    "zh_TW": {"used": "；有使用（{units}）：應付", "unused": "；未使用", "off": "；服務已停用",
              "unknown": "；用量未回報：先確認"},
}
_SETTLED = {"en": "; credited before", "zh_TW": "；先前已退款"}
_CHANNEL = {
    "en": {"sms": "SMS", "email": "e-mail", "letter": "letter", "app": "app notice", "call": "call"},
    "zh_TW": {"sms": "簡訊", "email": "電子郵件", "letter": "信件", "app": "App 通知", "call": "電話"},
}


def explain(m: MonthJudgement, language: str, currency: str = "TWD") -> str:
    """One line: the deciding fact, how usage decided the month, and an earlier credit."""
    lang = language if language in _FACT else "en"
    stop = m.stop
    values = {
        "on": fmt.day(stop.on, lang) if stop else "",
        "end": fmt.day(stop.last_day if stop else m.start, lang),
        "channel": _CHANNEL[lang].get(stop.channel or "", stop.channel or "") if stop else "",
        "price": fmt.money(m.price.amount, currency, lang) if m.price else "",
    }
    if m.trial_until is not None:
        values["end"] = fmt.day(m.trial_until, lang)
    text = _FACT[lang].get(m.why, m.why).format(**values)
    if stop is not None and stop.until is not None:
        text += _RESUMED[lang].format(until=fmt.day(stop.until, lang))
    if m.use:
        text += _USE[lang][m.use].format(units=m.units)
    if m.settled:
        text += _SETTLED[lang]
    return cjk_spacing(text) if lang == "zh_TW" else text


def expected_text(m: MonthJudgement, language: str, currency: str = "TWD") -> str:
    """The expected charge as the agent reads it; "?" while it waits for usage."""
    return "?" if m.expected is None else fmt.money(m.expected, currency, language)
