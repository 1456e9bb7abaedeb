"""`lianfang audit`: verify the stores' hash chains against witnessed heads (Art. 23, 29, 31).

    lianfang audit verify [--service S] [--witnesses FILE | --from-kafka]
    lianfang audit witnesses OUT          # keep the checkpoints on the audit topic in a file
    lianfang audit replay --service S --as-of T [--out FILE]   # the state as it stood at T
    lianfang audit replay --service S --from-kafka [--out FILE]   # read models from the topics
    lianfang audit case ID [--json] [--out FILE]   # a case's timeline across services and nodes
    lianfang audit backfill-index   # file on assessment's timeline index what the topics hold

Exit status 1 names the first broken link of each broken store (service, position, event id).
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from shared.audit.verify import Verdict, Witness
    from shared.runtime import ServiceSpec
    from shared.settings import ServiceSettings

audit_app = typer.Typer(no_args_is_help=True, help="Audit: tamper evidence of the event stores.")

SERVICE_NAMES = ("intake", "register", "warning", "assessment", "console")
"""Every store with a chain: the four services' and the console's (who held what, when)."""


def _witnesses(path: Path | None, from_kafka: bool) -> list[Witness]:
    from shared.audit.checkpoints import load_witnesses, read_witnesses
    from shared.kafka import OPERATOR, KafkaAccess
    from shared.settings import CommonSettings
    from shared.topics import Topics

    found = load_witnesses(path) if path is not None else []
    if from_kafka:
        common = CommonSettings()
        topic = Topics(common.topic_prefix).audit()
        found += asyncio.run(read_witnesses(KafkaAccess.of(common, OPERATOR), topic))
    return found


def verify_service(service: str, witnesses: list[Witness]) -> Verdict:
    """Open `service`'s configured store (LIANFANG_* settings) and verify its chain."""
    from services import registry
    from shared.audit.chain import chained
    from shared.audit.checkpoints import of_chain
    from shared.audit.verify import verify
    from shared.runtime import Runtime

    spec, settings = registry.load(service)
    runtime = Runtime(spec, settings())
    try:
        mine = of_chain(witnesses, service, runtime.common.node_id)
        return verify(service, chained(runtime.app.recorder), mine)
    finally:
        runtime.close()


@audit_app.command("verify")
def verify_command(
    service: Annotated[
        str | None, typer.Option(help="One service: " + " | ".join(SERVICE_NAMES) + ".")
    ] = None,
    witnesses: Annotated[
        Path | None, typer.Option(help="A JSON-lines file of witnessed heads.", exists=True)
    ] = None,
    from_kafka: Annotated[
        bool, typer.Option("--from-kafka", help="Read witnessed heads from the audit topic.")
    ] = False,
) -> None:
    """Recompute each store's hash chain; name the first broken link."""
    if service is not None and service not in SERVICE_NAMES:
        raise typer.BadParameter(f"unknown service {service!r}", param_hint="--service")
    known = _witnesses(witnesses, from_kafka)
    failed = False
    for name in (service,) if service else SERVICE_NAMES:
        verdict = verify_service(name, known)
        if verdict.broken is not None:
            failed = True
            typer.echo(f"BROKEN {verdict.broken}")
        else:
            typer.echo(
                f"ok {name}: {verdict.events} events chained, head {verdict.head[:16]}…, "
                f"{verdict.witnesses_checked} witnesses agree "
                f"(witnessed up to position {verdict.witnessed_up_to})"
            )
    if failed:
        raise typer.Exit(1)


@audit_app.command("witnesses")
def witnesses_command(
    out: Annotated[Path, typer.Argument(help="The JSON-lines file to write.")],
) -> None:
    """Copy every checkpoint on the audit topic into a file (a witness kept off Kafka)."""
    from shared.audit.checkpoints import save_witnesses

    found = _witnesses(None, from_kafka=True)
    save_witnesses(out, found)
    typer.echo(f"{len(found)} witnesses written to {out}")


@audit_app.command("replay")
def replay_command(
    service: Annotated[str, typer.Option(help=" | ".join(SERVICE_NAMES))],
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            help="The moment, ISO 8601; without a zone it is Beijing time.",
            formats=[
                "%Y-%m-%dT%H:%M:%S.%f%z",
                "%Y-%m-%dT%H:%M:%S%z",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d",
            ],
        ),
    ] = None,
    from_kafka: Annotated[
        bool,
        typer.Option("--from-kafka", help="Rebuild its read models from the topics it consumes."),
    ] = False,
    out: Annotated[
        Path | None, typer.Option(help="Write every aggregate's state there, as JSON.")
    ] = None,
) -> None:
    """Rebuild a service's state as it stood at a moment from its events alone, or its read
    models from the topics; report events/s."""
    from services import registry

    if service not in SERVICE_NAMES:
        raise typer.BadParameter(f"unknown service {service!r}", param_hint="--service")
    if (as_of is None) == (not from_kafka):
        raise typer.BadParameter("give either --as-of T or --from-kafka", param_hint="--as-of")
    spec, settings = registry.load(service)
    if as_of is None:
        _replay_from_kafka(service, settings(), out)
        return
    _replay_as_of(service, spec, settings(), as_of, out)


def _replay_as_of(
    service: str, spec: ServiceSpec, settings: ServiceSettings, as_of: datetime, out: Path | None
) -> None:
    from shared.audit.replay import replay_as_of
    from shared.runtime import Runtime

    runtime = Runtime(spec, settings)
    try:
        replayed = replay_as_of(service, runtime.app, as_of)
    finally:
        runtime.close()
    counts = ", ".join(f"{kind}: {n}" for kind, n in replayed.counts().items()) or "nothing yet"
    typer.echo(
        f"{service} as of {replayed.as_of.isoformat()}: {replayed.applied} of {replayed.read} "
        f"events applied, {len(replayed.aggregates)} aggregates ({counts}); "
        f"{replayed.events_per_second:,.0f} events/s"
    )
    if out is not None:
        document = {
            "service": service,
            "as_of": replayed.as_of.isoformat(),
            "aggregates": replayed.states(),
        }
        out.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n")
        typer.echo(f"state written to {out}")


def _replay_from_kafka(service: str, settings: ServiceSettings, out: Path | None) -> None:
    from lianfang.kafka_replay import replay_from_kafka
    from shared.audit.replay import replay_as_of

    rebuilt = asyncio.run(replay_from_kafka(service, settings))
    typer.echo(
        f"{service} from Kafka: {rebuilt.read} events read, {rebuilt.taken} taken in, "
        f"{rebuilt.refused} refused, {rebuilt.unreadable} unreadable; "
        f"{rebuilt.events_per_second:,.0f} events/s"
    )
    if out is not None:
        state = replay_as_of(service, rebuilt.app, datetime.now(UTC))
        document = {"service": service, "from": "kafka", "aggregates": state.states()}
        out.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n")
        typer.echo(f"state written to {out}")
    rebuilt.app.close()


@audit_app.command("case")
def case_command(
    information_id: Annotated[str, typer.Argument(help="The case: its information id.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a document.")] = False,
    out: Annotated[Path | None, typer.Option(help="Write it there instead of stdout.")] = None,
) -> None:
    """A case's whole history across services and nodes, read from the topics, with the event
    ids as evidence: the case, its risk point's register steps, and the annual results of the
    units and years concerned (Art. 10–15, 23–31; docs/audit.md)."""
    from uuid import UUID

    from shared.audit.case_timeline import case_timeline, render_markdown
    from shared.audit.published import read_published
    from shared.kafka import OPERATOR, KafkaAccess
    from shared.settings import CommonSettings

    try:
        case = UUID(information_id)
    except ValueError:
        raise typer.BadParameter("not a UUID", param_hint="INFORMATION_ID") from None
    common = CommonSettings()
    published = asyncio.run(read_published(KafkaAccess.of(common, OPERATOR), common.topic_prefix))
    entries = case_timeline(case, published.events)
    if as_json:
        text = json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=1) + "\n"
    else:
        text = render_markdown(case, entries)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"{len(entries)} entries written to {out}")
    if published.unreadable:
        typer.echo(f"note: {published.unreadable} unreadable records were skipped", err=True)
    if not entries:
        raise typer.Exit(1)


@audit_app.command("backfill-index")
def backfill_index_command() -> None:
    """File on the case-timeline index (assessment's store) every event of the topics it
    consumes that the index lacks: a node upgraded with history serves older cases' timelines
    whole. Idempotent; safe while the worker runs (docs/audit.md, docs/runbook.md)."""
    from services import registry
    from shared.audit.index_backfill import backfill_from_topics
    from shared.runtime import Runtime

    spec, settings = registry.load("assessment")  # the service whose worker keeps the index
    runtime = Runtime(spec, settings())
    try:
        app = runtime.app
        done = asyncio.run(backfill_from_topics(app, runtime.common, spec.consumes))
    finally:
        runtime.close()
    typer.echo(f"case-timeline index: {done.summary()}")
