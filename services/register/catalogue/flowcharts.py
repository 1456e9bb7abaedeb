"""A power's flowchart 权力运行流程图 as SVG for people and Mermaid for documents (Art. 11, 13).

SVG, top to bottom: the power and its legal basis, then each step in order — name, acting post
岗位, time limit 时限 — with the checks 监督制约 written beside the arrow into the next step. Steps
where discretion is exercised 自由裁量 get a red border and a tag, since Art. 13(三) looks there for
risk; steps with risk points 风险点 carry a badge coloured by the gravest grade. Written with
ElementTree, which escapes every text, so names from users cannot break the document. Mermaid: each
step a node (name, acting post, time limit), discretion highlighted, checks labelling the arrows.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shared.vocabulary import Grade

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from services.register.catalogue.model import Flowchart, PowerItem

SVG_NS = "http://www.w3.org/2000/svg"
# Chinese text needs a Chinese font; list the common ones on Windows, macOS and Linux.
FONT_FAMILY = (
    '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", SimHei, SimSun, sans-serif'
)
GRADE_COLOUR = {Grade.HIGH: "#c0392b", Grade.MEDIUM: "#e67e22", Grade.LOW: "#f1c40f"}
GRADE_ZH = {Grade.HIGH: "高", Grade.MEDIUM: "中", Grade.LOW: "低"}
WIDTH, MARGIN, BOX_X, BOX_W = 760, 20, 40, 460
LINE, GAP_MIN = 20, 44
_ORDER = [Grade.HIGH, Grade.MEDIUM, Grade.LOW]


@dataclass(frozen=True)
class RiskMark:
    """A risk point found at a step: its grade (None before grading) and what it is (Art. 13)."""

    grade: Grade | None
    description: str


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` half-width cells; a CJK character takes two."""
    lines, line, used = [], "", 0
    for ch in " ".join(text.split()):
        cells = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + cells > width and line:
            lines.append(line)
            line, used = "", 0
        line, used = line + ch, used + cells
    return [*lines, line] if line else lines or [""]


class _Canvas:
    """The SVG root and helpers to add shapes and text to it."""

    def __init__(self) -> None:
        self.root = ET.Element("svg", xmlns=SVG_NS, version="1.1", role="img")
        style = ET.SubElement(self.root, "style")
        style.text = (
            f"text {{ font-family: {FONT_FAMILY}; font-size: 14px; fill: #222; }}"
            " .title { font-size: 18px; font-weight: bold; } .small { font-size: 12px; }"
            " .check { font-size: 12px; fill: #1f618d; } .tag { font-size: 12px; fill: #fff; }"
        )
        defs = ET.SubElement(self.root, "defs")
        marker = ET.SubElement(
            defs,
            "marker",
            id="arrow",
            viewBox="0 0 10 10",
            refX="9",
            refY="5",
            markerWidth="8",
            markerHeight="8",
            orient="auto",
        )
        ET.SubElement(marker, "path", d="M0,0 L10,5 L0,10 z", fill="#555")

    def add(self, tag: str, **attrs: object) -> ET.Element:
        return ET.SubElement(
            self.root, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()}
        )

    def text(self, x: float, y: float, value: str, cls: str | None = None, **attrs: object) -> None:
        element = self.add("text", x=x, y=y, **({"class_": cls} if cls else {}), **attrs)
        element.text = value

    def lines(self, x: float, y: float, values: Sequence[str], cls: str | None = None) -> float:
        for i, value in enumerate(values):
            self.text(x, y + i * LINE, value, cls)
        return y + len(values) * LINE


def to_svg(power: PowerItem, chart: Flowchart, risks: Mapping[str, Sequence[RiskMark]]) -> str:
    """Render one flowchart version as a standalone SVG document (Art. 11, 13)."""
    canvas = _Canvas()
    title = f"{power.name}（{power.kind.label_zh}）· 流程图 v{chart.version}"
    ET.SubElement(canvas.root, "title").text = title
    y = canvas.lines(MARGIN, 32, _wrap(title, 64), "title")
    y = canvas.lines(MARGIN, y + 4, _wrap(f"依据：{power.legal_basis}", 100), "small") + 8
    y = _terminal(canvas, y, "开始") + GAP_MIN
    previous_checks: tuple[str, ...] = ()
    _arrow(canvas, y - GAP_MIN, y, previous_checks)
    for number, step in enumerate(chart.steps, start=1):
        y = _step(
            canvas,
            y,
            number,
            step.name,
            step.post,
            step.time_limit_days,
            step.discretion,
            risks.get(step.key, ()),
        )
        gap = max(GAP_MIN, 12 + LINE * len(_check_lines(step.checks)))
        _arrow(canvas, y, y + gap, step.checks)
        y += gap
    y = _terminal(canvas, y, "办结") + 24
    y = _legend(canvas, y)
    canvas.root.set("width", str(WIDTH))
    canvas.root.set("height", str(y))
    canvas.root.set("viewBox", f"0 0 {WIDTH} {y}")
    return ET.tostring(canvas.root, encoding="unicode", xml_declaration=True) + "\n"


def _terminal(canvas: _Canvas, y: float, label: str) -> float:
    canvas.add(
        "rect",
        x=BOX_X + BOX_W / 2 - 60,
        y=y,
        width=120,
        height=32,
        rx=16,
        fill="#eef2f7",
        stroke="#555",
    )
    canvas.text(BOX_X + BOX_W / 2, y + 21, label, text_anchor="middle")
    return y + 32


def _check_lines(checks: Sequence[str]) -> list[str]:
    return _wrap("监督制约：" + "、".join(checks), 40) if checks else []


def _arrow(canvas: _Canvas, y0: float, y1: float, checks: Sequence[str]) -> None:
    x = BOX_X + BOX_W / 2
    canvas.add(
        "line",
        x1=x,
        y1=y0,
        x2=x,
        y2=y1 - 2,
        stroke="#555",
        stroke_width=1.5,
        marker_end="url(#arrow)",
    )
    canvas.lines(x + 12, y0 + 18, _check_lines(checks), "check")


def _step(
    canvas: _Canvas,
    y: float,
    number: int,
    name: str,
    post: str,
    days: int,
    discretion: bool,
    marks: Sequence[RiskMark],
) -> float:
    lines = _wrap(f"{number}. {name}", 52) + _wrap(f"岗位：{post} · 时限：{days}日", 52)
    height: float = 16 + LINE * len(lines)
    border = {"stroke": "#c0392b", "stroke_width": 3} if discretion else {"stroke": "#555"}
    canvas.add("rect", x=BOX_X, y=y, width=BOX_W, height=height, rx=6, fill="#fff", **border)
    canvas.lines(BOX_X + 12, y + 24, lines)
    side = BOX_X + BOX_W + 16
    if discretion:
        canvas.add("rect", x=side, y=y + 4, width=72, height=22, rx=4, fill="#c0392b")
        canvas.text(side + 36, y + 20, "自由裁量", "tag", text_anchor="middle")
    if marks:
        graded = [m.grade for m in marks if m.grade is not None]
        gravest = min(graded, key=_ORDER.index) if graded else None
        colour = GRADE_COLOUR[gravest] if gravest else "#7f8c8d"
        label = f"风险点 {len(marks)}" + (f"（最高：{GRADE_ZH[gravest]}）" if gravest else "")
        top = y + (30 if discretion else 4)
        canvas.add("rect", x=side, y=top, width=160, height=22, rx=4, fill=colour)
        canvas.text(side + 8, top + 16, label, "tag")
        for i, mark in enumerate(marks[:3]):
            canvas.text(side, top + 40 + i * 16, "· " + _wrap(mark.description, 26)[0], "small")
        height = max(height, top - y + 22 + 16 * min(len(marks), 3) + 12)
    return y + height


def _legend(canvas: _Canvas, y: float) -> float:
    canvas.add(
        "rect", x=MARGIN, y=y, width=14, height=14, fill="#fff", stroke="#c0392b", stroke_width=3
    )
    canvas.text(MARGIN + 22, y + 12, "红框：行使自由裁量权的环节", "small")
    x = MARGIN + 240
    for grade in _ORDER:
        canvas.add("rect", x=x, y=y, width=14, height=14, fill=GRADE_COLOUR[grade])
        canvas.text(x + 20, y + 12, f"{GRADE_ZH[grade]}风险", "small")
        x += 80
    canvas.text(x + 10, y + 12, "蓝字：环节间的监督制约措施", "small")
    return y + 30


_MERMAID_ENTITIES = {ord(c): f"#{ord(c)};" for c in '#&<>"|[]{}()%`;'}
_MERMAID_ENTITIES |= {ord(c): " " for c in "\r\n\t\u2028\u2029"}


def mermaid_text(value: str) -> str:
    """Mermaid-safe label text (Art. 11; review L4): every character that could end a label or
    open HTML in it — quotes, brackets, pipes, `<`, `>`, `&`, `#`, line breaks — written as
    Mermaid's entity code (`#60;`), which it shows as the character itself."""
    return value.translate(_MERMAID_ENTITIES).strip()


def to_mermaid(power: PowerItem, chart: Flowchart) -> str:
    """Render one flowchart version as a Mermaid `flowchart TD` (Art. 11)."""
    lines = [
        "flowchart TD",
        f"    %% {mermaid_text(power.name)} ({power.kind.label_zh}) · 流程图 v{chart.version}",
        f'    start(["{mermaid_text(power.name)}<br/>依据: {mermaid_text(power.legal_basis)}"])',
    ]
    previous = "start"
    checks_into: tuple[str, ...] = ()
    for i, step in enumerate(chart.steps, start=1):
        node = f"s{i}"
        label = (
            f"{i}. {mermaid_text(step.name)}<br/>岗位: {mermaid_text(step.post)}"
            f"<br/>时限: {step.time_limit_days}日" + ("<br/>自由裁量" if step.discretion else "")
        )
        lines.append(f'    {node}["{label}"]')
        arrow = f" -->|{mermaid_text('、'.join(checks_into))}| " if checks_into else " --> "
        lines.append(f"    {previous}{arrow}{node}")
        if step.discretion:
            lines.append(f"    class {node} discretion")
        previous, checks_into = node, step.checks
    arrow = f" -->|{mermaid_text('、'.join(checks_into))}| " if checks_into else " --> "
    lines.append('    finish(["办结"])')
    lines.append(f"    {previous}{arrow}finish")
    lines.append("    classDef discretion fill:#fde2e2,stroke:#c0392b,stroke-width:2px")
    return "\n".join(lines) + "\n"
