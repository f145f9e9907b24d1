"""The last copy of each caller read from the BSS, for when the BSS is down or slow.

An agent with a customer on the line needs the contract, messages and bill even while the
BSS is unreachable; a copy read a few minutes ago, clearly marked as such, is far better
than an empty window. The copies are personal data: one file per caller, 0600, in a 0700
folder of the user's cache directory; a copy older than ``cache_max_age_s`` is never shown
and is deleted when met (and every stale file on start-up). File names are hashes, so the
folder listing shows no phone numbers or customer ids.

Views are stored as JSON with tagged values (Decimal, date, datetime, tuples, the
CallerView row classes), never pickle: a file is read as data, not run as code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from console import caller_view
from console.caller_view import CachedCopy, CallerView

log = logging.getLogger(__name__)
_ROWS = {cls.__name__: cls for cls in (
    caller_view.CustomerInfo, caller_view.ClauseRow, caller_view.ContractRow, caller_view.ServiceRow,
    caller_view.NotificationRow, caller_view.BillLineRow, caller_view.BillRow, caller_view.UsageRow,
    caller_view.EventRow, caller_view.CachedCopy, CallerView,
)}
FORMAT = 1


def encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"$row": type(value).__name__, **{f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$row" in value:
        cls = _ROWS[value["$row"]]  # KeyError for anything else: the file is not ours
        return cls(**{k: decode(v) for k, v in value.items() if k != "$row"})
    if "$dec" in value:
        return Decimal(value["$dec"])
    if "$dt" in value:
        return datetime.fromisoformat(value["$dt"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$tuple" in value:
        return tuple(decode(v) for v in value["$tuple"])
    return {k: decode(v) for k, v in value.items()}


class CallerCache:
    def __init__(self, folder: Path, max_age_s: float, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.folder = folder
        self.max_age_s = max_age_s
        self.clock = clock
        if self.enabled:
            self._prepare()

    @property
    def enabled(self) -> bool:
        return self.max_age_s > 0

    def _prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.folder, 0o700)  # also when it existed with a looser mode
        cutoff = time.time() - self.max_age_s
        for path in self.folder.glob("*.json"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:40] + ".json")

    def save(self, view: CallerView, keys: list[str]) -> None:
        """Keep ``view`` under each key (``phone:<E.164>``, ``customer:<id>``); never raises."""
        if not self.enabled:
            return
        body = json.dumps({"format": FORMAT, "saved_at": self.clock().isoformat(), "view": encode(view)},
                          ensure_ascii=False, separators=(",", ":")).encode()
        for key in keys:
            tmp: str | None = None
            try:
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")  # created 0600
                with os.fdopen(fd, "wb") as fh:
                    fh.write(body)
                os.replace(tmp, self._path(key))
            except OSError as exc:
                log.warning("could not keep a copy of the caller: %s", exc.strerror)
                if tmp is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(tmp)

    def load(self, key: str, reason: str) -> CallerView | None:
        """The copy kept under ``key`` if it is younger than the max age, marked as cached."""
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            data = json.loads(path.read_bytes())
            saved_at = datetime.fromisoformat(data["saved_at"])
            view = decode(data["view"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("dropping an unreadable cached caller: %s", type(exc).__name__)
            path.unlink(missing_ok=True)
            return None
        age = (self.clock() - saved_at).total_seconds()
        if not isinstance(view, CallerView) or age > self.max_age_s or age < -300:
            path.unlink(missing_ok=True)
            return None
        return dataclasses.replace(view, cached=CachedCopy(saved_at, reason))
