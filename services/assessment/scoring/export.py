"""Scorecards as CSV and XLSX, and a printable per-unit report 考核报告 (Art. 31)."""

from __future__ import annotations

import csv
import io
from html import escape
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook  # type: ignore[import-untyped]

from services.assessment.scoring.rules import COMPONENTS, GRADE_ZH, LABELS_ZH

if TYPE_CHECKING:
    from services.assessment.scoring.model import AnnualAssessment
    from shared.orgtree import OrgDirectory

_PARTS = (*COMPONENTS, "commendation", "accountability")
HEADER = [
    "单位代码 unit",
    "单位名称 name",
    "年度 year",
    "考核单位 assessor",
    "状态 status",
    *[f"{LABELS_ZH[p]} {p}" for p in _PARTS],
    "总分 total",
    "等次 grade",
]


def rows(assessments: list[AnnualAssessment], org: OrgDirectory) -> list[list[Any]]:
    """One row per assessment, in the order of HEADER."""
    out = []
    for a in assessments:
        points = {i["component"]: i["points"] for i in a.scorecard["items"]}
        name = org.get(a.unit_code).name if a.unit_code in org else ""
        status = "已公布 published" if a.is_published else "草稿 draft"
        out.append(
            [
                a.unit_code,
                name,
                a.year,
                a.assessor_unit,
                status,
                *[points.get(p, 0) for p in _PARTS],
                a.scorecard["total"],
                GRADE_ZH[a.scorecard["grade"]],
            ]
        )
    return out


# A cell whose text begins with one of these is run as a formula by Excel and WPS (a unit's name
# is free text any unit admin sets: security review M1).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def to_csv(table: list[list[Any]]) -> bytes:
    """UTF-8 with a BOM, so spreadsheet programs read the Chinese right; text that a spreadsheet
    would run as a formula is quoted with a leading apostrophe (OWASP CSV injection)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([[f"'{v}" if _is_formula_like(v) else v for v in row] for row in table])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: list[list[Any]], year: int) -> bytes:
    """One sheet of the year's scorecards, header frozen."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{year}年度考核"
    sheet.append(HEADER)
    for row in table:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if _is_formula_like(cell.value):
                cell.data_type = "s"  # text, never a formula (openpyxl takes "=…" for one)
                cell.quotePrefix = True  # and shown as typed, without the apostrophe
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_STYLE = """body{font-family:"Songti SC","SimSun",serif;margin:2cm;color:#000}
table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #000;padding:4px}
th{background:#eee}.num{text-align:right}.ev{font-size:85%;color:#333}
@media print{body{margin:1cm}.ev{page-break-inside:avoid}}"""


def report_html(a: AnnualAssessment, unit_name: str) -> str:
    """A printable report of one unit's assessment, each item with its arithmetic and evidence."""
    card = a.scorecard
    lines = []
    for i in card["items"]:
        evidence = (
            "<br>".join(
                f"{escape(e['what'])}: {e['effect']:+g} <code>{escape(e['ref'])}</code>"
                for e in i["evidence"]
            )
            or "—"
        )
        lines.append(
            f"<tr><td>{escape(i['label_zh'])}<br><small>{escape(i['component'])}</small></td>"
            f"<td class=num>{i['max_points']:g}</td><td class=num>{i['points']:g}</td>"
            f"<td>{escape(i['formula'])}<div class=ev>{evidence}</div></td></tr>"
        )
    status = "已公布" if a.is_published else "草稿（未公布）"
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{escape(unit_name)} {a.year}年度廉政风险防控考核</title><style>{_STYLE}</style></head>
<body><h1>{escape(unit_name)}（{escape(a.unit_code)}）{a.year}年度廉政风险防控考核</h1>
<p>考核单位：{escape(a.assessor_unit)}　状态：{status}
　计分办法：{escape(card["scheme_digest"])}</p>
<p><strong>总分：{card["total"]:g}　等次：{GRADE_ZH[card["grade"]]}</strong></p>
<table><thead><tr><th>项目</th><th>满分</th><th>得分</th><th>计算与依据</th></tr></thead>
<tbody>{"".join(lines)}</tbody></table>
<p>依据《廉政风险防控办法》第三十一条：考核结果作为领导班子和领导干部考核评价、选拔任用的依据。</p>
</body></html>"""
