"""A local HTTP server run in a daemon thread, for the tests' fake receivers and BSS.

Subclasses set ``self.server`` (an ``http.server`` server on 127.0.0.1) and call
``serve_in_thread()``; ``start``/``stop`` and ``with`` then work the same for all of them.
"""

from __future__ import annotations

import threading
from socketserver import BaseServer
from typing import Self


class ThreadedServer:
    server: BaseServer
    _thread: threading.Thread

    def serve_in_thread(self) -> None:
        # A short poll interval: stop() (shutdown) waits for the loop's next turn.
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
