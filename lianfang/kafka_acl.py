"""Kafka principals and their ACLs: who may write and read which topic (issue #17 item 1, C2).

One principal per service and node, `<node>-<service>` (e.g. `district-intake`, Art. 6-7: a node
answers for its own subtree, so a node's credentials must not speak for another's services):

- WRITE only its own `<prefix>.<service>.events`, its own dead-letter topic and the audit
  topic (its chain checkpoints); IDEMPOTENT_WRITE on the cluster (its producer is idempotent);
- READ only the events topics it consumes (`ServiceSpec.consumes`): the case timeline is served
  from the index assessment's worker keeps (shared/audit/case_index.py), never read off the
  topics per request (review H3);
- its own faust consumer group and faust's leader-election topic;
- no ALTER or DELETE anywhere, and CREATE only of faust's leader topic: the admin principal
  provisions every shared topic.

The operator principal `<node>-operator` is the one that re-produces a dead letter to the topic
it came from (docs/runbook.md "Dead letters"): READ on the dead-letter and events topics, WRITE
on the events topics. The broker logs every denial by principal (kafka.authorizer.logger).

The ACLs are built here as plain data (`Grant`, unit-tested) and applied with confluent-kafka's
AdminClient: aiokafka's admin has neither the ACL nor the SCRAM-credential API, and librdkafka's
does both in one round trip each, where the Java AclCommand starts a JVM per call (~2 s).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import (
    AclBinding,
    AclBindingFilter,
    AclOperation,
    AclPermissionType,
    AdminClient,
    NewTopic,
    ResourcePatternType,
    ResourceType,
    ScramCredentialInfo,
    ScramMechanism,
    UserScramCredentialAlteration,
    UserScramCredentialUpsertion,
)

from services import registry
from shared.kafka import KEEP_FOREVER, OPERATOR, KafkaAccess, faust_app_id, faust_leader_topic
from shared.topics import SERVICES, Topics
from shared.worker import EVENT_PARTITIONS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from concurrent.futures import Future
    from pathlib import Path

Operation: TypeAlias = Literal["READ", "WRITE", "CREATE", "DESCRIBE", "IDEMPOTENT_WRITE"]
Resource: TypeAlias = Literal["TOPIC", "GROUP", "CLUSTER"]

SCRAM_ITERATIONS = 4096
PROVISION_TIMEOUT = 30.0


class ProvisioningError(RuntimeError):
    """The broker refused a topic, a principal or an ACL the launcher asked for."""


@dataclass(frozen=True, order=True)
class Grant:
    """One ALLOW ACL: `principal` may do `operation` on the named resource (literal name)."""

    principal: str
    resource: Resource
    name: str
    operation: Operation

    def binding(self) -> AclBinding:
        return AclBinding(
            # librdkafka calls Kafka's CLUSTER resource type (4) BROKER.
            ResourceType.BROKER if self.resource == "CLUSTER" else ResourceType[self.resource],
            self.name,
            ResourcePatternType.LITERAL,
            f"User:{self.principal}",
            "*",
            AclOperation[self.operation],
            AclPermissionType.ALLOW,
        )


def principal_of(node_id: str, service: str) -> str:
    """A service's principal on a node, e.g. `district-intake`."""
    return f"{node_id}-{service}"


def service_grants(
    topics: Topics, node_id: str, service: str, consumes: Iterable[str]
) -> list[Grant]:
    """What `service` on `node_id` may do, and nothing more (see the module's docstring)."""
    who = principal_of(node_id, service)
    app_id = faust_app_id(topics.prefix, node_id, service)
    writes = [topics.events(service), topics.dead_letter(service), topics.audit()]
    # The inbox reads what it consumes, and nothing else reads an events topic (review H3). The
    # audit topic holds only chain checkpoints (hashes, no case): the auditors' chain status
    # (`GET /audit/chain`) compares the service's own store against the heads it published.
    reads = {topics.events(s) for s in consumes} | {topics.audit()}
    grants = [Grant(who, "TOPIC", t, "WRITE") for t in writes]
    grants += [Grant(who, "TOPIC", t, "READ") for t in sorted(reads)]
    grants += [
        Grant(who, "TOPIC", faust_leader_topic(app_id), "READ"),
        # faust's own leader topic, which nobody else uses: the worker declares it when missing
        # (where the admin has not, as on Strimzi, whose KafkaTopics are the shared topics).
        Grant(who, "TOPIC", faust_leader_topic(app_id), "CREATE"),
        Grant(who, "GROUP", app_id, "READ"),
        Grant(who, "CLUSTER", "kafka-cluster", "IDEMPOTENT_WRITE"),
    ]
    return sorted(grants)


def operator_grants(topics: Topics, node_id: str) -> list[Grant]:
    """The operator of `node_id`: reads dead letters and re-produces them where they came from."""
    who = principal_of(node_id, OPERATOR)
    grants = [Grant(who, "TOPIC", topics.dead_letter(s), "READ") for s in SERVICES]
    grants += [Grant(who, "TOPIC", topics.events(s), "READ") for s in SERVICES]
    grants += [Grant(who, "TOPIC", topics.events(s), "WRITE") for s in SERVICES]
    grants += [
        Grant(who, "TOPIC", topics.audit(), "READ"),  # `lianfang audit verify --from-kafka`
        Grant(who, "CLUSTER", "kafka-cluster", "IDEMPOTENT_WRITE"),
    ]
    return sorted(grants)


def node_grants(topics: Topics, node_id: str, services: Sequence[str] | None = None) -> list[Grant]:
    """Every principal of one node: one per service (its spec says what it reads), the operator."""
    grants: list[Grant] = []
    for service in services if services is not None else registry.NAMES:
        spec, _ = registry.load(service)
        grants += service_grants(topics, node_id, service, spec.consumes)
    return grants + operator_grants(topics, node_id)


def node_topics(topics: Topics, node_ids: Iterable[str]) -> dict[str, tuple[int, dict[str, str]]]:
    """Every topic the services of these nodes use: name -> (partitions, configs)."""
    found: dict[str, tuple[int, dict[str, str]]] = {
        topics.events(s): (EVENT_PARTITIONS, KEEP_FOREVER) for s in SERVICES
    }
    found |= {topics.dead_letter(s): (1, {}) for s in SERVICES}
    found[topics.audit()] = (1, KEEP_FOREVER)
    for node_id in node_ids:
        for service in registry.NAMES:
            app_id = faust_app_id(topics.prefix, node_id, service)
            found[faust_leader_topic(app_id)] = (1, {})
    return found


@dataclass(frozen=True)
class Provisioner:
    """Creates topics, principals (SCRAM-SHA-512) and ACLs as the admin principal.

    Each principal's password is generated once per broker launch into `secrets_dir` (0600);
    on a broker without SASL (`admin.sasl` false) nothing is secured and every access is the
    admin's plain one.
    """

    admin: KafkaAccess
    secrets_dir: Path
    replication: int = 1

    def provision(self, prefix: str, node_ids: Sequence[str]) -> dict[str, KafkaAccess]:
        """Topics, principals and ACLs of these nodes under `prefix`; principal -> its access."""
        topics = Topics(prefix)
        client = AdminClient(_confluent(self.admin))
        self._create_topics(client, node_topics(topics, node_ids))
        if not self.admin.sasl:
            return {}
        grants = [g for node_id in node_ids for g in node_grants(topics, node_id)]
        bindings = [g.binding() for g in grants]
        _wait_all(client.create_acls(bindings, request_timeout=PROVISION_TIMEOUT))
        principals = sorted({g.principal for g in grants})
        fresh = {p: self._password(p) for p in principals}
        upserts: list[UserScramCredentialAlteration] = [
            UserScramCredentialUpsertion(
                p, ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), pw.encode()
            )
            for p, pw in fresh.items()
            if pw
        ]
        if upserts:
            _wait_all(
                client.alter_user_scram_credentials(upserts, request_timeout=PROVISION_TIMEOUT)
            )
        accesses = {p: self.access_of(p) for p in principals}
        # The controller has committed them; the broker applies them from its metadata log a
        # moment later. Wait until it authorises by them (and, for new principals, logs them in).
        _await_acls(client, bindings)
        if upserts:
            _await_login(accesses[upserts[-1].user])
        return accesses

    def access_of(self, principal: str) -> KafkaAccess:
        """The access of a provisioned principal (the admin's plain one on an open broker)."""
        if not self.admin.sasl:
            return self.admin
        return self.admin.as_user(principal, self._password_file(principal))

    def _password_file(self, principal: str) -> Path:
        return self.secrets_dir / "principals" / f"{principal}.password"

    def _password(self, principal: str) -> str:
        """A new password for a principal not yet made in this launch ("" if it exists)."""
        path = self._password_file(principal)
        if path.exists():
            return ""
        password = secrets.token_urlsafe(24)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.touch(mode=0o600)
        path.write_text(password + "\n", encoding="utf-8")
        return password

    def _create_topics(
        self, client: AdminClient, wanted: dict[str, tuple[int, dict[str, str]]]
    ) -> None:
        existing = set(client.list_topics(timeout=PROVISION_TIMEOUT).topics)
        new = [
            NewTopic(name, num_partitions=n, replication_factor=self.replication, config=configs)
            for name, (n, configs) in wanted.items()
            if name not in existing
        ]
        if not new:
            return
        futures = client.create_topics(new, request_timeout=PROVISION_TIMEOUT)
        for name, future in futures.items():
            try:
                future.result()
            except KafkaException as exc:
                if exc.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                    raise ProvisioningError(f"creating topic {name}: {exc}") from exc


def _confluent(access: KafkaAccess) -> dict[str, str | int | float | bool]:
    """librdkafka's configuration for the same access."""
    config: dict[str, str | int | float | bool] = {
        "bootstrap.servers": access.bootstrap,
        "security.protocol": access.security_protocol,
    }
    if access.sasl:
        assert access.username is not None
        config |= {
            "sasl.mechanism": access.sasl_mechanism,
            "sasl.username": access.username,
            "sasl.password": access.password(),
        }
        if access.ssl_cafile is not None:
            config["ssl.ca.location"] = str(access.ssl_cafile)
    return config


def _wait_all(futures: Mapping[Any, Future[Any]]) -> None:
    for what, future in futures.items():
        try:
            future.result()
        except KafkaException as exc:
            raise ProvisioningError(f"{what}: {exc}") from exc


def _await_acls(client: AdminClient, bindings: list[AclBinding]) -> None:
    wanted = set(bindings)
    # None matches any name, principal and host (librdkafka); the stubs only say `str`.
    anything = AclBindingFilter(
        ResourceType.ANY,
        None,  # type: ignore[arg-type]
        ResourcePatternType.ANY,
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        AclOperation.ANY,
        AclPermissionType.ANY,
    )
    deadline = time.monotonic() + PROVISION_TIMEOUT
    while True:
        found = client.describe_acls(anything, request_timeout=PROVISION_TIMEOUT).result()
        if wanted <= set(found):
            return
        if time.monotonic() > deadline:
            raise ProvisioningError(
                f"{len(wanted - set(found))} ACLs not in force after provisioning"
            )
        time.sleep(0.1)


def _await_login(access: KafkaAccess, timeout: float = PROVISION_TIMEOUT) -> None:
    from lianfang.kafka_local import _cluster_id, _run_sync

    deadline = time.monotonic() + timeout
    while _run_sync(lambda: _cluster_id(access, 5.0)) is None:
        if time.monotonic() > deadline:
            raise ProvisioningError(
                f"{access.username} cannot log in {timeout:g} s after provisioning"
            )
        time.sleep(0.1)


_STRIMZI_OPERATION = {
    "READ": "Read",
    "WRITE": "Write",
    "CREATE": "Create",
    "DESCRIBE": "Describe",
    "IDEMPOTENT_WRITE": "IdempotentWrite",
}


def strimzi_users(topics: Topics, node_ids: Sequence[str], cluster: str) -> list[dict[str, Any]]:
    """The same principals and ACLs as Strimzi `KafkaUser`s (SCRAM-SHA-512, simple authorization):
    deploy/k8s/kafka/users.yaml is these, and tests/deploy checks that it still is."""
    users: list[dict[str, Any]] = []
    for node_id in node_ids:
        by_principal: dict[str, list[Grant]] = {}
        for grant in node_grants(topics, node_id):
            by_principal.setdefault(grant.principal, []).append(grant)
        for principal, grants in sorted(by_principal.items()):
            rules: dict[tuple[str, str], list[str]] = {}
            for g in grants:
                rules.setdefault((g.resource.lower(), g.name), []).append(
                    _STRIMZI_OPERATION[g.operation]
                )
            acls = [
                {"resource": _strimzi_resource(kind, name), "operations": sorted(operations)}
                for (kind, name), operations in sorted(rules.items())
            ]
            users.append(
                {
                    "apiVersion": "kafka.strimzi.io/v1",
                    "kind": "KafkaUser",
                    "metadata": {"name": principal, "labels": {"strimzi.io/cluster": cluster}},
                    "spec": {
                        "authentication": {"type": "scram-sha-512"},
                        "authorization": {"type": "simple", "acls": acls},
                    },
                }
            )
    return users


def _strimzi_resource(kind: str, name: str) -> dict[str, str]:
    if kind == "cluster":
        return {"type": "cluster"}
    return {"type": kind, "name": name, "patternType": "literal"}


STRIMZI_NODES = ("district", "town-taihe")
"""The nodes deploy/k8s describes (overlays/district, overlays/town-taihe)."""

STRIMZI_HEADER = """\
# Generated by `python -m lianfang.kafka_acl > deploy/k8s/kafka/users.yaml` from the ACLs of
# lianfang/kafka_acl.py (tests/deploy/test_kubernetes.py checks it is current): a KafkaUser per
# service and node, and each node's operator, authenticated by SCRAM-SHA-512. The User Operator
# writes each one's password into a Secret of the same name in this namespace; docs/security.md
# ("Kafka") says how a node's pods get theirs.
"""


def main() -> None:
    """Print deploy/k8s/kafka/users.yaml (needs PyYAML, a development dependency)."""
    import yaml

    users = strimzi_users(Topics("lianfang"), STRIMZI_NODES, "lianfang")
    print(STRIMZI_HEADER + yaml.safe_dump_all(users, sort_keys=False, width=100), end="")


if __name__ == "__main__":
    main()
