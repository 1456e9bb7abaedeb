"""The outbox relay woken by a commit instead of finding it at its next poll (issue #18).

The relay (shared/outbox.py) runs in a service's worker; the API that stores a filing is
another process. When a store commits events, its recorder sends one datagram to a Unix socket
named after the store, in Linux's abstract namespace (no file to leave behind, shared by the
processes of one host or pod); the relay listens on it and looks at once. A wake is only a
hint: the relay still reads what to publish from the store, from its saved position, and still
polls, so a wake lost (nobody listening yet, a full socket buffer, an API in another pod) costs
at most one poll interval, never an event; a wake from anyone else on the host only makes the
relay look sooner (a datagram carries nothing it reads). Only SQLite stores name a socket:
PostgreSQL's services run API and worker in separate pods (LISTEN/NOTIFY would be the channel).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import socket
import sys

log = logging.getLogger(__name__)


def wake_address(store_file: str) -> str | None:
    """The abstract socket name of a store file's relay; None where there is none."""
    if not sys.platform.startswith("linux") or not store_file or ":memory:" in store_file:
        return None
    if "mode=memory" in store_file:
        return None
    if not store_file.startswith("file:"):
        # The API and the worker may name the same file differently (relative, a symlink).
        store_file = os.path.realpath(store_file)
    digest = hashlib.sha256(store_file.encode()).hexdigest()[:24]
    return f"\0lianfang-relay-{digest}"


class WakeSender:
    """Sends the wake after a commit; never blocks, never fails the commit."""

    def __init__(self, address: str | None) -> None:
        self.address = address
        self._socket: socket.socket | None = None

    def wake(self) -> None:
        if self.address is None:
            return
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                self._socket.setblocking(False)
            self._socket.sendto(b"!", self.address)
        except OSError:
            pass  # nobody listening, or a wake already waiting in a full buffer: the poll remains

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


class WakeListener:
    """Sets `woken` whenever a commit of the store is announced (bound while listening)."""

    def __init__(self, address: str | None) -> None:
        self.address = address
        self.woken = asyncio.Event()
        self._socket: socket.socket | None = None

    @property
    def listening(self) -> bool:
        return self._socket is not None

    def start(self) -> bool:
        """Listen; False if this process cannot (another relay of the store listens already:
        a worker that led until a moment ago, say; the next round tries again)."""
        if self.address is None:
            return False
        listening = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            listening.bind(self.address)
        except OSError as exc:
            listening.close()
            log.debug("relay not woken by commits (%s): it polls", exc)
            return False
        listening.setblocking(False)
        asyncio.get_running_loop().add_reader(listening.fileno(), self._drain)
        self._socket = listening
        return True

    def _drain(self) -> None:
        assert self._socket is not None
        with contextlib.suppress(BlockingIOError):
            while self._socket.recv(64):
                pass
        self.woken.set()

    def stop(self) -> None:
        if self._socket is not None:
            asyncio.get_running_loop().remove_reader(self._socket.fileno())
            self._socket.close()
            self._socket = None
