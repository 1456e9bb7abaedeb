"""Routes of exports: scorecards CSV/XLSX, a printable per-unit report (Art. 31)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from services.assessment import export
from services.assessment.api_assessments import YearPath
from services.assessment.api_deps import AssessmentApp, Reader

router = APIRouter(tags=["exports 导出 (Art. 31)"])
Year = Annotated[int, Query(ge=2000, le=2100, description="The assessment year (考核年度).")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _table(
    app: AssessmentApp, reader_unit: str, year: int, within: str | None
) -> list[list[object]]:
    root = within or reader_unit
    app.unit(root, "within")
    return export.rows(app.assessments(year, root), app.org)


@router.get("/scorecards.csv", summary="The year's scorecards in your subtree, CSV (Art. 31)")
def scorecards_csv(
    reader: Reader, app: AssessmentApp, year: Year, within: str | None = None
) -> Response:
    if within:
        app.ensure_within(reader, within, "within")
    body = export.to_csv(_table(app, reader.unit_code, year, within))
    name = f"scorecards-{year}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/scorecards.xlsx", summary="The year's scorecards in your subtree, XLSX (Art. 31)")
def scorecards_xlsx(
    reader: Reader, app: AssessmentApp, year: Year, within: str | None = None
) -> Response:
    if within:
        app.ensure_within(reader, within, "within")
    body = export.to_xlsx(_table(app, reader.unit_code, year, within), year)
    name = f"scorecards-{year}.xlsx"
    return Response(
        body, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get(
    "/assessments/{unit_code}/{year}/report.html",
    response_class=HTMLResponse,
    summary="A unit's assessment report, printable 考核报告 (Art. 31)",
)
def report(unit_code: str, year: YearPath, reader: Reader, app: AssessmentApp) -> HTMLResponse:
    app.ensure_within(reader, unit_code)
    assessment = app.get_assessment(unit_code, year)
    return HTMLResponse(export.report_html(assessment, app.unit(unit_code).name))
