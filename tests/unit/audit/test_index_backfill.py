"""The case-timeline index backfilled on a node upgraded with history (issue #17, review H3).

The worker took a judgement in after the index existed; the report before it did, so only the
topics hold it. The backfill files the report at its topic's position, skips what the worker
would not have believed (a record it cannot read, one whose provenance it doubts), leaves what
is filed already, and a second run files nothing. The timeline then is the one the topics tell.
The same against a real broker, through `lianfang audit backfill-index`'s function:
tests/e2e/test_demo_chain.py.
"""

from __future__ import annotations

from uuid import uuid4

from shared.audit.case_index import gather
from shared.audit.case_timeline import case_timeline
from shared.audit.index_backfill import Backfilled, backfill
from shared.envelope import to_record
from shared.events import JudgementMade, RiskReported
from shared.inbox import Delivery
from shared.orgtree import OrgDirectory
from shared.provenance import Provenance
from shared.runtime import DEFAULT_ORG_SEED
from shared.topics import Topics
from tests.support.events import risk_reported
from tests.unit.audit.indexing import IndexingApplication
from tests.unit.warning.upstream import judgement

TOPICS = Topics("lianfang")
INTAKE_TOPIC, REGISTER_TOPIC = TOPICS.events("intake"), TOPICS.events("register")


def delivery(topic: str, offset: int, event: RiskReported | JudgementMade) -> Delivery:
    record = to_record(event)
    return Delivery(topic, 0, offset, record.key, record.value, tuple(record.headers))


async def batches(*found: list[Delivery]):  # type: ignore[no-untyped-def]
    for batch in found:
        yield batch


async def test_an_upgraded_node_s_index_is_filled_from_the_topics_once() -> None:
    case = uuid4()
    reported = risk_reported("QX-TH-CZS", information_id=case)
    made = judgement()
    made = made.model_copy(update={"data": made.data.model_copy(update={"information_id": case})})
    # Said by a town's intake about a district bureau: the worker would dead-letter it.
    forged_id = str(uuid4())
    forged = risk_reported("QX-ZRZY", information_id=case).model_copy(
        update={"source": "/lianfang/town-taihe/intake", "id": forged_id}
    )
    forged = forged.model_copy(
        update={"data": forged.data.model_copy(update={"node_id": "town-taihe"})}
    )
    app = IndexingApplication.in_memory()
    try:
        app.take(made, REGISTER_TOPIC)  # after the upgrade: the worker filed it live
        assert [e.type for e in gather(app, case)] == [made.type]  # the report is missing
        topics = [
            [delivery(INTAKE_TOPIC, 0, reported), delivery(INTAKE_TOPIC, 1, forged)],
            [
                Delivery(INTAKE_TOPIC, 0, 2, b"k", b"not an event", ()),
                delivery(INTAKE_TOPIC, 3, reported),  # a relay's re-send
                delivery(REGISTER_TOPIC, 0, made),
            ],
        ]
        provenance = Provenance(TOPICS, OrgDirectory.from_json(DEFAULT_ORG_SEED))

        done = await backfill(app, batches(*topics), provenance)

        assert done == Backfilled(read=5, filed=1, already=2, untrusted=1, unreadable=1)
        indexed = gather(app, case)
        assert [e.id for e in indexed] == [reported.id, made.id]  # in the topics' order
        assert forged_id not in {e.id for e in indexed}
        assert case_timeline(case, indexed) == case_timeline(case, [reported, made])

        again = await backfill(app, batches(*topics), provenance)
        assert (again.filed, again.already) == (0, 3)
        assert [e.id for e in gather(app, case)] == [reported.id, made.id]
    finally:
        app.close()
