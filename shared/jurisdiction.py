"""What one node takes in: its jurisdiction 按照干部管理权限 (Art. 7, 24, 27, 31).

Every node's services read the same topics. A node is the district's or one town's deployment
(`LIANFANG_NODE_ID`, `LIANFANG_NODE_ROOT_UNIT`); each unit of the tree names the node that
manages it (`OrgUnit.managing_node_id`, 干部管理权限). Of the upstream events a service concerns
itself with (its `concerns()`), it takes in only those this node has jurisdiction over:

- anything addressed to this node (`to_node_id`: a forward, a transfer, an acknowledgement);
- `Scope.MANAGED` (register, warning, intake): events about a unit this node manages. The
  register enters reports and revisions of the units whose cases it handles (Art. 21, 30); the
  warning service proposes a disposal where this node's body has cadre-management authority over
  the judged unit (Art. 27: 各级廉政风险防控机构按照干部管理权限负责…处置);
- `Scope.ASSESSED` (assessment): events about a unit this node manages or any unit below one,
  whose facts count level by level 逐级 (Art. 31 分级管理、逐级实施): the district sees a town's
  village committees, a town never the district's own units or the town itself;
- an event about a unit this node does not know is taken in only if this node raised it (its
  service then refuses it as a dead letter); another node's is not this node's to refuse.

The organisation tree itself is every node's (shared/org_follow.py): a unit record is no case,
and a node routes information about any unit to the node that manages it (Art. 24).
An application without a node (tests, tools on one store) takes in everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from shared.errors import Forbidden
from shared.orgtree import UnknownUnit

if TYPE_CHECKING:
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory


class Scope(Enum):
    """Which units' events a service takes in (see the module's docstring)."""

    MANAGED = "managed"
    ASSESSED = "assessed"


@dataclass(frozen=True)
class Node:
    """One deployment node: its id and the unit whose subtree it is responsible for (Art. 7)."""

    node_id: str
    root_unit: str


def has_jurisdiction(org: OrgDirectory, node: Node, event: CloudEvent, scope: Scope) -> bool:
    """Whether `node` takes `event` in under `scope` (Art. 7, 27, 31); see the module docstring."""
    data = event.data
    if getattr(data, "to_node_id", None) == node.node_id:
        return True
    try:
        chain = list(org.ancestors(data.unit_code))
    except UnknownUnit:
        return data.node_id == node.node_id
    if scope is Scope.MANAGED:
        return chain[0].managing_node_id == node.node_id
    return any(unit.managing_node_id == node.node_id for unit in chain)


def ensure_manages(
    org: OrgDirectory, node: Node | None, unit_code: str, *, or_root: bool = False
) -> None:
    """Refuse (403) a command on a unit this node does not manage (Art. 7 按照干部管理权限, 31).

    A node's services act on the units whose cases this node keeps: those it manages by
    cadre-management authority (`managing_node_id`). The district node acts on the district's
    own units and on each town itself, not on a town's units and villages (their town's node
    does, 逐级); a town's node on the town's units, not on the town (the district manages it).
    `or_root` admits the node's root besides (a body's own judgement group judges its node's
    cases, Art. 25). Without a node (tests, tools on one store) every unit is acted on.
    """
    if manages(org, node, unit_code) or (
        node is not None and or_root and unit_code == node.root_unit
    ):
        return
    assert node is not None
    unit = org.get(unit_code)
    raise Forbidden(
        f"Art. 7, 31: 按照干部管理权限逐级管理，单位 {unit_code} 由节点 {unit.managing_node_id} "
        f"管理，本节点（{node.node_id}）只办理其所管单位的事项，"
        f"请在节点 {unit.managing_node_id} 办理 "
        f"(unit {unit_code} is managed by node {unit.managing_node_id} (按照干部管理权限, 逐级); "
        f"node {node.node_id} acts only on the units it manages: act on {unit_code} on node "
        f"{unit.managing_node_id})"
    )


def manages(org: OrgDirectory, node: Node | None, unit_code: str) -> bool:
    """Whether `node` manages the unit by cadre-management authority (Art. 7); no node: all."""
    return node is None or org.get(unit_code).managing_node_id == node.node_id
