"""`lianfang kafka start|stop|status`: the local single-node broker from the command line."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from lianfang.kafka_local import DEFAULT_KAFKA_VERSION, DEV_HEAP_MB, KafkaLocalError, LocalKafka

kafka_app = typer.Typer(no_args_is_help=True)

DataDir = Annotated[Path, typer.Option(help="The broker's data, config and logs folder.")]
Port = Annotated[int, typer.Option(help="Client port; the controller takes the next one.")]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        envvar="LIANFANG_CACHE_DIR",
        help="Where the broker jars are cached (default ~/.cache/lianfang).",
    ),
]

DEFAULT_DATA_DIR = Path("var/kafka")


@kafka_app.command()
def start(
    data_dir: DataDir = DEFAULT_DATA_DIR,
    port: Port = 9092,
    foreground: Annotated[
        bool, typer.Option("--foreground", help="Stay until Ctrl-C/SIGTERM, then stop it.")
    ] = False,
    heap_mb: Annotated[int, typer.Option(help="JVM heap in MB.")] = DEV_HEAP_MB,
    version: Annotated[
        str, typer.Option("--kafka-version", help="Kafka release (kafka_2.13 on Maven Central).")
    ] = DEFAULT_KAFKA_VERSION,
    cache_dir: CacheDir = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for it to answer.")] = 60,
) -> None:
    """Start a KRaft broker (fetched from Maven Central on first use); print its bootstrap."""
    broker = LocalKafka(data_dir, port=port, heap_mb=heap_mb, version=version, cache_dir=cache_dir)
    if broker.is_running():
        typer.echo(f"already running at {broker.bootstrap} (pid {broker.pid})", err=True)
        typer.echo(broker.bootstrap)
        if foreground:
            # Not ours to babysit: another process started it and will stop it.
            raise typer.Exit(1)
        return
    try:
        bootstrap = broker.start(timeout=timeout)
    except KafkaLocalError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(bootstrap)
    admin = broker.admin_access()
    # SASL/SCRAM and ACLs are on: only the admin may do anything until principals are made.
    typer.echo(f"admin principal: {admin.username}, password in {admin.password_file}", err=True)
    if foreground:
        _run_until_signalled(broker)


def _run_until_signalled(broker: LocalKafka) -> None:
    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        typer.echo(f"pid {broker.pid}; logs in {broker.logs_dir}. Ctrl-C stops it.", err=True)
        while not stop.wait(0.5):
            if not broker.is_running():
                typer.echo(f"the broker exited on its own.\n{broker.log_tail()}", err=True)
                raise typer.Exit(1)
    finally:
        broker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    typer.echo("stopped", err=True)


@kafka_app.command()
def stop(
    data_dir: DataDir = DEFAULT_DATA_DIR,
    timeout: Annotated[float, typer.Option(help="Seconds before SIGKILL.")] = 30,
) -> None:
    """Stop the broker started from this data folder (by any process)."""
    broker = LocalKafka(data_dir)
    if not broker.is_running():
        typer.echo("not running")
        return
    pid = broker.pid
    try:
        broker.stop(timeout=timeout)
    except KafkaLocalError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"stopped (pid {pid})")


@kafka_app.command()
def status(data_dir: DataDir = DEFAULT_DATA_DIR) -> None:
    """Print whether the broker of this data folder runs; exit 0 if it does, 1 if not."""
    broker = LocalKafka(data_dir)
    if broker.is_running():
        typer.echo(f"running at {broker.bootstrap} (pid {broker.pid})")
        raise typer.Exit(0)
    typer.echo("not running")
    raise typer.Exit(1)
