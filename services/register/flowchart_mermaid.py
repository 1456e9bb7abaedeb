"""A power's flowchart 权力运行流程图 as Mermaid text, for documents and review (Art. 11).

Each step is a node (name, acting post, time limit); steps where discretion is exercised
(自由裁量) are highlighted, since that is where Art. 13(三) looks for risk; the checks between
steps label the arrows. `flowchart_svg` draws the same chart as SVG, with its risk points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.register.powers import Flowchart, PowerItem


def _text(value: str) -> str:
    """Mermaid-safe label text: no quotes, brackets or pipes that would end the label."""
    for bad, good in (('"', "'"), ("|", "/"), ("[", "("), ("]", ")"), ("\n", " ")):
        value = value.replace(bad, good)
    return value.strip()


def to_mermaid(power: PowerItem, chart: Flowchart) -> str:
    """Render one flowchart version as a Mermaid `flowchart TD` (Art. 11)."""
    lines = [
        "flowchart TD",
        f"    %% {_text(power.name)} ({power.kind.label_zh}) · 流程图 v{chart.version}",
        f'    start(["{_text(power.name)}<br/>依据: {_text(power.legal_basis)}"])',
    ]
    previous = "start"
    checks_into: tuple[str, ...] = ()
    for i, step in enumerate(chart.steps, start=1):
        node = f"s{i}"
        label = (
            f"{i}. {_text(step.name)}<br/>岗位: {_text(step.post)}"
            f"<br/>时限: {step.time_limit_days}日" + ("<br/>自由裁量" if step.discretion else "")
        )
        lines.append(f'    {node}["{label}"]')
        arrow = f" -->|{_text('、'.join(checks_into))}| " if checks_into else " --> "
        lines.append(f"    {previous}{arrow}{node}")
        if step.discretion:
            lines.append(f"    class {node} discretion")
        previous, checks_into = node, step.checks
    arrow = f" -->|{_text('、'.join(checks_into))}| " if checks_into else " --> "
    lines.append('    finish(["办结"])')
    lines.append(f"    {previous}{arrow}finish")
    lines.append("    classDef discretion fill:#fde2e2,stroke:#c0392b,stroke-width:2px")
    return "\n".join(lines) + "\n"
