"""Events published by assessment: revision requests to the register, results (Art. 30, 31)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.events.base import CloudEvent, EventData

RevisionAspect = Literal["content", "grade", "measures"]
"""What an inspection found wrong in a risk point: its content, its grade or its measures."""


class RevisionRequestedData(EventData):
    """An inspection found a risk point's content, grade or measures wrong (动态修正, Art. 30)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    request_id: UUID = Field(description="Id of the revision request; one per finding and point.")
    risk_point_id: UUID = Field(description="The risk point in the register to revise.")
    inspection_id: UUID = Field(description="The inspection (检查) whose finding asks for it.")
    finding_id: UUID = Field(description="The finding (检查发现) within that inspection.")
    aspects: tuple[RevisionAspect, ...] = Field(
        min_length=1,
        description="What is wrong: content (风险内容), grade (风险等级) and/or measures "
        "(防控措施).",
    )
    finding: str = Field(min_length=1, description="What the inspectors found, in words.")
    revise_by: AwareDatetime | None = Field(
        description="When the revision should be approved again, if the inspectors set a date."
    )


class RevisionRequested(CloudEvent):
    """RevisionRequested v1: assessment asks the register to revise a risk point (Art. 30)."""

    type: Literal["cn.gov.qingxin.lianfang.assessment.RevisionRequested.v1"] = Field(
        default="cn.gov.qingxin.lianfang.assessment.RevisionRequested.v1",
        description="Event type (ce_type).",
    )
    data: RevisionRequestedData = Field(description="The request.")


AssessmentGrade = Literal["excellent", "good", "pass", "fail"]
"""The result grade: excellent 优秀, good 良好, pass 合格, fail 不合格 (Art. 31)."""


class ScoreLine(BaseModel):
    """One line of a published scorecard: a component and its points."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    component: str = Field(
        min_length=1,
        description="identification, reporting, warnings, rectification, overdue, inspection, "
        "social, commendation or accountability (see docs/assessment-scoring.md).",
    )
    points: float = Field(description="Points given (negative for accountability).")
    max_points: float = Field(ge=0, description="Points available (0 for accountability).")
    evidence_count: int = Field(ge=0, description="How many events and records lie behind it.")
    evidence_event_ids: tuple[str, ...] | None = Field(
        default=None,
        description="ce_ids of the other services' events this line rests on (intake, register, "
        "warning: a breach, a grading, a warning, an overdue action, a verified measure…), each "
        "once, in the explanation's order, including facts that moved no point (a dismissed 瞒报 "
        "candidate, a verified measure). Empty for lines resting only on assessment's own "
        "records. Null (absent) in results published before it was carried (additive, schema "
        "v1).",
    )
    evidence_record_ids: tuple[str, ...] | None = Field(
        default=None,
        description="Ids of assessment's own records the line rests on (inspection findings and "
        "self-inspections, social-evaluation responses, commendations, accountability), which "
        "are not events on a topic; null (absent) in results published before it was carried.",
    )


class AssessmentPublishedData(EventData):
    """A unit's annual assessment result is published by the level above it (年度考核, Art. 31)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    assessment_id: UUID = Field(description="Id of the assessment (one per unit and year).")
    year: int = Field(ge=2000, le=2100, description="The assessment year (考核年度).")
    assessor_unit: str = Field(
        min_length=1, description="The unit that assessed (the level above, 分级考核)."
    )
    total: float = Field(ge=0, le=100, description="The total score out of 100.")
    grade: AssessmentGrade = Field(
        description="Result grade: excellent 优秀, good 良好, pass 合格, fail 不合格."
    )
    lines: tuple[ScoreLine, ...] = Field(min_length=1, description="Points per component.")
    scheme_digest: str = Field(
        min_length=1, description="Fingerprint of the scoring scheme used (计分办法)."
    )


class AssessmentPublished(CloudEvent):
    """AssessmentPublished v1: a unit's annual assessment result (Art. 31), for appointments."""

    type: Literal["cn.gov.qingxin.lianfang.assessment.AssessmentPublished.v1"] = Field(
        default="cn.gov.qingxin.lianfang.assessment.AssessmentPublished.v1",
        description="Event type (ce_type).",
    )
    data: AssessmentPublishedData = Field(description="The result.")
