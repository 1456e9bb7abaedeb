"""The local broker's cluster ids: Kafka's format, and never one its storage tool misreads."""

from __future__ import annotations

import base64
import uuid

from lianfang.kafka_local import new_cluster_id


def test_cluster_ids_are_uuids_in_kafkas_base64_and_never_start_with_a_dash() -> None:
    # One random id in 64 starts with "-", which `kafka-storage format -t` takes for an option;
    # 2 000 draws meet such an id with a probability of 1 - (63/64)^2000, i.e. certainly.
    ids = [new_cluster_id() for _ in range(2000)]
    assert not [i for i in ids if i.startswith("-")]
    assert len(set(ids)) == len(ids)
    for found in ids[:50]:
        assert len(found) == 22
        uuid.UUID(bytes=base64.urlsafe_b64decode(found + "=="))
