"""`lianfang run`: a local Kafka, the four services and the demo district, until Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import httpx
import typer

from lianfang.demo import load_demo
from lianfang.kafka_local import LocalKafka
from shared.auth import TokenService
from shared.clock import SystemClock
from shared.kafka import kafka_answers
from shared.settings import CommonSettings

PORTS = {"intake": 8101, "register": 8102, "warning": 8103, "assessment": 8104}


def _wait_healthy(name: str, port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            typer.echo(f"{name} exited with {proc.returncode}; see its log", err=True)
            raise typer.Exit(1)
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    typer.echo(f"{name} did not become healthy on port {port}", err=True)
    raise typer.Exit(1)


def run(
    var: Annotated[Path, typer.Option(help="Folder for Kafka data, stores and logs.")] = Path(
        "var"
    ),
    kafka: Annotated[
        str | None, typer.Option(help="Use this Kafka (host:port) instead of starting one.")
    ] = None,
    demo: Annotated[bool, typer.Option(help="Load the demo district's information.")] = True,
) -> None:
    """Start Kafka (unless given), the four services and the demo; stop all on Ctrl-C/SIGTERM."""
    var.mkdir(parents=True, exist_ok=True)
    broker: LocalKafka | None = None
    if kafka is None:
        if asyncio.run(kafka_answers("127.0.0.1:9092", timeout=2)):
            kafka = "127.0.0.1:9092"
            typer.echo("Kafka already answers on 127.0.0.1:9092; using it.")
        else:
            typer.echo("Starting Kafka (first run fetches the broker from Maven Central)...")
            broker = LocalKafka(var / "kafka", port=9092)
            kafka = broker.start()
    env = {**os.environ, "LIANFANG_KAFKA_BOOTSTRAP": kafka, "LIANFANG_DATA_DIR": str(var / "data")}
    (var / "logs").mkdir(exist_ok=True)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    stop = False

    def on_signal(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        for name, port in PORTS.items():
            log = (var / "logs" / f"{name}.log").open("ab")
            procs[name] = subprocess.Popen(
                [sys.executable, "-m", "lianfang", "serve", name],
                env={**env, f"LIANFANG_{name.upper()}_PORT": str(port)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for name, port in PORTS.items():
            _wait_healthy(name, port, procs[name])
        common = CommonSettings()
        tokens = TokenService(
            common.jwt_secret.get_secret_value(), common.jwt_issuer, SystemClock()
        )
        if demo:
            ids = load_demo(f"http://127.0.0.1:{PORTS['intake']}", tokens)
            typer.echo(f"Demo district loaded: {len(ids)} pieces of risk information filed.")
        typer.echo(f"\nKafka: {kafka}   stores: {var / 'data'}   logs: {var / 'logs'}")
        for name, port in PORTS.items():
            typer.echo(f"  {name:<11} http://127.0.0.1:{port}/docs")
        typer.echo("A token to try them: lianfang token --role office --unit QX\nCtrl-C stops all.")
        while not stop and all(p.poll() is None for p in procs.values()):
            time.sleep(0.5)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if broker is not None:
            broker.stop()
        typer.echo("Stopped.")
