"""What the register asks of the caller next: judge, vote, publish, answer, carry out, verify.

Computed from the read model at each call (工作台), so a to-do disappears once the event that
settles it is saved:
- information awaiting judgement 待研判, for the judgement group 研判小组 of the subtree (Art. 25);
- a grading awaiting the caller's vote, for each member of the unit's leadership team 领导班子
  who has not voted in this round (集体审定, Art. 14);
- an approved point to publish 公示, and objections 异议 to answer before the publication period
  ends, for the office 预防腐败室 of the subtree (Art. 10);
- a measure owed by its owner 责任人 by its due date, and a measure reported done awaiting
  verification 核验 by an office or a leader of the subtree other than its owner (Art. 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.judgement.model import InformationStatus
from services.register.risk_points.handlers import leadership_team
from services.register.risk_points.measures import CATALOGUE, MeasureStatus
from services.register.risk_points.model import RiskStatus
from shared.auth import Role
from shared.todos import TodoItem, sorted_todos

if TYPE_CHECKING:
    from services.register.app import RegisterApplication
    from services.register.read_model import RiskPointRow
    from shared.auth import Principal


def todos(app: RegisterApplication, who: Principal) -> list[TodoItem]:
    """The caller's register to-dos, the soonest deadline first (Art. 10, 14, 15, 25)."""
    within = app.units_within(who.unit_code)
    found = [
        *_information_to_judge(app, who, within),
        *_gradings_to_vote(app, who, within),
        *_publication_work(app, who, within),
        *_measures(app, who, within),
    ]
    return sorted_todos(found)


def _unit_name(app: RegisterApplication, code: str) -> str:
    return app.unit(code).name


def _point_link(row: RiskPointRow) -> str:
    return f"/register/points/{row.id}"


def _information_to_judge(
    app: RegisterApplication, who: Principal, within: set[str]
) -> list[TodoItem]:
    """待核实研判: reported information of the subtree the group has not judged (Art. 25)."""
    if Role.JUDGE not in who.roles:
        return []
    return [
        TodoItem(
            key=f"information_to_judge:{row.id}",
            kind="information_to_judge",
            service="register",
            title="待核实研判" if not row.verifications else "已核实，待研判",
            detail=f"{_unit_name(app, row.unit_code)} · {row.summary}",
            unit_code=row.unit_code,
            since=row.learned_at,
            link=f"/judgement?information={row.id}",
        )
        for row in app.view.information(within, InformationStatus.AWAITING_JUDGEMENT)
    ]


def _gradings_to_vote(app: RegisterApplication, who: Principal, within: set[str]) -> list[TodoItem]:
    """待表决: gradings of the caller's units awaiting their vote in this round (Art. 14)."""
    if Role.LEADER not in who.roles:
        return []
    items, now = [], app.clock.now()
    for row in app.view.risk_points(within, status=RiskStatus.GRADED):
        if who.user_id not in leadership_team(app, row.unit_code, now):
            continue
        point = app.get_risk_point(row.id)
        if who.user_id in point.votes:
            continue
        grading = point.grading
        grade = f"（{grading.grade.label_zh}）" if grading else ""
        items.append(
            TodoItem(
                key=f"grading_to_vote:{row.id}:{point.round}",
                kind="grading_to_vote",
                service="register",
                title=f"风险等级待集体审定{grade}",
                detail=f"{_unit_name(app, row.unit_code)} · {row.description}",
                unit_code=row.unit_code,
                since=grading.graded_at if grading else None,
                link=_point_link(row),
            )
        )
    return items


def _publication_work(app: RegisterApplication, who: Principal, within: set[str]) -> list[TodoItem]:
    """待公示 and 异议待答复: the office's part of publication (Art. 10)."""
    if Role.OFFICE not in who.roles:
        return []
    items = []
    for row in app.view.risk_points(within, status=RiskStatus.APPROVED):
        point = app.get_risk_point(row.id)
        items.append(
            TodoItem(
                key=f"point_to_publish:{row.id}:{point.round}",
                kind="point_to_publish",
                service="register",
                title="审定通过，待公示",
                detail=f"{_unit_name(app, row.unit_code)} · {row.description}",
                unit_code=row.unit_code,
                since=point.approved_at,
                link=_point_link(row),
            )
        )
    for row in app.view.risk_points(within, status=RiskStatus.PUBLISHED):
        publication = app.get_risk_point(row.id).publication
        if publication is None:
            continue
        for objection in publication.open_objections:
            items.append(
                TodoItem(
                    key=f"objection_to_answer:{row.id}:{objection.number}",
                    kind="objection_to_answer",
                    service="register",
                    title=f"公示异议待答复（第 {objection.number} 条）",
                    detail=f"{_unit_name(app, row.unit_code)} · {row.description}",
                    unit_code=row.unit_code,
                    deadline=publication.ends_at,
                    since=objection.recorded_at,
                    link=_point_link(row),
                )
            )
    return items


def _measures(app: RegisterApplication, who: Principal, within: set[str]) -> list[TodoItem]:
    """待落实 for its owner; 待核验 for an office or leader, not the owner (Art. 15)."""
    verifies = who.has_any((Role.OFFICE, Role.LEADER))
    titles = {m.code: m.title_zh for m in CATALOGUE}
    items = []
    for m in app.view.measures(within):
        title = titles.get(m.measure_code, m.measure_code)
        if m.status.outstanding and m.owner_id == who.user_id:
            items.append(
                TodoItem(
                    key=f"measure_due:{m.risk_point_id}:{m.measure_code}",
                    kind="measure_due",
                    service="register",
                    title=f"防控措施待落实：{title}",
                    detail=_unit_name(app, m.unit_code),
                    unit_code=m.unit_code,
                    deadline=m.deadline,
                    link=f"/register/points/{m.risk_point_id}",
                )
            )
        elif m.status is MeasureStatus.DONE and verifies and m.owner_id != who.user_id:
            items.append(
                TodoItem(
                    key=f"measure_to_verify:{m.risk_point_id}:{m.measure_code}",
                    kind="measure_to_verify",
                    service="register",
                    title=f"防控措施已报落实，待核验：{title}",
                    detail=_unit_name(app, m.unit_code),
                    unit_code=m.unit_code,
                    link=f"/register/points/{m.risk_point_id}",
                )
            )
    return items
