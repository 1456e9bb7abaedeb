"""Whether a record on Kafka may be believed: it comes from where it says, and that place may speak
for the unit it is about (architecture: Trust boundaries; Art. 7; security review C2).

A consumer that believed any record would let one forged `OrgUnitChanged` move a unit to another
node, and with it the right to read its cases. Beside the broker's own authentication, every
worker checks each record it takes:

1. the topic is its producer's: an event type is published only on the topic of the service that
   produces it (`<prefix>.<service>.events`);
2. the source is that service on the node the event's data names (`/lianfang/<node>/<service>`);
3. that node may speak for the event's unit: it serves the unit — manages it or a superior
   (按照干部管理权限, Art. 7: the district's node acts on the towns it manages), or heads the
   subtree it lies in (a town's node speaks of the town itself when it transfers 移送 information
   about it up, Art. 24) — never a unit of the district or of another town. Who manages a unit
   changes only by its manager's word (a town's node cannot take over its own town government);
   a new unit is registered by a node serving its parent. Any other event about a unit the tree
   does not know is left to the domain, which refuses unknown units.

A record that fails is a dead letter with the reason, and changes no store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.events import OrgUnitChanged, OrgUnitRegistered
from shared.topics import PRODUCER_OF

if TYPE_CHECKING:
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory
    from shared.topics import Topics


class Provenance:
    """Checks records of one node's consumers against the topics and the org tree."""

    def __init__(self, topics: Topics, org: OrgDirectory) -> None:
        self._topics = topics
        self._org = org

    def doubt(self, event: CloudEvent, topic: str) -> str | None:
        """Why `event`, read from `topic`, may not be believed; None when it may."""
        producer = PRODUCER_OF[event.type]
        expected_topic = self._topics.of_event(event.type)
        if topic != expected_topic:
            return f"{event.type} is published by {producer} on {expected_topic}, not on {topic}"
        node = event.data.node_id
        expected_source = f"/lianfang/{node}/{producer}"
        if event.source != expected_source:
            return (
                f"ce_source {event.source!r} is not {expected_source!r}, the {producer} of the "
                f"node {node} that the event's data names"
            )
        unit = event.data.unit_code
        if isinstance(event, OrgUnitRegistered) and event.data.parent_code is not None:
            # A new unit is registered by a node that serves its parent: the parent's manager,
            # or the node whose subtree the parent heads (a town's node adds its villages).
            parent = event.data.parent_code
            if parent in self._org and not self._serves(node, parent):
                return f"node {node} may not register a unit under {parent} (Art. 5, 7)"
            return None
        if unit not in self._org:
            return None  # the domain refuses what it does not know, with its own reason
        if isinstance(event, OrgUnitChanged):
            # Who manages a unit is changed only by its manager (or a superior's): a town's
            # node cannot take over its own town government, which the district manages.
            allowed = node in {u.managing_node_id for u in self._org.ancestors(unit)}
        else:
            allowed = self._serves(node, unit)
        if not allowed:
            return (
                f"node {node} may not speak for unit {unit}: it is managed by "
                f"{self._org.get(unit).managing_node_id} (Art. 7 按照干部管理权限)"
            )
        return None

    def _serves(self, node: str, unit: str) -> bool:
        """Whether `node` manages `unit` or a superior, or heads a subtree containing it."""
        chain = list(self._org.ancestors(unit))
        if node in {u.managing_node_id for u in chain}:
            return True
        codes = {u.code for u in chain}
        return any(
            u.parent_code in codes
            for u in self._org.subtree(chain[-1].code)
            if u.managing_node_id == node
        )
