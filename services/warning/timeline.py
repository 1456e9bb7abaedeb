"""A disposal's full timeline 处置全过程: proposal, meeting, notice, reports, supervision.

Art. 27–29: the supervision of the level above (督办, 退回, 办结) is part of the story.

Read straight from the stored events of the proposal, its warning and the warning's records, so
nothing is summarised away; each entry says when, what, and who.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from services.warning.deadlines.watch import overdue_id, reminder_id
from services.warning.disposal.model import IssuedWarning, warning_id_for
from services.warning.supervision.model import DisposalSupervision, supervision_id
from services.warning.supervision.watch import rework_overdue_id
from shared.vocabulary import ActionKind

if TYPE_CHECKING:
    from eventsourcing.application import Application

_STEP_ZH = {
    "Opened": "提出处置建议",
    "Reviewed": "专题会议审核",
    "WarningIssued": "发出预警通知书",
    "Transferred": "移送相关部门",
    "Issued": "预警通知书已登记",
    "ActionReported": "报送落实情况",
    "ActionVerified": "核实通过",
    "ActionReturned": "退回重报",
    "Closed": "预警办结",
    "Sent": "临期提醒",
    "Recorded": "逾期未整改",
    "Started": "上级开始监督",
}
_ACT_ZH = {"chased": "上级督办", "returned": "上级退回重办", "resubmitted": "报送重办情况",
           "signed_off": "上级审核办结",
           "rework_overdue": "重办逾期（未按期报送重办情况）"}  # fmt: skip


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a disposal: when, which aggregate, what happened, by whom, and the details."""

    at: datetime
    step: str
    label_zh: str
    subject_id: UUID
    by: str
    detail: dict[str, Any]


def timeline(app: Application[UUID], proposal_id: UUID) -> list[TimelineEntry]:
    """Every step of one proposal's disposal in the order it happened (Art. 27, 29)."""
    ids = [proposal_id]
    kinds: dict[str, ActionKind] = {}  # an action's steps name it by id only: say which it is
    warning_id = warning_id_for(proposal_id)
    if warning_id in app.repository:
        ids.append(warning_id)
        warning: IssuedWarning = app.repository.get(warning_id)
        kinds = {str(i): a.kind for i, a in warning.actions.items()}
        for action_id in warning.actions:
            ids.extend(
                i for i in (reminder_id(action_id), overdue_id(action_id)) if i in app.repository
            )
        if supervision_id(warning_id) in app.repository:  # the level above's acts (Art. 29)
            ids.append(supervision_id(warning_id))
            ids.extend(_rework_lapses(app, warning_id))
    entries = [_entry(e, kinds) for i in ids for e in app.repository.event_store.get(i)]
    return sorted(entries, key=lambda t: t.at)


@dataclass(frozen=True)
class ReportedStep:
    """A step of a disposal as reported to a unit 条块结合 (Art. 27): the step and whose disposal
    it is, so a reader following several disposals knows which each step belongs to."""

    entry: TimelineEntry
    subject_unit: str
    warning_id: UUID | None  # None until a warning is issued (a proposal; a transfer, never)
    notice_number: str | None  # the warning's 预警通知书文号, once issued


def reported_steps(
    app: Application[UUID], proposal_id: UUID, subject_unit: str
) -> list[ReportedStep]:
    """Every step of one proposal's disposal as the units it is reported to see it (Art. 27)."""
    warning_id = warning_id_for(proposal_id)
    if warning_id not in app.repository:
        return [ReportedStep(e, subject_unit, None, None) for e in timeline(app, proposal_id)]
    warning: IssuedWarning = app.repository.get(warning_id)
    number = warning.notice_number
    return [ReportedStep(e, subject_unit, warning_id, number) for e in timeline(app, proposal_id)]


def _rework_lapses(app: Application[UUID], warning_id: UUID) -> list[UUID]:
    """The rework lapses recorded for the returns of a disposal (DisposalReworkOverdue, Art. 29):
    the disposing body and the level above both see them in the disposal's timeline."""
    supervision: DisposalSupervision = app.repository.get(supervision_id(warning_id))
    numbers = range(1, len(supervision.returns) + 1)
    return [i for n in numbers if (i := rework_overdue_id(warning_id, n)) in app.repository]


def _entry(domain_event: object, kinds: dict[str, ActionKind]) -> TimelineEntry:
    raw = {k: v for k, v in vars(domain_event).items() if k not in ("originator_version",)}
    step = type(domain_event).__name__
    if step == "Act":  # a supervisory act (Art. 29) is told by what it was
        step = f"supervision_{raw['act']}"
    elif type(domain_event).__qualname__ == "ReworkOverdue.Recorded":  # not an action's lapse
        step = "supervision_rework_overdue"
    stored_at = raw.pop("timestamp")
    # Domain time (from the injected clock) where the event has it; the store's time otherwise.
    when = [raw.get(k) for k in ("at", "issued_at", "opened_at", "sent_at", "detected_at")]
    at = next((w for w in when if isinstance(w, datetime)), stored_at)
    by = raw.get("by") or raw.get("issued_by") or {"user_id": "system"}
    detail = {
        k: v
        for k, v in raw.items()
        if k not in ("originator_id", "by", "issued_by", "originator_topic")
    }
    if "action_kind" not in detail and str(detail.get("action_id")) in kinds:
        detail["action_kind"] = kinds[str(detail["action_id"])].value
    kind = detail.get("action_kind")
    if isinstance(kind, str):
        detail["action_kind_zh"] = ActionKind(kind).label_zh
    label = _STEP_ZH.get(step) or _ACT_ZH.get(step.removeprefix("supervision_"), step)
    return TimelineEntry(at, step, label, raw["originator_id"], by["user_id"], detail)
