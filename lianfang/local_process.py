"""What local servers and service processes need: free ports, live pids, log tails, health."""

from __future__ import annotations

import contextlib
import os
import socket
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

HOST = "127.0.0.1"
LOG_TAIL_LINES = 40


def free_ports(count: int) -> list[int]:
    """Ports the OS calls free now; all sockets are held until the end so none repeats."""
    with contextlib.ExitStack() as stack:
        ports = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket())
            sock.bind((HOST, 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


def port_free(port: int) -> bool:
    """Whether this host's `port` can be bound now."""
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def pid_alive(pid: int) -> bool:
    """Whether a process `pid` exists (one of another user's counts), where /proc cannot say."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tail(path: Path, lines: int, offset: int = 0) -> str:
    """The last `lines` of a log written after `offset` (all of it if it rolled over since)."""
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            # A smaller file than our offset has been rolled over: read it all.
            start = offset if offset <= size else 0
            handle.seek(max(start, size - 256 * 1024))
            text = handle.read().decode(errors="replace")
    except OSError:
        return f"({path} is missing)"
    return "\n".join(text.splitlines()[-lines:])


def wait_healthy(port: int, check_alive: Callable[[], None], timeout: float) -> bool:
    """Whether the service on this host's `port` answered /healthz within `timeout` seconds;
    `check_alive` is called before each try and raises if the service's process has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        check_alive()
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False
