"""One console per user: a second ``agent-console --caller PHONE`` hands the number over.

A softphone or CTI connector pops the screen by running ``agent-console --caller PHONE``
on each ringing call. The first run opens the window and listens on a ``QLocalServer``
(a Unix socket / Windows named pipe); later runs connect, send the number as one UTF-8
line and exit at once, and the running window looks the caller up and comes to the front.
The server name is per user and per configuration folder, so two users on one terminal
server (or two test runs) never talk to each other's console.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from console import paths

MAX_MESSAGE = 256
TIMEOUT_MS = 1000


def server_name() -> str:
    """``agent-console-<user>-<hash of the config dir>``: per user, per configuration."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha1(str(paths.config_dir()).encode(), usedforsecurity=False).hexdigest()[:10]
    safe_user = "".join(c for c in user if c.isalnum())[:32] or "user"
    return f"agent-console-{safe_user}-{digest}"


def hand_over(phone: str, name: str | None = None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Send ``phone`` to a running console. True if one took it; False if none is running."""
    sock = QLocalSocket()
    sock.connectToServer(name or server_name())
    if not sock.waitForConnected(timeout_ms):
        return False
    payload = (phone.replace("\n", " ").strip()[:MAX_MESSAGE] + "\n").encode("utf-8")
    sock.write(payload)
    ok = sock.waitForBytesWritten(timeout_ms)
    # Wait for the console's acknowledgement so a crash mid-way is not reported as success.
    reply = b""
    while ok and b"\n" not in reply:
        if not sock.bytesAvailable() and not sock.waitForReadyRead(timeout_ms):
            break
        reply += bytes(sock.readAll().data())
    ok = ok and reply.startswith(b"ok")
    sock.disconnectFromServer()
    return bool(ok)


class InstanceServer(QObject):
    """Listens for numbers from later runs; emits ``caller(phone)`` on the GUI thread."""

    caller = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A console that crashed leaves its socket file behind: remove it and try again.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.setParent(self)
            buffer = bytearray()

            def read(sock: QLocalSocket = sock, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(sock.readAll().data()))
                if b"\n" in buffer or len(buffer) > MAX_MESSAGE:
                    line = bytes(buffer).split(b"\n", 1)[0][:MAX_MESSAGE]
                    phone = line.decode("utf-8", errors="replace").strip()
                    sock.write(b"ok\n")
                    sock.flush()
                    sock.disconnectFromServer()
                    if phone:
                        self.caller.emit(phone)

            sock.readyRead.connect(read)
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                read()
