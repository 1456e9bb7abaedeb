"""Kafka helpers every service uses: who connects (KafkaAccess), topic creation, an idempotent
producer, a probe.

Every client the code builds (aiokafka producers, consumers and admins, faust's app, the tools)
takes its address and credentials from one `KafkaAccess` (issue #17 item 1, review C2): a
principal per service and node, authenticated with SASL/SCRAM, its password read from a file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, TopicAuthorizationFailedError, for_code

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from shared.envelope import KafkaRecord
    from shared.settings import CommonSettings

log = logging.getLogger(__name__)

SecurityProtocol: TypeAlias = Literal["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism: TypeAlias = Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"]

OPERATOR = "operator"
"""The role of a node's operator principal (`<node>-operator`): the command-line tools that read
the topics and re-produce dead letters (lianfang/kafka_acl.py says what it may do)."""

KEEP_FOREVER = {"retention.ms": "-1", "retention.bytes": "-1"}
"""Topic settings of the audit trail: events and their witnesses are never expired."""


class KafkaAccessError(ValueError):
    """The Kafka security settings do not make a usable client (e.g. SASL without a password)."""


@dataclass(frozen=True)
class KafkaAccess:
    """Where the brokers are and as whom this process talks to them.

    The password is never held here: `password()` reads `password_file` when a client is built,
    so that neither a repr, a log line nor the environment carries it (issue #17, BRIEF: secrets
    only in files).
    """

    bootstrap: str
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism = "SCRAM-SHA-512"
    username: str | None = None
    password_file: Path | None = None
    ssl_cafile: Path | None = None

    def __post_init__(self) -> None:
        if self.sasl and (self.username is None or self.password_file is None):
            raise KafkaAccessError(
                f"LIANFANG_KAFKA_SECURITY_PROTOCOL={self.security_protocol} needs "
                "LIANFANG_KAFKA_USERNAME and LIANFANG_KAFKA_PASSWORD_FILE"
            )

    @classmethod
    def of(cls, common: CommonSettings, role: str | None = None) -> KafkaAccess:
        """The access a process's settings describe. With SASL and no LIANFANG_KAFKA_USERNAME,
        the principal is `<node>-<role>`: a service's own (`district-intake`), or the node's
        operator for the command-line tools (`district-operator`)."""
        username = common.kafka_username
        if username is None and role is not None and common.kafka_security_protocol != "PLAINTEXT":
            username = f"{common.node_id}-{role}"
        return cls(
            bootstrap=common.kafka_bootstrap,
            security_protocol=common.kafka_security_protocol,
            sasl_mechanism=common.kafka_sasl_mechanism,
            username=username,
            password_file=common.kafka_password_file,
            ssl_cafile=common.kafka_ssl_cafile,
        )

    @property
    def sasl(self) -> bool:
        return self.security_protocol != "PLAINTEXT"

    def as_user(self, username: str, password_file: Path) -> KafkaAccess:
        """The same brokers, as another principal (a provisioned service's, the operator's)."""
        return replace(self, username=username, password_file=password_file)

    def password(self) -> str:
        """The principal's password, read from its file now (a rotated file is picked up)."""
        if self.password_file is None:
            raise KafkaAccessError("no LIANFANG_KAFKA_PASSWORD_FILE set")
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise KafkaAccessError(
                f"cannot read the Kafka password file {self.password_file}: {exc.strerror}"
            ) from None

    def ssl_context(self) -> ssl.SSLContext | None:
        """TLS for SASL_SSL: the system's CAs, or only `ssl_cafile` when it is given."""
        if self.security_protocol != "SASL_SSL":
            return None
        cafile = str(self.ssl_cafile) if self.ssl_cafile else None
        return ssl.create_default_context(cafile=cafile)

    def aiokafka(self) -> dict[str, Any]:
        """Keyword arguments of every aiokafka client: servers, protocol and SASL login."""
        kwargs: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap,
            "security_protocol": self.security_protocol,
        }
        if self.sasl:
            kwargs |= {
                "sasl_mechanism": self.sasl_mechanism,
                "sasl_plain_username": self.username,
                "sasl_plain_password": self.password(),
                "ssl_context": self.ssl_context(),
            }
        return kwargs

    def faust(self) -> dict[str, Any]:
        """Keyword arguments of `faust.App`: the broker URLs and, with SASL, its credentials."""
        import faust  # imported here: only workers load faust

        kwargs: dict[str, Any] = {
            "broker": [f"kafka://{server.strip()}" for server in self.bootstrap.split(",")]
        }
        if self.sasl:
            kwargs["broker_credentials"] = faust.SASLCredentials(
                username=self.username,
                password=self.password(),
                ssl_context=self.ssl_context(),
                mechanism=self.sasl_mechanism,
            )
        return kwargs

    def env(self) -> dict[str, str]:
        """The `LIANFANG_KAFKA_*` environment that gives a child process this access."""
        env = {
            "LIANFANG_KAFKA_BOOTSTRAP": self.bootstrap,
            "LIANFANG_KAFKA_SECURITY_PROTOCOL": self.security_protocol,
            "LIANFANG_KAFKA_SASL_MECHANISM": self.sasl_mechanism,
        }
        if self.username is not None:
            env["LIANFANG_KAFKA_USERNAME"] = self.username
        if self.password_file is not None:
            env["LIANFANG_KAFKA_PASSWORD_FILE"] = str(self.password_file)
        if self.ssl_cafile is not None:
            env["LIANFANG_KAFKA_SSL_CAFILE"] = str(self.ssl_cafile)
        return env


def faust_app_id(prefix: str, node_id: str, service: str) -> str:
    """The faust app id of a service's workers on a node: also their consumer group."""
    return f"{prefix}-{node_id}-{service}"


def faust_leader_topic(app_id: str) -> str:
    """faust's leader-election topic of an app (declared by the worker: faust's declaring is
    off)."""
    return f"{app_id}-__assignor-__leader"


async def ensure_topics(
    access: KafkaAccess,
    topics: dict[str, int],
    replication: int = 1,
    configs: dict[str, str] | None = None,
) -> None:
    """Create the named topics (name -> partitions) unless they exist, with `configs`.

    Under ACLs a service may create none (the admin principal provisions them, docs/security.md
    "Kafka"): a refusal is logged and left to the provisioning; any other failure raises.
    """
    admin = AIOKafkaAdminClient(**access.aiokafka())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name, num_partitions=n, replication_factor=replication, topic_configs=configs or {}
            )
            for name, n in topics.items()
            if name not in existing
        ]
        if missing:
            response = await admin.create_topics(missing)
            for entry in response.topic_errors:
                name, code = entry[0], entry[1]
                if code in (0, TopicAlreadyExistsError.errno):
                    continue
                if code == TopicAuthorizationFailedError.errno:
                    log.info("topic %s is not ours to create: the admin provisions it", name)
                    continue
                raise for_code(code)(f"creating topic {name!r}")
    finally:
        await admin.close()


def idempotent_producer(access: KafkaAccess, client_id: str) -> AIOKafkaProducer:
    """A producer that never duplicates or reorders on its own retries (acks=all)."""
    return AIOKafkaProducer(
        **access.aiokafka(),
        client_id=client_id,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
    )


async def send_record(
    producer: AIOKafkaProducer, topic: str, record: KafkaRecord
) -> Awaitable[object]:
    """Enqueue one record; return the acknowledgement to await."""
    future: Awaitable[object] = await producer.send(
        topic, value=record.value, key=record.key, headers=list(record.headers)
    )
    return future


async def _first_open_port(bootstrap: str, timeout: float) -> list[str]:
    """Try each server's port in turn: [] once one opens, else why each did not."""
    failures: list[str] = []
    for server in bootstrap.split(","):
        address = server.strip()
        host, _, port = address.rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout)
        except ValueError:
            failures.append(f"{address}: not a host:port address")
            continue
        except TimeoutError:
            failures.append(f"{address}: no connection within {timeout:g} s")
            continue
        except OSError as exc:
            failures.append(f"{address}: {exc.strerror or exc}")
            continue
        writer.close()
        return []
    return failures


async def kafka_problem(access: KafkaAccess, timeout: float = 3.0) -> str | None:
    """Why no broker answers a metadata request within `timeout` seconds; None if one does.

    The reason names each address tried and what went wrong (refused, timed out, no metadata),
    so /readyz says where to look.
    """
    # A closed port is answered without the client, which would log every refused connect.
    bootstrap = access.bootstrap
    if failures := await _first_open_port(bootstrap, timeout):
        return "no broker answered: " + "; ".join(failures)
    try:
        client = access.aiokafka()
    except KafkaAccessError as exc:
        return str(exc)
    admin = AIOKafkaAdminClient(**client, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        await asyncio.wait_for(admin.list_topics(), timeout)
        return None
    except TimeoutError:
        return f"no metadata from {bootstrap} within {timeout:g} s"
    except Exception as exc:
        return f"no metadata from {bootstrap}: {type(exc).__name__}: {exc}"
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


async def kafka_answers(access: KafkaAccess, timeout: float = 3.0) -> bool:
    """Whether a broker answers a metadata request within `timeout` seconds."""
    return await kafka_problem(access, timeout) is None


class KafkaUnavailable(RuntimeError):
    """No broker answered a starting worker within the time it is allowed to wait."""


async def wait_for_kafka(
    access: KafkaAccess, within: float, *, first_pause: float = 0.5, longest_pause: float = 5.0
) -> None:
    """Return once a broker answers a metadata request; raise KafkaUnavailable after `within`
    seconds. A worker that starts while its brokers restart (a rolling upgrade, a node reboot,
    its own restart after a crash) waits for them, logging why, instead of exiting and being
    restarted in a loop; its /readyz says what it waits for meanwhile."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    pause = first_pause
    while (problem := await kafka_problem(access)) is not None:
        if loop.time() + pause > deadline:
            raise KafkaUnavailable(f"Kafka did not answer within {within:g} s: {problem}")
        log.warning("waiting for Kafka (%s); trying again in %.1f s", problem, pause)
        await asyncio.sleep(pause)
        pause = min(pause * 2, longest_pause)
