"""The broker itself refuses what a principal's ACLs do not allow (issue #17 item 1, review C2).

Against the suite's real broker, secured by the local launcher (SASL/SCRAM-SHA-512 and the
KRaft StandardAuthorizer): a service's credentials cannot write another service's topic, read
what it does not consume, join another service's consumer group, or delete anything; a wrong
password does not log in at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import uuid4

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import (
    GroupAuthorizationFailedError,
    KafkaError,
    TopicAuthorizationFailedError,
)

from lianfang.dead_letters import ReplayRefused, replay_dead_letter
from lianfang.kafka_acl import principal_of
from shared.kafka import KafkaAccess, faust_app_id, kafka_problem
from shared.topics import Topics
from tests.support.kafka import read_from_start

if TYPE_CHECKING:
    from pathlib import Path

    from lianfang.kafka_acl import Provisioner

pytestmark = pytest.mark.kafka


@pytest.fixture
def district(kafka_provisioner: Provisioner) -> tuple[Provisioner, Topics]:
    assert kafka_provisioner.admin.sasl, (
        "the suite's broker has no SASL/ACLs (KAFKA_BOOTSTRAP_SERVERS or testcontainers): "
        "unset it so that the local launcher's secured broker runs"
    )
    prefix = f"acl{uuid4().hex[:8]}"
    kafka_provisioner.provision(prefix, ["district"])
    return kafka_provisioner, Topics(prefix)


def as_service(provisioner: Provisioner, service: str) -> KafkaAccess:
    return provisioner.access_of(principal_of("district", service))


async def produce(access: KafkaAccess, topic: str) -> None:
    producer = AIOKafkaProducer(**access.aiokafka(), enable_idempotence=True, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"{}", key=b"k")
    finally:
        await producer.stop()


async def test_a_service_writes_its_own_topic_but_not_anothers(
    district: tuple[Provisioner, Topics],
) -> None:
    provisioner, topics = district
    await produce(as_service(provisioner, "intake"), topics.events("intake"))
    # The register's credentials, aimed at intake's topic: the broker refuses them.
    with pytest.raises(TopicAuthorizationFailedError):
        await produce(as_service(provisioner, "register"), topics.events("intake"))
    with pytest.raises(TopicAuthorizationFailedError):
        await produce(as_service(provisioner, "register"), topics.dead_letter("intake"))


async def test_a_consumer_without_read_is_refused(district: tuple[Provisioner, Topics]) -> None:
    provisioner, topics = district
    warning = as_service(provisioner, "warning")
    # Nobody but the operator reads intake's dead letters.
    await refused(
        AIOKafkaConsumer(topics.dead_letter("intake"), **warning.aiokafka(), group_id=None),
        TopicAuthorizationFailedError,
    )
    # Nor may it join intake's consumer group (and move intake's positions).
    intake_group = faust_app_id(topics.prefix, "district", "intake")
    await refused(
        AIOKafkaConsumer(topics.events("register"), **warning.aiokafka(), group_id=intake_group),
        GroupAuthorizationFailedError,
    )


async def test_a_service_reads_only_the_topics_it_consumes(
    district: tuple[Provisioner, Topics],
) -> None:
    """The warning service consumes the register's and the console's events, not intake's: the
    petitions' summaries on intake's topic are refused to it (the timeline no longer needs every
    topic: it is served from assessment's index, review H3)."""
    provisioner, topics = district
    await produce(as_service(provisioner, "intake"), topics.events("intake"))
    warning = as_service(provisioner, "warning")
    await refused(
        AIOKafkaConsumer(topics.events("intake"), **warning.aiokafka(), group_id=None),
        TopicAuthorizationFailedError,
    )
    # What it does consume, it reads (the refusal is the ACL, not the connection).
    await produce(as_service(provisioner, "register"), topics.events("register"))
    shown = AIOKafkaConsumer(
        topics.events("register"), **warning.aiokafka(), group_id=None,
        auto_offset_reset="earliest",
    )  # fmt: skip
    await shown.start()
    try:
        batch = await shown.getmany(timeout_ms=10_000)
        assert sum(len(records) for records in batch.values()) >= 1
    finally:
        await shown.stop()
    # Assessment keeps the timeline index: it reads every producer's topic, its own included.
    assessment = as_service(provisioner, "assessment")
    for service in ("intake", "register", "warning", "assessment"):
        reader = AIOKafkaConsumer(
            topics.events(service), **assessment.aiokafka(), group_id=None,
            auto_offset_reset="earliest",
        )  # fmt: skip
        await reader.start()
        try:
            await reader.getmany(timeout_ms=1000)  # no TopicAuthorizationFailed
        finally:
            await reader.stop()


async def refused(consumer: AIOKafkaConsumer, error: type[Exception]) -> None:
    """The consumer is refused with `error`, on joining or at its first fetch."""

    async def start_and_fetch() -> None:
        await consumer.start()
        await consumer.getmany(timeout_ms=5000)

    try:
        with pytest.raises(error):
            await start_and_fetch()
    finally:
        await consumer.stop()


async def test_no_service_may_delete_a_topic(district: tuple[Provisioner, Topics]) -> None:
    provisioner, topics = district
    admin = AIOKafkaAdminClient(**as_service(provisioner, "intake").aiokafka())
    await admin.start()
    try:
        response = await admin.delete_topics([topics.events("intake")])
        codes = {name: code for name, code, *_ in response.topic_error_codes}
        assert codes[topics.events("intake")] == TopicAuthorizationFailedError.errno
    finally:
        await admin.close()
    # It is still there, with what intake wrote.
    described = await kafka_problem(provisioner.admin)
    assert described is None


async def test_a_wrong_password_does_not_log_in(
    district: tuple[Provisioner, Topics], tmp_path: Path
) -> None:
    provisioner, topics = district
    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password\n")
    intruder = as_service(provisioner, "intake").as_user("district-intake", wrong)
    problem = await kafka_problem(intruder, timeout=5)
    assert problem is not None
    with pytest.raises(KafkaError):
        await produce(intruder, topics.events("intake"))
    # An unknown principal neither.
    assert await kafka_problem(intruder.as_user("district-nobody", wrong), timeout=5) is not None


async def test_only_the_operator_puts_a_dead_letter_back_and_the_copy_says_who(
    district: tuple[Provisioner, Topics],
) -> None:
    provisioner, topics = district
    letter = topics.dead_letter("register")
    origin = topics.events("intake")
    # The register's worker gave up on a record of intake's topic (shared/inbox.py headers).
    producer = AIOKafkaProducer(**as_service(provisioner, "register").aiokafka())
    await producer.start()
    try:
        headers = [("ce_type", b"x"), ("dlq_topic", origin.encode()), ("dlq_offset", b"7")]
        sent = await producer.send_and_wait(letter, b'{"a": 1}', key=b"case", headers=headers)
    finally:
        await producer.stop()
    # A service's credentials cannot replay it: they may not read dead letters.
    with pytest.raises(ReplayRefused, match="only the node's operator"):
        await replay_dead_letter(
            as_service(provisioner, "intake"), topics, "register", 0, sent.offset
        )
    done = await replay_dead_letter(
        as_service(provisioner, "operator"), topics, "register", 0, sent.offset
    )
    assert (done.topic, done.by) == (origin, "district-operator")
    (copy,) = await read_from_start(provisioner.admin, origin, expect=1)
    assert (copy.key, copy.value) == (b"case", b'{"a": 1}')
    kept = dict(copy.headers)
    assert kept["ce_type"] == b"x"
    assert kept["replayed_by"] == b"district-operator"
    assert kept["replayed_from"] == f"{letter}-0@{sent.offset}".encode()
    assert not any(k.startswith("dlq_") for k in kept)
