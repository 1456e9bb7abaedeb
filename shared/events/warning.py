"""Events published by the warning service: warnings issued and deadlines missed (Art. 27, 28)."""

from __future__ import annotations

from typing import Literal, Self
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from shared.events.base import CloudEvent, EventData
from shared.vocabulary import ActionHolder, ActionKind, Grade, WarningLevel

NOTICE_NUMBER_EXAMPLE = "清新廉预〔2026〕黄-0007"


class DueAction(BaseModel):
    """One thing a warning requires, by a deadline (处置措施, Art. 28)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    action_id: UUID = Field(description="Id of the action within the warning.")
    kind: ActionKind = Field(description="What is required (Art. 28).")
    description: str = Field(min_length=1, description="What exactly is due, in words.")
    due_at: AwareDatetime = Field(description="Deadline (规定时限 / 限期).")
    holder: ActionHolder | None = Field(
        None,
        description="Whose duty it is: the disposing body (talks, the 纪律检查(监察)建议书, "
        "criticism, inquiry) or the warned unit (explanation, analysis, measures, "
        "rectification) (Art. 28).",
    )


class WarningIssuedData(EventData):
    """A yellow, orange or red warning notice (预警通知书) was issued after review (Art. 27, 28)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    warning_id: UUID = Field(description="Id of the warning.")
    notice_number: str = Field(
        min_length=1,
        description=f"Number of the warning notice (预警通知书文号), e.g. {NOTICE_NUMBER_EXAMPLE}.",
    )
    level: WarningLevel = Field(description="Warning level (预警等级, Art. 28).")
    subject_person_id: str | None = Field(
        description="Opaque staff id of the person warned (预警对象), if a person."
    )
    risk_point_id: UUID | None = Field(description="The risk point warned about, if any.")
    judgement_id: UUID | None = Field(
        description="The judgement whose recommendation was reviewed (Art. 25), if any."
    )
    meeting_id: UUID = Field(description="The review meeting (专题会议) that decided it (Art. 28).")
    grade: Grade | None = Field(
        None,
        description="The risk point's grade the meeting relied on; the level follows it "
        "(低→黄, 中→橙, 高→红, Art. 28).",
    )
    actions: tuple[DueAction, ...] = Field(
        description="What is due under this level, each with its deadline (Art. 28)."
    )


class WarningIssued(CloudEvent):
    """WarningIssued v1: a warning was issued after review (Art. 27, 28); public contract."""

    type: Literal["cn.gov.qingxin.lianfang.warning.WarningIssued.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.WarningIssued.v1",
        description="Event type (ce_type).",
    )
    data: WarningIssuedData = Field(description="The warning.")


class ActionOverdueData(EventData):
    """What every overdue action says: the warning, the action, its deadline (Art. 28)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    warning_id: UUID = Field(description="The warning.")
    notice_number: str = Field(min_length=1, description="Number of the warning notice.")
    level: WarningLevel = Field(description="The warning's level.")
    action_id: UUID = Field(description="The overdue action.")
    action_kind: ActionKind = Field(description="What was due.")
    due_at: AwareDatetime = Field(description="The deadline that passed.")
    detected_at: AwareDatetime = Field(description="When the system found it overdue.")

    @model_validator(mode="after")
    def _detected_after_deadline(self) -> Self:
        if self.detected_at < self.due_at:
            raise ValueError("detected_at is before due_at: nothing is overdue yet")
        return self


class RectificationOverdueData(ActionOverdueData):
    """A warning's action passed its deadline without what was due (逾期未整改, Art. 28).

    An action of the warned unit's own (explanation, analysis, measures, rectification);
    `unit_code` is the warned unit.
    """


class RectificationOverdue(CloudEvent):
    """RectificationOverdue v1: a warning's deadline passed unmet (Art. 28); public contract."""

    type: Literal["cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1",
        description="Event type (ce_type).",
    )
    data: RectificationOverdueData = Field(description="The missed deadline.")


class DisposalOverdueData(ActionOverdueData):
    """The disposing body let a deadline of its own duty pass (Art. 28); `unit_code` is that body.

    A warning talk, a talk with the leader in charge or the principal leader, the
    纪律检查(监察)建议书, an internal criticism or an inquiry is the disposing body's to do. Its
    lapse is the body's, not the warned unit's: it is published apart from RectificationOverdue,
    costs the warned unit nothing and proposes nothing against it.
    """

    warned_unit: str = Field(min_length=1, description="The unit the warning was issued to.")


class DisposalOverdue(CloudEvent):
    """DisposalOverdue v1: the disposing body missed a deadline of its own (Art. 28); internal."""

    type: Literal["cn.gov.qingxin.lianfang.warning.DisposalOverdue.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.DisposalOverdue.v1",
        description="Event type (ce_type).",
    )
    data: DisposalOverdueData = Field(description="The missed deadline and whose it was.")


class RegradeProposedData(EventData):
    """A review meeting asks the register to re-grade a risk point (Art. 14, 28, 30).

    Lateness never raises a warning's level by itself: the level follows the grade (Art. 28), and
    a grade changes only through its own procedure (factors, collective approval; Art. 14). So an
    overdue action of the warned unit opens a proposal that the meeting reviews; if it agrees, this
    event asks the register to re-grade the point, with the overdue actions as evidence.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    proposal_id: UUID = Field(description="The warning service's re-grade proposal.")
    risk_point_id: UUID = Field(description="The risk point to re-grade.")
    warning_id: UUID = Field(description="The warning whose actions were overdue.")
    notice_number: str = Field(min_length=1, description="Number of that warning's notice.")
    current_grade: Grade | None = Field(description="The grade the warning relied on.")
    suggested_grade: Grade = Field(description="The grade the meeting suggests examining.")
    overdue_action_ids: tuple[UUID, ...] = Field(
        min_length=1, description="The overdue actions that are the evidence (逾期未整改)."
    )
    meeting_id: UUID = Field(description="The review meeting (专题会议) that agreed.")
    reasons: str = Field(min_length=1, description="The meeting's reasons.")


class RegradeProposed(CloudEvent):
    """RegradeProposed v1: a meeting asks for a risk point's re-grading (Art. 14, 28); internal."""

    type: Literal["cn.gov.qingxin.lianfang.warning.RegradeProposed.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.RegradeProposed.v1",
        description="Event type (ce_type).",
    )
    data: RegradeProposedData = Field(description="The request and its evidence.")


class WarningClosedData(EventData):
    """Every action a warning required was done and verified: the warning is closed (Art. 28)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    warning_id: UUID = Field(description="The warning.")
    notice_number: str = Field(min_length=1, description="Number of the warning notice.")
    level: WarningLevel = Field(description="The warning's level.")
    actions_verified: int = Field(
        ge=1, description="How many actions were done and verified by the office (核实)."
    )


class WarningClosed(CloudEvent):
    """WarningClosed v1: a warning's actions were all done and verified (Art. 28); internal."""

    type: Literal["cn.gov.qingxin.lianfang.warning.WarningClosed.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.WarningClosed.v1",
        description="Event type (ce_type).",
    )
    data: WarningClosedData = Field(description="The closure.")


class CaseTransferredData(EventData):
    """A violation of discipline or law was transferred to the competent body (移送, Art. 28(4))."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    transfer_id: UUID = Field(description="Id of the transfer (the reviewed proposal's id).")
    to_body: str = Field(
        min_length=1, description="The competent body it went to (移送机关), e.g. 区纪委监委."
    )
    reference: str = Field(min_length=1, description="Reference of the transfer letter (移送函).")
    reasons: str = Field(min_length=1, description="Why it is a violation, as the meeting found.")
    meeting_id: UUID = Field(description="The review meeting (专题会议) that decided it (Art. 28).")
    judgement_id: UUID | None = Field(description="The judgement it rests on (Art. 25), if any.")
    information_id: UUID | None = Field(description="The information (case) judged, if any.")
    risk_point_id: UUID | None = Field(description="The risk point concerned, if any.")


class CaseTransferred(CloudEvent):
    """CaseTransferred v1: a violation went to the competent body (Art. 28(4)); internal."""

    type: Literal["cn.gov.qingxin.lianfang.warning.CaseTransferred.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.CaseTransferred.v1",
        description="Event type (ce_type).",
    )
    data: CaseTransferredData = Field(description="The transfer.")


SupervisoryActKind = Literal["chased", "returned", "resubmitted", "signed_off"]


class DisposalSupervisedData(EventData):
    """The level above the disposing body supervised a warning's disposal (分级监督, Art. 29).

    `unit_code` is the warned unit; `actor` who acted: someone of the level above for chased,
    returned and signed_off, the disposing body for resubmitted.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    warning_id: UUID = Field(description="The warning whose disposal is supervised.")
    notice_number: str = Field(min_length=1, description="Number of the warning notice.")
    disposing_unit: str = Field(
        min_length=1, description="The disposing body supervised (处置机关, Art. 27)."
    )
    act: SupervisoryActKind = Field(
        description="chased = 督办 (the disposal is chased); returned = 退回 (a finished disposal "
        "goes back for rework, `text` the reasons); resubmitted = the disposing body reports its "
        "rework; signed_off = 办结 (the level above accepts the disposal)."
    )
    text: str = Field(description="The chase's note, the reasons, the rework, or the opinion.")
    document_refs: tuple[str, ...] = Field(
        description="References of the documents of a rework (文书、材料); empty otherwise."
    )
    due_at: AwareDatetime | None = Field(
        default=None,
        description="For returned: by when the disposing body reports its rework (重办期限), "
        "watched like a warning's deadlines (DisposalReworkOverdue). Null for the other acts "
        "and absent in returns published before it was carried (additive, schema v1).",
    )


class DisposalSupervised(CloudEvent):
    """DisposalSupervised v1: 督办, 退回 or 办结 of a warning's disposal (Art. 29); internal."""

    type: Literal["cn.gov.qingxin.lianfang.warning.DisposalSupervised.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.DisposalSupervised.v1",
        description="Event type (ce_type).",
    )
    data: DisposalSupervisedData = Field(description="The supervisory act.")


class DisposalReworkOverdueData(EventData):
    """A disposing body did not report its rework of a returned disposal in time (Art. 29).

    The level above returned 退回 the disposal with a rework deadline; it passed with no rework
    reported. `unit_code` is the disposing body (the holder of the duty, charged in its own
    assessment, never the warned unit's); `actor` the system (the warning service's watch).
    Once per return.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    warning_id: UUID = Field(description="The warning whose disposal was returned.")
    notice_number: str = Field(min_length=1, description="Number of the warning notice.")
    warned_unit: str = Field(min_length=1, description="The unit the warning was issued to.")
    return_number: int = Field(ge=1, description="Which return of this disposal (1 = the first).")
    returned_at: AwareDatetime = Field(description="When the level above returned it (退回).")
    due_at: AwareDatetime = Field(description="By when the rework was due (重办期限).")
    detected_at: AwareDatetime = Field(description="When the lapse was found.")


class DisposalReworkOverdue(CloudEvent):
    """DisposalReworkOverdue v1: a returned disposal's rework is overdue (Art. 29)."""

    type: Literal["cn.gov.qingxin.lianfang.warning.DisposalReworkOverdue.v1"] = Field(
        default="cn.gov.qingxin.lianfang.warning.DisposalReworkOverdue.v1",
        description="Event type (ce_type).",
    )
    data: DisposalReworkOverdueData = Field(description="The overdue rework.")
