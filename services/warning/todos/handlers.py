"""What the warning service asks of the caller next: review, issue, act, verify, supervise
(Art. 27, 28, 29).

Computed from the read model at each call (工作台), so a to-do disappears once the event that
settles it is saved. The disposing body 处置机关 (the warned unit's parent, Art. 27) reviews
proposals and verifies what was reported; each action's holder — the warned unit or the
disposing body (Art. 28) — carries it out by its deadline 限期. Both fall to the office
预防腐败室 or a leader of that unit itself, not of the units above it (they supervise, Art. 29).

Art. 29 (处置情况的监督，按照干部管理权限分级进行): the body directly above the disposing body —
the one managing its cadres — is asked to sign off 办结 or return 退回 a finished disposal, and
again once a returned disposal's rework 重办情况 is reported; the disposing body is asked for its
rework by the return's deadline 重办期限 (docs/warning-supervision.md). The regulation sets no
deadline for the level above's review, so that to-do has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.disposal.model import ActionStatus, ProposalStatus
from services.warning.supervision.model import SupervisionState
from shared.auth import Role
from shared.todos import TodoItem, sorted_todos

if TYPE_CHECKING:
    from services.warning.app import WarningApplication
    from services.warning.disposal.model import ActionState
    from services.warning.read_model import WarningRow
    from shared.auth import Principal

OFFICE_OR_LEADER = (Role.OFFICE, Role.LEADER)


def todos(app: WarningApplication, who: Principal) -> list[TodoItem]:
    """The caller's warning to-dos, the soonest deadline first (Art. 27, 28, 29)."""
    if not who.has_any(OFFICE_OR_LEADER):
        return []
    mine = {who.unit_code}
    return sorted_todos([*_proposals(app, who, mine), *_actions(app, who), *_supervision(app, who)])


def _unit_name(app: WarningApplication, code: str) -> str:
    return app.org.get(code).name


def _proposals(app: WarningApplication, who: Principal, mine: set[str]) -> list[TodoItem]:
    """预警待审核 and 待发文: the disposing body's office's proposals (Art. 27, 28)."""
    if Role.OFFICE not in who.roles:
        return []
    units = app.units_within(who.unit_code)
    items = []
    for row in app.view.proposals(units, status=None):
        if row.disposing_unit not in mine:
            continue
        if row.status is ProposalStatus.OPEN:
            title = "预警建议待审核（召开审核会议）"
        elif row.status is ProposalStatus.DECIDED:
            title = "已审核，待发预警通知书或移送"
        else:
            continue
        level = f"（{row.level.label_zh}预警）" if row.level else ""
        items.append(
            TodoItem(
                key=f"proposal_to_review:{row.id}:{row.status.value}",
                kind="proposal_to_review",
                service="warning",
                title=title + level,
                detail=_unit_name(app, row.subject_unit),
                unit_code=row.subject_unit,
                since=row.opened_at,
                link=f"/warnings/proposals/{row.id}",
            )
        )
    return items


def _reported_by(action: ActionState, who: Principal) -> bool:
    """Whether `who` made the latest report: nobody verifies their own (Art. 28)."""
    return bool(action.reports) and action.reports[-1].by.get("user_id") == who.user_id


def _actions(app: WarningApplication, who: Principal) -> list[TodoItem]:
    """处置措施 owed by the caller's unit, and reports the caller's office is to verify."""
    items = []
    for row in app.view.warnings(app.units_within(who.unit_code)):
        warning = app.get_warning(row.id)
        for action in warning.actions.values():
            what = f"{row.notice_number} · {_unit_name(app, row.subject_unit)}"
            if action.outstanding and warning.holder_unit(action) == who.unit_code:
                items.append(
                    TodoItem(
                        key=f"warning_action_due:{action.action_id}:{len(action.returned_reasons)}",
                        kind="warning_action_due",
                        service="warning",
                        title=f"预警处置：{action.kind.label_zh}",
                        detail=what,
                        unit_code=row.subject_unit,
                        deadline=action.due_at,
                        since=row.issued_at,
                        link=f"/warnings/{row.id}",
                    )
                )
            elif (
                action.status is ActionStatus.REPORTED
                and Role.OFFICE in who.roles
                and warning.disposing_unit == who.unit_code
                and not _reported_by(action, who)
            ):
                items.append(
                    TodoItem(
                        key=f"warning_action_to_verify:{action.action_id}:{len(action.reports)}",
                        kind="warning_action_to_verify",
                        service="warning",
                        title=f"落实情况待核验：{action.kind.label_zh}",
                        detail=what,
                        unit_code=row.subject_unit,
                        since=action.reports[-1].at if action.reports else None,
                        link=f"/warnings/{row.id}",
                    )
                )
    return items


AWAITING_REVIEW = (SupervisionState.WATCHING, SupervisionState.RESUBMITTED)


def _supervision(app: WarningApplication, who: Principal) -> list[TodoItem]:
    """分级监督 (Art. 29): a finished disposal (or its reported rework) the caller's unit, directly
    above the disposing body, is to sign off or return; a returned disposal's rework owed by the
    caller's unit, the disposing body, by its 重办期限. Read from the read model alone."""
    items = []
    supervised = app.view.supervisions()
    for row in app.view.warnings(app.units_within(who.unit_code), open_only=False):
        supervision = supervised.get(row.id)
        state = supervision.state if supervision else SupervisionState.WATCHING
        what = f"{row.notice_number} · {_unit_name(app, row.subject_unit)}"
        acts = supervision.acts if supervision else 0
        if (
            not row.is_open
            and state in AWAITING_REVIEW
            and _supervisor_of(app, row) == who.unit_code
        ):
            reworked = state is SupervisionState.RESUBMITTED
            items.append(
                TodoItem(
                    key=f"disposal_to_sign_off:{row.id}:{acts}",
                    kind="disposal_to_sign_off",
                    service="warning",
                    title=(
                        "重办情况已报，待办结或退回" if reworked else "处置已完成，待办结或退回"
                    ),
                    detail=f"{what}（处置机关：{_unit_name(app, row.disposing_unit)}）",
                    unit_code=row.subject_unit,
                    since=supervision.last_act_at if supervision and reworked else row.issued_at,
                    link=f"/warnings/{row.id}",
                )
            )
        elif (
            supervision is not None
            and state is SupervisionState.RETURNED
            and row.disposing_unit == who.unit_code
        ):
            items.append(
                TodoItem(
                    key=f"disposal_rework_due:{row.id}:{acts}",
                    kind="disposal_rework_due",
                    service="warning",
                    title="上级退回重办，待报送重办情况"
                    + ("（已逾期）" if supervision.rework_overdue else ""),
                    detail=what,
                    unit_code=row.subject_unit,
                    deadline=supervision.rework_due_at,
                    since=supervision.last_act_at,
                    link=f"/warnings/{row.id}",
                )
            )
    return items


def _supervisor_of(app: WarningApplication, row: WarningRow) -> str | None:
    """The body managing the disposing body's cadres: the unit directly above it (Art. 29)."""
    return app.org.get(row.disposing_unit).parent_code if row.disposing_unit in app.org else None
