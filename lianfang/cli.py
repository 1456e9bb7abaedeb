"""`lianfang`: run services, mint local tokens, run the local Kafka, export the contract."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from shared.auth import KeyConfigurationError, Role
from shared.clock import SystemClock
from shared.settings import CommonSettings

app = typer.Typer(
    help="Lianfang 廉防 — integrity-risk prevention and control.", no_args_is_help=True
)

ServiceName = Annotated[str, typer.Argument(help="intake | register | warning | assessment")]


def _service(name: str):  # type: ignore[no-untyped-def]
    from services import registry

    try:
        return registry.load(name)
    except KeyError as exc:
        raise typer.BadParameter(str(exc.args[0])) from exc


def _logging() -> None:
    import logging
    import os

    from shared.logs import configure

    # JSON lines with the trace id (shared/logs.py); LIANFANG_LOG_LEVEL=DEBUG for more.
    level = logging.getLevelNamesMapping().get(os.environ.get("LIANFANG_LOG_LEVEL", "").upper())
    configure(level or logging.INFO)


@app.command()
def serve(
    service: ServiceName,
    worker: Annotated[bool, typer.Option(help="Run the worker in the same process.")] = True,
) -> None:
    """Run a service's API (and its worker, by default) in one process."""
    from shared.serve import serve as run

    _logging()
    spec, settings = _service(service)
    run(spec, settings(), with_worker=worker)


@app.command()
def api(service: ServiceName) -> None:
    """Run only a service's API (HTTP), without its worker: a container or pod of its own."""
    from shared.serve import serve as run

    _logging()
    spec, settings = _service(service)
    run(spec, settings(), with_worker=False)


@app.command()
def worker(
    service: ServiceName,
    ops: Annotated[
        bool,
        typer.Option(
            help="Also serve /healthz, /readyz and /metrics on the service's port (containers)."
        ),
    ] = False,
) -> None:
    """Run only a service's worker (agents, timers, outbox relay); SIGTERM drains it."""
    from shared.serve import run_worker, serve

    _logging()
    spec, settings = _service(service)
    if ops:
        serve(spec, settings(), with_worker=True, routes=False)
    else:
        run_worker(spec, settings())


@app.command()
def token(
    role: Annotated[list[Role], typer.Option("--role", help="Repeat for several roles.")],
    unit: Annotated[str, typer.Option(help="The unit the user belongs to, e.g. QX-TH.")],
    user: Annotated[str, typer.Option(help="The user id.")] = "local-user",
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    hours: Annotated[float, typer.Option(help="Hours until it expires (at most the cap).")] = 8.0,
    audience: Annotated[
        list[str] | None,
        typer.Option(
            "--audience",
            help="A node the token may call; repeat for several (default: this node's audience).",
        ),
    ] = None,
) -> None:
    """Dev mode only (LIANFANG_ENV=dev): mint a token with the development key, which the
    services of `make run` check with its public half. Elsewhere tokens come from signing in."""
    from shared.keys import dev_issuer

    common = CommonSettings()
    try:
        issuer = dev_issuer(common, SystemClock())
        minted = issuer.mint(
            user,
            role,
            unit,
            audience=audience or [common.audience],
            name=name,
            ttl=timedelta(hours=hours),
        )
    except (KeyConfigurationError, ValueError) as exc:
        typer.echo(f"lianfang token: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(minted)


@app.command("export-contract")
def export_contract(
    out_dir: Annotated[Path, typer.Argument(help="Where to write.")] = Path("docs/contract"),
) -> None:
    """Write the events' JSON Schemas and the AsyncAPI document."""
    from shared.contract_export import export_contract as export

    for path in export(out_dir):
        typer.echo(path)


@app.command("export-openapi")
def export_openapi(
    out_dir: Annotated[Path, typer.Argument(help="Where to write.")] = Path("console/openapi"),
) -> None:
    """Write each service's OpenAPI document (the web console's types come from them)."""
    from shared.openapi_export import export_openapi as export

    for path in export(out_dir):
        typer.echo(path)


def _mount_optional() -> None:
    from lianfang.cli_infra import kafka_app

    app.add_typer(kafka_app, name="kafka", help="A local single-node Kafka broker (no Docker).")
    from lianfang.run_local import run

    app.command("run")(run)
    from lianfang.cli_audit import audit_app

    app.add_typer(audit_app, name="audit", help="Audit: verify the hash chains, replay a moment.")
    from lianfang.cli_signin import signin_app

    app.add_typer(signin_app, name="signin", help="Sign-in: an operator's unlock and resets.")
    from lianfang.cli_keys import keys_app

    app.add_typer(keys_app, name="keys", help="Token-signing keys of the issuer, and JWKS.")
    from lianfang.cli_accounts import accounts_app

    app.add_typer(accounts_app, name="accounts", help="The directory: open the first admin.")


_mount_optional()


def main() -> None:
    app()
