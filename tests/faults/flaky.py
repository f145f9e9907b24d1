"""A webhook receiver that misbehaves on purpose, deterministically (seeded).

For a share ``fail_rate`` of requests it answers 500, or hangs past the client's timeout
without storing the event, or STORES the event and then drops the connection without an
answer (the nastiest case: the sender cannot know it arrived). Like a real receiver it
verifies the signature and keeps the first body per ``Idempotency-Key``; ``applied``
counts how many times each key was stored, so a test can prove "exactly once".
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from threaded_server import ThreadedServer

from console.sync.webhook import verify_signature

MODES = ("error500", "hang", "commit_then_drop")


class FlakyReceiver(ThreadedServer):
    def __init__(self, secret: bytes, *, fail_rate: float = 0.3, seed: int = 1, hang_s: float = 2.0) -> None:
        self.secret = secret
        self.fail_rate = fail_rate
        self.rng = random.Random(seed)
        self.hang_s = hang_s
        self.events: dict[str, dict[str, Any]] = {}  # idempotency key -> first body
        self.applied: Counter[str] = Counter()  # key -> times stored (must stay 1)
        self.posts = 0
        self.faults: Counter[str] = Counter()
        self.bad_signatures = 0
        self._lock = threading.Lock()
        self._release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                mode = receiver._pick()
                if mode == "hang":
                    receiver._release.wait(receiver.hang_s)  # the client times out first
                    self.close_connection = True
                    return
                if mode == "error500":
                    self._answer(500, "scripted failure")
                    return
                status = receiver._store(self.headers, body)
                if mode == "commit_then_drop":
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                self._answer(status, "ok" if status == 200 else "refused")

            def _answer(self, status: int, text: str) -> None:
                payload = text.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/events"
        self.serve_in_thread()

    def _pick(self) -> str | None:
        with self._lock:
            self.posts += 1
            if self.rng.random() >= self.fail_rate:
                return None
            mode = self.rng.choice(MODES)
            self.faults[mode] += 1
            return mode

    def _store(self, headers: Any, body: bytes) -> int:
        if not verify_signature(self.secret, headers.get("X-Signature", ""), body, now=time.time()):
            with self._lock:
                self.bad_signatures += 1
            return 401
        key = headers.get("Idempotency-Key", "")
        event = json.loads(body)
        if key != event["id"]:
            return 400
        with self._lock:
            if key not in self.events:  # a real receiver's dedup by idempotency key
                self.events[key] = event
                self.applied[key] += 1
        return 200

    def heal(self) -> None:
        """From now on every request succeeds."""
        with self._lock:
            self.fail_rate = 0.0

    def stop(self) -> None:
        self._release.set()
        super().stop()
