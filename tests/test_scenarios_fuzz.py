"""Property tests: junk anywhere in a scenario gives a one-line UserError naming the file, never a crash.

Hypothesis replaces (or deletes) one field of a valid scenario, at any depth, with values
of every YAML type, and imports the result into a database holding the demo set. Either
the file is still valid and imports, or the error is a ``UserError`` line starting with the
file's name and the database is exactly as before (no partial write). Raw bytes must
likewise only ever produce ``ScenarioError``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from console.db import Store, open_store
from console.models.customer import CustomerBase
from console.scenarios import ScenarioError, demo_dir, import_paths, parse_scenario

CASE1 = demo_dir() / "01-mpro-trial-billed-after-notice.yaml"
BASE: dict[str, Any] = yaml.safe_load(CASE1.read_text(encoding="utf-8"))
DELETE = "<delete>"


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


PATHS = sorted(_paths(BASE), key=repr)

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["", " ", "2009-13", "2009-02-30", "12.5", "1e9999", "NaN", "+886", "0912", "C-0002", "BILL-200903", "MPRO", "zh_TW", "month"]),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 2)),
    st.lists(st.one_of(st.integers(), st.text(max_size=5), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=6), st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.just(DELETE),
)


def snapshot(store: Store) -> str:
    digest = hashlib.sha256()
    with store.session() as session:
        for table in CustomerBase.metadata.sorted_tables:
            for row in sorted(repr(tuple(r)) for r in session.execute(select(table))):
                digest.update(f"{table.name}{row}".encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Path]]:
    folder = tmp_path_factory.mktemp("fuzz")
    store = open_store(f"sqlite:///{folder / 'customers.sqlite3'}", "customer")
    assert import_paths(store, [demo_dir()]).ok
    yield store, folder
    store.dispose()


def mutated(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = yaml.safe_load(yaml.safe_dump(BASE, allow_unicode=True))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value == DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), value=junk)
def test_one_junk_field_never_crashes_nor_writes_partially(demo_store: tuple[Store, Path], path: tuple[Any, ...], value: Any) -> None:
    store, folder = demo_store
    file = folder / "mutant.yaml"
    file.write_text(yaml.safe_dump(mutated(path, value), allow_unicode=True), encoding="utf-8")
    before = snapshot(store)
    report = import_paths(store, [file])  # anything but a UserError propagates and fails the test
    result = report.results[0]
    if result.ok:
        assert result.scenario_id is not None
        assert import_paths(store, [CASE1]).ok  # back to the baseline for the next example
        return
    assert result.error is not None
    assert result.error.startswith(f"{file}: "), result.error
    assert "\n" not in result.error and "Traceback" not in result.error
    assert snapshot(store) == before


@settings(max_examples=150, deadline=None)
@given(data=st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from(CASE1.read_text(encoding="utf-8").splitlines()).map(lambda ln: f"scenario: 1\n{ln}\n".encode()),
))
def test_arbitrary_bytes_only_ever_give_scenario_errors(data: bytes) -> None:
    try:
        parse_scenario(data, "fuzz.yaml")
    except ScenarioError as exc:
        assert str(exc).startswith("fuzz.yaml: ")
        assert "\n" not in str(exc)
