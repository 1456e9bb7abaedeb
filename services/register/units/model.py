"""The organisation tree as the register keeps it: units registered and changed (Art. 5–7).

第五条: "横向到边，纵向到底" — district, its departments and stationed units, the towns and
their units, SOEs, institutions, and the village and residents' committees. Each unit records who
manages it (the node, by cadre-management authority 干部管理权限), its leadership team 领导班子
(who approve gradings, Art. 14) and its principal leader 主要领导 (first responsible, Art. 23).

The seed file gives every service its starting tree; units registered or changed here are events,
published as OrgUnitRegistered / OrgUnitChanged, and laid over the seed on every start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.orgtree import OrgUnit
from shared.vocabulary import ActorRecord, UnitKind

ORG_UNIT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:org-unit")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
NODE = re.compile(r"^(district|town-[a-z0-9-]{1,32})$")


@dataclass(frozen=True)
class UnitDraft:
    """A unit as entered or imported: code, name, kind, parent, node, leaders (Art. 5–7, 14)."""

    code: str
    name: str
    kind: str
    parent_code: str | None
    managing_node_id: str
    principal_leader_id: str | None = None
    leadership_team_ids: tuple[str, ...] = field(default_factory=tuple)
    business_department: str | None = None  # 上级业务主管部门 (条块结合, Art. 27)

    def as_state(self) -> dict[str, Any]:
        """The unit's fields as stored in its events."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def as_org_unit(self) -> OrgUnit:
        return OrgUnit(**self.as_state())


def draft_of(unit: OrgUnit) -> UnitDraft:
    """A unit of the tree as a draft (to compare with a change)."""
    return UnitDraft(
        unit.code, unit.name, unit.kind, unit.parent_code, unit.managing_node_id,
        unit.principal_leader_id, tuple(unit.leadership_team_ids), unit.business_department,
    )  # fmt: skip


def problems(draft: UnitDraft) -> list[tuple[str, str]]:
    """What is wrong with a unit on its own, as (field, reason) pairs; the tree is checked apart."""
    found: list[tuple[str, str]] = []
    if not CODE.match(draft.code):
        found.append(
            (
                "code",
                "单位代码为 1 至 40 个字母、数字、“-”或“_”，如 QX-TH-CZS "
                "(1–40 letters, digits, '-' or '_', e.g. QX-TH-CZS)",
            )
        )
    if not draft.name.strip() or len(draft.name) > 100:
        found.append(
            (
                "name",
                "请填写单位名称，不超过 100 个字符 "
                "(give the unit's name (单位名称), at most 100 characters)",
            )
        )
    if draft.kind not in UnitKind.__members__.values():
        kinds = ", ".join(k.value for k in UnitKind)
        found.append(("kind", f"单位类型须为以下之一：{kinds} (must be one of {kinds})"))
    if not NODE.match(draft.managing_node_id):
        found.append(
            (
                "node",
                "须为区节点 district 或镇（街）节点，如 town-taihe "
                "(must be 'district' or a town node such as 'town-taihe')",
            )
        )
    team = draft.leadership_team_ids
    if any(not m.strip() for m in team) or len(set(team)) != len(team):
        found.append(
            (
                "leadership_team",
                "请填写成员工号，每人只列一次，不能有空项 (staff ids, each once and none empty)",
            )
        )
    leader = draft.principal_leader_id
    if leader is not None and leader not in team:
        found.append(
            (
                "principal_leader",
                "主要领导须为领导班子成员 (the principal leader must be on the leadership team)",
            )
        )
    return found


class OrgUnitEntry(Aggregate):
    """One unit's history in the register: registered once, then changed (Art. 5–7)."""

    @staticmethod
    def create_id(code: str, **_: Any) -> UUID:
        return uuid5(ORG_UNIT_NAMESPACE, code)

    class Registered(Aggregate.Created):
        """A unit joined the tree (Art. 5)."""

        code: str
        name: str
        kind: str
        parent_code: str | None
        managing_node_id: str
        principal_leader_id: str | None
        leadership_team_ids: list[str]
        adopted_from_seed: bool
        business_department: str | None
        registered_by: ActorRecord
        registered_at: datetime

    class Changed(Aggregate.Event):
        """A unit's name, kind, place, node or leaders changed; the full new state (Art. 5–7)."""

        code: str
        name: str
        kind: str
        parent_code: str | None
        managing_node_id: str
        principal_leader_id: str | None
        leadership_team_ids: list[str]
        changed: list[str]
        changed_by: ActorRecord
        changed_at: datetime
        business_department: str | None

    @event(Registered)
    def __init__(
        self,
        *,
        code: str,
        name: str,
        kind: str,
        parent_code: str | None,
        managing_node_id: str,
        principal_leader_id: str | None,
        leadership_team_ids: list[str],
        adopted_from_seed: bool,
        registered_by: ActorRecord,
        registered_at: datetime,
        business_department: str | None,
    ) -> None:
        self.unit = UnitDraft(
            code, name, kind, parent_code, managing_node_id, principal_leader_id,
            tuple(leadership_team_ids), business_department,
        )  # fmt: skip
        self.adopted_from_seed = adopted_from_seed

    @classmethod
    def register(
        cls, draft: UnitDraft, *, seed: bool, by: ActorRecord, at: datetime
    ) -> OrgUnitEntry:
        """A new entry for a unit entered here, or adopted from the seed before a change."""
        state = draft.as_state() | {"leadership_team_ids": list(draft.leadership_team_ids)}
        return cls(**state, adopted_from_seed=seed, registered_by=by, registered_at=at)

    def change(self, draft: UnitDraft, *, by: ActorRecord, at: datetime) -> list[str]:
        """Record the unit as it now stands; the names of the fields that changed ([] if none)."""
        old, new = self.unit.as_state(), draft.as_state()
        changed = [name for name in new if new[name] != old[name]]
        if changed:
            state = new | {"leadership_team_ids": list(draft.leadership_team_ids)}
            self._changed(**state, changed=changed, changed_by=by, changed_at=at)
        return changed

    @event(Changed)
    def _changed(
        self,
        *,
        code: str,
        name: str,
        kind: str,
        parent_code: str | None,
        managing_node_id: str,
        principal_leader_id: str | None,
        leadership_team_ids: list[str],
        changed: list[str],
        changed_by: ActorRecord,
        changed_at: datetime,
        business_department: str | None,
    ) -> None:
        self.unit = UnitDraft(
            code, name, kind, parent_code, managing_node_id, principal_leader_id,
            tuple(leadership_team_ids), business_department,
        )  # fmt: skip
