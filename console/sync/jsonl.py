"""The ``jsonl`` hook: append events to a file in a drop folder, for batch pick-up.

One JSON object per line (the envelope documented in docs/webhooks.md), appended and
fsynced before the events count as delivered. A crash between the fsync and the worker
recording the delivery can repeat a line on restart: readers de-duplicate on ``id``
(at-least-once, as with every hook). Files are per day (``events-YYYY-MM-DD.jsonl``) so a
pick-up job can take whole days.

Drop files hold customer data at rest, so they are created 0600 (and a missing drop folder
0700), and personal data in the payloads is masked like a masked export
(``console.masking``: the caller's phone to its last three digits, phones and national
ids typed into notes) unless the hook says ``personal_data = "full"`` (the pick-up job
then needs the drop folder's own protection).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from console.db import Store
from console.outbox import Envelope
from console.settings import ConfigError
from console.sync.hookspecs import DELIVERED, Outcome, hookimpl
from console.sync.personal import envelope_json, masks_personal_data


class JsonlHook:
    kind = "jsonl"
    batch_size = 2000  # one fsync per batch

    def __init__(self, name: str, folder: Path, *, masked: bool = True) -> None:
        self.name = name
        self.folder = folder
        self.masked = masked

    def line(self, ev: Envelope) -> str:
        return json.dumps(envelope_json(ev, self.masked), ensure_ascii=False, separators=(",", ":"))

    def path_for(self, when: datetime) -> Path:
        return self.folder / f"events-{when:%Y-%m-%d}.jsonl"

    def deliver(self, events: Sequence[Envelope]) -> list[Outcome]:
        by_file: dict[Path, list[str]] = {}
        for ev in events:
            by_file.setdefault(self.path_for(ev.created_at), []).append(self.line(ev) + "\n")
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            for path, lines in by_file.items():
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                with open(fd, "a", encoding="utf-8") as fh:
                    fh.write("".join(lines))
                    fh.flush()
                    os.fsync(fh.fileno())
            _fsync_dir(self.folder)
        except OSError as exc:
            error = f"cannot write to {self.folder}: {exc.strerror or exc}"
            return [Outcome("retry", error=error) for _ in events]
        return [DELIVERED for _ in events]

    def close(self) -> None:
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class JsonlPlugin:
    @hookimpl
    def agent_console_sync_hook(self, name: str, kind: str, options: dict[str, Any], journal: Store) -> JsonlHook | None:
        if kind != "jsonl":
            return None
        folder = options.get("dir")
        if not folder or not isinstance(folder, str):
            raise ConfigError(f"sync hook {name!r}: a jsonl hook needs dir = \"/path/to/folder\"")
        return JsonlHook(name, Path(folder).expanduser(), masked=masks_personal_data(name, options))
