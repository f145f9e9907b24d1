"""The table models behind the panes: services, clauses, notifications, events, history.

Each is a thin ``RowsModel`` subclass that only says which columns it has and what each
row's evidence reference is; the text comes from ``console.formatting`` (Babel) and
``ui.labels`` (translated vocabulary), customer data is shown exactly as stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from console import formatting as fmt
from console.caller_view import ClauseRow, ContractRow, EventRow, NotificationRow, ServiceRow
from ui.labels import DELIVERY_HOOKS, state_word, word
from ui.models.table import Column, RowsModel


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _cents(value: Decimal | None) -> int:
    return int(value * 100) if value is not None else 0


class ServicesModel(RowsModel[ServiceRow]):
    """Services the customer subscribes to: fee, status, trial and term dates."""

    currency = "TWD"

    def columns(self) -> Sequence[Column[ServiceRow]]:
        lang = self.language
        return (
            # When the service started is in its tooltip (and on the timeline): the columns
            # are what a call is about, and all of them fit a 1366 px screen.
            Column(lambda: QCoreApplication.translate("Panes", "Service"), lambda s: s.name(lang), lambda s: s.name(lang),
                   tooltip=lambda s: QCoreApplication.translate("Panes", "%1 (%2), started %3").replace("%1", s.name(lang))
                   .replace("%2", s.code).replace("%3", fmt.day(s.started_on, lang))),
            Column(lambda: QCoreApplication.translate("Panes", "Fee"), lambda s: f"{fmt.money(s.fee_amount, self.currency, lang)} {word(s.fee_per)}",
                   lambda s: _cents(s.fee_amount), align_right=True),
            Column(lambda: QCoreApplication.translate("Panes", "Trial until"), lambda s: fmt.day(s.trial_until, lang), lambda s: _iso(s.trial_until)),
            Column(lambda: QCoreApplication.translate("Panes", "Term until"), lambda s: fmt.day(s.term_until, lang), lambda s: _iso(s.term_until)),
            Column(lambda: QCoreApplication.translate("Panes", "Status"), lambda s: word(s.status), lambda s: s.status),
        )

    def ref(self, row: ServiceRow) -> str:
        return f"service:{row.code}"

    def matches(self, row: ServiceRow, refs: frozenset[str]) -> bool:
        return any(r == f"service:{row.code}" or r.startswith(f"service:{row.code}:") for r in refs)


@dataclass(frozen=True)
class ClauseLine:
    """A clause with the contract it belongs to, so one flat table lists every contract's clauses."""

    clause: ClauseRow
    contract: ContractRow


def clause_lines(contracts: Sequence[ContractRow]) -> list[ClauseLine]:
    return [ClauseLine(c, k) for k in contracts for c in k.clauses]


class ClausesModel(RowsModel[ClauseLine]):
    """Clauses as printed, with their kind and the contract (id, signing date) they are in."""

    def columns(self) -> Sequence[Column[ClauseLine]]:
        lang = self.language
        return (
            Column(lambda: QCoreApplication.translate("Panes", "Kind"), lambda c: word(c.clause.kind), lambda c: c.clause.kind),
            Column(lambda: QCoreApplication.translate("Panes", "Service"), lambda c: c.clause.service_code or "", lambda c: c.clause.service_code or ""),
            Column(lambda: QCoreApplication.translate("Panes", "Contract"), lambda c: c.contract.id,
                   lambda c: (_iso(c.contract.signed_on) + c.contract.id),
                   tooltip=lambda c: f"{c.contract.id} · {fmt.day(c.contract.signed_on, lang)} · {c.contract.plan or ''}".strip(" ·")),
            Column(lambda: QCoreApplication.translate("Panes", "Clause as printed"), lambda c: _one_line(c.clause.text), lambda c: c.clause.text,
                   tooltip=lambda c: c.clause.text, free=True),
        )

    def ref(self, row: ClauseLine) -> str:
        return f"clause:{row.clause.id}"

    def matches(self, row: ClauseLine, refs: frozenset[str]) -> bool:
        return f"clause:{row.clause.id}" in refs or f"contract:{row.contract.id}" in refs


class NotificationsModel(RowsModel[NotificationRow]):
    """What the customer was told: newest first, as the view hands them over."""

    def columns(self) -> Sequence[Column[NotificationRow]]:
        lang = self.language
        return (
            Column(lambda: QCoreApplication.translate("Panes", "Sent"), lambda n: fmt.moment(n.sent_at, lang), lambda n: _iso(n.sent_at)),
            Column(lambda: QCoreApplication.translate("Panes", "Says"), lambda n: word(n.says), lambda n: n.says),
            Column(lambda: QCoreApplication.translate("Panes", "Channel"), lambda n: word(n.channel), lambda n: n.channel),
            Column(lambda: QCoreApplication.translate("Panes", "Service"), lambda n: n.service_code or "", lambda n: n.service_code or ""),
            Column(lambda: QCoreApplication.translate("Panes", "Text"), lambda n: _one_line(n.text), lambda n: n.text, tooltip=lambda n: n.text, free=True),
        )

    def ref(self, row: NotificationRow) -> str:
        return f"notification:{row.id}"


class EventsModel(RowsModel[EventRow]):
    """Everything else in the customer record: calls, promises, cancel attempts, credits."""

    def columns(self) -> Sequence[Column[EventRow]]:
        lang = self.language
        return (
            Column(lambda: QCoreApplication.translate("Panes", "When"), lambda e: fmt.moment(e.at, lang), lambda e: _iso(e.at)),
            Column(lambda: QCoreApplication.translate("Panes", "Channel"), lambda e: word(e.channel), lambda e: e.channel),
            Column(lambda: QCoreApplication.translate("Panes", "What"), lambda e: word(e.kind), lambda e: e.kind),
            Column(lambda: QCoreApplication.translate("Panes", "Service"), lambda e: e.service_code or "", lambda e: e.service_code or ""),
            Column(lambda: QCoreApplication.translate("Panes", "Text"), lambda e: _one_line(e.text or ""), lambda e: e.text or "",
                   tooltip=lambda e: e.text or "", free=True),
        )

    def ref(self, row: EventRow) -> str:
        return f"event:{row.id}"


@dataclass(frozen=True)
class HistoryLine:
    """One line of "history with us": a past call, an open case, a due callback, an action."""

    ref: str
    at: datetime
    what: str
    who: str
    details: str
    child: bool = False  # an action, case or callback shown under its call


def history_lines(history: Any, currency: str, language: str, delivery: str = DELIVERY_HOOKS) -> list[HistoryLine]:
    """Flatten ``console.history.CustomerHistory`` into lines: each call (newest first) with
    what it did under it (its actions not yet delivered, its case, its callback), then what
    belongs to no call here. ``delivery`` words the "not sent" state (``labels.state_word``)."""
    if history is None:
        return []
    under: dict[str, list[HistoryLine]] = {}
    loose: list[HistoryLine] = []

    def place(call_id: str | None, line: HistoryLine) -> None:
        (under.setdefault(call_id, []) if call_id else loose).append(line)

    for k in history.open_cases:
        due = QCoreApplication.translate("Panes", "due %s") % fmt.day(k.due_on, language) if k.due_on else ""
        place(k.call_id, HistoryLine(f"case:{k.id}", k.opened_at, QCoreApplication.translate("Panes", "Open case %s") % case_ref(k.id),
                                     k.owner, " · ".join(x for x in (k.summary or "", due) if x)))
    for b in history.due_callbacks:
        place(b.call_id, HistoryLine(f"callback:{b.id}", b.due_at,
                                     QCoreApplication.translate("Panes", "Callback due %s") % fmt.moment(b.due_at, language),
                                     b.assignee, b.note or ""))
    for a in history.undelivered:
        amount = fmt.money(a.amount, a.currency, language) if a.amount is not None else ""
        what = " ".join(x for x in (word(a.kind), a.service_code or "", amount) if x)
        place(a.call_id, HistoryLine(f"action:{a.id}", a.created_at, what, state_word(a.state, delivery), a.last_error or ""))
    lines: list[HistoryLine] = []
    known = {c.id for c in history.calls}
    for call_id in [k for k in under if k not in known]:
        loose.extend(under.pop(call_id))  # a call older than the ones listed: its items stand alone
    for c in history.calls:  # newest first
        details = " · ".join(x for x in (
            word(c.root_cause) if c.root_cause else "",
            fmt.money(c.credit_total, currency, language) if c.credit_total else "",
            c.notes or "",
        ) if x)
        lines.append(HistoryLine(f"call:{c.id}", c.started_at, QCoreApplication.translate("Panes", "Call: %s") % word(c.outcome),
                                 c.agent_id, details))
        lines.extend(replace(h, what="    ↳ " + h.what, child=True) for h in under.pop(c.id, []))
    loose.sort(key=lambda h: h.at, reverse=True)
    return lines + loose


def case_ref(case_id: str) -> str:
    """A case's short reference for people: the last 8 characters of its id (the random part
    of a time-ordered UUID), upper case; the full id is in the journal and exports."""
    return case_id.replace("-", "")[-8:].upper()


class HistoryModel(RowsModel[HistoryLine]):
    def columns(self) -> Sequence[Column[HistoryLine]]:
        lang = self.language
        return (
            Column(lambda: QCoreApplication.translate("Panes", "When"), lambda h: fmt.moment(h.at, lang), lambda h: h.at.astimezone(UTC).isoformat()),
            Column(lambda: QCoreApplication.translate("Panes", "What"), lambda h: h.what, lambda h: h.what),
            Column(lambda: QCoreApplication.translate("Panes", "Who / state"), lambda h: h.who, lambda h: h.who),
            Column(lambda: QCoreApplication.translate("Panes", "Details"), lambda h: _one_line(h.details), lambda h: h.details,
                   tooltip=lambda h: h.details, free=True),
        )

    def ref(self, row: HistoryLine) -> str:
        return row.ref


def _one_line(text: str) -> str:
    """Rows have a fixed height: show multi-line text on one line (the tooltip has it all)."""
    return " ".join(text.split())
