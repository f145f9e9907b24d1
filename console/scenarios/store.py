"""Writing validated scenarios into the customer store: one transaction per file, replace on re-import.

A trainer re-imports a folder after editing one file; the console must end up with each
scenario exactly once, as the file now says. So importing a scenario first deletes the
customer an earlier import of the same scenario id created (everything it owns goes with
it by ``ON DELETE CASCADE``), then checks that nothing else in the database already uses
its customer id or phone numbers, then writes. Record ids (bills, lines, notices ...) need
only be unique within the scenario: the store keys them by customer, so two trainers'
files may both use ``B-202509``. Any problem rolls the whole
file back: the database is exactly as it was, and the other files still import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from console.db import Store
from console.errors import NotFound, UserError
from console.models import (
    Bill,
    BillLine,
    Clause,
    Contract,
    Customer,
    Event,
    Notification,
    Phone,
    Scenario,
    Service,
    Usage,
)
from console.phones import DEFAULT_REGION, display
from console.scenarios.document import ScenarioDoc
from console.scenarios.fields import ScenarioError
from console.scenarios.parse import load_scenario

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    path: Path
    scenario_id: str | None = None
    error: str | None = None
    replaced: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def imported(self) -> list[str]:
        return [r.scenario_id for r in self.results if r.ok and r.scenario_id]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if not r.ok]


def scenario_files(paths: Iterable[str | Path]) -> list[tuple[Path, str | None]]:
    """Expand folders to their ``*.yaml``/``*.yml`` files (sorted); a bad path carries its error."""
    out: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
            if not found:
                out.append((path, f"{path}: no *.yaml or *.yml scenario files in this folder"))
            out.extend((p, None) for p in found)
        elif not path.exists():
            out.append((path, f"{path}: no such file or folder"))
        else:
            out.append((path, None))
    return out


def import_paths(store: Store, paths: Sequence[str | Path], region: str = DEFAULT_REGION) -> ImportReport:
    """Import every scenario file named (folders expanded), each in its own transaction."""
    report = ImportReport()
    for path, problem in scenario_files(paths):
        if problem is not None:
            report.results.append(FileResult(path, error=problem))
            continue
        try:
            doc = load_scenario(path, region)
            replaced = write_scenario(store, doc, region)
        except UserError as exc:
            report.results.append(FileResult(path, error=str(exc)))
        else:
            report.results.append(FileResult(path, doc.id, replaced=replaced))
    return report


def write_scenario(store: Store, doc: ScenarioDoc, region: str = DEFAULT_REGION) -> bool:
    """Write one scenario in one transaction, replacing an earlier import; True if replaced."""
    try:
        with store.session() as session, session.begin():
            replaced = _delete_previous(session, doc.id)
            _check_conflicts(session, doc, region)
            _insert(session, doc)
            session.flush()
    except IntegrityError as exc:  # a race with another writer, or a check we do not know of
        raise ScenarioError(f"{doc.source}: conflicts with data already in the database ({_first_line(exc)})") from exc
    except DBAPIError as exc:
        raise ScenarioError(f"{doc.source}: the database refused it ({_first_line(exc)})") from exc
    return replaced


def _delete_previous(session: Session, scenario_id: str) -> bool:
    old = session.scalars(select(Customer.id).where(Customer.scenario_id == scenario_id)).all()
    old_scenario = session.scalar(select(Scenario.customer_id).where(Scenario.id == scenario_id))
    owners = set(old) | ({old_scenario} if old_scenario else set())
    if not owners:
        return False
    # Bill lines hang off bills, clauses off contracts: the cascade from customers takes them.
    session.execute(delete(Scenario).where(Scenario.id == scenario_id))
    session.execute(delete(Customer).where(Customer.id.in_(owners)))
    return True


def _check_conflicts(session: Session, doc: ScenarioDoc, region: str) -> None:
    src = doc.source
    cid = doc.customer.id
    holder = session.scalar(select(Customer.scenario_id).where(Customer.id == cid))
    if session.scalar(select(Customer.id).where(Customer.id == cid)) is not None:
        owner = f"scenario {holder}" if holder else "another customer in the database (not from a scenario)"
        raise ScenarioError(f"{src}: customer.id: {cid} is already used by {owner}")
    for i, phone in enumerate(doc.customer.phones):
        other = session.scalar(select(Phone.customer_id).where(Phone.e164 == phone.e164))
        if other is not None:
            raise ScenarioError(f"{src}: customer.phones[{i}]: {display(phone.e164, region)} already belongs to customer {other}")


def _insert(session: Session, doc: ScenarioDoc) -> None:
    c = doc.customer
    cid = c.id
    session.add(Customer(id=cid, name=c.name, language=c.language, national_id=c.national_id, address=c.address, scenario_id=doc.id))
    session.flush()  # parent first: child rows reference it
    session.add_all(Phone(e164=p.e164, customer_id=cid, raw=p.raw) for p in c.phones)
    for k in doc.contracts:
        session.add(Contract(id=k.id, customer_id=cid, signed_on=k.signed_on, plan=k.plan))
    session.flush()
    for k in doc.contracts:
        session.add_all(
            Clause(id=cl.id, contract_id=k.id, customer_id=cid, kind=cl.kind, service_code=cl.service, text=cl.text, params=cl.params)
            for cl in k.clauses
        )
    session.add_all(
        Service(
            customer_id=cid, code=s.code, name_zh=s.name_zh, name_en=s.name_en, contract_id=s.contract,
            fee_amount=s.fee_amount, fee_per=s.fee_per, started_on=s.started_on, trial_until=s.trial_until,
            term_until=s.term_until, status=s.status,
        )
        for s in doc.services
    )
    session.add_all(
        Notification(id=n.id, customer_id=cid, sent_at=n.sent_at, channel=n.channel, service_code=n.service, says=n.says, text=n.text)
        for n in doc.notifications
    )
    for b in doc.bills:
        session.add(Bill(id=b.id, customer_id=cid, period=b.period, issued_on=b.issued_on, currency=doc.currency))
    session.flush()
    session.add_all(
        BillLine(id=ln.id, customer_id=cid, bill_id=b.id, service_code=ln.service, text=ln.text, amount=ln.amount)
        for b in doc.bills for ln in b.lines
    )
    session.add_all(Usage(customer_id=cid, service_code=u.service, period=u.period, units=u.units) for u in doc.usage)
    session.add_all(
        Event(customer_id=cid, at=e.at, channel=e.channel, kind=e.kind, service_code=e.service, text=e.text, params=e.params)
        for e in doc.events
    )
    session.add(Scenario(
        id=doc.id, format=doc.format, title=doc.title, brief=doc.brief, call_at=doc.call_at, currency=doc.currency,
        customer_id=cid, expected=doc.expected.to_json() if doc.expected is not None else None,
        source=doc.source[-500:], imported_at=datetime.now(UTC),
    ))


def scenario_call_at(store: Store | Session, scenario_id: str) -> datetime:
    """The scenario's "now" (``call_at``), as stored by the import."""
    if isinstance(store, Session):
        value = store.scalar(select(Scenario.call_at).where(Scenario.id == scenario_id))
    else:
        with store.session() as session:
            value = session.scalar(select(Scenario.call_at).where(Scenario.id == scenario_id))
    if value is None:
        raise NotFound(f"no scenario {scenario_id!r} has been imported")
    return value


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
