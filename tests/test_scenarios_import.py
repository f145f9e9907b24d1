"""Importing scenarios into a real store: replace on re-import, conflicts with other data, both backends.

The same checks run on SQLite and, when ``AGENT_CONSOLE_TEST_PG`` is set, on PostgreSQL:
the demo folder imports; importing it again changes nothing (same rows, not duplicates);
a file that clashes with what the database already holds (a phone or the customer id of
another customer) is refused with one line; record ids need only be unique within a file and the database is untouched,
while the other files of the same run still import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select

from console.db import Store, open_store
from console.errors import NotFound
from console.models import Customer, Phone, Scenario
from console.models.customer import CustomerBase
from console.scenarios import ExpectedDoc, demo_dir, import_paths, scenario_call_at

DEMO_COUNT = len(list(demo_dir().glob("*.yaml")))


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in CustomerBase.metadata.sorted_tables}


def snapshot(store: Store, *, stable: bool = False) -> str:
    """A checksum of every row; ``stable`` leaves out what a re-import renumbers or re-stamps."""
    digest = hashlib.sha256()
    with store.session() as session:
        for table in CustomerBase.metadata.sorted_tables:
            cols = [c for c in table.columns if not stable or (c.name != "imported_at" and not (c.primary_key and c.autoincrement is True))]
            for row in sorted(repr(tuple(r)) for r in session.execute(select(*cols))):
                digest.update(f"{table.name}{row}".encode())
    return digest.hexdigest()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'customers.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
    opened = open_store(url, "customer")
    yield opened
    opened.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'customers.sqlite3'}", "customer")
    yield opened
    opened.dispose()


def demo_doc(name: str) -> dict[str, Any]:
    return yaml.safe_load((demo_dir() / name).read_text(encoding="utf-8"))


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_demo_imports_and_reimport_replaces(store: Store) -> None:
    first = import_paths(store, [demo_dir()])
    assert first.ok, [r.error for r in first.failed]
    assert len(first.imported) == DEMO_COUNT >= 9
    assert not any(r.replaced for r in first.results)
    after_first = counts(store)
    assert after_first["customers"] == after_first["scenarios"] == DEMO_COUNT
    assert after_first["bill_lines"] > after_first["bills"] > 0
    state = snapshot(store, stable=True)

    again = import_paths(store, [demo_dir()])
    assert again.ok and all(r.replaced for r in again.results)
    assert counts(store) == after_first
    assert snapshot(store, stable=True) == state  # same rows, same values (autoincrement ids aside)


def test_import_stores_what_the_file_says(sqlite_store: Store) -> None:
    assert import_paths(sqlite_store, [demo_dir() / "01-mpro-trial-billed-after-notice.yaml"]).ok
    with sqlite_store.session() as session:
        scenario = session.get(Scenario, "mpro-trial-billed-after-notice")
        assert scenario is not None
        assert scenario.customer_id == "C-0001"
        assert scenario.title["en"].startswith("mPro")
        assert scenario.source and scenario.source.endswith("01-mpro-trial-billed-after-notice.yaml")
        expected = ExpectedDoc.from_json(scenario.expected)
        assert expected.findings == ("notice_contradicts_contract",)
        assert str(expected.actions[1].amount) == "100"
        customer = session.get(Customer, "C-0001")
        assert customer is not None and customer.scenario_id == "mpro-trial-billed-after-notice"
        assert session.scalar(select(Phone.customer_id).where(Phone.e164 == "+886912345678")) == "C-0001"
    call_at = scenario_call_at(sqlite_store, "mpro-trial-billed-after-notice")
    assert call_at.isoformat() == "2009-05-12T06:30:00+00:00"
    with pytest.raises(NotFound):
        scenario_call_at(sqlite_store, "no-such-scenario")


def test_edited_file_replaces_the_old_version(sqlite_store: Store, tmp_path: Path) -> None:
    assert import_paths(sqlite_store, [demo_dir()]).ok
    before = counts(sqlite_store)
    doc = demo_doc("01-mpro-trial-billed-after-notice.yaml")
    doc["bills"].pop()  # drop April's bill (2 lines)
    doc["customer"]["phones"] = ["0912-345-679"]
    assert import_paths(sqlite_store, [write(tmp_path / "edited.yaml", doc)]).ok
    after = counts(sqlite_store)
    assert after["bills"] == before["bills"] - 1 and after["bill_lines"] == before["bill_lines"] - 2
    assert after["customers"] == before["customers"]
    with sqlite_store.session() as session:
        assert session.scalar(select(Phone.customer_id).where(Phone.e164 == "+886912345678")) is None
        assert session.scalar(select(Phone.customer_id).where(Phone.e164 == "+886912345679")) == "C-0001"


def test_phone_of_another_customer_is_refused_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    assert import_paths(store, [demo_dir()]).ok
    before = snapshot(store)
    doc = demo_doc("01-mpro-trial-billed-after-notice.yaml")
    doc["customer"]["phones"] = ["0912-345-678", "(02) 2345 6789"]  # the second is C-0005's landline
    bad = write(tmp_path / "clash.yaml", doc)
    report = import_paths(store, [bad])
    error = report.results[0].error
    assert error == f"{bad}: customer.phones[1]: 02 2345 6789 already belongs to customer C-0005"
    assert snapshot(store) == before  # the old C-0001 was deleted and restored by the rollback


def test_record_ids_need_only_be_unique_within_a_scenario(sqlite_store: Store, tmp_path: Path) -> None:
    from console.lookup import load_caller

    assert import_paths(sqlite_store, [demo_dir()]).ok
    doc = demo_doc("07-video-trial-told-correctly.yaml")  # a second trainer's copy: the same record ids
    doc["id"] = "video-copy"
    doc["customer"]["id"] = "C-0107"
    doc["customer"]["phones"] = ["0987-000-107"]
    doc["bills"][1]["lines"][0]["amount"] = 999
    copy = write(tmp_path / "copy.yaml", doc)
    assert import_paths(sqlite_store, [copy]).ok
    assert import_paths(sqlite_store, [copy]).ok  # re-importing replaces it, as for any scenario
    with sqlite_store.session() as session:
        original, second = load_caller(session, "C-0007"), load_caller(session, "C-0107")
    assert [ln.id for b in original.bills for ln in b.lines] == [ln.id for b in second.bills for ln in b.lines]
    assert [ln.amount for b in second.bills for ln in b.lines] == [250, 999]  # each its own, by the author's ids
    assert [ln.amount for b in original.bills for ln in b.lines] == [250, 250]
    before = snapshot(sqlite_store)
    doc["customer"]["id"] = "C-0003"
    error = import_paths(sqlite_store, [write(copy, doc)]).results[0].error
    assert error == f"{copy}: customer.id: C-0003 is already used by scenario movie-rental-cancel-refused"
    assert snapshot(sqlite_store) == before


def test_a_bad_file_does_not_stop_the_others(sqlite_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("01-mpro-trial-billed-after-notice.yaml", "05-fibre-duplicate-charge.yaml"):
        (folder / name).write_bytes((demo_dir() / name).read_bytes())
    (folder / "03-broken.yml").write_text("scenario: 1\nid: broken\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a scenario", encoding="utf-8")
    report = import_paths(sqlite_store, [folder])
    assert [r.path.name for r in report.results] == [
        "01-mpro-trial-billed-after-notice.yaml", "03-broken.yml", "05-fibre-duplicate-charge.yaml",
    ]
    assert [r.ok for r in report.results] == [True, False, True]
    assert report.results[1].error == f"{folder / '03-broken.yml'}: title: missing (required)"
    assert counts(sqlite_store)["customers"] == 2
