"""A real local TMF Open API v4 server for the tests and the benchmark.

A ``ThreadingHTTPServer`` (HTTP/1.1 keep-alive) on 127.0.0.1 with an ephemeral port, in a
daemon thread, serving ``<base>/tmf-api/<basePath>/<resource>`` for the resources it holds:

- ``GET`` a collection: TMF630 attribute filtering on dotted paths (``a.b.c=value`` matches
  when any value reached along the path equals it), ``offset``/``limit`` paging with
  ``X-Total-Count``/``X-Result-Count`` and ``206 Partial Content`` while more remain
  (``max_page`` caps ``limit`` to force paging); ``GET .../{id}``;
- ``POST`` ``troubleTicket`` and ``productOrder``: the body is validated against the
  official ``*_Create`` definition (400 with the reasons if it is not), stored with an id.

Every resource it serves is validated against its official definition first
(``tests/tmf_specs``); a resource that is not valid is answered with 500 and kept in
``errors``, which the tests assert is empty. It can be made slow (``latency_s`` per
request), down (``mode = "down"``: the connection is closed unanswered), erroring
(``mode = "error"``: 503), hanging (``mode = "hang"``) or answer the next requests with a
given status (``fail_next``), and it logs every request (with the client's port, to count
connections).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import tmf_specs
from threaded_server import ThreadedServer

CONTROL = frozenset({"offset", "limit", "fields", "sort"})
WRITABLE = {("TMF621", "troubleTicket"): "TroubleTicket_Create", ("TMF622", "productOrder"): "ProductOrder_Create"}


def _values(item: Any, path: list[str]) -> list[Any]:
    if not path:
        return [item]
    if isinstance(item, list):
        return [v for x in item for v in _values(x, path)]
    if isinstance(item, dict) and path[0] in item:
        return _values(item[path[0]], path[1:])
    return []


def matches(item: dict[str, Any], filters: dict[str, str]) -> bool:
    """TMF630 attribute filtering: every ``dotted.path=value`` must hold for some value on the path."""
    for key, wanted in filters.items():
        found = _values(item, key.split("."))
        if not any(_text(v) == wanted for v in found):
            return False
    return True


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json(value: Any) -> bytes:
    def default(o: Any) -> Any:
        if isinstance(o, Decimal):
            return int(o) if o == o.to_integral_value() else float(o)
        raise TypeError(type(o).__name__)

    return json.dumps(value, ensure_ascii=False, default=default).encode()


class TmfServer(ThreadedServer):
    def __init__(self, *, latency_s: float = 0.0, max_page: int | None = None, validate: bool = True,
                 token: str | None = None, port: int = 0) -> None:
        self.latency_s = latency_s
        self.max_page = max_page
        self.validate = validate
        self.token = token
        self.mode = "ok"  # ok | down | error | hang
        self.partial_status = True  # False: a partial page is answered 200, only X-Total-Count tells
        self.hang_s = 5.0
        self.store: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.requests: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.posted: list[tuple[str, dict[str, Any]]] = []  # (resource, body) of every POST, valid or not
        self.drop_next_response = 0  # POSTs that are stored but whose answer is lost (connection closed)
        self._script: deque[tuple[int, dict[str, str]]] = deque()  # answers for the next requests (fail_next)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._paths = {tmf_specs.base_path(api): api for api in tmf_specs.FILES}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes; with Nagle on, the body waits for the
            # client's delayed ACK (40 ms on Linux), which no real BSS front end does.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server._serve(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                server._serve(self, "POST")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/tmf-api"
        self.serve_in_thread()

    # -- data ------------------------------------------------------------------------------

    def add(self, api: str, resource: str, *items: dict[str, Any]) -> None:
        for item in items:
            definition = tmf_specs.RESOURCES[(api, resource)]
            tmf_specs.check(api, definition, json.loads(_json(item)))
            with self._lock:
                self.store[(api, resource)].append(item)

    def load(self, resources: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
        for (api, resource), items in resources.items():
            self.add(api, resource, *items)

    def items(self, api: str, resource: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.store[(api, resource)])

    def fail_next(self, n: int, status: int = 503, headers: dict[str, str] | None = None) -> None:
        """Answer the next ``n`` requests (any method) with ``status``."""
        with self._lock:
            self._script.extend([(status, headers or {})] * n)

    def connections(self) -> set[int]:
        """The client ports seen: one per TCP connection."""
        with self._lock:
            return {r["client_port"] for r in self.requests}

    # -- HTTP ------------------------------------------------------------------------------

    def _serve(self, h: BaseHTTPRequestHandler, method: str) -> None:
        start = time.perf_counter()
        parts = urlsplit(h.path)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0)) if method == "POST" else b""
        with self._lock:
            self.requests.append({"method": method, "path": parts.path, "query": query, "start": start,
                                  "client_port": h.client_address[1], "auth": h.headers.get("Authorization")})
        if self.latency_s:
            time.sleep(self.latency_s)
        if self.mode == "down":
            h.close_connection = True
            h.connection.close()
            return
        if self.mode == "hang":
            time.sleep(self.hang_s)
        if self.mode == "error":
            return self._answer(h, 503, {"code": "503", "reason": "BSS maintenance"})
        with self._lock:
            scripted = self._script.popleft() if self._script else None
        if scripted is not None:
            return self._answer(h, scripted[0], {"code": str(scripted[0]), "reason": "scripted failure"}, scripted[1])
        if self.token and h.headers.get("Authorization") != f"Bearer {self.token}":
            return self._answer(h, 401, {"code": "401", "reason": "no or wrong bearer token"})
        route = self._route(parts.path)
        if route is None:
            return self._answer(h, 404, {"code": "404", "reason": f"no such API path {parts.path}"})
        api, resource, ident = route
        if method == "POST":
            return self._create(h, api, resource, body)
        items = self.items(api, resource)
        if ident is not None:
            found = [x for x in items if x.get("id") == ident]
            if not found:
                return self._answer(h, 404, {"code": "404", "reason": f"no {resource} {ident}"})
            return self._answer(h, 200, found[0]) if self._valid(api, resource, found) else self._invalid(h)
        filters = {k: v for k, v in query.items() if k not in CONTROL}
        selected = [x for x in items if matches(x, filters)]
        offset = int(query.get("offset") or 0)
        limit = int(query.get("limit") or 1000)
        if self.max_page:
            limit = min(limit, self.max_page)
        page = selected[offset:offset + limit]
        status = 206 if offset + len(page) < len(selected) and self.partial_status else 200
        if not self._valid(api, resource, page):
            return self._invalid(h)
        self._answer(h, status, page, {"X-Total-Count": str(len(selected)), "X-Result-Count": str(len(page))})

    def _route(self, path: str) -> tuple[str, str, str | None] | None:
        rest = path.removeprefix("/tmf-api/")
        for base, api in self._paths.items():
            if rest.startswith(base + "/"):
                tail = rest[len(base) + 1:].split("/")
                if (api, tail[0]) in tmf_specs.RESOURCES and len(tail) <= 2:
                    return api, tail[0], unquote(tail[1]) if len(tail) == 2 else None
        return None

    def _valid(self, api: str, resource: str, items: list[dict[str, Any]]) -> bool:
        """Check what is about to be served against the official definition (when ``validate``)."""
        if not self.validate:
            return True
        definition = tmf_specs.RESOURCES[(api, resource)]
        for item in items:
            found = tmf_specs.problems(api, definition, json.loads(_json(item)))
            if found:
                with self._lock:
                    self.errors.append(f"about to serve an invalid {definition}: {found[:3]}")
                return False
        return True

    def _invalid(self, h: BaseHTTPRequestHandler) -> None:
        self._answer(h, 500, {"code": "500", "reason": "the test server refused to serve an invalid resource"})

    def _create(self, h: BaseHTTPRequestHandler, api: str, resource: str, raw: bytes) -> None:
        try:
            body = json.loads(raw)
        except ValueError:
            return self._answer(h, 400, {"code": "400", "reason": "not JSON"})
        with self._lock:
            self.posted.append((resource, body))
        definition = WRITABLE.get((api, resource))
        if definition is None:
            return self._answer(h, 405, {"code": "405", "reason": f"{resource} cannot be created here"})
        found = tmf_specs.problems(api, definition, body)
        if found:
            with self._lock:
                self.errors.append(f"received an invalid {definition}: {found[:3]}")
            return self._answer(h, 400, {"code": "400", "reason": "invalid body", "message": "; ".join(found[:5])})
        now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        ident = str(next(self._ids))
        created = {**body, "id": ident, "href": f"{self.base_url}/{tmf_specs.base_path(api)}/{resource}/{ident}"}
        if resource == "troubleTicket":
            created.update(creationDate=now, status="acknowledged")
        else:
            created.update(orderDate=now, state="acknowledged",
                           productOrderItem=[{**i, "state": "acknowledged"} for i in body.get("productOrderItem", [])])
        self.add(api, resource, created)
        if self.drop_next_response:
            self.drop_next_response -= 1
            h.close_connection = True
            h.connection.close()
            return
        self._answer(h, 201, created)

    def _answer(self, h: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        payload = _json(body)
        h.send_response(status)
        h.send_header("Content-Type", "application/json;charset=utf-8")
        h.send_header("Content-Length", str(len(payload)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(payload)
