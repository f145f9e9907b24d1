"""Scenario files: every kind of bad input is refused with one line naming the file and the field.

Each case mutates a valid scenario (reference case 1) in one way, writes it to a file and
imports it into a database that already holds the demo scenarios: the error line must name
the file and the field, and the database must be exactly as before (the old version of
the same scenario included, since a replace happens in the same transaction).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from console.db import Store, open_store
from console.models.customer import CustomerBase
from console.scenarios import MAX_FILE_BYTES, ScenarioError, demo_dir, import_paths, load_scenario

CASE1 = "01-mpro-trial-billed-after-notice.yaml"


def snapshot(store: Store) -> str:
    """A checksum of every row of every customer-store table."""
    digest = hashlib.sha256()
    with store.session() as session:
        for table in CustomerBase.metadata.sorted_tables:
            rows = sorted(repr(tuple(r)) for r in session.execute(select(table)))
            digest.update(f"{table.name}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(row.encode())
    return digest.hexdigest()


def base_doc() -> dict[str, Any]:
    with (demo_dir() / CASE1).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("scen") / "customers.sqlite3"
    store = open_store(f"sqlite:///{path}", "customer")
    report = import_paths(store, [demo_dir()])
    assert report.ok, [r.error for r in report.failed]
    yield store
    store.dispose()


def write(tmp_path: Path, doc: Any, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting ``a.b[0].c`` to ``value`` (or deleting it when value is _DELETE)."""

    def mutate(doc: dict[str, Any]) -> None:
        node: Any = doc
        parts = path.replace("]", "").replace("[", ".").split(".")
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        last = parts[-1]
        key: Any = int(last) if isinstance(node, list) else last
        if value is _DELETE:
            del node[key]
        else:
            node[key] = value

    return mutate


_DELETE = object()

BAD = [
    # (mutation, field named in the error, words in the problem)
    (_set("call_at", _DELETE), "call_at", "missing (required)"),
    (_set("customer.name", _DELETE), "customer.name", "missing (required)"),
    (_set("scenario", 2), "scenario", "unknown format version 2"),
    (_set("scenario", "one"), "scenario", "unknown format version"),
    (_set("notifications.0.says", "stops_soon"), "notifications[0].says", "'stops_soon' is not one of: continues_unless_cancelled"),
    (_set("contracts.0.clauses.1.kind", "free_trial"), "contracts[0].clauses[1].kind", "is not one of"),
    (_set("services.1.status", "paused"), "services[1].status", "active, cancelled, suspended"),
    (_set("customer.language", "fr"), "customer.language", "is not one of: zh_TW, en"),
    (_set("expected.findings", ["contract_broken"]), "expected.findings[0]", "notice_contradicts_contract"),
    (_set("expected.actions.0.kind", "refund"), "expected.actions[0].kind", "issue_credit"),
    (_set("contracts.0.signed_on", "2008-02-30"), "contracts[0].signed_on", "is not a date"),
    (_set("contracts.0.signed_on", "1 March 2008"), "contracts[0].signed_on", "is not a date"),
    (_set("call_at", "tomorrow afternoon"), "call_at", "is not a time"),
    (_set("notifications.0.sent_at", 20090216), "notifications[0].sent_at", "is not a time"),
    (_set("bills.0.period", "2009-13"), "bills[0].period", "is not a month"),
    (_set("bills.1.lines.0.amount", 12.5), "bills[1].lines[0].amount", "12.5 has a fraction of a dollar (TWD is billed in whole dollars)"),
    (_set("bills.1.lines.0.amount", "fifty"), "bills[1].lines[0].amount", "is not a number"),
    (_set("bills.1.lines.0.amount", None), "bills[1].lines[0].amount", "expected an amount"),
    (_set("bills.1.lines.0.amount", [50]), "bills[1].lines[0].amount", "expected an amount"),
    (_set("services.1.fee.amount", -50), "services[1].fee.amount", "must not be negative"),
    (_set("expected.actions.1.amount", 99.5), "expected.actions[1].amount", "fraction of a dollar"),
    (_set("bills.0.lines.1.service", "MPRO2"), "bills[0].lines[1].service", "unknown service 'MPRO2'; services in this file: MPRO, V3G399"),
    (_set("usage.1.service", "WAP"), "usage[1].service", "unknown service 'WAP'"),
    (_set("notifications.0.service", "mpro"), "notifications[0].service", "unknown service 'mpro'"),
    (_set("contracts.0.clauses.1.service", "MPR0"), "contracts[0].clauses[1].service", "unknown service"),
    (_set("expected.actions.0.service", "BBV"), "expected.actions[0].service", "unknown service 'BBV'"),
    (_set("services.0.contract", "CT-1999"), "services[0].contract", "unknown contract"),
    (_set("bills.1.id", "BILL-200903"), "bills[1].id", "BILL-200903 is used twice (also at bills[0].id)"),
    (_set("bills.1.lines.1.id", "BILL-200903-2"), "bills[1].lines[1].id", "used twice"),
    (_set("contracts.0.clauses.1.id", "CT-2008-0301/1"), "contracts[0].clauses[1].id", "used twice"),
    (_set("services.1.code", "V3G399"), "services[1].code", "used twice"),
    (_set("usage.3.period", "2009-03"), "usage[3]", "MPRO 2009-03 is used twice"),
    (_set("customer.phones", ["12"]), "customer.phones[0]", "not a possible phone number"),
    (_set("customer.phones", ["call me"]), "customer.phones[0]", "not a phone number"),
    (_set("customer.phones", ["0912-345-678", "+886 912 345 678"]), "customer.phones[1]", "same number as customer.phones[0]"),
    (_set("customer.phones", []), "customer.phones", "at least one phone"),
    (_set("bills.0.colour", "red"), "bills[0].colour", "unknown field; valid fields here: id, period, issued_on, lines"),
    (_set("customer", "C-0001"), "customer", "expected a mapping"),
    (_set("bills", {"id": "x"}), "bills", "expected a list"),
    (_set("id", "Has Spaces"), "id", "is not valid"),
    (_set("currency", "NTD"), "currency", "is not one of"),
    (_set("usage.0.units", -3), "usage[0].units", "out of range"),
    (_set("usage.0.units", 1.5), "usage[0].units", "expected a whole number"),
    (_set("events", [{"at": "2009-02-01T10:00", "channel": "carrier pigeon", "kind": "call"}]), "events[0].channel", "is not valid"),
    (_set("events", [{"at": "2009-02-01T10:00", "channel": "x" * 17, "kind": "call"}]), "events[0].channel", "too long"),
    (_set("events", [{"at": "2009-02-01T10:00", "channel": "web", "kind": "paused"}]), "events[0].kind", "is not one of"),
    (_set("expected.actions.1.periods", []), "expected.actions[1].periods", "at least one month"),
    (_set("expected.actions.1.when", "2009-05-13"), "expected.actions[1].when", "unknown field"),
    (_set("title", {}), "title", "at least one of: zh_TW, en"),
]


@pytest.mark.parametrize(("mutate", "field", "problem"), BAD, ids=[f"{b[1]}:{b[2][:25]}" for b in BAD])
def test_bad_field_is_one_line_naming_file_and_field(
    demo_store: Store, tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str, problem: str
) -> None:
    doc = base_doc()
    mutate(doc)
    path = write(tmp_path, doc)
    before = snapshot(demo_store)
    report = import_paths(demo_store, [path])
    assert not report.ok
    error = report.results[0].error
    assert error is not None
    assert error.startswith(f"{path}: {field}: "), error
    assert problem in error, error
    assert "\n" not in error
    assert snapshot(demo_store) == before


def _raw_case(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_yaml_syntax_error_names_the_line(demo_store: Store, tmp_path: Path) -> None:
    text = (demo_dir() / CASE1).read_text(encoding="utf-8").replace("currency: TWD", "currency: [TWD", 1)
    path = _raw_case(tmp_path, "syntax.yaml", text.encode())
    before = snapshot(demo_store)
    error = import_paths(demo_store, [path]).results[0].error
    assert error is not None and error.startswith(f"{path}: YAML syntax error at line "), error
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("currency: [TWD"))
    assert any(f"line {n}," in error for n in range(line, line + 3)), error
    assert snapshot(demo_store) == before


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"- just\n- a list\n", "expected a scenario mapping"),
        (b"", "empty file"),
        (b"# only a comment\n", "empty file"),
        (b"just some words", "expected a scenario mapping"),
        ("scenario: 1\nid: caf\xe9\n".encode("latin-1"), "not UTF-8 text (bad byte 0xe9 on line 2)"),
        (b"scenario: 1\n---\nscenario: 1\n", "YAML syntax error"),
        (b"[" * 5000 + b"]" * 5000, "YAML nested too deeply"),
    ],
    ids=["list", "empty", "comment", "scalar", "latin1", "two-docs", "deep"],
)
def test_file_level_problems(demo_store: Store, tmp_path: Path, data: bytes, problem: str) -> None:
    path = _raw_case(tmp_path, "file.yaml", data)
    before = snapshot(demo_store)
    error = import_paths(demo_store, [path]).results[0].error
    assert error is not None and error.startswith(f"{path}: ") and problem in error, error
    assert "\n" not in error
    assert snapshot(demo_store) == before


def test_file_too_large_is_refused_before_reading(demo_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.write(b"scenario: 1\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    before = snapshot(demo_store)
    error = import_paths(demo_store, [path]).results[0].error
    assert error is not None and error.startswith(f"{path}: file too large"), error
    assert snapshot(demo_store) == before


def test_missing_path_and_empty_folder(demo_store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    report = import_paths(demo_store, [tmp_path / "nope.yaml", empty])
    assert [r.error for r in report.results] == [
        f"{tmp_path / 'nope.yaml'}: no such file or folder",
        f"{empty}: no *.yaml or *.yml scenario files in this folder",
    ]


def test_valid_values_are_typed() -> None:
    doc = load_scenario(demo_dir() / CASE1)
    assert doc.id == "mpro-trial-billed-after-notice"
    assert doc.call_at.utcoffset() is not None and doc.call_at.isoformat() == "2009-05-12T14:30:00+08:00"
    assert doc.customer.phones[0].e164 == "+886912345678"
    assert doc.bills[1].lines[1].amount == Decimal(50)
    assert isinstance(doc.bills[1].lines[1].amount, Decimal)
    assert doc.services[1].trial_until == date(2009, 2, 28)
    assert doc.expected is not None
    credit = doc.expected.actions[1]
    assert (credit.kind, credit.service, credit.amount, credit.periods) == ("issue_credit", "MPRO", Decimal(100), ("2009-03", "2009-04"))


def test_time_without_offset_is_taipei(tmp_path: Path) -> None:
    doc = base_doc()
    doc["call_at"] = "2009-05-12T14:30:00"
    doc["notifications"][0]["sent_at"] = "2009-02-16 10:00"
    parsed = load_scenario(write(tmp_path, doc, "naive.yaml"))
    assert parsed.call_at.utcoffset().total_seconds() == 8 * 3600  # type: ignore[union-attr]
    assert str(parsed.call_at.tzinfo) == "Asia/Taipei"
    assert parsed.notifications[0].sent_at.hour == 10


def test_fraction_allowed_in_cent_currencies(tmp_path: Path) -> None:
    doc = base_doc()
    doc["currency"] = "USD"
    doc["bills"][0]["lines"][1]["amount"] = 1.75
    parsed = load_scenario(write(tmp_path, doc, "usd.yaml"))
    assert parsed.bills[0].lines[1].amount == Decimal("1.75")
    doc["bills"][0]["lines"][1]["amount"] = 1.755
    with pytest.raises(ScenarioError, match=r"bills\[0\]\.lines\[1\]\.amount: 1.755 has a fraction of a cent"):
        load_scenario(write(tmp_path, doc, "usd2.yaml"))


def test_promo_price_clause_needs_a_price(tmp_path: Path) -> None:
    path = demo_dir() / "02-community-promo-billed-full-price.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["contracts"][0]["clauses"][0]["params"] = {"condition": "30 households"}
    with pytest.raises(ScenarioError, match=r"contracts\[0\]\.clauses\[0\]\.params\.price: missing"):
        load_scenario(write(tmp_path, doc, "promo.yaml"))
    doc["contracts"][0]["clauses"][0]["params"] = {"price": 699.5}
    with pytest.raises(ScenarioError, match=r"params\.price: 699.5 has a fraction of a dollar"):
        load_scenario(write(tmp_path, doc, "promo.yaml"))


def test_params_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = "\n".join(f"          {ln}" for ln in lines)
    text = (demo_dir() / CASE1).read_text(encoding="utf-8").replace(
        "        kind: other\n", f"        kind: other\n        params:\n{bomb}\n", 1
    )
    path = _raw_case(tmp_path, "bomb.yaml", text.encode())
    cpu = time.process_time()  # this process's own time: other load on the machine does not count
    with pytest.raises(ScenarioError, match=r"bomb.yaml: contracts\[0\]\.clauses\[0\]\.params\.a\d.*too large"):
        load_scenario(path)
    # Expanded, the bomb is 10**9 items: building it would take minutes and gigabytes.
    assert time.process_time() - cpu < 2.0


def test_event_channels_are_any_short_word_with_known_synonyms_folded(tmp_path: Path) -> None:
    doc = base_doc()
    doc["events"] = [
        {"at": "2009-02-01T10:00", "channel": "Store", "kind": "suspended", "service": "MPRO"},
        {"at": "2009-02-02T10:00", "channel": "kiosk", "kind": "resumed", "service": "MPRO"},
        {"at": "2009-02-03T10:00", "channel": "WEBSITE", "kind": "call"},
        {"at": "2009-02-04T10:00", "channel": "LINE", "kind": "complaint"},
    ]
    doc["notifications"][0]["channel"] = "e-mail"
    parsed = load_scenario(write(tmp_path, doc))
    assert [e.channel for e in parsed.events] == ["shop", "kiosk", "web", "LINE"]  # unknown words kept as written
    assert [e.kind for e in parsed.events][:2] == ["suspended", "resumed"]
    assert parsed.notifications[0].channel == "email"
