"""The warning notice 预警通知书 as a PDF to print and file (Art. 28).

Laid out with reportlab in its built-in Adobe CID font STSong-Light (宋体), which every PDF reader
has for Chinese, so nothing is embedded and no font file is needed on the server.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

if TYPE_CHECKING:
    from services.warning.notice.notice import Notice

FONT = "STSong-Light"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontSize=22, leading=30, alignment=TA_CENTER),
        "number": ParagraphStyle("number", body, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", body, fontSize=10.5, leading=15),
        "sign": ParagraphStyle("sign", body, alignment=TA_RIGHT),
    }


def _paragraph(text: str, style: str) -> Paragraph:
    # Paragraph reads a small markup language: escape what would be taken as markup.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, _styles()[style])


def _actions_table(notice: Notice) -> Table:
    header = ["序号", "措施", "要求", "完成时限"]
    rows = [[str(line.number), line.action, line.requirement, line.due] for line in notice.lines]
    table = Table(
        [[_paragraph(cell, "cell") for cell in row] for row in [header, *rows]],
        colWidths=[12 * mm, 30 * mm, 80 * mm, 43 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_notice_pdf(notice: Notice) -> bytes:
    """The notice as an A4 PDF; the same notice always gives the same bytes."""
    title_style = ParagraphStyle(
        "level", _styles()["title"], textColor=colors.HexColor(notice.colour)
    )
    story: list[Flowable] = [
        Paragraph(notice.title, title_style),
        _paragraph(notice.notice_number, "number"),
        Spacer(0, 6 * mm),
        _paragraph(f"{notice.unit_name}：", "body"),
        _paragraph(notice.opening, "body"),
        _paragraph(f"预警事由：{notice.reasons}", "body"),
        _paragraph("处置措施及时限：", "body"),
        _actions_table(notice),
        Spacer(0, 4 * mm),
        _paragraph(f"请按时限落实，并将落实情况同时报送：{notice.reported_to}。", "body"),
        Spacer(0, 10 * mm),
        _paragraph(notice.disposing_name, "sign"),
        _paragraph(notice.issued_on, "sign"),
    ]
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{notice.title} {notice.notice_number}",
        author=notice.disposing_name,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        invariant=True,
    )
    document.build(story)
    return buffer.getvalue()
