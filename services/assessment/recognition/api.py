"""Routes of commendations 表彰奖励 and accountability findings 责任追究 (Art. 8)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from services.assessment.api_deps import AssessmentApp, Office, Reader
from services.assessment.recognition.model import Recognition, RecognitionKind
from shared.bounds import Code, Paragraphs, SingleLine
from shared.paging import paged

router = APIRouter(prefix="/recognitions", tags=["rewards and accountability 奖惩 (Art. 8)"])


class RecognitionIn(BaseModel):
    """A commendation for original, typical, effective work, or an accountability finding."""

    model_config = ConfigDict(extra="forbid")

    kind: RecognitionKind = Field(description="commendation 表彰奖励 or accountability 责任追究.")
    unit_code: Code = Field(min_length=1, description="The unit concerned.")
    reason: Paragraphs = Field(min_length=1, max_length=4000, description="Why (事由).")
    reference: SingleLine = Field(
        min_length=1, max_length=200, description="Decision ref (决定文号)."
    )
    year: int | None = Field(None, ge=2000, le=2100, description="Assessment year; default now.")


class RecognitionOut(BaseModel):
    id: UUID
    kind: str
    unit_code: str
    year: int
    reason: str
    reference: str
    decided_by_unit: str
    at: datetime


def recognition_out(r: Recognition) -> RecognitionOut:
    return RecognitionOut(
        id=r.id, kind=r.kind.value, unit_code=r.unit_code, year=r.year, reason=r.reason,
        reference=r.reference, decided_by_unit=r.decided_by_unit, at=r.at,
    )  # fmt: skip


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Record a commendation or accountability (Art. 8)",
)
def recognise(body: RecognitionIn, office: Office, app: AssessmentApp) -> RecognitionOut:
    record = app.recognise(
        body.kind, body.unit_code, body.reason, body.reference, office, body.year
    )
    return recognition_out(record)


@router.get("", summary="A unit's commendations and accountability of a year (Art. 8)")
@paged
def list_recognitions(
    reader: Reader,
    app: AssessmentApp,
    unit_code: Code,
    year: Annotated[int, Query(ge=2000, le=2100)],
) -> list[RecognitionOut]:
    app.ensure_within(reader, unit_code)
    return [recognition_out(r) for r in app.recognitions_of(unit_code, year)]


@router.get(
    "/subtree", summary="The year's commendations and accountability in your subtree (Art. 8)"
)
@paged
def list_subtree_recognitions(
    reader: Reader,
    app: AssessmentApp,
    year: Annotated[int, Query(ge=2000, le=2100)],
    within: Code | None = None,
) -> list[RecognitionOut]:
    root = within or reader.unit_code
    app.ensure_within(reader, root, "within")
    return [recognition_out(r) for r in app.recognitions_within(root, year)]
