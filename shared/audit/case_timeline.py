"""A case's whole history across the services, as an auditor reads it (Art. 23, 24, 25, 28, 29).

A case is a piece of reported information. Its timeline gathers, from the events every service
published: who reported it and when it was learned, where it was forwarded or transferred and by
when feedback was due, how the lower level reported handling it and the chases, returns and
sign-off of that report (跟踪督办), any reporting breach found about it and the office's
confirmation or dismissal of it, the judgement and grading, the warning with each action's
deadline and holder, what fell overdue (the warned unit's or the disposing body's), the
supervision of the disposal (Art. 29), re-grade proposals, and the closure or transfer.

It also follows the risk point the judgement names (Art. 10, 14, 15, 30): its grading, the
leadership team's approval, publication and force, its measures verified or overdue, revision
requests from inspections, the register's reopening of the point (RiskPointReopened) and its
re-grading and re-approval after. A grading another case's judgement made of the same point, or
a re-grade proposal of another case's warning, is that case's, not this one's, and stays out.
And the power (职权, Art. 11) the point lies in, which its RiskGraded names (`power_id`): the
power's cataloguing (PowerCatalogued) and every version of its flowchart (PowerCharted). A
point whose gradings name no power (graded before they carried it, or linked to none) shows none.

Last, the annual results (AssessmentPublished, Art. 31) that rest on the case: a result names,
per line, the ce_ids of the events it rests on (`evidence_event_ids`), and belongs to the case
when one of them is an event of the case's own timeline. A result published before it carried
them names none; it is linked, as before, by the unit and year in which the case left a fact
that counts in assessment, and the entry says so.

The links are the ids the events carry (information → judgement → warning, judgement → risk
point, breach), so the timeline spans nodes: a case keeps its id when it is forwarded down or
transferred up. Every entry names the event id, the evidence an accountability finding cites,
and how it belongs to the case (`via`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from shared.clock import BEIJING
from shared.events import (
    AssessmentPublished,
    CaseTransferred,
    CloudEvent,
    DisposalOverdue,
    DisposalReworkOverdue,
    DisposalSupervised,
    InformationAcknowledged,
    InformationFeedbackOverdue,
    InformationForwarded,
    InformationHandled,
    InformationSupervised,
    InformationTransferred,
    JudgementMade,
    MeasureOverdue,
    MeasureVerified,
    PowerCatalogued,
    PowerCharted,
    RectificationOverdue,
    RegradeProposed,
    ReportingBreachFound,
    ReportingBreachReviewed,
    RevisionRequested,
    RiskGraded,
    RiskPointApproved,
    RiskPointInForce,
    RiskPointPublished,
    RiskPointReopened,
    RiskReported,
    WarningClosed,
    WarningIssued,
    parse_event_type,
)
from shared.vocabulary import (
    ActionKind,
    Channel,
    Grade,
    GradeSource,
    RiskCategory,
    Verdict,
    WarningLevel,
)

_SUPERVISION_ZH = {"chased": "经上级督办", "returned": "被上级退回重办",
                   "resubmitted": "已报送重办情况", "signed_off": "经上级审核办结"}  # fmt: skip
_BREACH_ZH = {"late": "迟报", "missed": "漏报", "concealment_candidate": "疑似瞒报（待核实）",
              "untrue": "报告不真实", "inaccurate": "报告核心内容不准确"}  # fmt: skip
_ASPECT_ZH = {"content": "风险内容", "grade": "风险等级", "measures": "防控措施"}
_STATUS_ZH = {"draft": "待评定", "graded": "待审定", "approved": "审定通过", "published": "公示中",
              "in_force": "生效"}  # fmt: skip
_RESULT_ZH = {"excellent": "优秀", "good": "良好", "pass": "合格", "fail": "不合格"}

Via = Literal["case", "risk_point", "power", "evidence", "unit_year"]
"""How an entry belongs to the case: the case's own ids (information, judgement, warning,
breach); the risk point its judgement names; the power that point lies in; for an annual
result, an event of the case among those its lines rest on (`evidence`) or, for a result that
names no event ids (published before it carried them), the unit and year of one of the case's
facts."""

_VIA_ZH: dict[str, str] = {
    "case": "本案", "risk_point": "所涉风险点", "power": "所涉职权", "evidence": "考核依据",
    "unit_year": "单位年度",
}  # fmt: skip

_POINT_KINDS = (
    RiskGraded
    | RiskPointApproved
    | RiskPointPublished
    | RiskPointInForce
    | MeasureOverdue
    | MeasureVerified
    | RevisionRequested
    | RiskPointReopened
)
_WARNING_KINDS = (
    RectificationOverdue
    | DisposalOverdue
    | RegradeProposed
    | WarningClosed
    | DisposalSupervised
    | DisposalReworkOverdue
)
# The case's facts that count in a unit's annual assessment (docs/assessment-scoring.md).
_SCORED_KINDS = (
    WarningIssued
    | RectificationOverdue
    | DisposalOverdue
    | DisposalReworkOverdue
    | ReportingBreachFound
    | ReportingBreachReviewed
    | MeasureOverdue
    | MeasureVerified
    | CaseTransferred
)


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a case: what happened, when, who did it, on what authority, and the proof."""

    occurred_at: datetime
    event_id: str
    event_type: str
    node_id: str
    unit_code: str
    actor: str
    authority: str
    what: str
    due_at: datetime | None = None
    via: Via = "case"

    def as_json(self) -> dict[str, Any]:
        return {
            "occurred_at": self.occurred_at.isoformat(),
            "event_id": self.event_id,
            "event_type": self.event_type,
            "node_id": self.node_id,
            "unit_code": self.unit_code,
            "actor": self.actor,
            "authority": self.authority,
            "what": self.what,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "via": self.via,
        }


@dataclass
class _Links:
    """The ids by which events belong to a case."""

    case_id: UUID
    judgements: set[UUID] = field(default_factory=set)
    warnings: set[UUID] = field(default_factory=set)
    points: set[UUID] = field(default_factory=set)
    powers: set[UUID] = field(default_factory=set)
    breaches: set[UUID] = field(default_factory=set)


def _bj(moment: datetime) -> str:
    return f"{moment.astimezone(BEIJING):%Y-%m-%d %H:%M}"


def _links(case_id: UUID, events: list[CloudEvent]) -> _Links:
    """The case's judgements, the warnings issued on them, its risk points and its breaches."""
    links = _Links(case_id)
    for e in events:
        if isinstance(e, JudgementMade) and e.data.information_id == case_id:
            links.judgements.add(e.data.judgement_id)
            if e.data.risk_point_id is not None:
                links.points.add(e.data.risk_point_id)
            if e.data.reporting_breach is not None:
                links.breaches.add(e.data.reporting_breach.breach_id)
        elif isinstance(e, ReportingBreachFound) and e.data.information_id == case_id:
            links.breaches.add(e.data.breach_id)
    for e in events:
        if (
            isinstance(e, WarningIssued | CaseTransferred)
            and e.data.judgement_id in links.judgements
        ):
            if isinstance(e, WarningIssued):
                links.warnings.add(e.data.warning_id)
            if e.data.risk_point_id is not None:
                links.points.add(e.data.risk_point_id)
        elif isinstance(e, RiskGraded) and _of_the_case(e, links):
            links.points.add(e.data.risk_point_id)
    for e in events:
        # The power is the point's, whichever grading names it (another case's too).
        if isinstance(e, RiskGraded) and e.data.risk_point_id in links.points and e.data.power_id:
            links.powers.add(e.data.power_id)
    return links


def _of_the_case(graded: RiskGraded, links: _Links) -> bool:
    d = graded.data
    return d.information_id == links.case_id or d.judgement_id in links.judgements


def _of_another_case(graded: RiskGraded, links: _Links) -> bool:
    """A grading made by another case's judgement (of the same point): that case's story."""
    d = graded.data
    return (d.information_id is not None or d.judgement_id is not None) and not _of_the_case(
        graded, links
    )


def _via(event: CloudEvent, links: _Links) -> Via | None:
    """How `event` belongs to the case, or None if it does not (annual results aside)."""
    data: Any = event.data
    if getattr(data, "information_id", None) == links.case_id:
        return "case"
    if isinstance(event, WarningIssued | CaseTransferred):
        return "case" if data.judgement_id in links.judgements else None
    if isinstance(event, _WARNING_KINDS):
        return "case" if data.warning_id in links.warnings else None
    if isinstance(event, ReportingBreachReviewed):
        return "case" if data.breach_id in links.breaches else None
    if isinstance(event, PowerCatalogued | PowerCharted):
        return "power" if data.power_id in links.powers else None
    if isinstance(event, _POINT_KINDS) and data.risk_point_id in links.points:
        if isinstance(event, RiskGraded) and _of_another_case(event, links):
            return None
        return "risk_point"
    return None


def _describe(event: CloudEvent) -> tuple[str, datetime | None] | None:
    """What an event of the case says, in the office's words, and any deadline it sets."""
    match event:
        case RiskReported(data=d):
            source = "（举报人身份受保护）" if d.has_protected_source else ""
            return f"经{Channel(d.channel).label_zh}收到风险信息{source}：{d.summary}", None
        case InformationForwarded(data=d):
            return f"批转至节点 {d.to_node_id}，限期报告处理情况", d.feedback_due_at
        case InformationAcknowledged(data=d):
            return f"节点 {d.node_id} 已接收（送达，尚未报告处理情况）", None
        case InformationHandled(data=d):
            measures = "；".join(d.measures)
            return (
                f"节点 {d.node_id} 报告处理情况（第{d.round}次）：{d.outcome}；措施：{measures}",
                None,
            )
        case InformationFeedbackOverdue(data=d):
            return f"节点 {d.to_node_id} 逾期未报告处理情况（期限 {_bj(d.due_at)}）", d.due_at
        case InformationSupervised(data=d) if d.act == "chased":
            return f"催办节点 {d.to_node_id}：{d.reason}", d.feedback_due_at
        case InformationSupervised(data=d) if d.act == "returned":
            return (
                f"退回节点 {d.to_node_id} 第{d.round}次处理情况，重新办理：{d.reason}",
                d.feedback_due_at,
            )
        case InformationSupervised(data=d):
            return f"节点 {d.to_node_id} 第{d.round}次处理情况审核办结", None
        case InformationTransferred(data=d):
            return f"移送至节点 {d.to_node_id}", None
        case ReportingBreachFound(data=d):
            return f"发现报告问题：{_BREACH_ZH.get(d.kind, d.kind)}，应报时间 {_bj(d.due_at)}", None
        case ReportingBreachReviewed(data=d):
            outcome = "确认瞒报" if d.decision == "confirmed" else "排除瞒报嫌疑"
            return f"预防腐败室复核：{outcome}（{d.reason}）", None
        case JudgementMade(data=d):
            level = (
                f"，建议{WarningLevel(d.recommended_level).label_zh}" if d.recommended_level else ""
            )
            return f"研判结论：{Verdict(d.verdict).label_zh}{level}", None
        case _:
            return _describe_point(event) or _describe_warning(event) or _describe_result(event)


def _point(risk_point_id: UUID) -> str:
    return f"风险点 {str(risk_point_id)[:8]}"


def _describe_point(event: CloudEvent) -> tuple[str, datetime | None] | None:
    """The risk point's own steps: grading, approval, publication, force, measures, revision."""
    match event:
        case RiskGraded(data=d):
            before = f"，原为{Grade(d.previous_grade).label_zh}" if d.previous_grade else ""
            return (
                f"{_point(d.risk_point_id)} 风险定级：{Grade(d.grade).label_zh}"
                f"（{GradeSource(d.source).label_zh}{before}）：{d.reason}",
                None,
            )
        case RiskPointApproved(data=d):
            return (
                f"{_point(d.risk_point_id)} 领导班子集体审定风险等级{Grade(d.grade).label_zh}"
                f"（第{d.approval_round}轮，赞成{d.in_favour}票、反对{d.against}票，"
                f"班子{d.team_size}人需{d.needed}票；责任领导 {d.responsible_leader_id}）",
                None,
            )
        case RiskPointPublished(data=d):
            return (
                f"{_point(d.risk_point_id)} 公示：{_bj(d.starts_at)} 至 {_bj(d.ends_at)}",
                d.ends_at,
            )
        case RiskPointInForce(data=d):
            return (
                f"{_point(d.risk_point_id)} 公示期满，{d.objections_answered}条异议均已答复，生效",
                None,
            )
        case MeasureOverdue(data=d):
            category = RiskCategory(d.measure_category).label_zh
            return (
                f"{_point(d.risk_point_id)} 防控措施 {d.measure_code}（{category}）逾期未完成："
                f"责任人 {d.owner_id}，完成时限 {d.due_date:%Y-%m-%d}",
                None,
            )
        case MeasureVerified(data=d):
            timely = "按期" if d.on_time else "逾期"
            note = f"：{d.note}" if d.note else ""
            return (
                f"{_point(d.risk_point_id)} 防控措施 {d.measure_code} 经核验已完成（{timely}；"
                f"责任人 {d.owner_id}，报告人 {d.reported_by}）{note}",
                None,
            )
        case RevisionRequested(data=d):
            aspects = "、".join(_ASPECT_ZH[a] for a in d.aspects)
            return (
                f"{_point(d.risk_point_id)} 监督检查要求动态修正（{aspects}）：{d.finding}",
                d.revise_by,
            )
        case RiskPointReopened(data=d):
            aspects = "、".join(_ASPECT_ZH[a] for a in d.aspects)
            grade = f"，现风险等级{Grade(d.grade).label_zh}" if d.grade else ""
            return (
                f"{_point(d.risk_point_id)} 退回所在单位动态修正（{aspects}；原为"
                f"{_STATUS_ZH[d.status_before]}{grade}），修正后须经领导班子重新审定",
                d.revise_by,
            )
        case PowerCatalogued(data=d):
            return (
                f"职权 {str(d.power_id)[:8]} 列入职权目录：{d.name}（{d.kind}；依据 "
                f"{d.legal_basis}；行使岗位 {'、'.join(d.posts)}）",
                None,
            )
        case PowerCharted(data=d):
            return (
                f"职权 {str(d.power_id)[:8]} 绘制权力运行流程图第{d.flowchart_version}版"
                f"（{d.steps}个环节）",
                None,
            )
    return None


def _describe_warning(event: CloudEvent) -> tuple[str, datetime | None] | None:
    """The warning and what followed it: overdue actions, supervision, re-grading, closure."""
    match event:
        case WarningIssued(data=d):
            actions = "；".join(
                f"{ActionKind(a.kind).label_zh}（限 {_bj(a.due_at)}）" for a in d.actions
            )
            last = max((a.due_at for a in d.actions), default=None)
            level = WarningLevel(d.level).label_zh
            graded = f"（依据风险等级：{Grade(d.grade).label_zh}）" if d.grade else ""
            return f"发出{level}通知书 {d.notice_number}{graded}：{actions}", last
        case RectificationOverdue(data=d):
            kind = ActionKind(d.action_kind).label_zh
            return f"逾期未落实：{kind}（时限 {_bj(d.due_at)}）", d.due_at
        case DisposalOverdue(data=d):
            kind = ActionKind(d.action_kind).label_zh
            return f"处置机关 {d.unit_code} 逾期未落实：{kind}（时限 {_bj(d.due_at)}）", d.due_at
        case RegradeProposed(data=d):
            grade = Grade(d.suggested_grade).label_zh
            return f"专题会议提请重新评定风险等级（建议：{grade}）：{d.reasons}", None
        case WarningClosed(data=d):
            return f"{d.notice_number} 各项措施均已核实，预警办结", None
        case CaseTransferred(data=d):
            return f"移送{d.to_body}（{d.reference}）：{d.reasons}", None
        case DisposalReworkOverdue(data=d):
            return (
                f"{d.notice_number} 处置机关 {d.unit_code} 第{d.return_number}次退回后逾期未报送"
                f"重办情况（期限 {_bj(d.due_at)}）",
                d.due_at,
            )
        case DisposalSupervised(data=d):
            act = _SUPERVISION_ZH[d.act]
            return f"{d.notice_number} 处置{act}（处置机关 {d.disposing_unit}）：{d.text}", None
    return None


def _describe_result(event: CloudEvent) -> tuple[str, datetime | None] | None:
    match event:
        case AssessmentPublished(data=d):
            result = (
                f"{d.year}年度考核结果公布：{d.unit_code} 得分 {d.total:g}"
                f"（{_RESULT_ZH[d.grade]}），考核单位 {d.assessor_unit}。"
            )
            if _names_evidence(event):
                return result + "各项列明所据事件编号，其中含本时间线所列事实", None
            return (
                result + "考核结果未列明所据事件编号，按单位与年度关联：本时间线所列事实有计入"
                "该单位该年度考核的",
                None,
            )
    return None


def _names_evidence(result: AssessmentPublished) -> bool:
    """Whether the result names the events its lines rest on (published after it carried them)."""
    return any(line.evidence_event_ids is not None for line in result.data.lines)


def _rests_on(result: AssessmentPublished, event_ids: set[str]) -> bool:
    """Whether one of the result's lines rests on one of `event_ids` (Art. 31)."""
    return any(event_ids & set(line.evidence_event_ids or ()) for line in result.data.lines)


def _entry(event: CloudEvent, via: Via) -> TimelineEntry | None:
    described = _describe(event)
    if described is None:
        return None
    what, due = described
    data = event.data
    return TimelineEntry(
        occurred_at=data.occurred_at,
        event_id=event.id,
        event_type=parse_event_type(event.type).name,
        node_id=data.node_id,
        unit_code=data.unit_code,
        actor=f"{data.actor.user_id}（{data.actor.role}，{data.actor.unit_code}）",
        authority=data.authority,
        what=what,
        due_at=due,
        via=via,
    )


def _unit_year(event: CloudEvent) -> tuple[str, int]:
    return event.data.unit_code, event.data.occurred_at.astimezone(BEIJING).year


def _unit_year_of(result: AssessmentPublished) -> tuple[str, int]:
    return result.data.unit_code, result.data.year


def _charged_unit_years(events: list[CloudEvent]) -> set[tuple[str, int]]:
    """The units and (Beijing) years in which the case left a fact assessment counts."""
    found = set()
    for e in events:
        if isinstance(e, _SCORED_KINDS):
            found.add(_unit_year(e))
        elif isinstance(e, JudgementMade) and e.data.reporting_breach is not None:
            breach = e.data.reporting_breach
            year = e.data.occurred_at.astimezone(BEIJING).year
            found.add((breach.reporting_unit or e.data.unit_code, year))
    return found


def case_timeline(case_id: UUID, events: Iterable[CloudEvent]) -> list[TimelineEntry]:
    """The case's entries in the order things happened; a re-sent event appears once (the same
    source and id: an id is unique only within its source, issue #17 item 3)."""
    unique = list({(e.source, e.id): e for e in events}.values())  # first seen: topics' order
    links = _links(case_id, unique)
    mine: list[tuple[CloudEvent, Via]] = []
    for event in unique:
        via = _via(event, links)
        if via is not None:
            mine.append((event, via))
    charged = _charged_unit_years([e for e, _ in mine])
    case_event_ids = {e.id for e, _ in mine}
    for event in unique:
        if not isinstance(event, AssessmentPublished):
            continue
        if _names_evidence(event):
            if _rests_on(event, case_event_ids):
                mine.append((event, "evidence"))
        elif _unit_year_of(event) in charged:
            mine.append((event, "unit_year"))
    entries = [entry for e, via in mine if (entry := _entry(e, via)) is not None]
    # Steps at the same moment keep the order their service published them in (a grading
    # before the vote that approves it), which the topics preserve per aggregate.
    return sorted(entries, key=lambda e: e.occurred_at)


def case_unit(entries: list[TimelineEntry]) -> str | None:
    """The unit of the case itself (its first own entry), which decides who may read it."""
    return next((e.unit_code for e in entries if e.via == "case"), None)


# Inside a table cell only inline constructs matter (no line starts there): emphasis, code,
# links and images, raw HTML and entities, strikethrough, and the pipe that ends the cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")


def markdown_cell(text: str) -> str:
    """Text as one table cell that renders as itself (review L4): a line break is a space and
    every Markdown or HTML character is escaped, so a summary can add no link, image, heading
    or row to the document."""
    flat = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def render_markdown(case_id: UUID, entries: list[TimelineEntry]) -> str:
    """The timeline as a document people read and print; times in Beijing time."""
    lines = [
        f"# 案件全过程 {case_id}",
        "",
        "时间为北京时间；证据栏为事件编号（ce_id），可在事件流中逐条核对。",
        "关联栏：本案 = 以本案件、研判、预警或报告问题的编号关联；"
        "所涉风险点 = 研判所涉风险点的评定、审定、公示、措施与修正；"
        "所涉职权 = 该风险点所在职权的目录登记与流程图；"
        "考核依据 = 考核结果列明的所据事件中含本案事实；"
        "单位年度 = 考核结果未列明事件编号，按本案事实所在单位与年度关联。",
        "",
        "| 时间 | 节点 | 单位 | 经办 | 事项 | 依据 | 关联 | 证据 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        cells = [
            _bj(e.occurred_at),
            e.node_id,
            e.unit_code,
            e.actor,
            e.what,
            e.authority,
            _VIA_ZH[e.via],
            e.event_id,
        ]
        lines.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
    if not entries:
        lines.append("| — | — | — | — | 没有与该案件有关的事件 | — | — | — |")
    return "\n".join(lines) + "\n"
