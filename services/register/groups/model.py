"""A unit's judgement group 廉政风险研判小组 and its members, kept as events (Art. 25).

第二十五条: "各级廉政风险防控机构和各部门(单位)要成立廉政风险研判小组". Each member is appointed and
removed by an office within the unit's subtree, on an authority (a document number such as
太和党发〔2026〕3号), with who and when; nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict
from shared.vocabulary import ActorRecord

GROUP_NAMESPACE: Final = uuid5(NAMESPACE_URL, "urn:lianfang:register:judgement-group")


def group_id_of(unit_code: str) -> UUID:
    """The one judgement group of a unit, by a stable id (Art. 25)."""
    return uuid5(GROUP_NAMESPACE, f"group:{unit_code}")


@dataclass(frozen=True)
class Member:
    """A member of the group: who, appointed by whom, when, on what authority (Art. 25)."""

    user_id: str
    name: str
    authority: str
    appointed_by: dict[str, str]
    appointed_at: datetime


class JudgementGroup(Aggregate):
    """The 研判小组 of one unit: its members as appointed and removed (Art. 25)."""

    @staticmethod
    def create_id(unit_code: str, **_: Any) -> UUID:
        return group_id_of(unit_code)

    @event("Formed")
    def __init__(self, *, unit_code: str) -> None:
        self.unit_code = unit_code
        self.members: dict[str, Member] = {}

    def appoint(
        self, user_id: str, name: str, authority: str, by: ActorRecord, at: datetime
    ) -> None:
        """Appoint a member; Conflict if already one."""
        if user_id in self.members:
            raise Conflict(
                f"Art. 25: {user_id} 已是 {self.unit_code} 研判小组的成员 "
                f"({user_id} is already a member of the 研判小组 of {self.unit_code})"
            )
        self._appointed(
            user_id=user_id, name=name, authority=authority, appointed_by=by, appointed_at=at
        )

    @event("MemberAppointed")
    def _appointed(
        self,
        *,
        user_id: str,
        name: str,
        authority: str,
        appointed_by: ActorRecord,
        appointed_at: datetime,
    ) -> None:
        self.members[user_id] = Member(user_id, name, authority, dict(appointed_by), appointed_at)

    def remove(
        self, user_id: str, reason: str, authority: str, by: ActorRecord, at: datetime
    ) -> None:
        """Remove a member; Conflict if not one."""
        if user_id not in self.members:
            raise Conflict(
                f"Art. 25: {user_id} 不是 {self.unit_code} 研判小组的成员 "
                f"({user_id} is not a member of the 研判小组 of {self.unit_code})"
            )
        self._removed(
            user_id=user_id, reason=reason, authority=authority, removed_by=by, removed_at=at
        )

    @event("MemberRemoved")
    def _removed(
        self,
        *,
        user_id: str,
        reason: str,
        authority: str,
        removed_by: ActorRecord,
        removed_at: datetime,
    ) -> None:
        del self.members[user_id]
