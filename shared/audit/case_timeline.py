"""A case's whole history across the services, as an auditor reads it (Art. 23, 24, 25, 28, 29).

A case is a piece of reported information. Its timeline gathers, from the events every service
published: who reported it and when it was learned, where it was forwarded or transferred and by
when feedback was due, how the lower level reported handling it and the chases, returns and
sign-off of that report (跟踪督办), any reporting breach found about it, the judgement and
grading, the warning with each action's deadline, what fell overdue, and the closure or
transfer. The links are the ids the events carry (information → judgement → warning), so the
timeline spans nodes: a case keeps its id when it is forwarded down or transferred up. Every
entry names the event id, the evidence an accountability finding cites.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from shared.clock import BEIJING
from shared.events import (
    CaseTransferred,
    CloudEvent,
    DisposalOverdue,
    DisposalSupervised,
    InformationAcknowledged,
    InformationForwarded,
    InformationHandled,
    InformationSupervised,
    InformationTransferred,
    JudgementMade,
    RectificationOverdue,
    RegradeProposed,
    ReportingBreachFound,
    ReportingBreachReviewed,
    RiskGraded,
    RiskReported,
    WarningClosed,
    WarningIssued,
    parse_event_type,
)
from shared.vocabulary import ActionKind, Channel, Grade, GradeSource, Verdict, WarningLevel

_SUPERVISION_ZH = {"chased": "经上级督办", "returned": "被上级退回重办",
                   "resubmitted": "已报送重办情况", "signed_off": "经上级审核办结"}  # fmt: skip
_BREACH_ZH = {"late": "迟报", "missed": "漏报", "concealment_candidate": "疑似瞒报（待核实）"}


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
        }


def _bj(moment: datetime) -> str:
    return f"{moment.astimezone(BEIJING):%Y-%m-%d %H:%M}"


def _links(case_id: UUID, events: list[CloudEvent]) -> tuple[set[UUID], set[UUID]]:
    """The judgements of the case, and the warnings issued on them."""
    judgements = {
        e.data.judgement_id
        for e in events
        if isinstance(e, JudgementMade) and e.data.information_id == case_id
    }
    warnings = {
        e.data.warning_id
        for e in events
        if isinstance(e, WarningIssued) and e.data.judgement_id in judgements
    }
    return judgements, warnings


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
        case RiskGraded(data=d):
            return (
                f"风险定级：{Grade(d.grade).label_zh}（{GradeSource(d.source).label_zh}）",
                None,
            )
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
        case DisposalSupervised(data=d):
            act = _SUPERVISION_ZH[d.act]
            return f"{d.notice_number} 处置{act}（处置机关 {d.disposing_unit}）：{d.text}", None
    return None


def _belongs(event: CloudEvent, case_id: UUID, judgements: set[UUID], warnings: set[UUID]) -> bool:
    data: Any = event.data
    if getattr(data, "information_id", None) == case_id:
        return True
    if isinstance(event, WarningIssued | CaseTransferred) and data.judgement_id in judgements:
        return True
    kinds = (
        RectificationOverdue
        | DisposalOverdue
        | RegradeProposed
        | WarningClosed
        | DisposalSupervised
    )
    return isinstance(event, kinds) and data.warning_id in warnings


def case_timeline(case_id: UUID, events: Iterable[CloudEvent]) -> list[TimelineEntry]:
    """The case's entries in the order things happened; a re-sent event appears once."""
    unique = list({e.id: e for e in events}.values())
    judgements, warnings = _links(case_id, unique)
    entries = []
    for event in unique:
        if not _belongs(event, case_id, judgements, warnings):
            continue
        described = _describe(event)
        if described is None:
            continue
        what, due = described
        data = event.data
        entries.append(
            TimelineEntry(
                occurred_at=data.occurred_at,
                event_id=event.id,
                event_type=parse_event_type(event.type).name,
                node_id=data.node_id,
                unit_code=data.unit_code,
                actor=f"{data.actor.user_id}（{data.actor.role}，{data.actor.unit_code}）",
                authority=data.authority,
                what=what,
                due_at=due,
            )
        )
    return sorted(entries, key=lambda e: (e.occurred_at, e.event_id))


def render_markdown(case_id: UUID, entries: list[TimelineEntry]) -> str:
    """The timeline as a document people read and print; times in Beijing time."""
    lines = [
        f"# 案件全过程 {case_id}",
        "",
        "时间为北京时间；证据栏为事件编号（ce_id），可在事件流中逐条核对。",
        "",
        "| 时间 | 节点 | 单位 | 经办 | 事项 | 依据 | 证据 |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        cells = [
            _bj(e.occurred_at),
            e.node_id,
            e.unit_code,
            e.actor,
            e.what,
            e.authority,
            e.event_id,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    if not entries:
        lines.append("| — | — | — | — | 没有与该案件有关的事件 | — | — |")
    return "\n".join(lines) + "\n"
