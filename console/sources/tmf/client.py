"""HTTP to the TM Forum Open APIs: one connection pool, TMF630 paging, errors as one line.

Every API sits at its v4 base path below the configured ``base_url`` (the specs'
``basePath`` without the leading ``/tmf-api``). A list read follows TMF630 paging: ask with
``offset``/``limit``, and keep asking while the server answers ``206 Partial Content`` or
its ``X-Total-Count`` says more remain. JSON numbers are read as ``Decimal`` (amounts are
money, never floats). A BSS that is down, slow or answering nonsense raises
``SourceUnavailable`` with a one-line reason the window can show and the cache can fall
back on; only a 404 for one resource by id means "not there".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

from console.sources import SourceUnavailable

# TMF API -> its base path below base_url (the v4 swagger files' basePath).
BASE_PATHS = {
    "TMF629": "customerManagement/v4",
    "TMF651": "agreementManagement/v4",
    "TMF637": "productInventory/v4",
    "TMF678": "customerBillManagement/v4",
    "TMF681": "communicationManagement/v4",
    "TMF635": "usageManagement/v4",
    "TMF622": "productOrderingManagement/v4",
    "TMF621": "troubleTicket/v4",
}
MAX_PAGES = 1000  # a server that never stops paging is a broken server, not a long history


class NotThere(Exception):
    """404 for one resource by id."""


def make_client(base_url: str, token: str | None, timeout_s: float, connect_timeout_s: float,
                connections: int = 16, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """One ``httpx.Client`` = one pool of keep-alive connections, shared by every read."""
    headers = {"Accept": "application/json", "User-Agent": "agent-console"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.Client(
        base_url=base_url + "/",
        headers=headers,
        timeout=httpx.Timeout(timeout_s, connect=min(connect_timeout_s, timeout_s)),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        transport=transport,
    )


def url(api: str, resource: str) -> str:
    return f"{BASE_PATHS[api]}/{resource}"


def decode(response: httpx.Response, what: str) -> Any:
    try:
        return json.loads(response.content, parse_float=Decimal)
    except ValueError:
        raise SourceUnavailable(f"the BSS answered {what} with something that is not JSON") from None


class TmfReader:
    """GETs against one BSS through one client; safe to use from several threads at once."""

    def __init__(self, client: httpx.Client, page_size: int) -> None:
        self.client = client
        self.page_size = page_size

    def _get(self, path: str, params: Mapping[str, str | int], what: str, by_id: bool = False) -> httpx.Response:
        try:
            r = self.client.get(path, params=params)
        except httpx.TimeoutException:
            raise SourceUnavailable(f"the BSS did not answer in time ({what})") from None
        except httpx.TransportError as exc:
            raise SourceUnavailable(f"cannot reach the BSS at {self.client.base_url} ({what}: {type(exc).__name__})") from None
        if r.status_code == 404 and by_id:
            raise NotThere(path)
        if r.status_code in (401, 403):
            raise SourceUnavailable(f"the BSS refused access (HTTP {r.status_code}, {what}): check token_env")
        if r.status_code >= 400:
            raise SourceUnavailable(f"the BSS answered HTTP {r.status_code} {r.reason_phrase} ({what})")
        return r

    def one(self, api: str, resource: str, ident: str) -> dict[str, Any]:
        what = f"{api} {resource}"
        body = decode(self._get(f"{url(api, resource)}/{quote(ident, safe='')}", {}, what, by_id=True), what)
        if not isinstance(body, dict):
            raise SourceUnavailable(f"the BSS answered {what} with something that is not a {resource}")
        return body

    def all(self, api: str, resource: str, filters: Mapping[str, str]) -> list[dict[str, Any]]:
        """Every resource matching the TMF630 ``filters`` (dotted attribute paths), all pages."""
        what = f"{api} {resource}"
        items: list[dict[str, Any]] = []
        offset = 0
        for _ in range(MAX_PAGES):
            r = self._get(url(api, resource), {**filters, "offset": offset, "limit": self.page_size}, what)
            page = decode(r, what)
            if not isinstance(page, list):
                raise SourceUnavailable(f"the BSS answered {what} with something that is not a list")
            items.extend(x for x in page if isinstance(x, dict))
            offset += len(page)
            total = _count(r.headers.get("X-Total-Count"))
            more = r.status_code == 206 or (total is not None and offset < total)
            if not page or not more:
                return items
        raise SourceUnavailable(f"the BSS kept paging {what} past {MAX_PAGES} pages")


def _count(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
