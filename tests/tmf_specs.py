"""The official TMF v4 swagger definitions as JSON Schema validators (and hypothesis data).

The swagger files (Apache 2.0, ``tests/tmf_specs/LICENSE``) are copied from
``shared/reference/tmf`` unchanged. Swagger 2.0 ``definitions`` are JSON Schema draft 4
with ``#/definitions/...`` references, so each validator takes the whole file as its root
document. ``date-time`` values are checked (RFC 3339 with an offset), which jsonschema does
not do without an extra package.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SPECS = Path(__file__).parent / "tmf_specs"
FILES = {
    "TMF621": "TMF621-TroubleTicket-v4.0.0.swagger.json",
    "TMF622": "TMF622-ProductOrder-v4.0.0.swagger.json",
    "TMF629": "TMF629-Customer-v4.0.0.swagger.json",
    "TMF635": "TMF635-UsageManagement-v4.0.0.swagger.json",
    "TMF637": "TMF637-ProductInventory-v4.0.0.swagger.json",
    "TMF651": "TMF651-Agreement-v4.0.0.swagger.json",
    "TMF678": "TMF678-CustomerBill-v4.0.0.swagger.json",
    "TMF681": "TMF681-Communication-v4.0.0.swagger.json",
}
# (API, collection) -> the definition each item must satisfy.
RESOURCES = {
    ("TMF629", "customer"): "Customer",
    ("TMF651", "agreement"): "Agreement",
    ("TMF637", "product"): "Product",
    ("TMF678", "customerBill"): "CustomerBill",
    ("TMF678", "appliedCustomerBillingRate"): "AppliedCustomerBillingRate",
    ("TMF681", "communicationMessage"): "CommunicationMessage",
    ("TMF635", "usage"): "Usage",
    ("TMF622", "productOrder"): "ProductOrder",
    ("TMF621", "troubleTicket"): "TroubleTicket",
}
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        raise ValueError(f"not an RFC 3339 date-time: {value!r}")
    datetime.fromisoformat(value)
    return True


@cache
def document(api: str) -> dict[str, Any]:
    return json.loads((SPECS / FILES[api]).read_text())


def base_path(api: str) -> str:
    """``customerManagement/v4`` (the swagger ``basePath`` below ``/tmf-api/``)."""
    return document(api)["basePath"].strip("/").removeprefix("tmf-api/")


@cache
def validator(api: str, definition: str) -> jsonschema.Draft4Validator:
    doc = document(api)
    if definition not in doc["definitions"]:
        raise KeyError(f"{api} has no definition {definition}")
    root = {"$ref": f"#/definitions/{definition}", "definitions": doc["definitions"]}
    return jsonschema.Draft4Validator(root, format_checker=FORMATS)


def problems(api: str, definition: str, instance: Any) -> list[str]:
    """Every way ``instance`` breaks the official definition (empty: valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator(api, definition).iter_errors(instance)]


def check(api: str, definition: str, instance: Any) -> None:
    found = problems(api, definition, instance)
    assert not found, f"{api} {definition} is not schema-valid: {found[:5]}"


def pruned(api: str, definition: str, keep: dict[str, set[str]], depth: int = 4) -> dict[str, Any]:
    """A self-contained JSON Schema for ``definition`` with references inlined, keeping only
    the properties named in ``keep`` (plus the required ones) for each definition, so that
    hypothesis can generate the parts of a payload the adapter reads, with every optional
    field sometimes missing. Deeper than ``depth`` a reference becomes ``{}`` (any value)."""
    defs = document(api)["definitions"]

    def inline(schema: Any, level: int) -> Any:
        if isinstance(schema, list):
            return [inline(s, level) for s in schema]
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if level >= depth:
                return {}
            return inline(_trim(defs[name], keep.get(name)), level + 1)
        return {k: (v if k == "enum" else inline(v, level)) for k, v in schema.items() if k not in ("description", "discriminator")}

    return inline(_trim(defs[definition], keep.get(definition)), 0)


def _trim(schema: dict[str, Any], props: set[str] | None) -> dict[str, Any]:
    schema = copy.deepcopy(schema)
    if props is not None and "properties" in schema:
        wanted = props | set(schema.get("required", ()))
        schema["properties"] = {k: v for k, v in schema["properties"].items() if k in wanted}
    return schema


# Strings the adapter looks for (characteristic names and values, price types ...), so that
# generated payloads reach its deeper paths, not only the "unknown name" ones.
WORDS = ["", "C1", "+886912345678", "0912-345-678", "month", "year", "recurring", "oneTime", "trial", "commitment",
         "completed", "SMS", "email", "TPL-1", "quantity", "preferredLanguage", "zh-TW", "en", "templateId", "productId",
         "name_zh_TW", "name_en", "P1", "B1", "web", "shop"]


def strategy(schema: dict[str, Any]) -> Any:
    """A hypothesis strategy for (small) instances of a ``pruned`` schema: every optional
    property sometimes missing, strings of every kind, numbers of every sign and size,
    ``{}`` (a characteristic's ``value``) any JSON at all."""
    from datetime import timedelta, timezone

    from hypothesis import strategies as st

    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = {k: strategy(v) for k, v in schema.get("properties", {}).items()}
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries({k: v for k, v in props.items() if k in required},
                                     optional={k: v for k, v in props.items() if k not in required})
    if kind == "array":
        least = schema.get("minItems", 0)
        return st.lists(strategy(schema.get("items", {})), min_size=least, max_size=max(least, 3))
    if kind == "string":
        if schema.get("format") == "date-time":
            zones = st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-11, minutes=-30))])
            return st.datetimes(min_value=datetime(1890, 1, 1), max_value=datetime(2300, 1, 1), timezones=zones).map(
                lambda d: d.isoformat())
        return st.one_of(st.text(max_size=12), st.sampled_from(WORDS))
    if kind == "number":
        return st.one_of(st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False))
    if kind == "integer":
        return st.integers(-10**6, 10**6)
    if kind == "boolean":
        return st.booleans()
    return st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                        | st.text(max_size=8), lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
