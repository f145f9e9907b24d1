"""Every shipped demo scenario (and the trainer's template) validates, imports, and is coherent.

The demo folder is product data: the three reference cases plus our own. Beyond passing
validation, the set must exercise every finding code, mix languages, and never share a
customer, phone or record id, so the whole folder always loads into one database.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from console.db import open_store
from console.scenarios import demo_dir, import_paths, load_scenario, template_path
from console.vocabulary import FINDING_CODES

DEMO_FILES = sorted(demo_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", [*DEMO_FILES, template_path()], ids=lambda p: p.name)
def test_each_file_validates(path: Path) -> None:
    doc = load_scenario(path)
    assert doc.expected is not None, "a scenario must say what a good agent does"
    assert doc.bills, "a scenario without a bill has nothing to resolve"
    assert all(b.issued_on is None or b.issued_on <= doc.call_at.date() for b in doc.bills), "call_at after the last bill"
    for action in doc.expected.actions:
        if action.kind == "issue_credit":
            billed = {b.period for b in doc.bills for ln in b.lines if ln.service == action.service}
            assert set(action.periods) <= billed, "a credit names months that were billed"


def test_demo_set_is_coherent() -> None:
    docs = [load_scenario(p) for p in DEMO_FILES]
    assert len(docs) >= 9
    assert {"mpro-trial-billed-after-notice", "community-promo-billed-full-price", "movie-rental-cancel-refused"} <= {d.id for d in docs}
    found = Counter(code for d in docs for code in (d.expected.findings if d.expected else ()))
    assert set(FINDING_CODES) <= set(found), f"no demo expects {set(FINDING_CODES) - set(found)}"
    assert sum(1 for d in docs if d.expected and not d.expected.findings and not d.expected.actions) >= 2
    assert {d.customer.language for d in docs} == {"zh_TW", "en"}
    for label, values in {
        "scenario id": [d.id for d in docs],
        "customer id": [d.customer.id for d in docs],
        "phone": [p.e164 for d in docs for p in d.customer.phones],
    }.items():
        dupes = [v for v, n in Counter(values).items() if n > 1]
        assert not dupes, f"{label} used twice across demo files: {dupes}"


def test_demo_folder_imports(customer_url: str) -> None:
    store = open_store(customer_url, "customer")
    try:
        report = import_paths(store, [demo_dir()])
    finally:
        store.dispose()
    assert report.ok, [r.error for r in report.failed]
    assert sorted(report.imported) == sorted(load_scenario(p).id for p in DEMO_FILES)
