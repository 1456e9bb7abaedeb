"""Handlers of the judgement groups 研判小组: appoint, remove, find a unit's group (Art. 25).

Plain functions `(app, ...)`. An office 预防腐败室 appoints and removes the members of the group
of a unit within its subtree, naming the authority (the appointing document). The group that
judges information about a unit is the group of the nearest unit, from that unit up, that has one
with members: a department's own group if it formed one, else its town's or the district's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.groups.model import JudgementGroup, group_id_of
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden, Invalid, NotFound
from shared.grants import not_held

if TYPE_CHECKING:
    from services.register.app import RegisterApplication
    from shared.auth import Principal


def _office_over(app: RegisterApplication, unit_code: str, by: Principal) -> None:
    if Role.OFFICE not in by.roles:
        raise Forbidden(
            "Art. 25: 研判小组成员由预防腐败室任免 "
            "(only an office (预防腐败室) appoints the 研判小组's members)"
        )
    # The groups that judge this node's cases: its units' own, and its root body's (Art. 7, 25).
    app.ensure_manages(by, unit_code, or_root=True)


def _text(value: str, field: str, what: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise Invalid(field, what)
    return stripped


def appoint_member(
    app: RegisterApplication, unit_code: str, user_id: str, name: str, authority: str, by: Principal
) -> None:
    """Appoint a member of the unit's group, on an authority (Art. 25)."""
    _office_over(app, unit_code, by)
    member = _text(user_id, "user_id", "请填写成员工号 (name the member's staff id)")
    doc = _text(
        authority,
        "authority",
        "请写明任命文件，如 太和党发〔2026〕3号 "
        "(name the authority (任命文件, e.g. 太和党发〔2026〕3号))",
    )
    # A member is an account of the directory holding the judge grant for this unit (Art. 25).
    if not app.directory.holds(member, Role.JUDGE, unit_code, app.clock.now()):
        raise Invalid("user_id", "Art. 25: " + not_held(member, Role.JUDGE, unit_code))
    group = app.find(group_id_of(unit_code), JudgementGroup) or JudgementGroup(unit_code=unit_code)
    group.appoint(member, name.strip(), doc, actor_of(by), app.clock.now())
    app.save(group)


def remove_member(
    app: RegisterApplication,
    unit_code: str,
    user_id: str,
    reason: str,
    authority: str,
    by: Principal,
) -> None:
    """Remove a member of the unit's group, with the reason and authority (Art. 25)."""
    _office_over(app, unit_code, by)
    why = _text(reason, "reason", "请写明免去理由 (say why the member leaves the group)")
    doc = _text(authority, "authority", "请写明免职文件 (name the authority (免职文件))")
    group = app.find(group_id_of(unit_code), JudgementGroup)
    if group is None:
        raise NotFound(f"{unit_code} 尚无研判小组记录 (no 研判小组 is recorded for {unit_code})")
    group.remove(user_id, why, doc, actor_of(by), app.clock.now())
    app.save(group)


def group_of(app: RegisterApplication, unit_code: str) -> JudgementGroup | None:
    """The unit's own group, if one is recorded (members or not)."""
    return app.find(group_id_of(unit_code), JudgementGroup)


def judging_group(app: RegisterApplication, unit_code: str) -> JudgementGroup | None:
    """The group that judges information about the unit: the nearest, from the unit up, with
    members (Art. 25: 各级…和各部门(单位)要成立廉政风险研判小组)."""
    for unit in app.org.ancestors(unit_code):
        group = group_of(app, unit.code)
        if group is not None and group.members:
            return group
    return None
