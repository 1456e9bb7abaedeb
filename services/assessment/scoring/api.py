"""Routes of the annual assessment 年度考核: scheme, score, publish, explain, export (Art. 31)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, status
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from services.assessment.api_deps import AssessmentApp, Office, Reader, SchemeSetter
from services.assessment.scoring import export
from services.assessment.scoring.model import AnnualAssessment, Scorecard
from services.assessment.scoring.rules import GRADE_ZH, ScoringScheme, competition_ranks
from shared.auth import Principal
from shared.bounds import Code
from shared.paging import paged

router = APIRouter(tags=["annual assessment 年度考核 (Art. 31)"])
exports = APIRouter(tags=["exports 导出 (Art. 31)"])
YearPath = Annotated[int, Path(ge=2000, le=2100, description="The assessment year (考核年度).")]
Year = Annotated[int, Query(ge=2000, le=2100, description="The assessment year (考核年度).")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class EvidenceOut(BaseModel):
    ref: str = Field(description="ce_id of an upstream event, or id of this service's record.")
    what: str
    effect: float = Field(description="Points this piece adds (+) or takes off (-).")


class ItemOut(BaseModel):
    component: str
    label_zh: str
    max_points: float
    points: float
    formula: str = Field(description="The arithmetic behind the points.")
    evidence: list[EvidenceOut]


class CardOut(BaseModel):
    """A scorecard 考核评分表 (Art. 31)."""

    unit_code: str
    year: int
    total: float
    grade: str
    grade_zh: str
    scheme_digest: str
    items: list[ItemOut]


class AssessmentOut(BaseModel):
    id: UUID
    unit_code: str
    year: int
    assessor_unit: str
    status: str = Field(description="draft (scored, not published) or published.")
    scored_at: datetime | None
    published_at: datetime | None
    card: CardOut


def card_out(card: Scorecard) -> CardOut:
    return CardOut(**card, grade_zh=GRADE_ZH[card["grade"]])


def assessment_out(a: AnnualAssessment) -> AssessmentOut:
    return AssessmentOut(
        id=a.id, unit_code=a.unit_code, year=a.year, assessor_unit=a.assessor_unit,
        status="published" if a.is_published else "draft", scored_at=a.scored_at,
        published_at=a.published_at, card=card_out(a.scorecard),
    )  # fmt: skip


@router.get("/assessment-schemes/{year}", summary="The scoring scheme of a year 计分办法 (Art. 31)")
def get_scheme(year: YearPath, reader: Reader, app: AssessmentApp) -> ScoringScheme:
    return app.scheme_for(year)


@router.put(
    "/assessment-schemes/{year}",
    summary="Set the year's scoring scheme; weights must sum to 100 (Art. 31)",
)
def set_scheme(
    year: YearPath, body: ScoringScheme, by: SchemeSetter, app: AssessmentApp
) -> ScoringScheme:
    return app.set_scheme(year, body, by)


@router.get(
    "/assessments/{unit_code}/{year}/preview",
    summary="The score as it stands now, not recorded (Art. 31)",
)
def preview(unit_code: Code, year: YearPath, reader: Reader, app: AssessmentApp) -> CardOut:
    app.ensure_within(reader, unit_code)
    return card_out(app.preview(unit_code, year))


@router.post(
    "/assessments/{unit_code}/{year}/score",
    status_code=status.HTTP_201_CREATED,
    summary="Score a unit's year as the level above it (分级考核, Art. 31)",
)
def score(unit_code: Code, year: YearPath, office: Office, app: AssessmentApp) -> AssessmentOut:
    return assessment_out(app.score_unit(unit_code, year, office))


@router.post(
    "/assessments/{unit_code}/{year}/publish",
    summary="Publish the result 公布考核结果; AssessmentPublished goes out (Art. 31)",
)
def publish(unit_code: Code, year: YearPath, office: Office, app: AssessmentApp) -> AssessmentOut:
    return assessment_out(app.publish(unit_code, year, office))


class RankOut(BaseModel):
    """One unit's place in the year's ranking 考核排名 (Art. 31)."""

    rank: int = Field(description="1 is the highest total; equal totals share a place.")
    unit_code: str
    unit_name: str
    total: float
    grade: str
    grade_zh: str
    status: str = Field(description="draft (scored, not published) or published.")


@router.get(
    "/assessments/ranking",
    summary="The year's scored units in your subtree, highest total first 考核排名 (Art. 31)",
)
@paged
def ranking(
    reader: Reader, app: AssessmentApp, year: Year, within: Code | None = None
) -> list[RankOut]:
    root = within or reader.unit_code
    app.ensure_within(reader, root, "within")
    scored = sorted(app.assessments(year, root), key=lambda a: -a.scorecard["total"])
    ranks = competition_ranks([a.scorecard["total"] for a in scored])
    return [
        RankOut(rank=rank, unit_code=a.unit_code, unit_name=app.unit(a.unit_code).name,
                total=a.scorecard["total"], grade=a.scorecard["grade"],
                grade_zh=GRADE_ZH[a.scorecard["grade"]],
                status="published" if a.is_published else "draft")
        for rank, a in zip(ranks, scored, strict=True)
    ]  # fmt: skip


@router.get("/assessments/{unit_code}/{year}", summary="A unit's assessment (Art. 31)")
def get_assessment(
    unit_code: Code, year: YearPath, reader: Reader, app: AssessmentApp
) -> AssessmentOut:
    app.ensure_within(reader, unit_code)
    return assessment_out(app.get_assessment(unit_code, year))


@router.get(
    "/assessments/{unit_code}/{year}/explanation",
    summary="Every point of the recorded score, traced to the events behind it (Art. 31)",
)
@paged
def explanation(
    unit_code: Code, year: YearPath, reader: Reader, app: AssessmentApp
) -> list[ItemOut]:
    app.ensure_within(reader, unit_code)
    return [ItemOut(**i) for i in app.get_assessment(unit_code, year).scorecard["items"]]


# -- exports 导出 ------------------------------------------------------------------------------


def _table(
    app: AssessmentApp, reader: Principal, year: int, within: str | None
) -> list[list[object]]:
    """The rows of the year's scorecards below `within` (default: the reader's unit)."""
    if within:
        app.ensure_within(reader, within, "within")
    root = within or reader.unit_code
    app.unit(root, "within")
    return export.rows(app.assessments(year, root), app.org)


def _attachment(body: bytes, media_type: str, name: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@exports.get("/scorecards.csv", summary="The year's scorecards in your subtree, CSV (Art. 31)")
def scorecards_csv(
    reader: Reader, app: AssessmentApp, year: Year, within: Code | None = None
) -> Response:
    body = export.to_csv(_table(app, reader, year, within))
    return _attachment(body, "text/csv; charset=utf-8", f"scorecards-{year}.csv")


@exports.get("/scorecards.xlsx", summary="The year's scorecards in your subtree, XLSX (Art. 31)")
def scorecards_xlsx(
    reader: Reader, app: AssessmentApp, year: Year, within: Code | None = None
) -> Response:
    body = export.to_xlsx(_table(app, reader, year, within), year)
    return _attachment(body, XLSX, f"scorecards-{year}.xlsx")


@exports.get(
    "/assessments/{unit_code}/{year}/report.html",
    response_class=HTMLResponse,
    summary="A unit's assessment report, printable 考核报告 (Art. 31)",
)
def report(unit_code: Code, year: YearPath, reader: Reader, app: AssessmentApp) -> HTMLResponse:
    app.ensure_within(reader, unit_code)
    assessment = app.get_assessment(unit_code, year)
    return HTMLResponse(export.report_html(assessment, app.unit(unit_code).name))
