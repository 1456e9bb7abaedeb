"""Real service processes for end-to-end tests: started with `lianfang`, killed for real."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lianfang.local_process import wait_healthy
from shared.kafka import KafkaAccess
from tests.support.tokens import TEST_KEY_FILE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def node_env(kafka: KafkaAccess, data_dir: Path, prefix: str, **extra: str) -> dict[str, str]:
    """The environment of one node's services, isolated by topic prefix and data folder, that
    talks to Kafka as `kafka` (a service's own principal, or the admin)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFANG_")}
    env |= {
        **kafka.env(),
        "LIANFANG_DATA_DIR": str(data_dir),
        "LIANFANG_TOPIC_PREFIX": prefix,
        "LIANFANG_STORE": "sqlite",
        "LIANFANG_RELAY_POLL_SECONDS": "0.05",
        # Dev mode on the suite's key: tokens minted by tests/support/tokens.py pass.
        "LIANFANG_ENV": "dev",
        "LIANFANG_DEV_KEY_FILE": str(TEST_KEY_FILE),
        **extra,
    }
    return env


class ServiceProcess:
    """`lianfang serve|worker SERVICE` as a child process with its output in a log file."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.args = args
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServiceProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lianfang", *self.args],
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return self

    def wait_http(self, port: int, timeout: float = 180.0) -> None:
        # Generous: on a loaded machine (CI shares two cores) an import alone can take a minute.
        if not wait_healthy(port, self.check_alive, timeout):
            raise TimeoutError(f"{self.args} did not answer on {port}:\n{self.tail()}")

    def check_alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"{self.args} exited with {self.proc.returncode}:\n{self.tail()}")

    def kill(self) -> None:
        """SIGKILL: no chance to commit, flush or clean up."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> int:
        """SIGTERM (the process drains: uvicorn finishes its requests, the worker commits and
        leaves its group), then its exit status; SIGKILL if it has not gone within 30 s."""
        self.signal_stop()
        return self.wait_stopped()

    def signal_stop(self) -> None:
        """SIGTERM without waiting: `stop_all` signals every process of a node first, so that
        they drain side by side rather than one after another."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def wait_stopped(self) -> int:
        if self.proc is None:
            return 0
        try:
            return self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)

    def tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def stop_together(processes: Iterable[ServiceProcess]) -> None:
    """Stop processes side by side: each drains in a few seconds, and a node has five to ten."""
    processes = list(processes)
    for proc in processes:
        proc.signal_stop()
    for proc in processes:
        proc.wait_stopped()


def count_stored(db: Path, topic_suffix: str) -> int:
    """Rows in a service's SQLite store whose event topic ends with `topic_suffix`."""
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            row = conn.execute(
                "SELECT COUNT(*) FROM stored_events WHERE topic LIKE ?", (f"%{topic_suffix}",)
            ).fetchone()
        except sqlite3.OperationalError:
            return 0  # the service has not created its tables yet
    return int(row[0])


def tracked_positions(db: Path, topic: str) -> int:
    """Records of `topic` settled by a service: the sum of its per-partition positions."""
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            row = conn.execute(
                "SELECT COALESCE(SUM(notification_id), 0) FROM tracking "
                "WHERE application_name LIKE ?",
                (f"{topic}-%",),
            ).fetchone()
        except sqlite3.OperationalError:
            return 0
    return int(row[0])


def wait_until(
    predicate: Callable[[], bool], timeout: float = 60.0, what: str = "condition"
) -> None:
    """Return once `predicate()` is true; TimeoutError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
