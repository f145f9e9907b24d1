"""Scenario file (format 1) -> ``ScenarioDoc``: read, decode, parse YAML, validate every field.

The whole file is checked before any database is touched, so a bad file can be refused
with one line naming the file, the field and the problem, and nothing half-imported. The
format is documented in ``reference/scenario-format.md`` and ``resources/scenario-template.yaml``.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

import yaml

from console.phones import DEFAULT_REGION, InvalidPhone, normalise
from console.scenarios.document import (
    BillDoc,
    BillLineDoc,
    ClauseDoc,
    ContractDoc,
    CustomerDoc,
    EventDoc,
    ExpectedAction,
    ExpectedDoc,
    NotificationDoc,
    PhoneDoc,
    ScenarioDoc,
    ServiceDoc,
    UsageDoc,
)
from console.scenarios.fields import Fields, ScenarioError
from console.scenarios.yaml_reading import load_yaml
from console.vocabulary import (
    ACTION_KINDS,
    CHANNELS,
    CLAUSE_KINDS,
    CURRENCIES,
    EVENT_CHANNELS,
    EVENT_KINDS,
    FEE_PERIODS,
    FINDING_CODES,
    LANGUAGES,
    NOTIFICATION_SAYS,
    SERVICE_STATUSES,
    WHOLE_UNIT_CURRENCIES,
    channel_word,
)

FORMATS = (1,)
MAX_FILE_BYTES = 5 * 1024 * 1024
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./:#-]*$")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
ID_HINT = "letters, digits and - _ . / : # (no spaces)"
CHANNEL = re.compile(r"^[^\W_][\w-]*$")  # one word: letters (any script), digits, - and _

TOP_REQUIRED = ("scenario", "id", "title", "call_at", "customer")
TOP_OPTIONAL = ("brief", "currency", "contracts", "services", "notifications", "bills", "usage", "events", "expected")
# Which fields each expected action kind takes: (required, optional).
ACTION_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "suspend_service": (("service",), ("note",)),
    "cancel_service": (("service",), ("note",)),
    "issue_credit": (("service", "amount", "periods"), ("note",)),
    "open_case": ((), ("note",)),
    "schedule_callback": (("when",), ("note",)),
    "request_evidence": (("what",), ("service", "periods", "note")),
}


def read_source(path: Path) -> bytes:
    """The bytes of a scenario file, refusing what cannot be one (missing, huge, a folder)."""
    try:
        st = path.stat()
        size = st.st_size
        if path.is_dir():
            raise ScenarioError(f"{path}: is a folder, not a scenario file")
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise ScenarioError(f"{path}: is not a regular file")
        if size > MAX_FILE_BYTES:
            raise ScenarioError(f"{path}: file too large ({size // 1024} KiB; a scenario is at most {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such file") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(f"{path}: file too large (a scenario is at most {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    return data


def load_scenario(path: str | Path, region: str = DEFAULT_REGION) -> ScenarioDoc:
    """Read and validate one scenario file; raise ``ScenarioError`` (one line) if it is bad."""
    path = Path(path)
    return parse_scenario(read_source(path), str(path), region)


def parse_scenario(data: bytes, source: str, region: str = DEFAULT_REGION) -> ScenarioDoc:
    f = Fields(source)
    if len(data) > MAX_FILE_BYTES:
        f.fail("", f"file too large (a scenario is at most {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        f.fail("", f"not UTF-8 text (bad byte 0x{data[exc.start]:02x} on line {line}); save the file as UTF-8")
    try:
        doc = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        f.fail("", f"YAML syntax error at {where}{problem}")
    except RecursionError:
        f.fail("", "YAML nested too deeply")
    if doc is None:
        f.fail("", "empty file; expected a scenario (a mapping starting with 'scenario: 1')")
    if not isinstance(doc, dict):
        f.fail("", f"expected a scenario mapping (key: value) at the top, got {type(doc).__name__}")
    return _Parser(f, region).scenario(doc)


class _Parser:
    def __init__(self, f: Fields, region: str) -> None:
        self.f = f
        self.region = region
        self.currency = "TWD"
        self.whole = True
        self.services: set[str] = set()
        self.notes: list[str] = []

    # -- top level -------------------------------------------------------------------------
    def scenario(self, doc: dict[str, Any]) -> ScenarioDoc:
        f = self.f
        # The format version first: a newer file gets "unknown format", not a field error.
        if "scenario" not in doc:
            f.fail("scenario", "missing (required): the format version, 'scenario: 1'")
        version = doc["scenario"]
        if isinstance(version, bool) or version not in FORMATS:
            f.fail("scenario", f"unknown format version {version!r}; this console reads format {', '.join(map(str, FORMATS))}")
        d = f.mapping(doc, "", TOP_REQUIRED, TOP_OPTIONAL)
        sid = f.text(d["id"], "id", max_len=100, pattern=SLUG, hint="a slug of lowercase letters, digits, - and _")
        if d.get("currency") is not None:
            self.currency = f.word(d["currency"], "currency", CURRENCIES)
        self.whole = self.currency in WHOLE_UNIT_CURRENCIES
        title = self.texts(d["title"], "title", required=True)
        assert title is not None
        brief = self.texts(d.get("brief"), "brief", required=False)
        call_at = f.moment(d["call_at"], "call_at")
        customer = self.customer(d["customer"])
        contracts = tuple(self.contract(c, f"contracts[{i}]") for i, c in enumerate(f.items(d.get("contracts"), "contracts")))
        self.unique([(f"contracts[{i}].id", c.id) for i, c in enumerate(contracts)])
        contract_ids = {c.id for c in contracts}
        services = tuple(self.service(s, f"services[{i}]", contract_ids) for i, s in enumerate(f.items(d.get("services"), "services")))
        self.unique([(f"services[{i}].code", s.code) for i, s in enumerate(services)])
        self.services = {s.code for s in services}
        # Clauses name services, which are read after contracts: check them now.
        for i, c in enumerate(contracts):
            for j, cl in enumerate(c.clauses):
                self.known_service(cl.service, f"contracts[{i}].clauses[{j}].service")
        self.unique([(f"contracts[{i}].clauses[{j}].id", cl.id) for i, c in enumerate(contracts) for j, cl in enumerate(c.clauses)])
        notifications = tuple(self.notification(n, f"notifications[{i}]") for i, n in enumerate(f.items(d.get("notifications"), "notifications")))
        self.unique([(f"notifications[{i}].id", n.id) for i, n in enumerate(notifications)])
        bills = tuple(self.bill(b, f"bills[{i}]") for i, b in enumerate(f.items(d.get("bills"), "bills")))
        self.unique([(f"bills[{i}].id", b.id) for i, b in enumerate(bills)])
        self.unique([(f"bills[{i}].lines[{j}].id", ln.id) for i, b in enumerate(bills) for j, ln in enumerate(b.lines)])
        usage = tuple(self.usage(u, f"usage[{i}]") for i, u in enumerate(f.items(d.get("usage"), "usage")))
        self.unique([(f"usage[{i}]", f"{u.service} {u.period}") for i, u in enumerate(usage)])
        events = tuple(self.event(e, f"events[{i}]") for i, e in enumerate(f.items(d.get("events"), "events")))
        expected = self.expected(d["expected"]) if d.get("expected") is not None else None
        return ScenarioDoc(
            format=version, id=sid, title=title, call_at=call_at, currency=self.currency, customer=customer,
            source=f.source, brief=brief, contracts=contracts, services=services, notifications=notifications,
            bills=bills, usage=usage, events=events, expected=expected, notes=tuple(self.notes),
        )

    # -- helpers -----------------------------------------------------------------------------
    def texts(self, value: Any, path: str, *, required: bool) -> dict[str, str] | None:
        """A per-language text: {zh_TW: ..., en: ...} (one is enough), or one plain text."""
        if value is None and not required:
            return None
        if isinstance(value, str):
            t = self.f.text(value, path, max_len=2000)
            return {lang: t for lang in LANGUAGES}
        d = self.f.mapping(value, path, (), LANGUAGES)
        out = {lang: self.f.text(d[lang], f"{path}.{lang}", max_len=2000) for lang in LANGUAGES if d.get(lang) is not None}
        if not out:
            self.f.fail(path, f"give the text in at least one of: {', '.join(LANGUAGES)}")
        return out

    def unique(self, pairs: list[tuple[str, str]]) -> None:
        seen: dict[str, str] = {}
        for path, key in pairs:
            if key in seen:
                self.f.fail(path, f"{key} is used twice (also at {seen[key]})")
            seen[key] = path

    def known_service(self, code: str | None, path: str) -> None:
        if code is not None and code not in self.services:
            known = ", ".join(sorted(self.services)) or "none"
            self.f.fail(path, f"unknown service {code!r}; services in this file: {known}")

    def ident(self, value: Any, path: str, max_len: int = 64) -> str:
        return self.f.text(value, path, max_len=max_len, pattern=IDENT, hint=ID_HINT)

    def code(self, value: Any, path: str) -> str | None:
        return None if value is None else self.req_code(value, path)

    def req_code(self, value: Any, path: str) -> str:
        return self.f.text(value, path, max_len=32, pattern=CODE, hint="a service code: letters, digits, - _ .")

    def money(self, value: Any, path: str, *, negative: bool = False) -> Any:
        return self.f.amount(value, path, self.currency, whole=self.whole, negative=negative)

    # -- sections ----------------------------------------------------------------------------
    def customer(self, value: Any) -> CustomerDoc:
        f = self.f
        d = f.mapping(value, "customer", ("id", "name", "phones"), ("language", "national_id", "address"))
        raw_phones = f.items(d["phones"], "customer.phones", required=True)
        if not raw_phones:
            f.fail("customer.phones", "give at least one phone number")
        phones: list[PhoneDoc] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(raw_phones):
            path = f"customer.phones[{i}]"
            text = f.text(raw, path, max_len=64)
            try:
                e164 = normalise(text, self.region)
            except InvalidPhone as exc:
                f.fail(path, str(exc))
            if e164 in seen:
                f.fail(path, f"{text!r} is the same number as customer.phones[{seen[e164]}]")
            seen[e164] = i
            phones.append(PhoneDoc(e164, text))
        return CustomerDoc(
            id=self.ident(d["id"], "customer.id", 32),
            name=f.text(d["name"], "customer.name", max_len=200),
            language=f.word(d.get("language", "zh_TW"), "customer.language", LANGUAGES),
            phones=tuple(phones),
            national_id=f.opt_text(d.get("national_id"), "customer.national_id", max_len=32),
            address=f.opt_text(d.get("address"), "customer.address", max_len=300),
        )

    def contract(self, value: Any, path: str) -> ContractDoc:
        f = self.f
        d = f.mapping(value, path, ("id", "signed_on"), ("plan", "clauses"))
        clauses = tuple(self.clause(c, f"{path}.clauses[{j}]") for j, c in enumerate(f.items(d.get("clauses"), f"{path}.clauses")))
        return ContractDoc(
            id=self.ident(d["id"], f"{path}.id"),
            signed_on=f.day(d["signed_on"], f"{path}.signed_on"),
            plan=f.opt_text(d.get("plan"), f"{path}.plan", max_len=100),
            clauses=clauses,
        )

    def clause(self, value: Any, path: str) -> ClauseDoc:
        f = self.f
        d = f.mapping(value, path, ("id", "kind", "text"), ("service", "params"))
        kind = f.word(d["kind"], f"{path}.kind", CLAUSE_KINDS)
        params = f.json_params(d.get("params"), f"{path}.params")
        if kind == "promo_price":
            if not params or "price" not in params:
                f.fail(f"{path}.params.price", "missing (a promo_price clause names the promised price)")
        params = self.price_param(params, f"{path}.params")
        return ClauseDoc(
            id=self.ident(d["id"], f"{path}.id"), kind=kind, text=f.text(d["text"], f"{path}.text", max_len=20_000),
            service=self.code(d.get("service"), f"{path}.service"), params=params,
        )

    def price_param(self, params: dict[str, Any] | None, path: str) -> dict[str, Any] | None:
        """A ``price`` in params is money: checked like any amount, stored exactly."""
        if params is None or params.get("price") is None:
            return params
        price = self.money(params["price"], f"{path}.price")
        exact: int | str = int(price) if price == price.to_integral_value() else str(price)
        return {**params, "price": exact}

    def service(self, value: Any, path: str, contracts: set[str]) -> ServiceDoc:
        f = self.f
        d = f.mapping(value, path, ("code", "name", "fee"), ("contract", "started_on", "trial_until", "term_until", "status"))
        names = self.texts(d["name"], f"{path}.name", required=True)
        assert names is not None
        fee = f.mapping(d["fee"], f"{path}.fee", ("amount",), ("per",))
        contract = f.opt_text(d.get("contract"), f"{path}.contract", max_len=64)
        if contract is not None and contract not in contracts:
            f.fail(f"{path}.contract", f"unknown contract {contract!r}; contracts in this file: {', '.join(sorted(contracts)) or 'none'}")
        code = self.req_code(d["code"], f"{path}.code")
        return ServiceDoc(
            code=code,
            name_zh=names.get("zh_TW") or names["en"], name_en=names.get("en") or names["zh_TW"],
            fee_amount=self.money(fee["amount"], f"{path}.fee.amount"),
            fee_per=f.word(fee.get("per", "month"), f"{path}.fee.per", FEE_PERIODS),
            contract=contract,
            started_on=f.opt_day(d.get("started_on"), f"{path}.started_on"),
            trial_until=f.opt_day(d.get("trial_until"), f"{path}.trial_until"),
            term_until=f.opt_day(d.get("term_until"), f"{path}.term_until"),
            status=f.word(d.get("status", "active"), f"{path}.status", SERVICE_STATUSES),
        )

    def notification(self, value: Any, path: str) -> NotificationDoc:
        f = self.f
        d = f.mapping(value, path, ("id", "sent_at", "channel", "says", "text"), ("service",))
        service = self.code(d.get("service"), f"{path}.service")
        self.known_service(service, f"{path}.service")
        return NotificationDoc(
            id=self.ident(d["id"], f"{path}.id"), sent_at=f.moment(d["sent_at"], f"{path}.sent_at"),
            channel=f.word(channel_word(str(d["channel"])) if isinstance(d["channel"], str) else d["channel"],
                           f"{path}.channel", CHANNELS),
            says=f.word(d["says"], f"{path}.says", NOTIFICATION_SAYS),
            text=f.text(d["text"], f"{path}.text", max_len=20_000), service=service,
        )

    def bill(self, value: Any, path: str) -> BillDoc:
        f = self.f
        d = f.mapping(value, path, ("id", "period"), ("issued_on", "lines"))
        lines = []
        for j, raw in enumerate(f.items(d.get("lines"), f"{path}.lines")):
            lp = f"{path}.lines[{j}]"
            ld = f.mapping(raw, lp, ("id", "text", "amount"), ("service",))
            service = self.code(ld.get("service"), f"{lp}.service")
            self.known_service(service, f"{lp}.service")
            lines.append(BillLineDoc(
                id=self.ident(ld["id"], f"{lp}.id"), text=f.text(ld["text"], f"{lp}.text", max_len=300),
                amount=self.money(ld["amount"], f"{lp}.amount", negative=True), service=service,
            ))
        return BillDoc(
            id=self.ident(d["id"], f"{path}.id"), period=f.period(d["period"], f"{path}.period"),
            issued_on=f.opt_day(d.get("issued_on"), f"{path}.issued_on"), lines=tuple(lines),
        )

    def usage(self, value: Any, path: str) -> UsageDoc:
        f = self.f
        d = f.mapping(value, path, ("service", "period", "units"), ())
        service = self.req_code(d["service"], f"{path}.service")
        self.known_service(service, f"{path}.service")
        return UsageDoc(service, f.period(d["period"], f"{path}.period"), f.integer(d["units"], f"{path}.units"))

    def event(self, value: Any, path: str) -> EventDoc:
        f = self.f
        d = f.mapping(value, path, ("at", "channel", "kind"), ("service", "text", "params"))
        service = self.code(d.get("service"), f"{path}.service")
        self.known_service(service, f"{path}.service")
        params = self.price_param(f.json_params(d.get("params"), f"{path}.params"), f"{path}.params")
        return EventDoc(
            at=f.moment(d["at"], f"{path}.at"), channel=self.channel(d["channel"], f"{path}.channel"),
            kind=f.word(d["kind"], f"{path}.kind", EVENT_KINDS), service=service,
            text=f.opt_text(d.get("text"), f"{path}.text", max_len=20_000), params=params,
        )

    def channel(self, value: Any, path: str) -> str:
        """Any short word (no finding depends on it); known synonyms folded (store -> shop)."""
        word = self.f.text(value, path, max_len=16, pattern=CHANNEL, hint="one short word, e.g. web, shop, call")
        known = channel_word(word)
        if known not in EVENT_CHANNELS:
            self.notes.append(f"{path}: {word!r} is not a channel the console knows; it is shown as written")
        elif known != word:
            self.notes.append(f"{path}: {word!r} read as {known!r}")
        return known

    def expected(self, value: Any) -> ExpectedDoc:
        f = self.f
        d = f.mapping(value, "expected", (), ("findings", "actions"))
        findings = tuple(f.word(c, f"expected.findings[{i}]", FINDING_CODES) for i, c in enumerate(f.items(d.get("findings"), "expected.findings")))
        self.unique([(f"expected.findings[{i}]", c) for i, c in enumerate(findings)])
        actions = tuple(self.action(a, f"expected.actions[{i}]") for i, a in enumerate(f.items(d.get("actions"), "expected.actions")))
        return ExpectedDoc(findings, actions)

    def action(self, value: Any, path: str) -> ExpectedAction:
        f = self.f
        if not isinstance(value, dict):
            f.fail(path, f"expected a mapping with a 'kind', got {type(value).__name__}")
        kind = f.word(value.get("kind"), f"{path}.kind", ACTION_KINDS)
        required, optional = ACTION_FIELDS[kind]
        d = f.mapping(value, path, ("kind", *required), optional)
        service = self.code(d.get("service"), f"{path}.service")
        self.known_service(service, f"{path}.service")
        periods = tuple(f.period(p, f"{path}.periods[{i}]") for i, p in enumerate(f.items(d.get("periods"), f"{path}.periods")))
        if kind == "issue_credit" and not periods:
            f.fail(f"{path}.periods", "name at least one month credited")
        amount = self.money(d["amount"], f"{path}.amount") if "amount" in d else None
        if amount is not None and amount <= 0:
            f.fail(f"{path}.amount", f"{amount} is not a credit (must be more than 0)")
        return ExpectedAction(
            kind=kind, service=service, amount=amount, periods=periods,
            when=f.moment(d["when"], f"{path}.when") if "when" in d else None,
            what=f.text(d["what"], f"{path}.what", max_len=500) if "what" in d else None,
            note=f.opt_text(d.get("note"), f"{path}.note", max_len=2000),
        )
