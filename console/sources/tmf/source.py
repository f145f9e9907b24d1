"""The ``tmf`` customer source: a caller's world read from an operator's BSS over TMF v4.

A screen pop is two round trips: the customer by phone (TMF629, TMF630 filter on
``contactMedium.characteristic.phoneNumber``), then the other seven reads at once, on one
``httpx.Client`` (one pool of keep-alive connections) from a small thread pool, so a pop
costs about two latencies however many APIs are involved. Each live read is kept as the
caller's last copy (``cache``); when the BSS is down or slow, that copy is returned marked
``cached`` with the reason, so the agent sees the caller and a clear banner, and still
records the call (the journal is local; sync delivers later).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.caller_view import CallerView
from console.phones import display, normalise
from console.sources import SourceUnavailable
from console.sources.tmf import mapping, orders
from console.sources.tmf.cache import CallerCache
from console.sources.tmf.client import NotThere, TmfReader, make_client
from console.sources.tmf.config import TmfConfig
from console.sources.tmf.values import moment, text

if TYPE_CHECKING:
    import httpx


log = logging.getLogger(__name__)
READERS = 8  # the seven reads of a pop at once, plus the background write of the cached copy


def default_cache_dir() -> Path:
    from platformdirs import user_cache_path

    from console.paths import APP

    return user_cache_path(APP, appauthor=False) / "tmf-callers"


class TmfSource:
    kind = "tmf"

    def __init__(self, config: TmfConfig, *, region: str = "TW", transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.config = config
        self.region = region
        self.client = make_client(config.base_url, config.token, config.timeout_s, config.connect_timeout_s,
                                  connections=READERS * 2, transport=transport)
        self.reader = TmfReader(self.client, config.page_size)
        self.pool = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="tmf-read")
        self._saving: list[Future[None]] = []  # the callers' copies being written (``copies_written``)
        self._saving_lock = threading.Lock()
        self.cache = CallerCache(config.cache_dir or default_cache_dir(), config.cache_max_age_s,
                                 **({"clock": clock} if clock else {}))

    def __repr__(self) -> str:
        return f"TmfSource({self.config.base_url!r})"

    # -- CustomerSource ------------------------------------------------------------------

    def find(self, phone: str) -> CallerView:
        e164 = normalise(phone, self.region)
        try:
            customer = self._customer_by_phone(e164)
            view = self._read(customer, e164)
        except SourceUnavailable as exc:
            return self._cached(f"phone:{e164}", exc)
        self._keep(view, [f"phone:{e164}", f"customer:{view.customer.id}"])
        return view

    def load(self, customer_id: str) -> CallerView:
        from console.lookup import UnknownCaller

        try:
            try:
                customer = self.reader.one("TMF629", "customer", customer_id)
            except NotThere:
                raise UnknownCaller(f"no customer {customer_id}") from None
            view = self._read(customer, None)
        except SourceUnavailable as exc:
            return self._cached(f"customer:{customer_id}", exc)
        self._keep(view, [f"customer:{view.customer.id}"])
        return view

    def call_time(self, view: CallerView) -> datetime | None:
        return None  # a live customer is seen as of the clock

    def _keep(self, view: CallerView, keys: list[str]) -> None:
        """Write the caller's copy in the background: the agent does not wait on a disk."""
        with self._saving_lock:
            self._saving = [f for f in self._saving if not f.done()]
            self._saving.append(self.pool.submit(self.cache.save, view, keys))

    def copies_written(self) -> None:
        """Wait until every copy asked for so far is on disk (a pool of several readers
        finishes them in any order, so waiting on one more task proves nothing)."""
        with self._saving_lock:
            pending = list(self._saving)
        for future in pending:
            future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.client.close()

    # -- reading -------------------------------------------------------------------------

    def _cached(self, key: str, exc: SourceUnavailable) -> CallerView:
        view = self.cache.load(key, str(exc))
        if view is None:
            raise exc
        log.warning("BSS unavailable (%s): showing the copy read at %s", exc, view.cached.saved_at if view.cached else "?")
        return view

    def _customer_by_phone(self, e164: str) -> dict[str, Any]:
        from console.lookup import UnknownCaller

        found = self.reader.all("TMF629", "customer", {"contactMedium.characteristic.phoneNumber": e164})
        # The filter is the server's; the number must really be among the customer's own.
        matching = [c for c in found if text(c.get("id")) and e164 in mapping.phones(c, self.region)]
        if not matching:
            raise UnknownCaller(f"no customer has the number {display(e164, self.region)}")
        return matching[0]

    def _read(self, customer: dict[str, Any], matched: str | None) -> CallerView:
        """The seven reads at once; the first failure fails the pop (and cancels the rest)."""
        cid = text(customer.get("id"))
        if cid is None:
            raise SourceUnavailable("the BSS sent a customer without an id")
        accounts = mapping.billing_accounts(customer)
        jobs: dict[str, list[Future[list[dict[str, Any]]]]] = {
            "agreements": [self._all("TMF651", "agreement", {"engagedParty.id": cid})],
            "products": [self._all("TMF637", "product", {"relatedParty.id": cid})],
            "bills": [self._all("TMF678", "customerBill", {"billingAccount.id": a}) for a in accounts],
            "rates": [self._all("TMF678", "appliedCustomerBillingRate", {"billingAccount.id": a}) for a in accounts],
            "messages": [self._all("TMF681", "communicationMessage", {"receiver.id": cid})],
            "usage": [self._all("TMF635", "usage", {"relatedParty.id": cid})],
            "orders": [self._all("TMF622", "productOrder", {"relatedParty.id": cid})],
        }
        try:
            got = {name: [x for f in futures for x in f.result()] for name, futures in jobs.items()}
        finally:
            for futures in jobs.values():
                for f in futures:
                    f.cancel()
        return caller_view(customer, matched, got, self.config, self.region)

    def _all(self, api: str, resource: str, filters: Mapping[str, str]) -> Future[list[dict[str, Any]]]:
        return self.pool.submit(self.reader.all, api, resource, filters)


def caller_view(customer: dict[str, Any], matched: str | None, got: Mapping[str, list[dict[str, Any]]],
                cfg: TmfConfig, region: str) -> CallerView:
    """One caller from the resources the reads returned (``got``: agreements, products, bills,
    rates, messages, usage, orders): pure, so it can be fuzzed without a server."""
    info = mapping.customer_info(customer, cfg, region)
    contracts, agreement_of = mapping.contracts(got["agreements"], cfg)
    bills = mapping.bills(got["bills"], got["rates"])
    bill_dates = {b: moment(x.get("billDate")) for x in got["bills"] if (b := text(x.get("id")))}
    events = orders.order_events(got["orders"], cfg.channels) + orders.credits(got["rates"], bill_dates)
    events.sort(key=lambda e: (e.at, e.id))
    return CallerView(
        customer=info,
        matched_phone=matched,
        contracts=contracts,
        services=mapping.services(got["products"], agreement_of),
        notifications=mapping.notifications(got["messages"], cfg),
        bills=bills,
        usage=mapping.usage(got["usage"]),
        events=tuple(events),
        currency=bills[-1].currency if bills else "TWD",
    )
