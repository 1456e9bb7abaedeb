"""A flowchart's labels show what was typed and nothing more (Art. 11; review L4).

Mermaid labels are HTML: a step named with `<`, `"`, `]` or `|` must neither end its label nor
open a tag; Mermaid's entity codes (`#60;`) show the character itself.
"""

from __future__ import annotations

from services.register.catalogue.flowcharts import mermaid_text


def test_every_character_that_could_end_a_label_or_open_html_is_an_entity() -> None:
    typed = '审批"]:::x\n<script>alert(1)</script> | A&B #1 [c] {d}'
    shown = mermaid_text(typed)
    for raw in '"]:<>|&[{}':
        if raw == ":":
            continue  # harmless inside a quoted label
        assert raw not in shown.replace("#", "").replace(";", ""), raw
    assert "\n" not in shown
    assert shown.startswith("审批#34;#93;:::x #60;script#62;alert#40;1#41;")
    assert "A#38;B #35;1 #91;c#93; #123;d#125;" in shown


def test_plain_text_is_left_as_it_was() -> None:
    assert mermaid_text(" 受理申请、审核材料 ") == "受理申请、审核材料"
