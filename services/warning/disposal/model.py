"""The disposal of a risk: a proposal, its review meeting, a warning and its actions (Art. 27, 28).

Three aggregates, each one class: a `Proposal` 预警处置建议 awaiting its review meeting
专题会议审核, the `IssuedWarning` 预警通知书 with the actions it requires, and the
`NoticeSequence` that numbers the notices. The level of a warning is not the meeting's to choose:
it follows the grade of the risk point (`grades.py`, Art. 28). Commands check the rules and
trigger one event; event methods only change state, so replaying the stored events rebuilds an
aggregate without checking again. Ids follow from what an aggregate rests on, so a second copy of
the same upstream event opens nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.warning.deadlines.rules import DOCUMENT_KINDS, MEETING_KINDS
from shared.clock import BEIJING
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActionHolder, ActionKind, ActorRecord, Grade, WarningLevel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from services.warning.deadlines.rules import PlannedAction
    from services.warning.disposal.grades import GradeBasis

PROPOSAL_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:warning:proposal")
_SEQUENCE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:warning:notice-sequence")


# -- the proposal and its review meeting (Art. 27, 28) -------------------------------------------


class _Worded(StrEnum):
    """A code of this module with the console's words for it (console/src/utils/warningLabels.ts),
    so that a refusal names a status or decision as the official's screen does (issue #16)."""

    @property
    def label_zh(self) -> str:
        return _WORDS_ZH[type(self)][self.value]


class ProposalKind(_Worded):
    """A warning (预警), a transfer of a violation (移送, Art. 28(4)), or a re-grade that an
    overdue action suggests (提请重新评定, Art. 14, 28)."""

    WARNING = "warning"
    TRANSFER = "transfer"
    REGRADE = "regrade"


class Decision(_Worded):
    """What the review meeting decided (审核意见, Art. 28).

    There is no "change the level": the level follows the grade (Art. 28), and a different level
    needs a re-grade through the grade's own procedure (Art. 14).
    """

    ISSUE = "issue"  # 按风险等级预警
    NO_WARNING = "no_warning"  # 不予预警 / 不予提请
    TRANSFER = "transfer"  # 移送相关部门
    REGRADE = "regrade"  # 提请重新评定风险等级


class ProposalStatus(_Worded):
    """Where a proposal stands between its opening and its disposal (Art. 28)."""

    OPEN = "open"  # 待审核
    DECIDED = "decided"  # 已审核，待发文/移送
    ISSUED = "issued"  # 已发预警通知书
    TRANSFERRED = "transferred"  # 已移送
    DISMISSED = "dismissed"  # 不予预警
    REFERRED = "referred"  # 已提请登记机关重新评定等级


@dataclass(frozen=True)
class Review:
    """The review meeting's record: when, who, what was decided, the minutes (Art. 28)."""

    meeting_id: UUID
    held_on: date
    attendees: tuple[str, ...]
    decision: Decision
    level: WarningLevel | None
    grade: Grade | None  # the risk point's grade the level followed (Art. 28)
    graded_event_id: str | None  # the register's RiskGraded that set that grade
    reasons: str
    minutes_ref: str
    optional_actions: tuple[ActionKind, ...]
    recorded_by: ActorRecord
    recorded_at: datetime


@dataclass(frozen=True)
class Transfer:
    """Where a violation was transferred 移送, by which letter, by whom and when (Art. 28(4))."""

    to_body: str
    reference: str
    by: ActorRecord
    at: datetime


@dataclass(frozen=True)
class Escalation:
    """What a re-grade proposal rests on: an overdue warning and its overdue actions (Art. 28)."""

    warning_id: UUID
    notice_number: str
    current_grade: Grade | None
    suggested_grade: Grade
    overdue_action_ids: tuple[UUID, ...]

    def as_record(self) -> dict[str, Any]:
        """As the Opened event stores it (the transcoder knows dicts, not dataclasses)."""
        return {
            "warning_id": self.warning_id,
            "notice_number": self.notice_number,
            "current_grade": self.current_grade.value if self.current_grade else None,
            "suggested_grade": self.suggested_grade.value,
            "overdue_action_ids": list(self.overdue_action_ids),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Escalation:
        """Back from the Opened event's record."""
        current = record["current_grade"]
        return cls(
            record["warning_id"], record["notice_number"], Grade(current) if current else None,
            Grade(record["suggested_grade"]), tuple(record["overdue_action_ids"]),
        )  # fmt: skip


def proposal_id(key: str) -> UUID:
    """The id of the proposal resting on `key`, e.g. judgement:<id> or escalation:<warning id>."""
    return uuid5(PROPOSAL_NAMESPACE, key)


class Proposal(Aggregate):
    """A proposed disposal of one unit, reviewed by the body that manages it (Art. 27)."""

    class Transferred(Aggregate.Event):
        """The violation went to the competent body; the facts ride along to be published."""

        to_body: str
        reference: str
        by: ActorRecord
        at: datetime
        unit_code: str
        reasons: str
        meeting_id: UUID
        judgement_id: UUID | None
        information_id: UUID | None
        risk_point_id: UUID | None

    class Referred(Aggregate.Event):
        """The meeting asks the register to re-grade the point; the facts ride along to publish."""

        unit_code: str
        risk_point_id: UUID
        warning_id: UUID
        notice_number: str
        current_grade: str | None
        suggested_grade: str
        overdue_action_ids: list[UUID]
        meeting_id: UUID
        reasons: str
        by: ActorRecord
        at: datetime

    @staticmethod
    def create_id(key: str, **_: Any) -> UUID:
        return proposal_id(key)

    @event("Opened")
    def __init__(
        self,
        *,
        key: str,
        subject_unit: str,
        disposing_unit: str,
        reported_to: list[str],
        kind: str,
        source: str,
        judgement_id: UUID | None,
        information_id: UUID | None,
        risk_point_id: UUID | None,
        reasoning: str,
        opened_at: datetime,
        escalation: dict[str, Any] | None,
    ) -> None:
        self.key = key
        self.subject_unit = subject_unit
        self.disposing_unit = disposing_unit
        self.reported_to = tuple(reported_to)
        self.kind = ProposalKind(kind)
        self.source = source
        self.judgement_id = judgement_id
        self.information_id = information_id
        self.risk_point_id = risk_point_id
        self.reasoning = reasoning
        self.opened_at = opened_at
        self.escalation = Escalation.from_record(escalation) if escalation is not None else None
        self.status = ProposalStatus.OPEN
        self.review: Review | None = None
        self.warning_id: UUID | None = None
        self.transfer: Transfer | None = None

    @property
    def decided_level(self) -> WarningLevel | None:
        """The level the meeting decided to warn at; None unless it decided to warn."""
        if self.review is None or self.review.decision is not Decision.ISSUE:
            return None
        return self.review.level

    def add_evidence(self, action_id: UUID) -> None:
        """Another overdue action of the same warning joins a re-grade proposal's evidence."""
        if self.escalation is None or self.status is not ProposalStatus.OPEN:
            return
        if action_id in self.escalation.overdue_action_ids:
            return
        self._evidence_added(action_id=action_id)

    @event("EvidenceAdded")
    def _evidence_added(self, *, action_id: UUID) -> None:
        assert self.escalation is not None
        self.escalation = replace(
            self.escalation,
            overdue_action_ids=(*self.escalation.overdue_action_ids, action_id),
        )

    def record_review(
        self,
        *,
        meeting_id: UUID,
        held_on: date,
        attendees: list[str],
        decision: Decision,
        level: WarningLevel | None,
        basis: GradeBasis | None,
        reasons: str,
        minutes_ref: str,
        optional_actions: list[ActionKind],
        optional_allowed: frozenset[ActionKind],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Record the review meeting's decision on this proposal (专题会议审核, Art. 28).

        To warn, the level is the one the point's grade calls for (`basis`, Art. 28); a `level`
        given that differs is refused, as is a warning while no grade of the point is known.
        """
        if self.status is not ProposalStatus.OPEN:
            raise Conflict(
                f"该提请已经专题会议审核（{self.status.label_zh}），不能再次审核 "
                f"(the proposal was already reviewed ({self.status.value}))"
            )
        if held_on > at.astimezone(BEIJING).date():  # meetings are dated in Beijing time
            raise Invalid(
                "held_on",
                "会议尚未召开，不能先行记录 (the meeting cannot be recorded before it is held)",
            )
        if not [a for a in attendees if a.strip()]:
            raise Invalid("attendees", "请写明参加会议的人员 (name who attended the meeting)")
        if not minutes_ref.strip():
            raise Invalid(
                "minutes_ref", "请填写会议纪要文号 (give the reference of the minutes (会议纪要))"
            )
        level = self._level_for(decision, level, basis, reasons)
        if decision is not Decision.ISSUE and optional_actions:
            raise Invalid(
                "optional_actions", "只有决定预警的，才选定处置措施 (only a warning has actions)"
            )
        extra = set(optional_actions) - optional_allowed
        if extra:
            extra_zh = "、".join(k.label_zh for k in sorted(extra))
            raise Invalid(
                "optional_actions",
                f"该等级预警不能选定以下措施：{extra_zh} "
                f"(not decidable at this level: {sorted(extra)})",
            )
        self._reviewed(
            meeting_id=meeting_id,
            held_on=held_on.isoformat(),  # stored as text: the transcoder knows datetimes only
            attendees=[a.strip() for a in attendees if a.strip()],
            decision=decision.value,
            level=level.value if level is not None else None,
            grade=basis.grade.value if basis is not None and level is not None else None,
            graded_event_id=basis.graded_event_id if basis and level else None,
            reasons=reasons.strip(),
            minutes_ref=minutes_ref.strip(),
            optional_actions=sorted(k.value for k in set(optional_actions)),
            by=by,
            at=at,
        )
        if decision is Decision.REGRADE:
            self._refer(meeting_id, reasons.strip(), by, at)

    def _refer(self, meeting_id: UUID, reasons: str, by: ActorRecord, at: datetime) -> None:
        escalation = self.escalation
        # A re-grade proposal is opened only for a warning with a risk point, with its escalation.
        assert escalation is not None
        assert self.risk_point_id is not None
        self._referred(
            unit_code=self.subject_unit, risk_point_id=self.risk_point_id,
            warning_id=escalation.warning_id, notice_number=escalation.notice_number,
            current_grade=escalation.current_grade.value if escalation.current_grade else None,
            suggested_grade=escalation.suggested_grade.value,
            overdue_action_ids=list(escalation.overdue_action_ids), meeting_id=meeting_id,
            reasons=reasons, by=by, at=at,
        )  # fmt: skip

    @event(Referred)
    def _referred(  # the facts ride along so the request can be published on its own
        self,
        *,
        unit_code: str,
        risk_point_id: UUID,
        warning_id: UUID,
        notice_number: str,
        current_grade: str | None,
        suggested_grade: str,
        overdue_action_ids: list[UUID],
        meeting_id: UUID,
        reasons: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        pass  # the review already set the status to referred

    def _level_for(
        self,
        decision: Decision,
        level: WarningLevel | None,
        basis: GradeBasis | None,
        reasons: str,
    ) -> WarningLevel | None:
        if decision is Decision.ISSUE:
            if self.kind is not ProposalKind.WARNING:
                raise Invalid(
                    "decision",
                    f"“{self.kind.label_zh}”类提请不作预警决定 "
                    f"(a {self.kind.value} proposal is not warned on)",
                )
            if basis is None:
                raise Conflict(
                    "Art. 28: 预警等级按风险点的风险等级确定，尚未收到该风险点的等级评定结果，"
                    "收到后再审核 (the level follows the risk point's grade, and no grading of the "
                    "point has reached the warning service yet; review once it has)"
                )
            if level is not None and level is not basis.level:
                raise Conflict(
                    f"Art. 28: 风险等级为“{basis.grade.label_zh}”的风险点"
                    f"应发{basis.level.label_zh}；"
                    f"如需改变预警等级，须先重新评定风险等级（第十四条） "
                    f"(a {basis.grade.label_zh}-graded point is warned "
                    f"{basis.level.value}; re-grade it (Art. 14) to change the level)"
                )
            return basis.level
        if level is not None:
            raise Invalid(
                "level",
                f"决定“{decision.label_zh}”的，不设预警等级 "
                f"({decision.value} warns nobody: only a warning has a level)",
            )
        if not reasons.strip():
            raise Invalid(
                "reasons", f"决定“{decision.label_zh}”的，请写明理由 (say why ({decision.value}))"
            )
        if decision is Decision.REGRADE and self.kind is not ProposalKind.REGRADE:
            raise Invalid(
                "decision",
                "只有“提请重新评定等级”类提请才能作此决定 "
                "(only a re-grade proposal is referred for re-grading)",
            )
        if decision is Decision.TRANSFER and self.kind is ProposalKind.REGRADE:
            raise Invalid(
                "decision",
                "“提请重新评定等级”类提请只能决定提请重新评定或不予提请 "
                "(a re-grade proposal is referred (regrade) or dismissed)",
            )
        return None

    @event("Reviewed")
    def _reviewed(
        self,
        *,
        meeting_id: UUID,
        held_on: str,
        attendees: list[str],
        decision: str,
        level: str | None,
        grade: str | None,
        graded_event_id: str | None,
        reasons: str,
        minutes_ref: str,
        optional_actions: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        review = Review(
            meeting_id, date.fromisoformat(held_on), tuple(attendees), Decision(decision),
            WarningLevel(level) if level is not None else None,
            Grade(grade) if grade is not None else None, graded_event_id, reasons, minutes_ref,
            tuple(ActionKind(k) for k in optional_actions), dict(by), at,
        )  # fmt: skip
        self.review = review
        self.status = {
            Decision.NO_WARNING: ProposalStatus.DISMISSED,
            Decision.REGRADE: ProposalStatus.REFERRED,
        }.get(review.decision, ProposalStatus.DECIDED)

    def mark_issued(self, warning_id: UUID, at: datetime) -> None:
        """Note that the decided warning was issued (Art. 28)."""
        if self.status is not ProposalStatus.DECIDED or self.decided_level is None:
            raise Conflict(
                "须经专题会议审核决定预警，方可发出预警通知书 "
                "(issuing needs a review decision to warn (专题会议审核))"
            )
        self._issued(warning_id=warning_id, at=at)

    @event("WarningIssued")
    def _issued(self, *, warning_id: UUID, at: datetime) -> None:
        self.warning_id = warning_id
        self.status = ProposalStatus.ISSUED

    def transfer_case(self, *, to_body: str, reference: str, by: ActorRecord, at: datetime) -> None:
        """Transfer a violation to the competent body (移送相关部门, Art. 28(4))."""
        if self.review is None or self.review.decision is not Decision.TRANSFER:
            raise Conflict(
                "须经专题会议审核决定移送，方可移送 "
                "(a transfer needs the review meeting's decision to transfer)"
            )
        if self.status is not ProposalStatus.DECIDED:
            raise Conflict(
                f"该提请当前为“{self.status.label_zh}”，不能移送 "
                f"(the proposal is {self.status.value})"
            )
        if not to_body.strip():
            raise Invalid("to_body", "请写明移送机关 (name the competent body (移送机关))")
        if not reference.strip():
            raise Invalid(
                "reference", "请填写移送函文号 (give the transfer letter's reference (移送函))"
            )
        self._transferred(
            to_body=to_body.strip(), reference=reference.strip(), by=by, at=at,
            unit_code=self.subject_unit, reasons=self.review.reasons or self.reasoning,
            meeting_id=self.review.meeting_id, judgement_id=self.judgement_id,
            information_id=self.information_id, risk_point_id=self.risk_point_id,
        )  # fmt: skip

    @event(Transferred)
    def _transferred(  # the facts ride along so the transfer can be published on its own
        self,
        *,
        to_body: str,
        reference: str,
        by: ActorRecord,
        at: datetime,
        unit_code: str,
        reasons: str,
        meeting_id: UUID,
        judgement_id: UUID | None,
        information_id: UUID | None,
        risk_point_id: UUID | None,
    ) -> None:
        self.transfer = Transfer(to_body, reference, dict(by), at)
        self.status = ProposalStatus.TRANSFERRED


# -- the warning's actions: plain records, rebuilt from the warning's events (Art. 28) ------------


class ActionStatus(_Worded):
    """How far an action of a warning has got: pending, reported, verified (Art. 28)."""

    PENDING = "pending"  # 待落实
    REPORTED = "reported"  # 已报送，待核实
    VERIFIED = "verified"  # 已核实


_WORDS_ZH: dict[type[_Worded], dict[str, str]] = {
    ProposalKind: {
        "warning": "预警处置", "transfer": "移送处理", "regrade": "提请重新评定等级",
    },
    Decision: {
        "issue": "按风险等级预警", "no_warning": "不予预警", "transfer": "移送相关部门",
        "regrade": "提请重新评定风险等级",
    },
    ProposalStatus: {
        "open": "待会议审核", "decided": "已审核，待发文/移送", "issued": "已发预警通知书",
        "transferred": "已移送", "dismissed": "不予预警", "referred": "已提请重新评定等级",
    },
    ActionStatus: {"pending": "待落实", "reported": "已报送，待核实", "verified": "已核实"},
}  # fmt: skip


@dataclass(frozen=True)
class ActionReport:
    """What was done for an action: documents by reference, a talk held (when, who), a note."""

    note: str
    document_refs: tuple[str, ...]
    held_at: datetime | None
    participants: tuple[str, ...]
    by: ActorRecord
    at: datetime


@dataclass(frozen=True)
class ActionState:
    """One action of a warning with its deadline (限期) and what has happened to it (Art. 28)."""

    action_id: UUID
    kind: ActionKind
    holder: ActionHolder
    description: str
    due_at: datetime
    status: ActionStatus = ActionStatus.PENDING
    reports: tuple[ActionReport, ...] = field(default_factory=tuple)
    verified_by: ActorRecord | None = None
    verified_at: datetime | None = None
    returned_reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def outstanding(self) -> bool:
        """Nothing (or nothing accepted) has been reported yet: the deadline still bites."""
        return self.status is ActionStatus.PENDING

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ActionState:
        """An action as the Issued event stores it (see `action_records`), before any report."""
        return cls(
            record["action_id"], ActionKind(record["kind"]), ActionHolder(record["holder"]),
            record["description"], record["due_at"],
        )  # fmt: skip


def action_records(warning_id: UUID, planned: Sequence[PlannedAction]) -> list[dict[str, Any]]:
    """The planned actions as the Issued event stores them (the transcoder knows dicts)."""
    return [
        {
            "action_id": action_id_for(warning_id, p.kind),
            "kind": p.kind.value,
            "holder": p.holder.value,
            "description": p.description,
            "due_at": p.due_at,
        }
        for p in planned
    ]


# -- the warning (Art. 28) ------------------------------------------------------------------------


def warning_id_for(proposal_id: UUID) -> UUID:
    """One warning per reviewed proposal: its id follows from the proposal's."""
    return uuid5(proposal_id, "warning")


def action_id_for(warning_id: UUID, kind: ActionKind) -> UUID:
    """One action of each kind per warning: its id follows from the warning's."""
    return uuid5(warning_id, f"action:{kind.value}")


class IssuedWarning(Aggregate):
    """A yellow, orange or red warning and its due actions (黄色/橙色/红色预警, Art. 28)."""

    class Issued(Aggregate.Created):
        """The notice was issued: everything it says, to be published as WarningIssued."""

        proposal_id: UUID
        notice_number: str
        level: str
        subject_unit: str
        subject_person_id: str | None
        disposing_unit: str
        reported_to: list[str]
        risk_point_id: UUID | None
        judgement_id: UUID | None
        information_id: UUID | None
        meeting_id: UUID
        minutes_ref: str
        reasons: str
        grade: str | None
        graded_event_id: str | None
        actions: list[dict[str, Any]]
        issued_by: ActorRecord
        issued_at: datetime

        def due_actions(self) -> tuple[ActionState, ...]:
            """The actions the notice requires, each with its deadline (Art. 28)."""
            return tuple(ActionState.from_record(a) for a in self.actions)

    class Closed(Aggregate.Event):
        """Every action verified: the warning is closed 办结; the facts ride along to publish."""

        unit_code: str
        notice_number: str
        level: str
        actions_verified: int
        by: ActorRecord
        at: datetime

    @staticmethod
    def create_id(proposal_id: UUID, **_: Any) -> UUID:
        return warning_id_for(proposal_id)

    @event(Issued)
    def __init__(
        self,
        *,
        proposal_id: UUID,
        notice_number: str,
        level: str,
        subject_unit: str,
        subject_person_id: str | None,
        disposing_unit: str,
        reported_to: list[str],
        risk_point_id: UUID | None,
        judgement_id: UUID | None,
        information_id: UUID | None,
        meeting_id: UUID,
        minutes_ref: str,
        reasons: str,
        grade: str | None,
        graded_event_id: str | None,
        actions: list[dict[str, Any]],
        issued_by: ActorRecord,
        issued_at: datetime,
    ) -> None:
        self.proposal_id = proposal_id
        self.notice_number = notice_number
        self.level = WarningLevel(level)
        self.subject_unit = subject_unit
        self.subject_person_id = subject_person_id
        self.disposing_unit = disposing_unit
        self.reported_to = tuple(reported_to)
        self.risk_point_id = risk_point_id
        self.judgement_id = judgement_id
        self.information_id = information_id
        self.meeting_id = meeting_id
        self.minutes_ref = minutes_ref
        self.reasons = reasons
        self.grade = Grade(grade) if grade is not None else None  # the grade the level followed
        self.graded_event_id = graded_event_id
        self.actions: dict[UUID, ActionState] = {
            a.action_id: a for a in (ActionState.from_record(r) for r in actions)
        }
        self.issued_by = dict(issued_by)
        self.issued_at = issued_at
        self.closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Not yet closed 未办结: some action is still to be verified (Art. 28)."""
        return self.closed_at is None

    def holder_unit(self, action: ActionState) -> str:
        """The unit whose duty an action is: the disposing body's or the warned unit (Art. 28)."""
        if action.holder is ActionHolder.DISPOSING_BODY:
            return self.disposing_unit
        return self.subject_unit

    def action(self, action_id: UUID) -> ActionState:
        """One action of this warning; Invalid naming `action_id` if it has none such."""
        try:
            return self.actions[action_id]
        except KeyError:
            raise Invalid(
                "action_id",
                f"预警 {self.notice_number} 中没有措施 {action_id} "
                f"(warning {self.notice_number} has no action {action_id})",
            ) from None

    # -- doing the actions (Art. 28) ------------------------------------------------------------

    def report(
        self,
        action_id: UUID,
        *,
        note: str,
        document_refs: list[str],
        held_at: datetime | None,
        participants: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Report what was done for an action: documents, a talk held, measures done (Art. 28)."""
        self._open_only()
        action = self.action(action_id)
        if action.status is not ActionStatus.PENDING:
            raise Conflict(
                f"“{action.kind.label_zh}”当前为“{action.status.label_zh}”，不能再次报送 "
                f"({action.kind} is already {action.status.value})"
            )
        refs = [r.strip() for r in document_refs if r.strip()]
        people = [p.strip() for p in participants if p.strip()]
        if action.kind in MEETING_KINDS:
            if held_at is None:
                raise Invalid(
                    "held_at", "请写明谈话或询问的时间 (say when the talk or inquiry was held)"
                )
            if not people:
                raise Invalid("participants", "请写明参加人员 (say who took part)")
        elif action.kind in DOCUMENT_KINDS and not refs:
            raise Invalid(
                "document_refs",
                "请填写材料的文号或名称 (give the reference of the document (材料))",
            )
        elif action.kind not in MEETING_KINDS | DOCUMENT_KINDS and not note.strip():
            raise Invalid("note", "请写明整改或处理情况 (say what was done (整改/处理情况))")
        if held_at is not None and held_at > at:
            raise Invalid("held_at", "时间不能晚于当前时间 (cannot lie in the future)")
        self._reported(
            action_id=action_id, note=note.strip(), document_refs=refs, held_at=held_at,
            participants=people, by=by, at=at,
        )  # fmt: skip

    @event("ActionReported")
    def _reported(
        self,
        *,
        action_id: UUID,
        note: str,
        document_refs: list[str],
        held_at: datetime | None,
        participants: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        report = ActionReport(
            note, tuple(document_refs), held_at, tuple(participants), dict(by), at
        )
        action = self.actions[action_id]
        self.actions[action_id] = replace(
            action, status=ActionStatus.REPORTED, reports=(*action.reports, report)
        )

    def verify(
        self, action_id: UUID, *, accepted: bool, reason: str, by: ActorRecord, at: datetime
    ) -> bool:
        """Verify 核实 or return 退回 a report; True if the warning closed (Art. 28)."""
        self._open_only()
        action = self.action(action_id)
        if action.status is not ActionStatus.REPORTED:
            raise Conflict(
                f"“{action.kind.label_zh}”当前为“{action.status.label_zh}”，没有待核实的报送 "
                f"({action.kind} is {action.status.value}: nothing to verify)"
            )
        if action.reports[-1].by["user_id"] == by["user_id"]:
            raise Forbidden("报送人不能核实本人报送的情况 (nobody verifies their own submission)")
        if not accepted:
            if not reason.strip():
                raise Invalid(
                    "reason", "请写明退回理由 (say why the report is returned (退回理由))"
                )
            self._returned(action_id=action_id, reason=reason.strip(), by=by, at=at)
            return False
        self._verified(action_id=action_id, by=by, at=at)
        if all(a.status is ActionStatus.VERIFIED for a in self.actions.values()):
            self._closed(
                unit_code=self.subject_unit, notice_number=self.notice_number, level=self.level,
                actions_verified=len(self.actions), by=by, at=at,
            )  # fmt: skip
            return True
        return False

    @event("ActionVerified")
    def _verified(self, *, action_id: UUID, by: ActorRecord, at: datetime) -> None:
        self.actions[action_id] = replace(
            self.actions[action_id],
            status=ActionStatus.VERIFIED,
            verified_by=dict(by),
            verified_at=at,
        )

    @event("ActionReturned")
    def _returned(self, *, action_id: UUID, reason: str, by: ActorRecord, at: datetime) -> None:
        action = self.actions[action_id]
        self.actions[action_id] = replace(
            action, status=ActionStatus.PENDING, returned_reasons=(*action.returned_reasons, reason)
        )

    @event(Closed)
    def _closed(  # the facts ride along so the closure can be published on its own
        self,
        *,
        unit_code: str,
        notice_number: str,
        level: str,
        actions_verified: int,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        self.closed_at = at

    def _open_only(self) -> None:
        if not self.is_open:
            raise Conflict(
                f"预警 {self.notice_number} 已办结 (warning {self.notice_number} is closed)"
            )


# -- the notice numbers (Art. 28) -----------------------------------------------------------------


class NoticeSequence(Aggregate):
    """The running number of notices per year and level 文号序号, kept in the store (Art. 28).

    Two issuers taking the next number at once both save version n+1; the store refuses the second,
    which retries with the number after.
    """

    @staticmethod
    def create_id(year: int, level: str, **_: Any) -> UUID:
        return uuid5(_SEQUENCE_NAMESPACE, f"{year}:{level}")

    @event("Started")
    def __init__(self, *, year: int, level: str) -> None:
        self.year = year
        self.level = WarningLevel(level)
        self.last = 0

    def take(self, warning_id: UUID) -> int:
        """The next number, recorded against the warning it numbers."""
        self._taken(number=self.last + 1, warning_id=warning_id)
        return self.last

    @event("Taken")
    def _taken(self, *, number: int, warning_id: UUID) -> None:
        self.last = number
