"""Events published by the register: units, catalogue, gradings, approval, publication,
reopening for revision, judgements (Art. 5–7, 10–14, 25, 30)."""

from __future__ import annotations

from datetime import date
from typing import Literal, Self
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from shared.events.assessment import RevisionAspect
from shared.events.base import CloudEvent, EventData
from shared.vocabulary import Grade, GradeSource, RiskCategory, UnitKind, Verdict, WarningLevel


class GradingFactors(BaseModel):
    """The four factors a risk grade is assessed from, each 1 (least) to 5 (most) (Art. 14)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    importance: int = Field(
        ge=1, le=5, description="Importance of the power (权力的重要程度): 1 minor … 5 major."
    )
    discretion: int = Field(
        ge=1,
        le=5,
        description="Size of discretion (自由裁量权的大小): 1 none … 5 very wide.",
    )
    probability: int = Field(
        ge=1,
        le=5,
        description="Probability of corruption (腐败现象发生的概率): 1 rare … 5 likely.",
    )
    harm: int = Field(
        ge=1, le=5, description="Degree of harm (危害程度) if it happens: 1 slight … 5 severe."
    )


class RiskGradedData(EventData):
    """A risk point (风险点) was graded or re-graded (Art. 14, 25, 30)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    category: RiskCategory = Field(description="Risk category (风险类别, Art. 13).")
    factors: GradingFactors = Field(description="The grading factors (Art. 14).")
    grade: Grade = Field(description="The grade now in force (风险等级, Art. 14).")
    previous_grade: Grade | None = Field(description="The grade before; null on first grading.")
    source: GradeSource = Field(
        description="What led to this grading: identification (排查), judgement (研判) or "
        "revision (动态修正)."
    )
    reason: str = Field(min_length=1, description="Why this grade, in words.")
    information_id: UUID | None = Field(
        description="The reported information (case) that led to it, if any."
    )
    judgement_id: UUID | None = Field(description="The judgement that led to it, if any (Art. 25).")
    recommended_level: WarningLevel | None = Field(
        description="Warning level the judgement recommends, if any; decided in review (Art. 28)."
    )
    power_id: UUID | None = Field(
        default=None,
        description="The power (职权, Art. 11) whose exercise the risk point lies in, as "
        "catalogued (PowerCatalogued, PowerCharted carry the same id); null for a point linked "
        "to no power. Absent in gradings published before it was carried (additive, optional: "
        "the schema stays version 1).",
    )


class RiskGraded(CloudEvent):
    """RiskGraded v1: a risk point was graded or re-graded (Art. 14, 25, 30); public contract."""

    type: Literal["cn.gov.qingxin.lianfang.register.RiskGraded.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.RiskGraded.v1",
        description="Event type (ce_type).",
    )
    data: RiskGradedData = Field(description="The grading.")


class JudgedReportingBreach(BaseModel):
    """The judges found the report untrue 不真实 or its core inaccurate 核心内容不准确 (Art. 23)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    breach_id: UUID = Field(description="Id of the breach; derived from the judgement and kind.")
    kind: Literal["untrue", "inaccurate"] = Field(
        description="untrue = 不真实 (the report is not true); inaccurate = 核心内容不准确 (its "
        "core content is inaccurate)."
    )
    responsible_person_id: str = Field(
        min_length=1,
        description="Staff id of the person who made the report (报送人: the information officer "
        "信息员 or the unit's office user who filed an officer_report), accountable under Art. 23; "
        "never a clerk who typed in a petition or other information no unit reported.",
    )
    reported_event_id: str = Field(
        min_length=1, description="ce_id of the RiskReported that carried the report (evidence)."
    )
    reported_at: AwareDatetime = Field(description="When the report was filed.")
    reporting_unit: str | None = Field(
        default=None,
        min_length=1,
        description="Code of the unit that made the report (报送单位: the officer's or office's "
        "own unit), which answers for it under Art. 23 and whose assessment counts it; not the "
        "subject unit (`unit_code`) unless that unit reported on itself. Null (absent) only in "
        "judgements made before it was published; those name no reporting unit and count "
        "against none.",
    )


class JudgementSignOff(BaseModel):
    """A member of the 研判小组 who signed the judgement, and when (Art. 25)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_id: str = Field(min_length=1, description="Opaque id of the member who signed.")
    role: str = Field(min_length=1, description="The role the member signed in (judge).")
    unit_code: str = Field(min_length=1, description="Code of the member's unit.")
    signed_at: AwareDatetime = Field(description="When the member signed (签署时间).")


class JudgementMadeData(EventData):
    """The judgement group (研判小组) verified and assessed a piece of information (Art. 25)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    judgement_id: UUID = Field(description="Id of the judgement.")
    information_id: UUID = Field(description="The information (case) judged.")
    risk_point_id: UUID | None = Field(
        description="The risk point the information bears on, if identified."
    )
    verdict: Verdict = Field(description="Outcome (研判结论).")
    recommended_level: WarningLevel | None = Field(
        description="Warning level recommended for review (Art. 28), if any."
    )
    reasoning: str = Field(min_length=1, description="The group's reasoning and recommendations.")
    reporting_breach: JudgedReportingBreach | None = Field(
        default=None,
        description="Set when the judges found a unit's report untrue or inaccurate in its core "
        "content (Art. 23); null (or absent) otherwise, always for information no unit reported "
        "(a petition from the public, media, an inspection, shared data).",
    )
    signed_by: list[JudgementSignOff] | None = Field(
        default=None,
        description="The members of the judgement group (研判小组) who signed it, the proposer "
        "first, in the order they signed; the judgement was made when enough had (Art. 25). "
        "Null (or absent) for judgements made before the group signed.",
    )


class JudgementMade(CloudEvent):
    """JudgementMade v1: a piece of information was judged (Art. 25); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.JudgementMade.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.JudgementMade.v1",
        description="Event type (ce_type).",
    )
    data: JudgementMadeData = Field(description="The judgement.")


class OrgUnitRegisteredData(EventData):
    """An organisational unit joined the tree, under the node that manages it (Art. 5–7)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    code: str = Field(min_length=1, description="The unit's code; equals `unit_code`.")
    name: str = Field(min_length=1, description="The unit's Chinese name (单位名称).")
    kind: UnitKind = Field(description="Kind of unit (Art. 3, 5).")
    parent_code: str | None = Field(description="Code of the parent unit; null for the district.")
    managing_node_id: str = Field(
        min_length=1,
        description="The node that manages this unit, by cadre-management authority "
        "(干部管理权限, Art. 7).",
    )
    principal_leader_id: str | None = Field(
        description="Opaque staff id of the principal leader (主要领导), first responsible for "
        "reporting (Art. 23)."
    )
    leadership_team_ids: tuple[str, ...] = Field(
        description="Staff ids of the leadership team (领导班子) that approves grades (Art. 14)."
    )
    business_department: str | None = Field(
        default=None,
        description="Code of the superior business department (上级业务主管部门) that follows the "
        "unit's disposals (条块结合, Art. 27); null if none.",
    )

    @model_validator(mode="after")
    def _code_is_the_unit(self) -> Self:
        if self.code != self.unit_code:
            raise ValueError(f"code {self.code!r} differs from unit_code {self.unit_code!r}")
        return self


class OrgUnitRegistered(CloudEvent):
    """OrgUnitRegistered v1: a unit was registered in the organisation tree (Art. 5–7); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.OrgUnitRegistered.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.OrgUnitRegistered.v1",
        description="Event type (ce_type).",
    )
    data: OrgUnitRegisteredData = Field(description="The unit.")


class OrgUnitChangedData(OrgUnitRegisteredData):
    """A unit of the tree changed: name, kind, place, node or leaders; full new state (Art. 5–7).

    Carries every field as it now stands, so a read model simply replaces its copy of the unit.
    """

    changed: tuple[str, ...] = Field(
        min_length=1,
        description="Names of the fields that changed, e.g. ['leadership_team_ids'].",
    )


class OrgUnitChanged(CloudEvent):
    """OrgUnitChanged v1: a unit of the organisation tree changed (Art. 5–7); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.OrgUnitChanged.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.OrgUnitChanged.v1",
        description="Event type (ce_type).",
    )
    data: OrgUnitChangedData = Field(description="The unit as it now stands.")


class PowerCataloguedData(EventData):
    """A statutory power entered its unit's catalogue 职权目录 (Art. 11)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    power_id: UUID = Field(description="Id of the power item in the register.")
    name: str = Field(min_length=1, description="Name of the power (职权名称).")
    kind: str = Field(
        min_length=1,
        description="Kind of power (职权类别): licensing, penalty, coercion, levy, benefit, "
        "inspection, confirmation, reward, adjudication or other.",
    )
    legal_basis: str = Field(min_length=1, description="The law or regulation it rests on.")
    posts: tuple[str, ...] = Field(min_length=1, description="Posts that exercise the power.")


class PowerCatalogued(CloudEvent):
    """PowerCatalogued v1: a power entered the catalogue 职权目录 (Art. 11); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.PowerCatalogued.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.PowerCatalogued.v1",
        description="Event type (ce_type).",
    )
    data: PowerCataloguedData = Field(description="The power as catalogued.")


class PowerChartedData(EventData):
    """A version of a power's flowchart 权力运行流程图 was drawn (Art. 11)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    power_id: UUID = Field(description="Id of the power item in the register.")
    flowchart_version: int = Field(ge=1, description="The version drawn; 1 is the first chart.")
    steps: int = Field(ge=1, description="How many steps the flowchart has.")


class PowerCharted(CloudEvent):
    """PowerCharted v1: a power's flowchart was drawn or redrawn (Art. 11); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.PowerCharted.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.PowerCharted.v1",
        description="Event type (ce_type).",
    )
    data: PowerChartedData = Field(description="The flowchart version drawn.")


class RiskPointApprovedData(EventData):
    """The leadership team approved a risk point's grade collectively 集体审定 (Art. 14)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    grade: Grade = Field(description="The grade approved.")
    approval_round: int = Field(
        ge=1, description="Which round of approval; a new grade opens a new round."
    )
    team_size: int = Field(ge=1, description="Members of the leadership team (领导班子).")
    needed: int = Field(ge=1, description="Votes in favour the quorum rule needs.")
    in_favour: int = Field(ge=1, description="Votes in favour when the grade was approved.")
    against: int = Field(ge=0, description="Votes against when the grade was approved.")
    responsible_leader_id: str = Field(
        min_length=1, description="Staff id of the leader responsible for the point (Art. 14)."
    )


class RiskPointApproved(CloudEvent):
    """RiskPointApproved v1: a risk point's grade was approved (Art. 14); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.RiskPointApproved.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.RiskPointApproved.v1",
        description="Event type (ce_type).",
    )
    data: RiskPointApprovedData = Field(description="The approval.")


class RiskPointPublishedData(EventData):
    """An approved risk point was made public 公示 so people may object (Art. 10)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    starts_at: AwareDatetime = Field(description="When the publication period (公示期) began.")
    ends_at: AwareDatetime = Field(description="When the publication period ends.")


class RiskPointPublished(CloudEvent):
    """RiskPointPublished v1: a risk point was published 公示 (Art. 10); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.RiskPointPublished.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.RiskPointPublished.v1",
        description="Event type (ce_type).",
    )
    data: RiskPointPublishedData = Field(description="The publication.")


class RiskPointInForceData(EventData):
    """Publication over, every objection answered: the risk point is in force 生效 (Art. 10)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    objections_answered: int = Field(
        ge=0, description="Objections (异议) raised during publication, all answered."
    )


class RiskPointInForce(CloudEvent):
    """RiskPointInForce v1: a published risk point came into force (Art. 10); internal."""

    type: Literal["cn.gov.qingxin.lianfang.register.RiskPointInForce.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.RiskPointInForce.v1",
        description="Event type (ce_type).",
    )
    data: RiskPointInForceData = Field(description="The risk point in force.")


class MeasureOverdueData(EventData):
    """A prevention measure was still outstanding at the end of its due date (Art. 14, 15).

    `unit_code` is the risk point's unit, whose measure it is; `actor` is the system (the
    register's deadline tick found it). Published once per measure and due date.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    grade: Grade | None = Field(description="The point's grade when the lapse was found.")
    measure_code: str = Field(
        min_length=1, description="Code of the catalogued measure (防控措施, Art. 16–20)."
    )
    measure_category: RiskCategory = Field(description="The measure's category (Art. 13).")
    owner_id: str = Field(min_length=1, description="Who was to carry it out (责任人).")
    due_date: date = Field(description="Its due date (完成时限), Beijing calendar.")
    detected_at: AwareDatetime = Field(description="When the lapse was found.")


class MeasureOverdue(CloudEvent):
    """A measure of a risk point was not done by its due date 逾期未落实 (Art. 14, 15)."""

    type: Literal["cn.gov.qingxin.lianfang.register.MeasureOverdue.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.MeasureOverdue.v1",
        description="Event type (ce_type).",
    )
    data: MeasureOverdueData = Field(description="The overdue measure.")


class MeasureVerifiedData(EventData):
    """Someone other than its owner verified a measure done (核验落实, Art. 15).

    `actor` is the verifier; `unit_code` the risk point's unit.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    measure_code: str = Field(
        min_length=1, description="Code of the catalogued measure (防控措施, Art. 16–20)."
    )
    measure_category: RiskCategory = Field(description="The measure's category (Art. 13).")
    owner_id: str = Field(min_length=1, description="Who carried it out (责任人).")
    due_date: date = Field(description="Its due date (完成时限), Beijing calendar.")
    reported_by: str = Field(min_length=1, description="Who reported it done (报告人).")
    reported_at: AwareDatetime = Field(description="When it was reported done.")
    on_time: bool = Field(description="Reported done on or before its due date (Beijing calendar).")
    note: str = Field(description="The verifier's findings (核验意见); may be empty.")


class MeasureVerified(CloudEvent):
    """A measure reported done was verified by someone other than its owner (Art. 15)."""

    type: Literal["cn.gov.qingxin.lianfang.register.MeasureVerified.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.MeasureVerified.v1",
        description="Event type (ce_type).",
    )
    data: MeasureVerifiedData = Field(description="The verification.")


RiskStatusName = Literal["draft", "graded", "approved", "published", "in_force"]
"""Where a risk point stood: draft 待评定, graded 待审定, approved 审定通过, published 公示中, in
force 生效 (Art. 10, 14)."""


class RiskPointReopenedData(EventData):
    """An inspection's revision request reopened a risk point 动态修正 (Art. 30).

    The point goes back to its unit (`unit_code`): what was approved, published or in force no
    longer stands until the leadership team approves the revised point again (Art. 14), which a
    later RiskPointApproved shows. `actor` is who asked for the revision (the inspection's
    RevisionRequested), on whose request the register reopened it; the time is when the register
    took the request in. Published once per request.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    risk_point_id: UUID = Field(description="Id of the risk point in the register.")
    request_id: UUID = Field(description="The revision request (RevisionRequested.request_id).")
    request_event_id: str = Field(
        min_length=1, description="ce_id of the RevisionRequested that reopened it (evidence)."
    )
    inspection_id: UUID = Field(description="The inspection (检查) whose finding asked for it.")
    finding_id: UUID = Field(description="The finding (检查发现) within that inspection.")
    aspects: tuple[RevisionAspect, ...] = Field(
        min_length=1,
        description="What is to be revised: content (风险内容), grade (风险等级) and/or measures "
        "(防控措施).",
    )
    finding: str = Field(min_length=1, description="What the inspectors found, in words.")
    revise_by: AwareDatetime | None = Field(
        description="When the revision should be approved again, if the inspectors set a date."
    )
    status_before: RiskStatusName = Field(
        description="Where the point stood when it was reopened (e.g. in_force 生效)."
    )
    grade: Grade | None = Field(
        description="The grade on record, which stands until the point is re-graded; null if it "
        "was never graded."
    )


class RiskPointReopened(CloudEvent):
    """RiskPointReopened v1: a risk point was reopened for revision 动态修正 (Art. 30)."""

    type: Literal["cn.gov.qingxin.lianfang.register.RiskPointReopened.v1"] = Field(
        default="cn.gov.qingxin.lianfang.register.RiskPointReopened.v1",
        description="Event type (ce_type).",
    )
    data: RiskPointReopenedData = Field(description="The reopening.")
