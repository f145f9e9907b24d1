"""The synthetic population: deterministic, unique numbers, realistic shape, complaint patterns
the rules find, ``--replace`` semantics, SQLite and PostgreSQL, and the CLI."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from sqlalchemy import create_engine, text

from console.cli import main
from console.db import open_store
from console.errors import UserError
from console.lookup import load_caller, lookup
from console.models import Customer, Notification, Phone
from console.seed import PATTERNS, PopulationExists, SeedOptions, numbers, seed_population
from console.seed.generate import TABLES
from console.seed.writers import SQLiteWriter

AS_OF = date(2026, 11, 27)
N = 200


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _seed(url: str, customers: int = N, **kw: object) -> object:
    return seed_population(url, SeedOptions(customers=customers, as_of=AS_OF, **kw))  # type: ignore[arg-type]


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with closing(sqlite3.connect(path)) as conn:
        for table in TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):  # noqa: S608
                digest.update(repr(row).encode())
    return digest.hexdigest()


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, object]:
    """One population shared by the read-only tests (seeding is the slow part)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'customers.sqlite3'}"
    report = seed_population(url, SeedOptions(customers=N, seed=5, as_of=AS_OF, complaint_rate=0.3))
    return url, report


def test_same_seed_gives_identical_rows_and_another_seed_does_not(tmp_path: Path) -> None:
    urls = [f"sqlite:///{tmp_path / f'{n}.sqlite3'}" for n in ("a", "b", "c")]
    _seed(urls[0], customers=120, seed=11)
    _seed(urls[1], customers=120, seed=11)
    _seed(urls[2], customers=120, seed=12)
    sums = [_checksum(_path(u)) for u in urls]
    assert sums[0] == sums[1]
    assert sums[0] != sums[2]


def test_a_customer_does_not_depend_on_the_population_size(tmp_path: Path) -> None:
    small, large = f"sqlite:///{tmp_path / 's.sqlite3'}", f"sqlite:///{tmp_path / 'l.sqlite3'}"
    _seed(small, customers=30, seed=4)
    _seed(large, customers=300, seed=4)
    sql = "SELECT * FROM bill_lines WHERE bill_id LIKE 'BS0000017-%' ORDER BY id"
    assert _rows(_path(small), sql) == _rows(_path(large), sql) != []


def test_phones_are_unique_valid_e164_in_taiwanese_written_forms(seeded: tuple[str, object]) -> None:
    url, _ = seeded
    phones = _rows(_path(url), "SELECT e164, raw, customer_id FROM phones")
    assert len(phones) >= N
    assert len({p[0] for p in phones}) == len(phones)
    for e164, raw, _cid in phones:
        parsed = phonenumbers.parse(e164, None)
        assert phonenumbers.is_valid_number(parsed), e164
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == e164
        assert re.fullmatch(r"09\d\d-\d{3}-\d{3}|\(0[24]\) \d{4}-\d{4}", raw), raw
        assert phonenumbers.format_number(phonenumbers.parse(raw, "TW"), phonenumbers.PhoneNumberFormat.E164) == e164
    mobiles = {cid for e164, _, cid in phones if e164.startswith("+8869")}
    assert len(mobiles) == N  # everyone calls from a mobile


def test_number_scramble_is_collision_free_over_a_large_range() -> None:
    count = 300_000
    assert len({numbers.mobile(i, 3)[0] for i in range(count)}) == count
    assert len({numbers.landline(i, 3)[0] for i in range(count)}) == count


def test_customers_look_taiwanese(seeded: tuple[str, object]) -> None:
    url, _ = seeded
    customers = _rows(_path(url), "SELECT id, name, language, national_id, address FROM customers ORDER BY id")
    assert [c[0] for c in customers] == [f"S{i:07d}" for i in range(1, N + 1)]
    assert all(numbers.is_valid_national_id(c[3]) for c in customers)
    zh = [c for c in customers if c[2] == "zh_TW"]
    assert len(zh) > N * 0.9
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", c[1]) for c in zh)
    assert all(c[4] for c in customers)
    assert not numbers.is_valid_national_id("A123456788") and numbers.is_valid_national_id("A123456789")


def test_every_customer_has_one_to_three_services_and_a_year_or_more_of_bills(seeded: tuple[str, object]) -> None:
    url, _ = seeded
    path = _path(url)
    services = dict(_rows(path, "SELECT customer_id, count(*) FROM services GROUP BY customer_id"))
    bills = dict(_rows(path, "SELECT customer_id, count(*) FROM bills GROUP BY customer_id"))
    assert len(services) == len(bills) == N
    assert set(services.values()) <= {1, 2, 3} and len(set(services.values())) > 1
    assert min(bills.values()) >= 12 and max(bills.values()) <= 24
    lines = _rows(path, "SELECT b.customer_id, count(*) FROM bill_lines l JOIN bills b ON b.id = l.bill_id GROUP BY 1")
    assert all(n >= bills[cid] for cid, n in lines)
    fees = {r[0] for r in _rows(path, "SELECT fee_amount FROM services")}
    assert fees <= {5000, 18900, 109900, 38800, 9000, 14900, 39900, 59900, 99900, 139900}  # cents


def test_months_option_fixes_the_history_length(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    _seed(url, customers=40, months=12)
    counts = {r[0] for r in _rows(_path(url), "SELECT count(*) FROM bills GROUP BY customer_id")}
    assert counts == {12}
    newest = _rows(_path(url), "SELECT max(period) FROM bills")[0][0]
    assert newest == "2026-10"  # as of 2026-11-27, October's bill (issued 11-05) is the newest


def test_lookup_by_national_form_reads_back_what_was_written(seeded: tuple[str, object]) -> None:
    url, _ = seeded
    e164, raw = _rows(_path(url), "SELECT e164, raw FROM phones WHERE customer_id = 'S0000007' AND raw LIKE '09%'")[0]
    national = raw.replace("-", "")  # 0912345678
    store = open_store(url, "customer")
    try:
        with store.session() as session:
            view = lookup(session, national)
    finally:
        store.dispose()
    assert view.customer.id == "S0000007" and view.matched_phone == e164
    assert len(view.bills) >= 12 and all(b.lines for b in view.bills)
    assert all(isinstance(ln.amount, Decimal) and ln.amount > 0 for b in view.bills for ln in b.lines)
    assert view.contracts and view.contracts[0].clauses and view.services and view.usage
    stored = _rows(_path(url), "SELECT sent_at FROM notifications WHERE customer_id = 'S0000007' ORDER BY sent_at DESC")
    assert [n.sent_at for n in view.notifications] == [
        datetime.strptime(s, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC) for (s,) in stored
    ]
    assert view.notifications[0].sent_at.tzinfo is not None
    assert view.notifications[0].sent_at.astimezone(ZoneInfo("Asia/Taipei")).hour == 10


def test_raw_instants_use_the_format_sqlalchemy_writes(customer_url: str) -> None:
    store = open_store(customer_url, "customer")
    try:
        with store.session() as session, session.begin():
            session.add(Customer(id="X1", name="x", language="zh_TW"))
            session.flush()
            session.add(Notification(id="n1", customer_id="X1", sent_at=datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
                                     channel="sms", says="informational", text="t"))
    finally:
        store.dispose()
    (written,) = _rows(_path(customer_url), "SELECT sent_at FROM notifications")[0]
    assert written == "2026-01-02 03:04:00.000000"
    from console.seed.calendar import instant

    assert instant(date(2026, 1, 2), 3, 4) == written


def test_complaint_patterns_are_planted_at_the_rate_and_the_rules_find_exactly_them(seeded: tuple[str, object]) -> None:
    from console.rules import evaluate

    url, report = seeded
    planted = report.planted  # type: ignore[attr-defined]
    assert 0.2 * N <= len(planted) <= 0.4 * N  # asked for 30%
    assert set(planted.values()) == set(PATTERNS)
    at = datetime(2026, 11, 27, 14, 0, tzinfo=ZoneInfo("Asia/Taipei"))
    store = open_store(url, "customer")
    try:
        with store.session() as session:
            for i in range(1, N + 1):
                cid = f"S{i:07d}"
                _, found = evaluate(load_caller(session, cid), at, "zh_TW")
                codes = {f.code for _, f in found}
                assert codes == ({planted[cid]} if cid in planted else set()), cid
    finally:
        store.dispose()


def test_default_complaint_rate_is_a_few_percent(tmp_path: Path) -> None:
    report = _seed(f"sqlite:///{tmp_path / 'r.sqlite3'}", customers=1000, months=12)
    assert 12 <= sum(report.patterns.values()) <= 55  # type: ignore[attr-defined]  # expected 30


def test_reseeding_is_refused_without_replace_and_replace_keeps_scenario_customers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    first_phone = numbers.mobile(0, 1)[0]
    store = open_store(url, "customer")
    try:
        with store.session() as session, session.begin():
            # A scenario customer that owns the number S0000001 would get: seeding must avoid it.
            session.add(Customer(id="C-0001", name="陳志明", language="zh_TW", scenario_id="mpro-trial"))
            session.add(Customer(id="S0000099", name="scenario with an S id", language="zh_TW", scenario_id="odd"))
            session.flush()
            session.add(Phone(e164=first_phone, customer_id="C-0001", raw="0912-345-678"))
    finally:
        store.dispose()
    with pytest.raises(UserError, match="S0000099"):
        _seed(url, customers=120)  # would collide with the scenario's S0000099
    _seed(url, customers=90)
    path = _path(url)
    assert _rows(path, "SELECT customer_id FROM phones WHERE e164 = ?", first_phone) == [("C-0001",)]
    assert len(_rows(path, "SELECT e164 FROM phones WHERE customer_id = 'S0000001'")) >= 1
    with pytest.raises(PopulationExists, match="--replace"):
        _seed(url, customers=50)
    report = _seed(url, customers=50, replace=True)
    assert report.replaced == 90  # type: ignore[attr-defined]
    ids = {r[0] for r in _rows(path, "SELECT id FROM customers")}
    assert ids == {"C-0001", "S0000099"} | {f"S{i:07d}" for i in range(1, 51)}
    assert _rows(path, "SELECT count(*) FROM phones WHERE customer_id = 'C-0001'") == [(1,)]
    orphans = _rows(path, "SELECT count(*) FROM bill_lines WHERE bill_id NOT IN (SELECT id FROM bills)")
    assert orphans == [(0,)]
    assert _rows(path, "SELECT count(*) FROM bills WHERE customer_id > 'S0000050'") == [(0,)]
    assert _rows(path, "PRAGMA journal_mode") == [("wal",)]
    names = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_bills_customer_period", "ix_bill_lines_bill_id", "ix_usage_customer_service_period"} <= names


def test_large_loads_drop_and_restore_the_secondary_indexes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'i.sqlite3'}"
    open_store(url, "customer").dispose()
    before = set(_rows(_path(url), "SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    monkeypatch.setattr(SQLiteWriter, "BIG_LOAD", 10)
    _seed(url, customers=20)
    after = set(_rows(_path(url), "SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert after == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (SeedOptions(customers=0), "--customers"),
        (SeedOptions(customers=10, months=6), "--months"),
        (SeedOptions(customers=10, complaint_rate=1.5), "--complaints"),
        (SeedOptions(customers=10, jobs=0), "--jobs"),
    ],
)
def test_bad_options_are_one_line_errors(customer_url: str, options: SeedOptions, message: str) -> None:
    with pytest.raises(UserError, match=message):
        seed_population(customer_url, options)


@pytest.mark.postgres
def test_postgresql_population_is_looked_up_like_sqlite(pg_url: str) -> None:
    report = seed_population(pg_url, SeedOptions(customers=50, seed=2, as_of=AS_OF, complaint_rate=0.5))
    assert report.rows["customers"] == 50
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}  # noqa: S608
            raw = conn.execute(text("SELECT raw FROM phones WHERE customer_id = 'S0000003' AND raw LIKE '09%'")).scalar()
    finally:
        engine.dispose()
    assert counts == report.rows
    store = open_store(pg_url, "customer")
    try:
        with store.session() as session:
            view = lookup(session, raw)
    finally:
        store.dispose()
    assert view.customer.id == "S0000003" and len(view.bills) >= 12
    assert view.notifications[0].sent_at.tzinfo is not None
    with pytest.raises(PopulationExists):
        seed_population(pg_url, SeedOptions(customers=5))
    assert seed_population(pg_url, SeedOptions(customers=5, replace=True)).replaced == 50


def test_cli_seeds_prints_a_summary_and_refuses_a_second_run(customer_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", customer_url, "--role", "trainer", "seed", "--customers", "60", "--seed", "3", "--months", "12", "--as-of", "2026-11-27"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "seeded 60 customers" in out and "rows/s" in out and "file size" in out
    assert re.search(r"bills\s+720\b", out)
    assert "seed: 60/60 customers" in err  # plain progress lines when stderr is not a terminal
    code = main(["--db", customer_url, "--role", "trainer", "seed", "--customers", "60"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and "already has a synthetic population of 60 customers" in err
    code = main(["--db", customer_url, "--role", "trainer", "seed", "--customers", "10", "--replace"])
    out, _ = capsys.readouterr()
    assert code == 0 and "replaced 60 synthetic customers" in out
    assert main(["--db", customer_url, "--role", "trainer", "seed", "--customers", "10", "--as-of", "27/11"]) == 2
    assert "--as-of" in capsys.readouterr().err


def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write 50 customers per transaction so a failure can hit the second batch quickly."""
    from console.seed import generate, population

    monkeypatch.setattr(generate, "BLOCK", 50)
    monkeypatch.setattr(population, "BLOCK", 50)
    monkeypatch.setattr(population, "BATCH_BLOCKS", 1)


def test_an_interrupted_load_leaves_a_usable_store_that_replace_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.seed import population

    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    real = population.generate_block

    def failing(plan: object, block: int, stop: int, rows: object) -> None:
        if block == 1:
            raise KeyboardInterrupt
        real(plan, block, stop, rows)  # type: ignore[arg-type]

    _small_batches(monkeypatch)
    monkeypatch.setattr(population, "generate_block", failing)
    monkeypatch.setattr(SQLiteWriter, "BIG_LOAD", 10)
    with pytest.raises(KeyboardInterrupt):
        _seed(url, customers=70)
    path = _path(url)
    assert _rows(path, "SELECT count(*) FROM customers") == [(50,)]  # the first batch, whole
    assert _rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert ("ix_bill_lines_bill_id",) in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    monkeypatch.setattr(population, "generate_block", real)
    assert _seed(url, customers=20, replace=True).replaced == 50  # type: ignore[attr-defined]
    assert _rows(path, "SELECT count(*) FROM bills") == [(_rows(path, "SELECT count(*) FROM bills WHERE customer_id <= 'S0000020'")[0][0],)]


def test_a_batch_failing_half_way_is_rolled_back_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.seed import writers

    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    real = writers._insert_sql
    calls = {"usage": 0}

    def flaky(table: str) -> str:
        if table == "usage":
            calls["usage"] += 1
            if calls["usage"] == 2:  # the second batch dies after its bills were inserted
                return "INSERT INTO no_such_table VALUES (?)"
        return real(table)

    _small_batches(monkeypatch)
    monkeypatch.setattr(writers, "_insert_sql", flaky)
    with pytest.raises(sqlite3.OperationalError):
        _seed(url, customers=70)
    path = _path(url)
    assert _rows(path, "SELECT count(*) FROM customers") == [(50,)]
    assert _rows(path, "SELECT count(DISTINCT customer_id) FROM bills") == [(50,)]
    assert _rows(path, "PRAGMA integrity_check") == [("ok",)]


def test_a_store_open_elsewhere_is_still_seeded(customer_url: str) -> None:
    """The window may hold the store open: the load then stays in WAL mode, slower but right."""
    open_store(customer_url, "customer").dispose()
    with closing(sqlite3.connect(_path(customer_url))) as other:
        other.execute("SELECT count(*) FROM customers").fetchall()
        report = _seed(customer_url, customers=30)
        assert other.execute("SELECT count(*) FROM customers").fetchone() == (30,)
    assert report.rows["customers"] == 30  # type: ignore[attr-defined]
    assert _rows(_path(customer_url), "PRAGMA journal_mode") == [("wal",)]


def test_the_parallel_load_writes_exactly_the_rows_of_the_serial_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.seed import generate, parallel, population

    monkeypatch.setattr(generate, "BLOCK", 20)
    monkeypatch.setattr(population, "BLOCK", 20)
    monkeypatch.setattr(parallel, "CHUNK_BLOCKS", 3)
    monkeypatch.setattr(parallel, "WRITE_BLOCKS", 2)
    serial, par = tmp_path / "serial", tmp_path / "parallel"
    serial.mkdir()
    par.mkdir()
    a = _seed(f"sqlite:///{serial / 'c.sqlite3'}", customers=230, seed=9, complaint_rate=0.2)
    monkeypatch.setattr(population, "PARALLEL_MIN", 100)
    monkeypatch.setattr(SQLiteWriter, "BIG_LOAD", 100)
    b = _seed(f"sqlite:///{par / 'c.sqlite3'}", customers=230, seed=9, complaint_rate=0.2, jobs=2)
    assert (a.workers, b.workers) == (1, 2) and b.merge_s > 0  # type: ignore[attr-defined]
    assert a.rows == b.rows and a.planted == b.planted  # type: ignore[attr-defined]
    assert _checksum(serial / "c.sqlite3") == _checksum(par / "c.sqlite3")
    assert sorted(p.name for p in par.iterdir()) == ["c.sqlite3"]  # chunk files are gone
    names = {r[0] for r in _rows(par / "c.sqlite3", "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_usage_customer_service_period" in names


def test_progress_is_a_redrawn_bar_on_a_terminal_and_plain_lines_otherwise() -> None:
    import io

    from console.seed.progress import ProgressPrinter

    tty = io.StringIO()
    bar = ProgressPrinter(tty, tty=True)
    bar(500, 1000)
    bar(1000, 1000)
    assert tty.getvalue().startswith("\r[###############---------------]") and tty.getvalue().endswith("\n")
    assert tty.getvalue().count("\n") == 1
    log = io.StringIO()
    plain = ProgressPrinter(log, tty=False)
    plain(500, 1000)  # too soon after the start for a line
    plain(1000, 1000)
    assert log.getvalue() == log.getvalue().replace("\r", "")
    assert log.getvalue().splitlines()[-1].startswith("seed: 1,000/1,000 customers (100%)")
