"""Hostile bodies are refused at the door, before they are read (security review H4, issue #17).

A real uvicorn server, the intake service on a memory store, spoken to over a TCP socket, so that
what the server reads before it answers is what the wire shows.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from typing import TYPE_CHECKING

import pytest
import uvicorn

from services import registry
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.processes import free_port

if TYPE_CHECKING:
    from collections.abc import Iterator

FIFTY_MB = 50 * 1024 * 1024
A_JWT_SHAPE = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln"  # shaped like a token; never verified


@pytest.fixture(scope="module")
def intake() -> Iterator[tuple[int, Runtime]]:
    spec, settings_cls = registry.load("intake")
    common = CommonSettings(store="memory", kafka_bootstrap=f"127.0.0.1:{free_port()}")
    runtime = Runtime(spec, settings_cls(common=common))
    port = free_port()
    config = uvicorn.Config(create_api(runtime), host="127.0.0.1", port=port, log_config=None)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield port, runtime
    server.should_exit = True
    thread.join(10)
    runtime.close()


def _head(port: int, headers: dict[str, str], path: str = "/information") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def _answer(sock: socket.socket) -> tuple[int, str]:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode()


def test_an_unauthenticated_50_mb_body_is_answered_401_before_a_byte_of_it_is_sent(
    intake: tuple[int, Runtime],
) -> None:
    port, _ = intake
    # The body is announced and never sent: an answer can only come from not waiting for it.
    with _head(port, {"Content-Length": str(FIFTY_MB), "Content-Type": "application/json"}) as s:
        status, body = _answer(s)
    assert status == 401
    assert "missing bearer token" in body


def test_malformed_json_without_a_token_is_401_not_a_parse_error(
    intake: tuple[int, Runtime],
) -> None:
    port, _ = intake
    payload = b"{not json"
    headers = {"Content-Length": str(len(payload)), "Content-Type": "application/json"}
    with _head(port, headers) as s:
        s.sendall(payload)
        status, _ = _answer(s)
    assert status == 401  # the body was never parsed: no 422 telling that it was


def test_a_declared_50_mb_body_is_refused_413_before_it_is_sent(
    intake: tuple[int, Runtime],
) -> None:
    port, runtime = intake
    headers = {"Authorization": f"Bearer {A_JWT_SHAPE}", "Content-Length": str(FIFTY_MB)}
    with _head(port, headers) as s:
        status, body = _answer(s)
    assert status == 413
    assert str(runtime.common.max_body_bytes) in body


def test_an_undeclared_50_mb_body_is_read_only_up_to_the_limit(
    intake: tuple[int, Runtime],
) -> None:
    port, runtime = intake
    chunk = b"x" * 65536
    headers = {"Authorization": f"Bearer {A_JWT_SHAPE}", "Transfer-Encoding": "chunked"}
    tracemalloc.start()
    try:
        with _head(port, headers) as s:
            sent = 0
            try:
                while sent < FIFTY_MB:
                    s.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered and closed: it stopped reading
            status, _ = _answer(s)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 413
    assert sent < FIFTY_MB, "the server read the whole body before it answered"
    # Server and client share this process: the peak bounds what the server held of the body.
    assert peak < 8 * runtime.common.max_body_bytes + 4 * 1024 * 1024


def test_a_bulk_import_route_takes_its_larger_limit(intake: tuple[int, Runtime]) -> None:
    port, runtime = intake
    size = runtime.common.max_body_bytes * 2  # over the default, within the import limit
    headers = {"Authorization": f"Bearer {A_JWT_SHAPE}", "Content-Length": str(size)}
    with _head(port, headers, path="/information/imports") as s:
        s.sendall(b" " * size)
        status, body = _answer(s)
    # Past the gate: the token's signature is checked now, and this one has none that holds.
    assert status == 401
    assert "limit" not in body
