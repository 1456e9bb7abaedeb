"""The warning notice 预警通知书 as printable HTML (Art. 28); PDF is left to the browser's print.

Rendered with string.Template (Jinja2 is not installed); every value is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from string import Template
from typing import TYPE_CHECKING

from shared.orgtree import UnknownUnit
from shared.vocabulary import ActionKind, WarningLevel

if TYPE_CHECKING:
    from services.warning.issued_warning import IssuedWarning
    from shared.orgtree import OrgDirectory

_COLOUR = {"yellow": "#d4a017", "orange": "#e67e22", "red": "#c0392b"}

_PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>$title</title>
<style>
body{font-family:"FangSong","STFangsong",serif;max-width:42em;margin:2em auto;line-height:1.8}
h1{text-align:center;color:$colour;letter-spacing:.2em}
.number{text-align:center}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #333;padding:.3em .6em;text-align:left}
@media print{body{margin:0}}
</style></head>
<body>
<h1>$level_zh通知书</h1>
<p class="number">$notice_number</p>
<p><strong>$unit_name</strong>：</p>
<p>经专题会议审核（$minutes_ref），根据《清远市清新区廉政风险防控工作暂行办法》第二十八条，
现对你单位发出$level_zh。</p>
<p><strong>预警事由：</strong>$reasons</p>
<p><strong>处置措施及时限：</strong></p>
<table><thead><tr><th>序号</th><th>措施</th><th>要求</th><th>完成时限</th></tr></thead>
<tbody>
$rows</tbody></table>
<p>请按时限落实，并将落实情况同时报送：$reported_to。</p>
<p style="text-align:right">$disposing_name<br>$issued_on</p>
</body></html>
""")


def _name(org: OrgDirectory, code: str) -> str:
    try:
        return org.get(code).name
    except UnknownUnit:
        return code


def render_notice(warning: IssuedWarning, org: OrgDirectory) -> str:
    """The 预警通知书 of one warning: unit, level, reasons, actions and deadlines (Art. 28)."""
    level_zh = WarningLevel(warning.level).label_zh
    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(ActionKind(a.kind).label_zh)}</td>"
        f"<td>{escape(a.description)}</td><td>{a.due_at:%Y-%m-%d %H:%M} UTC</td></tr>\n"
        for i, a in enumerate(warning.actions.values(), start=1)
    )
    return _PAGE.substitute(
        title=escape(f"{level_zh}通知书 {warning.notice_number}"),
        colour=_COLOUR[warning.level],
        level_zh=escape(level_zh),
        notice_number=escape(warning.notice_number),
        unit_name=escape(_name(org, warning.subject_unit)),
        minutes_ref=escape(warning.minutes_ref),
        reasons=escape(warning.reasons),
        rows=rows,
        reported_to="、".join(escape(_name(org, c)) for c in warning.reported_to),
        disposing_name=escape(_name(org, warning.disposing_unit)),
        issued_on=f"{warning.issued_at:%Y年%m月%d日}",
    )
