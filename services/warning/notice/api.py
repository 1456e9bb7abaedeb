"""Routes of the warning notice 预警通知书: printable HTML and an A4 PDF (Art. 28)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from services.warning.api_deps import SupervisionReader, WarningApp
from services.warning.notice.notice import Notice, notice_of
from services.warning.notice.notice_html import render_notice_html
from services.warning.notice.notice_pdf import render_notice_pdf

if TYPE_CHECKING:
    from services.warning.app import WarningApplication
    from shared.auth import Principal

router = APIRouter(prefix="/warnings", tags=["warnings 预警处置"])


def _notice(warning_id: UUID, reader: Principal, app: WarningApplication) -> Notice:
    warning = app.get_warning(warning_id)
    app.ensure_within(reader, warning.subject_unit)
    return notice_of(warning, app.org)


@router.get(
    "/{warning_id}/notice.html",
    response_class=HTMLResponse,
    summary="The printable warning notice 预警通知书, deadlines in Beijing time (Art. 28)",
)
def get_notice(warning_id: UUID, reader: SupervisionReader, app: WarningApp) -> HTMLResponse:
    return HTMLResponse(render_notice_html(_notice(warning_id, reader, app)))


@router.get(
    "/{warning_id}/notice.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
    summary="The warning notice 预警通知书 as an A4 PDF to print and file (Art. 28)",
)
def get_notice_pdf(warning_id: UUID, reader: SupervisionReader, app: WarningApp) -> Response:
    notice = _notice(warning_id, reader, app)
    filename = quote(f"{notice.notice_number}.pdf")
    return Response(
        render_notice_pdf(notice),
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename*=UTF-8''{filename}"},
    )
