"""The Kafka probe behind /readyz says why no broker answered, not just that none did."""

from __future__ import annotations

import socket

import pytest

from shared.kafka import KafkaAccess, KafkaUnavailable, kafka_answers, kafka_problem, wait_for_kafka
from tests.support.processes import free_port


async def test_a_closed_port_is_named_with_the_error() -> None:
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    problem = await kafka_problem(KafkaAccess(address), timeout=2.0)
    assert problem is not None
    assert problem.startswith("no broker answered: ")
    assert address in problem
    assert "failed" in problem.lower() or "refused" in problem.lower()
    assert await kafka_answers(KafkaAccess(address), timeout=2.0) is False


async def test_every_address_tried_is_named() -> None:
    first, second = f"127.0.0.1:{free_port()}", "nonsense"
    problem = await kafka_problem(KafkaAccess(f"{first},{second}"), timeout=2.0)
    assert problem is not None
    assert first in problem
    assert "nonsense: not a host:port address" in problem


async def test_a_port_that_is_open_but_no_broker_is_named_too() -> None:
    # A listener that accepts and never answers: the port opens, the metadata never comes.
    with socket.create_server(("127.0.0.1", 0)) as server:
        address = f"127.0.0.1:{server.getsockname()[1]}"
        problem = await kafka_problem(KafkaAccess(address), timeout=0.5)
    assert problem is not None
    assert problem.startswith(f"no metadata from {address}")


async def test_a_worker_waiting_for_kafka_gives_up_in_time_and_says_why() -> None:
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(KafkaUnavailable) as refused:
        await wait_for_kafka(KafkaAccess(address), within=1.5, first_pause=0.2)
    assert "within 1.5 s" in str(refused.value)
    assert address in str(refused.value)
