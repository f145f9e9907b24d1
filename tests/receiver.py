"""A real local HTTP receiver for the webhook tests: verifies signatures, can be told to fail.

A ``ThreadingHTTPServer`` on 127.0.0.1 with an ephemeral port, in a daemon thread. It
checks ``X-Signature`` the way docs/webhooks.md tells a receiver to, keeps the first body
per ``Idempotency-Key`` (and counts every POST, to see retries), and answers with the
statuses queued by ``fail_next`` before going back to 200.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from threaded_server import ThreadedServer

from console.sync.webhook import verify_signature


class Receiver(ThreadedServer):
    def __init__(self, secret: bytes, port: int = 0) -> None:
        self.secret = secret
        self.events: dict[str, dict[str, Any]] = {}  # idempotency key -> first body
        self.order: list[str] = []  # event ids in the order first received
        self.posts = 0
        self.bad_signatures = 0
        self._script: deque[tuple[int, dict[str, str], str]] = deque()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, headers, text = receiver._handle(self.headers, body)
                payload = text.encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/events"
        self.serve_in_thread()

    def _handle(self, headers: Any, body: bytes) -> tuple[int, dict[str, str], str]:
        with self._lock:
            self.posts += 1
            if self._script:
                return self._script.popleft()
            if not verify_signature(self.secret, headers.get("X-Signature", ""), body, now=time.time()):
                self.bad_signatures += 1
                return 401, {}, "bad signature"
            key = headers.get("Idempotency-Key", "")
            event = json.loads(body)
            if key != event["id"]:
                return 400, {}, "idempotency key is not the event id"
            if key not in self.events:
                self.events[key] = event
                self.order.append(key)
            return 200, {}, "ok"

    def fail_next(self, n: int, status: int = 503, headers: dict[str, str] | None = None, text: str = "") -> None:
        with self._lock:
            for _ in range(n):
                self._script.append((status, headers or {}, text or f"scripted {status}"))
