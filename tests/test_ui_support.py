"""Test data for the window's tests: reference case 1 written as ORM rows.

Built by hand (not through the importer) so the window's tests depend only on the models;
the scenario-driven tests live in ``test_ui_scenarios.py``.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from console.db import open_store
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

TPE = timezone(timedelta(hours=8))
CALL_AT = datetime(2009, 5, 12, 14, 30, tzinfo=TPE)
PHONE = "0912-345-678"
SMS_ID = "SMS-20090216-01"
CLAUSE_ID = "CT-2008-0301/7"
MPRO_LINES = ("BILL-200903-2", "BILL-200904-2")


def build_case_one(url: str, extra_notifications: int = 0) -> None:
    """Reference case 1 (mPro billed after the SMS), optionally with many old notifications."""
    store = open_store(url, "customer")
    try:
        with store.session() as s, s.begin():
            s.add(Customer(id="C-0001", name="陳志明", language="zh_TW", national_id="A123456789"))
            s.flush()
            s.add(Phone(e164="+886912345678", customer_id="C-0001", raw=PHONE))
            s.add(Contract(id="CT-2008-0301", customer_id="C-0001", signed_on=date(2008, 3, 1), plan="3G 399"))
            s.flush()
            s.add(Clause(id=CLAUSE_ID, contract_id="CT-2008-0301", customer_id="C-0001", kind="trial_converts_to_paid",
                         service_code="MPRO", text="mPro 基本服務首年免費；免費期滿後如不需要，用戶須來電取消，否則依月租費 50 元計收。"))
            s.add(Clause(id="CT-2008-0301/1", contract_id="CT-2008-0301", customer_id="C-0001", kind="no_cancel_before_term",
                         service_code=None, text="<b>本合約</b>期間 24 個月。"))
            s.add(Service(customer_id="C-0001", code="MPRO", name_zh="mPro 基本服務", name_en="mPro basic", contract_id="CT-2008-0301",
                          fee_amount=Decimal(50), fee_per="month", started_on=date(2008, 3, 1), trial_until=date(2009, 2, 28), status="active"))
            s.add(Service(customer_id="C-0001", code="3G399", name_zh="3G 399 月租", name_en="3G 399 plan", contract_id="CT-2008-0301",
                          fee_amount=Decimal(399), fee_per="month", started_on=date(2008, 3, 1), term_until=date(2010, 2, 28), status="active"))
            s.add(Notification(id=SMS_ID, customer_id="C-0001", sent_at=datetime(2009, 2, 16, 10, 0, tzinfo=TPE), channel="sms",
                               service_code="MPRO", says="ends_at_trial_end", text="您的 mPro 服務即將到期，如欲繼續使用請來電申請。"))
            base = datetime(2008, 4, 1, 9, 0, tzinfo=TPE)
            for i in range(extra_notifications):
                s.add(Notification(id=f"N-{i:05d}", customer_id="C-0001", sent_at=base - timedelta(hours=i), channel="app",
                                   service_code=None, says="informational", text=f"notice {i}"))
            for m in (1, 2, 3, 4):
                bid = f"BILL-2009{m:02d}"
                s.add(Bill(id=bid, customer_id="C-0001", period=f"2009-{m:02d}", issued_on=date(2009, m + 1, 5), currency="TWD"))
                s.flush()
                s.add(BillLine(id=f"{bid}-1", customer_id="C-0001", bill_id=bid, service_code="3G399", text="3G 399 月租費", amount=Decimal(399)))
                if m >= 3:
                    s.add(BillLine(id=f"{bid}-2", customer_id="C-0001", bill_id=bid, service_code="MPRO", text="mPro 月租費", amount=Decimal(50)))
                    s.add(Usage(customer_id="C-0001", service_code="MPRO", period=f"2009-{m:02d}", units=0))
            s.add(Event(customer_id="C-0001", at=datetime(2009, 2, 8, 21, 0, tzinfo=TPE), channel="web", kind="cancel_rejected",
                        service_code="MPRO", text="未到期不得取消"))
    finally:
        store.dispose()


@pytest.fixture(scope="session")
def case_one_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Case 1 built (and migrated) once per run; tests copy the file, which is much faster."""
    path = tmp_path_factory.mktemp("case_one") / "customers.sqlite3"
    build_case_one(f"sqlite:///{path}")
    return path


def copy_case_one(template: Path, customer_url: str) -> None:
    target = Path(customer_url.removeprefix("sqlite:///"))
    shutil.copyfile(template, target)
