"""Routes of social evaluation 社会评议: survey rounds and anonymous responses (Art. 30(5))."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel, ConfigDict, Field

from services.assessment.api_deps import AssessmentApp, Office, Reader
from services.assessment.surveys.model import SurveyRound
from shared.auth import Principal, Role
from shared.bounds import Code, SingleLine
from shared.deps import require_roles
from shared.paging import paged

router = APIRouter(prefix="/surveys", tags=["social evaluation 社会评议 (Art. 30(5))"])
public_router = APIRouter(
    prefix="/public/surveys", tags=["public questionnaire 社会评议问卷 (Art. 30(5))"]
)
Public = Annotated[Principal, Depends(require_roles(Role.PUBLIC))]
OneTimeCode = Annotated[
    str,
    Field(
        min_length=16, max_length=16, pattern=r"^[A-Za-z2-7]{16}$",
        description="A one-time code 评议码 issued for the round (from its QR code or link).",
    ),
]  # fmt: skip


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        min_length=1,
        max_length=20,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Short id of the question, e.g. q1.",
    )
    text: SingleLine = Field(min_length=1, max_length=500, description="The question (评议内容).")


class SurveyIn(BaseModel):
    """Open a public survey round about one unit."""

    model_config = ConfigDict(extra="forbid")

    unit_code: Code = Field(min_length=1, description="The unit evaluated.")
    title: SingleLine = Field(min_length=1, max_length=200, description="Name of the round.")
    questions: list[QuestionIn] = Field(min_length=1, max_length=50)
    year: int | None = Field(None, ge=2000, le=2100, description="Assessment year; default now.")


class ResponseIn(BaseModel):
    """One anonymous response: a respondent token and an answer 1..5 per question."""

    model_config = ConfigDict(extra="forbid")

    respondent_token: SingleLine = Field(
        min_length=8,
        max_length=200,
        description="The token given with the questionnaire; only its keyed hash is stored, "
        "and a token answers a round once.",
    )
    answers: dict[Code, int] = Field(
        max_length=50, description="Question id -> 1 (很不满意) .. 5 (很满意)."
    )


class SurveyOut(BaseModel):
    id: UUID
    unit_code: str
    year: int
    title: str
    questions: list[QuestionIn]
    is_open: bool
    closed_at: datetime | None
    responses: int = Field(description="How many responses (never who gave them).")
    score: float | None = Field(description="Mean satisfaction 0..1; null without responses.")


class ResponseOut(BaseModel):
    response_id: UUID


def survey_out(s: SurveyRound) -> SurveyOut:
    score = s.score()
    return SurveyOut(
        id=s.id,
        unit_code=s.unit_code,
        year=s.year,
        title=s.title,
        questions=[QuestionIn(id=q.question_id, text=q.text) for q in s.questions],
        is_open=s.is_open,
        closed_at=s.closed_at,
        responses=len(s.responses),
        score=round(score, 4) if score is not None else None,
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Open a survey round (Art. 30(5))")
def open_survey(body: SurveyIn, office: Office, app: AssessmentApp) -> SurveyOut:
    questions = [(q.id, q.text) for q in body.questions]
    return survey_out(app.open_survey(body.unit_code, body.title, questions, office, body.year))


@router.get("/subtree", summary="The year's survey rounds about units in your subtree (Art. 30(5))")
@paged
def list_subtree_surveys(
    reader: Reader,
    app: AssessmentApp,
    year: Annotated[int, Query(ge=2000, le=2100)],
    within: Code | None = None,
) -> list[SurveyOut]:
    root = within or reader.unit_code
    app.ensure_within(reader, root, "within")
    return [survey_out(s) for s in app.surveys_within(root, year)]


@router.get("/{round_id}", summary="A survey round and its result (Art. 30(5))")
def get_survey(round_id: UUID, reader: Reader, app: AssessmentApp) -> SurveyOut:
    survey = app.get_survey(round_id)
    app.ensure_within(reader, survey.unit_code)
    return survey_out(survey)


@router.get("/{round_id}/questionnaire", summary="The questions, to print or show respondents")
@paged
def questionnaire(round_id: UUID, reader: Reader, app: AssessmentApp) -> list[QuestionIn]:
    survey = app.get_survey(round_id)
    app.ensure_within(reader, survey.unit_code)
    return [QuestionIn(id=q.question_id, text=q.text) for q in survey.questions]


@router.post(
    "/{round_id}/responses",
    status_code=status.HTTP_201_CREATED,
    summary="Enter one anonymous response 评议表 (one per respondent token, Art. 30(5))",
    description="Entered by the office running the round, from a paper questionnaire or "
    "forwarded by a public portal with the office's token. The respondent is anonymous: only a "
    "keyed hash of their token is stored, to refuse a second response with it (409); a closed "
    "round takes no more responses (409).",
)
def respond(round_id: UUID, body: ResponseIn, office: Office, app: AssessmentApp) -> ResponseOut:
    response_id = app.respond(round_id, body.respondent_token, body.answers, office)
    return ResponseOut(response_id=response_id)


@router.post("/{round_id}/close", summary="Close a survey round 评议结束 (Art. 30(5))")
def close_survey(round_id: UUID, office: Office, app: AssessmentApp) -> SurveyOut:
    return survey_out(app.close_survey(round_id, office))


class CodesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    count: int = Field(ge=1, le=500, description="How many one-time codes to issue (1..500).")


class CodesOut(BaseModel):
    round_id: UUID
    codes: list[str] = Field(
        description="Shown once, to print as QR codes: the round keeps only their hashes."
    )


@router.post(
    "/{round_id}/codes",
    status_code=status.HTTP_201_CREATED,
    summary="Issue one-time codes 评议码 for the public questionnaire (Art. 30(5))",
)
def issue_codes(round_id: UUID, body: CodesIn, office: Office, app: AssessmentApp) -> CodesOut:
    return CodesOut(round_id=round_id, codes=app.issue_codes(round_id, body.count, office))


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: OneTimeCode


class PublicQuestionnaireOut(BaseModel):
    title: str
    questions: list[QuestionIn]


class PublicResponseIn(BaseModel):
    """One anonymous response by a one-time code: an answer 1..5 per question."""

    model_config = ConfigDict(extra="forbid")

    code: OneTimeCode
    answers: dict[Code, int] = Field(
        max_length=50, description="Question id -> 1 (很不满意) .. 5 (很满意)."
    )


@public_router.post(
    "/{round_id}/questionnaire",
    summary="The questionnaire behind a one-time code not used yet (Art. 30(5))",
)
def public_questionnaire(
    round_id: UUID, body: CodeIn, who: Public, app: AssessmentApp
) -> PublicQuestionnaireOut:
    survey = app.questionnaire_by_code(round_id, body.code, who)
    return PublicQuestionnaireOut(
        title=survey.title,
        questions=[QuestionIn(id=q.question_id, text=q.text) for q in survey.questions],
    )


@public_router.post(
    "/{round_id}/responses",
    status_code=status.HTTP_201_CREATED,
    summary="Answer the questionnaire with a one-time code, used exactly once (Art. 30(5))",
)
def public_respond(
    round_id: UUID, body: PublicResponseIn, who: Public, app: AssessmentApp
) -> ResponseOut:
    return ResponseOut(response_id=app.respond_by_code(round_id, body.code, body.answers, who))
