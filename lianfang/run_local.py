"""`lianfang run`: a local Kafka, a district node and a town node, and the demo, until Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from lianfang.demo import CHAIN_CASE, load_demo
from lianfang.demo_accounts import seed_console, sign_in_help
from lianfang.demo_assessment import load_assessment_demo
from lianfang.demo_chain import carry_case_through
from lianfang.demo_intake import load_intake_demo
from lianfang.demo_register import load_register_demo
from lianfang.kafka_acl import Provisioner, principal_of
from lianfang.kafka_local import DEV_HEAP_MB, LocalKafka
from lianfang.local_process import wait_healthy
from shared.auth import Minter
from shared.clock import BEIJING, SystemClock
from shared.kafka import KafkaAccess
from shared.keys import dev_issuer
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings

PORTS = {
    "console": 8100,
    "intake": 8101,
    "register": 8102,
    "warning": 8103,
    "assessment": 8104,
}


def _wait_healthy(name: str, port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    def check_alive() -> None:
        if proc.poll() is not None:
            typer.echo(f"{name} exited with {proc.returncode}; see its log", err=True)
            raise typer.Exit(1)

    if not wait_healthy(port, check_alive, timeout):
        typer.echo(f"{name} did not become healthy on port {port}", err=True)
        raise typer.Exit(1)


def _url(service: str) -> str:
    return f"http://127.0.0.1:{PORTS[service]}"


def _load_demo(tokens: Minter) -> None:
    """The demo district: the register's catalogue, information on every channel, one case
    carried through to a warning, and the assessment's inspections, surveys and scores."""
    register = load_register_demo(_url("register"), tokens)
    typer.echo(
        f"Register: {len(register.powers)} powers with flowcharts, "
        f"{len(register.risk_points)} risk points graded, approved and published."
    )
    ids = load_demo(_url("intake"), tokens)
    more = load_intake_demo(_url("intake"), tokens)
    typer.echo(f"Intake: {len(ids) + len(more)} pieces of risk information on every channel.")
    chain = carry_case_through(_url("register"), _url("warning"), tokens, ids[CHAIN_CASE])
    if chain is None:
        typer.echo("Warning: the demo case was judged and warned on an earlier run.")
    else:
        due = f"{chain.due_at.astimezone(BEIJING):%H:%M:%S}"
        typer.echo(
            f"Warning: {chain.notice_number} issued; its rectification falls due at {due} "
            "Beijing time, and RectificationOverdue follows on Kafka."
        )
    scores = load_assessment_demo(_url("assessment"), tokens)
    typer.echo(f"Assessment: {len(scores)} units scored for this year.")


@dataclass(frozen=True)
class NodePlan:
    """One node of the local district: its id, the subtree it manages, its ports and stores."""

    node_id: str
    root_unit: str
    ports: dict[str, int]
    data_dir: Path

    def env(self, base: dict[str, str], service: str) -> dict[str, str]:
        # A node's console passes its web console's calls on to this node's four services.
        services = {
            f"LIANFANG_CONSOLE_{name.upper()}_URL": f"http://127.0.0.1:{port}"
            for name, port in self.ports.items()
            if name != "console" and service == "console"
        }
        return {
            **base,
            **services,
            "LIANFANG_NODE_ID": self.node_id,
            "LIANFANG_NODE_ROOT_UNIT": self.root_unit,
            "LIANFANG_DATA_DIR": str(self.data_dir),
            f"LIANFANG_{service.upper()}_PORT": str(self.ports[service]),
        }


def district_console_reach(nodes: list[NodePlan]) -> dict[str, str]:
    """What the district's console needs to be the one front door (docs/sign-in.md): each town
    node's four services by its root unit, so a town's people reach their own node and the
    district supervises a town's disposals (Art. 29, docs/warning-supervision.md)."""
    towns = {
        n.root_unit: {s: f"http://127.0.0.1:{p}" for s, p in n.ports.items() if s != "console"}
        for n in nodes
        if n.node_id != "district"
    }
    return {"LIANFANG_CONSOLE_NODE_URLS": json.dumps(towns)} if towns else {}


def dev_env(var: Path) -> dict[str, str]:
    """Dev mode (issue #14): the development key in `var` signs the demo's tokens and those of
    `lianfang token`; the services check them with its public half (shared/keys.py)."""
    return {"LIANFANG_ENV": "dev", "LIANFANG_DEV_KEY_FILE": str(var / "dev-signing-key.pem")}


def dev_minter(var: Path, nodes: list[NodePlan]) -> Minter:
    """Tokens of the development key for every node of the plan (the demo's, the bench's)."""
    common = CommonSettings.model_validate(
        {"env": "dev", "dev_key_file": var / "dev-signing-key.pem"}
    )
    return dev_issuer(common, SystemClock()).for_audience(*(n.node_id for n in nodes))


def open_demo_accounts(district: NodePlan, dev: dict[str, str]) -> list[str]:
    """The demo people's accounts, in the district console's store before it starts: the one
    issuer of the district, so the town's people sign in there too (lianfang/demo_accounts.py).
    Their grants reach the other services from Kafka once the console runs; the user ids opened."""
    os.environ.update(dev)  # the console's dev keys, as its process will see them
    district.data_dir.mkdir(parents=True, exist_ok=True)
    common = CommonSettings(
        data_dir=district.data_dir, node_id=district.node_id, node_root_unit=district.root_unit
    )
    return seed_console(common)


def plan_nodes(var: Path, towns: list[str]) -> list[NodePlan]:
    """The district node on 8100-8104, then each town's node ten ports up (Art. 6, 7)."""
    org = OrgDirectory.from_json(CommonSettings().org_seed or DEFAULT_ORG_SEED)
    nodes = [NodePlan("district", "QX", dict(PORTS), var / "data")]
    for i, town in enumerate(towns, start=1):
        if town not in org:
            raise typer.BadParameter(f"{town} is not a unit of the org tree", param_hint="--town")
        # The town itself is managed by the district; its node manages the units below it.
        below = {u.managing_node_id for u in org.subtree(town)} - {"district"}
        if len(below) != 1:
            message = f"{town} has no node of its own below the district"
            raise typer.BadParameter(message, param_hint="--town")
        (node_id,) = below
        ports = {name: port + 10 * i for name, port in PORTS.items()}
        nodes.append(NodePlan(node_id, town, ports, var / "nodes" / node_id / "data"))
    return nodes


def _start_kafka(var: Path, given: str | None) -> tuple[LocalKafka | None, KafkaAccess]:
    """The broker to use and its admin: `given` (an open broker), ours if it runs, or a new one."""
    if given is not None:
        return None, KafkaAccess(given)
    broker = LocalKafka(var / "kafka", port=9092, heap_mb=DEV_HEAP_MB)
    if broker.is_running():
        typer.echo(f"Kafka already runs from {broker.data_dir}; using it.")
        return None, broker.admin_access()
    typer.echo("Starting Kafka (first run fetches the broker from Maven Central)...")
    broker.start()
    return broker, broker.admin_access()


def run(
    var: Annotated[Path, typer.Option(help="Folder for Kafka data, stores and logs.")] = Path(
        "var"
    ),
    kafka: Annotated[
        str | None, typer.Option(help="Use this Kafka (host:port) instead of starting one.")
    ] = None,
    demo: Annotated[bool, typer.Option(help="Load the demo district's information.")] = True,
    town: Annotated[
        list[str] | None,
        typer.Option(help="Also run this town's node (unit code); repeat for more."),
    ] = None,
    district_only: Annotated[
        bool, typer.Option(help="Run the district node alone (no town node).")
    ] = False,
) -> None:
    """Start Kafka (unless given), the district node's five services, a town node's (太和镇 by
    default) and the demo; stop all on Ctrl-C/SIGTERM."""
    towns = [] if district_only else (town or ["QX-TH"])
    nodes = plan_nodes(var, towns)
    var.mkdir(parents=True, exist_ok=True)
    district = nodes[0]
    if demo:
        opened = open_demo_accounts(district, dev_env(var))
        typer.echo(f"Console: {len(opened)} demo accounts opened for 清新区 and 太和镇.")
    broker, kafka_admin = _start_kafka(var, kafka)
    # A principal per service and node, its password in a file (issue #17, docs/security.md).
    provisioner = Provisioner(kafka_admin, var / "kafka" / "secrets")
    provisioner.provision(CommonSettings().topic_prefix, [n.node_id for n in nodes])
    base = {**os.environ, **dev_env(var)}

    def kafka_env(node_id: str, service: str) -> dict[str, str]:
        return provisioner.access_of(principal_of(node_id, service)).env()

    tokens = dev_minter(var, nodes)  # creates the development key before any service starts
    # Deadlines are watched every 5 s here (hourly-ish in production) so the demo's overdue shows.
    base.setdefault("LIANFANG_TICK_SECONDS", "5")
    (var / "logs").mkdir(exist_ok=True)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    stop = False

    def on_signal(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        for node in nodes:
            for name in PORTS:
                label = name if node.node_id == "district" else f"{node.node_id}-{name}"
                log = (var / "logs" / f"{label}.log").open("ab")
                front_door = node is district and name == "console"
                procs[label] = subprocess.Popen(
                    [sys.executable, "-m", "lianfang", "serve", name],
                    env={
                        **node.env(base, name),
                        **kafka_env(node.node_id, name),
                        **(district_console_reach(nodes) if front_door else {}),
                    },
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
        for node in nodes:
            for name, port in node.ports.items():
                label = name if node.node_id == "district" else f"{node.node_id}-{name}"
                _wait_healthy(label, port, procs[label])
        if demo:
            _load_demo(tokens)
        typer.echo(f"\nKafka: {kafka_admin.bootstrap}   logs: {var / 'logs'}")
        for node in nodes:
            typer.echo(f"Node {node.node_id} ({node.root_unit}), stores in {node.data_dir}:")
            for name, port in node.ports.items():
                typer.echo(f"  {name:<11} http://127.0.0.1:{port}/docs")
        if demo:
            typer.echo(sign_in_help(f"http://127.0.0.1:{district.ports['console']}"))
        key = dev_env(var)["LIANFANG_DEV_KEY_FILE"]
        typer.echo(
            f"A token to try them: LIANFANG_ENV=dev LIANFANG_DEV_KEY_FILE={key} "
            "lianfang token --role office --unit QX\nCtrl-C stops all."
        )
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
