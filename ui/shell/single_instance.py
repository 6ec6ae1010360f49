"""One CellSec window per user: a second launch (a double-click on the desktop icon or on a data
file while CellSec is open) hands what it was given to the running CellSec — which comes
forward and opens that file — and ends, instead of warning that the file is in use.

The handover is a local socket (QLocalServer/QLocalSocket: a named pipe on Windows, a socket
file on Linux) named after the user and their home folder, so two users of one PC, and tests
with a home of their own, never meet. The message is one JSON line; the answer is "ok"."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

HANDOVER_TIMEOUT_MS = 3000
MAX_MESSAGE = 64 * 1024


def server_name(environ: Mapping[str, str] = os.environ) -> str:
    """The running CellSec's address for this user (and home folder)."""
    who = environ.get("USERNAME") or environ.get("USER") or ""
    home = environ.get("USERPROFILE") or environ.get("HOME") or str(Path.home())
    digest = hashlib.sha256(f"{who}\0{home}".encode()).hexdigest()[:16]
    return f"CellSec-{digest}"


def hand_over(name: str, path: Path | None, timeout_ms: int = HANDOVER_TIMEOUT_MS) -> bool | None:
    """In a starting CellSec: True when a running one took `path` (None: just come forward);
    then this one should end. False when none is running (this one is the first); None when
    one is running but did not answer in time (busy)."""
    from ui.shell.windows import allow_foreground

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    allow_foreground()  # Windows lets the running window come forward only if we allow it
    message = {"open": str(Path(path).resolve()) if path is not None else None}
    socket.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return True if answer.strip() == b"ok" else None


class InstanceServer(QObject):
    """Listens in the first CellSec; `sig_request(path | None)` for each later launch."""

    sig_request = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. Call after hand_over() found nobody: a name still taken then is a
        socket file a crashed run left (Linux), removed and taken again."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data[:MAX_MESSAGE]
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            wanted = json.loads(line.decode("utf-8")).get("open")
        except (ValueError, AttributeError):
            socket.disconnectFromServer()
            return  # not ours: ignored
        socket.write(b"ok\n")
        socket.flush()
        self.sig_request.emit(Path(wanted) if isinstance(wanted, str) and wanted else None)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def claim(data: Path | None, parent: QObject) -> tuple[bool, InstanceServer | None]:
    """At start-up: (True, None) when a running CellSec took over (end this one); else
    (False, the server now listening for later launches, or None if it could not listen)."""
    name = server_name()
    taken = hand_over(name, data)
    if taken is not False:
        # Taken; or a running CellSec too busy to answer: this one goes on without listening
        # (and meets the file in use), never removing the other's address.
        return bool(taken), None
    server = InstanceServer(name, parent)
    return False, server if server.listen() else None


def come_forward(window: QWidget | None, path: Path | None) -> None:
    """The running window, asked by a second launch: restore it if minimised, raise it, and
    open the file it was given when that is another file (the usual checks and questions)."""
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    if path is None:
        return
    current = getattr(window, "store", None)
    here = Path(current.path).resolve() if current is not None else None
    if here != Path(path).resolve():
        window.switch_to(Path(path))  # type: ignore[attr-defined]
