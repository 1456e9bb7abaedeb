"""Events published by assessment: findings fed back to the register (Art. 30, 31)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

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
