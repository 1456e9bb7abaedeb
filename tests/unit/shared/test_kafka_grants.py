"""What each Kafka principal may do (issue #17 item 1, review C2): the ACLs as data."""

from __future__ import annotations

from lianfang.kafka_acl import node_grants, operator_grants, principal_of, service_grants
from shared.topics import SERVICES, Topics

T = Topics("lf")


def test_a_service_writes_only_its_own_topics_and_the_audit_trail() -> None:
    grants = service_grants(T, "district", "intake", ["intake", "register", "console"])
    writes = {g.name for g in grants if g.operation == "WRITE"}
    assert writes == {"lf.intake.events", "lf.intake.deadletter", "lf.audit.checkpoints"}
    assert {g.principal for g in grants} == {"district-intake"}


def test_a_service_reads_events_and_its_own_group_but_no_dead_letters() -> None:
    grants = service_grants(T, "town-taihe", "warning", ["register", "console"])
    reads = {(g.resource, g.name) for g in grants if g.operation == "READ"}
    assert ("GROUP", "lf-town-taihe-warning") in reads
    assert ("TOPIC", "lf-town-taihe-warning-__assignor-__leader") in reads
    assert ("TOPIC", "lf.register.events") in reads
    assert not any(name.endswith(".deadletter") for _, name in reads)
    assert ("GROUP", "lf-district-warning") not in reads  # another node's group
    # Only what it consumes: no other service's events (the timeline reads an index, H3).
    topics = {name for kind, name in reads if kind == "TOPIC" and name.endswith(".events")}
    assert topics == {"lf.register.events", "lf.console.events"}


def test_no_principal_may_alter_or_delete_anything_nor_create_a_shared_topic() -> None:
    grants = node_grants(T, "district")
    assert {g.operation for g in grants} <= {
        "READ",
        "WRITE",
        "CREATE",
        "DESCRIBE",
        "IDEMPOTENT_WRITE",
    }
    created = {g.name for g in grants if g.operation == "CREATE"}
    assert all(name.endswith("-__assignor-__leader") for name in created)
    assert {g.principal for g in grants} >= {"district-intake", "district-operator"}


def test_only_the_operator_writes_other_services_topics() -> None:
    grants = node_grants(T, "district")
    writers = {
        g.principal for g in grants if g.operation == "WRITE" and g.name == "lf.register.events"
    }
    assert writers == {"district-register", "district-operator"}
    operator = operator_grants(T, "district")
    assert {g.name for g in operator if g.operation == "READ"} >= {
        T.dead_letter(s) for s in SERVICES
    }


def test_a_principal_is_named_by_node_and_service() -> None:
    assert principal_of("town-taihe", "intake") == "town-taihe-intake"
