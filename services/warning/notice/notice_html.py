"""The warning notice 预警通知书 as printable HTML (Art. 28); every value is HTML-escaped."""

from __future__ import annotations

from html import escape
from string import Template
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.warning.notice.notice import Notice

_PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>$title $notice_number</title>
<style>
body{font-family:"FangSong","STFangsong",serif;max-width:42em;margin:2em auto;line-height:1.8}
h1{text-align:center;color:$colour;letter-spacing:.2em}
.number{text-align:center}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #333;padding:.3em .6em;text-align:left}
@media print{body{margin:0}}
</style></head>
<body>
<h1>$title</h1>
<p class="number">$notice_number</p>
<p><strong>$unit_name</strong>：</p>
<p>$opening</p>
<p><strong>预警事由：</strong>$reasons</p>
<p><strong>处置措施及时限：</strong></p>
<table><thead><tr><th>序号</th><th>措施</th><th>要求</th><th>完成时限</th></tr></thead>
<tbody>
$rows</tbody></table>
<p>请按时限落实，并将落实情况同时报送：$reported_to。</p>
<p style="text-align:right">$disposing_name<br>$issued_on</p>
</body></html>
""")


def render_notice_html(notice: Notice) -> str:
    """The notice as one HTML page, laid out for printing."""
    rows = "".join(
        f"<tr><td>{line.number}</td><td>{escape(line.action)}</td>"
        f"<td>{escape(line.requirement)}</td><td>{escape(line.due)}</td></tr>\n"
        for line in notice.lines
    )
    return _PAGE.substitute(
        title=escape(notice.title),
        colour=notice.colour,
        notice_number=escape(notice.notice_number),
        unit_name=escape(notice.unit_name),
        opening=escape(notice.opening),
        reasons=escape(notice.reasons),
        rows=rows,
        reported_to=escape(notice.reported_to),
        disposing_name=escape(notice.disposing_name),
        issued_on=escape(notice.issued_on),
    )
