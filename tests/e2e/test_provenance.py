"""A record that does not come from where it says, or from a node that may speak for its unit,
is a dead letter and changes no store (issue #17 item 2; security review C2; Art. 7).

Real processes: the district's warning worker reads the register's topic from a real broker.
The forged record is the review's exploit: 太和镇's node "moving" a district bureau to itself,
which would let the town's custodian read that bureau's petitions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.support.processes import wait_until
from tests.unit.shared.test_provenance import moved_to

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

KNOWN_UNITS = (":KnownUnit.Learned", ":KnownUnit.Updated")


async def test_a_forged_org_change_is_a_dead_letter_and_the_true_one_is_taken(node: Node) -> None:
    forged = moved_to("QX-ZRZY", "town-taihe", said_by="town-taihe")
    true = moved_to("QX-ZJ", "district", said_by="district")
    await node.produce_events("register", [forged, true])
    node.worker("warning")
    topic = node.topics.events("register")
    wait_until(lambda: node.tracked("warning", topic) == 2, what="both records settled")

    [letter] = await node.read_all(node.topics.dead_letter("warning"), expect=1)
    reason = dict(letter.headers)["dlq_reason"].decode()
    assert reason.startswith("untrusted provenance: node town-taihe may not speak for unit QX-ZRZY")
    # Only the true change reached the warning service's copy of the tree.
    assert sum(node.stored("warning", suffix) for suffix in KNOWN_UNITS) == 1
