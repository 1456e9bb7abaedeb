"""Routes of the judgement groups 研判小组: read a group, appoint and remove members (Art. 25).

An office 预防腐败室 keeps the members of the groups of the units in its subtree; every change is an
event with who, when and on what authority. Judges, leaders and auditors read along.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, status
from pydantic import BaseModel, ConfigDict, Field

from services.register.api_deps import RegisterApp
from shared.auth import Principal, Role
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import require_roles

router = APIRouter(prefix="/units", tags=["judgement groups 研判小组"])

Office = Annotated[Principal, Depends(require_roles(Role.OFFICE))]
Reader = Annotated[
    Principal, Depends(require_roles(Role.OFFICE, Role.JUDGE, Role.LEADER, Role.AUDITOR))
]


class AppointmentIn(BaseModel):
    """A member appointed to the unit's 研判小组, on an authority (Art. 25)."""

    model_config = ConfigDict(extra="forbid")

    user_id: SingleLine = Field(min_length=1, max_length=100, description="Staff id of the member.")
    name: SingleLine = Field("", max_length=100, description="The member's name (姓名), if given.")
    authority: SingleLine = Field(
        min_length=1, max_length=200, description="The appointing document (任命文件), e.g. "
        "太和党发〔2026〕3号.",
    )  # fmt: skip


class RemovalIn(BaseModel):
    """A member removed from the unit's 研判小组, with the reason and authority (Art. 25)."""

    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(min_length=1, max_length=1000, description="Why (免职原因).")
    authority: SingleLine = Field(
        min_length=1, max_length=200, description="The document (免职文件)."
    )


class MemberOut(BaseModel):
    user_id: str
    name: str
    authority: str = Field(description="The appointing document (任命文件).")
    appointed_by: dict[str, str]
    appointed_at: datetime


class GroupOut(BaseModel):
    unit_code: str = Field(description="The unit whose 研判小组 this is.")
    members: list[MemberOut] = Field(description="Its members now, by appointment.")
    signoffs_needed: int = Field(
        description="Sign-offs a judgement of this group needs now (the configured rule)."
    )


@router.get("/{code}/judgement-group", summary="A unit's 研判小组 and its members (Art. 25)")
def get_group(code: Code, who: Reader, app: RegisterApp) -> GroupOut:
    app.ensure_within(who, code, "code")
    group = app.judgement_group(code)
    members = sorted(group.members.values(), key=lambda m: m.appointed_at) if group else []
    return GroupOut(
        unit_code=code,
        members=[
            MemberOut(
                user_id=m.user_id, name=m.name, authority=m.authority,
                appointed_by=m.appointed_by, appointed_at=m.appointed_at,
            )
            for m in members
        ],
        signoffs_needed=app.rules.signoff.needed(len(members)),
    )  # fmt: skip


@router.post(
    "/{code}/judgement-group/members",
    status_code=status.HTTP_201_CREATED,
    summary="Appoint a member of the unit's 研判小组 (Art. 25)",
)
def appoint(code: Code, body: AppointmentIn, who: Office, app: RegisterApp) -> GroupOut:
    app.appoint_group_member(code, body.user_id, body.name, body.authority, who)
    return get_group(code, who, app)


@router.post(
    "/{code}/judgement-group/members/{user_id}/removal",
    summary="Remove a member of the unit's 研判小组 (Art. 25)",
)
def remove(code: Code, user_id: Code, body: RemovalIn, who: Office, app: RegisterApp) -> GroupOut:
    app.remove_group_member(code, user_id, body.reason, body.authority, who)
    return get_group(code, who, app)
