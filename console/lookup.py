"""Screen pop: a caller's number in any written form -> their CallerView.

The agent waits on this while the customer listens, so it is one primary-key read for the
phone and one indexed range read per table, with Core selects rather than ORM objects.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.caller_view import (
    BillLineRow,
    BillRow,
    CallerView,
    ClauseRow,
    ContractRow,
    CustomerInfo,
    EventRow,
    NotificationRow,
    ServiceRow,
    UsageRow,
    mask_national_id,
)
from console.errors import NotFound
from console.models import (
    Bill,
    BillLine,
    Clause,
    Contract,
    Customer,
    Event,
    Notification,
    Phone,
    Service,
    Usage,
)
from console.phones import display, normalise


class UnknownCaller(NotFound):
    pass


def find_customer_id(session: Session, phone: str, region: str = "TW") -> tuple[str, str]:
    """Return (customer id, E.164) for a number, or raise UnknownCaller / InvalidPhone."""
    e164 = normalise(phone, region)
    customer_id = session.scalar(select(Phone.customer_id).where(Phone.e164 == e164))
    if customer_id is None:
        raise UnknownCaller(f"no customer has the number {display(e164, region)}")
    return customer_id, e164


def lookup(session: Session, phone: str, region: str = "TW") -> CallerView:
    customer_id, e164 = find_customer_id(session, phone, region)
    return load_caller(session, customer_id, matched_phone=e164)


def load_caller(session: Session, customer_id: str, matched_phone: str | None = None) -> CallerView:
    c = session.execute(
        select(Customer.id, Customer.name, Customer.language, Customer.national_id, Customer.address, Customer.scenario_id)
        .where(Customer.id == customer_id)
    ).one_or_none()
    if c is None:
        raise UnknownCaller(f"no customer {customer_id}")
    phones = tuple(session.scalars(select(Phone.e164).where(Phone.customer_id == customer_id).order_by(Phone.e164)))

    clauses_by_contract: dict[str, list[ClauseRow]] = defaultdict(list)
    for row in session.execute(
        select(Clause.id, Clause.contract_id, Clause.kind, Clause.service_code, Clause.text, Clause.params)
        .where(Clause.customer_id == customer_id)
        .order_by(Clause.id)
    ):
        clauses_by_contract[row.contract_id].append(ClauseRow(*row))
    contracts = tuple(
        ContractRow(r.id, r.signed_on, r.plan, tuple(clauses_by_contract.get(r.id, ())))
        for r in session.execute(
            select(Contract.id, Contract.signed_on, Contract.plan)
            .where(Contract.customer_id == customer_id)
            .order_by(Contract.signed_on, Contract.id)
        )
    )
    services = tuple(
        ServiceRow(*r)
        for r in session.execute(
            select(
                Service.code, Service.name_zh, Service.name_en, Service.contract_id, Service.fee_amount,
                Service.fee_per, Service.started_on, Service.trial_until, Service.term_until, Service.status,
            )
            .where(Service.customer_id == customer_id)
            .order_by(Service.id)
        )
    )
    notifications = tuple(
        NotificationRow(*r)
        for r in session.execute(
            select(Notification.id, Notification.sent_at, Notification.channel, Notification.service_code, Notification.says, Notification.text)
            .where(Notification.customer_id == customer_id)
            .order_by(Notification.sent_at.desc(), Notification.id)
        )
    )
    lines_by_bill: dict[str, list[BillLineRow]] = defaultdict(list)
    for r in session.execute(
        select(BillLine.id, BillLine.bill_id, BillLine.service_code, BillLine.text, BillLine.amount)
        .where(BillLine.customer_id == customer_id)
        .order_by(BillLine.bill_id, BillLine.id)
    ):
        lines_by_bill[r.bill_id].append(BillLineRow(*r))
    bills = tuple(
        BillRow(r.id, r.period, r.issued_on, r.currency, tuple(lines_by_bill.get(r.id, ())))
        for r in session.execute(
            select(Bill.id, Bill.period, Bill.issued_on, Bill.currency)
            .where(Bill.customer_id == customer_id)
            .order_by(Bill.period, Bill.id)
        )
    )
    usage = tuple(
        UsageRow(*r)
        for r in session.execute(
            select(Usage.service_code, Usage.period, Usage.units)
            .where(Usage.customer_id == customer_id)
            .order_by(Usage.period, Usage.service_code)
        )
    )
    events = tuple(
        EventRow(*r)
        for r in session.execute(
            select(Event.id, Event.at, Event.channel, Event.kind, Event.service_code, Event.text, Event.params)
            .where(Event.customer_id == customer_id)
            .order_by(Event.at, Event.id)
        )
    )
    currency = bills[-1].currency if bills else "TWD"
    info = CustomerInfo(c.id, c.name, c.language, mask_national_id(c.national_id), phones, c.address, c.scenario_id)
    return CallerView(info, matched_phone, contracts, services, notifications, bills, usage, events, currency)
