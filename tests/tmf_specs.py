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
from datetime import datetime
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
