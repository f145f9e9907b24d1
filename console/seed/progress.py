"""Progress of a long seed on stderr: a redrawn bar on a terminal, plain lines otherwise.

A million-customer load takes minutes, so the user must see it move; but a bar full of
carriage returns would garble a log file or a CI transcript, so when stderr is not a
terminal the same progress is written as one plain line every few seconds.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30
PLAIN_EVERY_S = 10.0


class ProgressPrinter:
    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.started = time.perf_counter()
        self._last_plain = self.started

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        share = done / total if total else 1.0
        if self.tty:
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {share:6.1%} {done:,}/{total:,} customers  {rate:,.0f}/s  ETA {eta:,.0f}s ")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
        elif done >= total or now - self._last_plain >= PLAIN_EVERY_S:
            self._last_plain = now
            self.stream.write(f"seed: {done:,}/{total:,} customers ({share:.0%}), {elapsed:,.0f}s elapsed, ETA {eta:,.0f}s\n")
            self.stream.flush()
