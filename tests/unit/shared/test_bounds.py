"""Bounded, clean input (issue #17 items 4–5): the caps hold, and control characters are refused
with a message that names the character, while the text people really write passes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, Field, ValidationError

from shared.bounds import (
    CODE_MAX,
    FREE_TEXT_MAX,
    LIST_MAX,
    NAME_MAX,
    Code,
    FreeText,
    ItemList,
    Line,
    Name,
    Paragraphs,
    SingleLine,
)


class Form(BaseModel):
    code: Code = "QX-TH"
    name: Name = "太和镇人民政府"
    line: Line = "太纪发〔2026〕3号"
    text: FreeText = "第一段。\n\t第二段。\r\n"
    narrow: SingleLine = Field("岗位", max_length=10)
    reason: Paragraphs = Field("理由", max_length=20)
    items: ItemList[Name] = Field(default_factory=lambda: ["出纳", "会计"])


def refusal(**fields: Any) -> dict[str, Any]:
    """The one error a form with `fields` is refused with."""
    with pytest.raises(ValidationError) as refused:
        Form(**fields)
    (error,) = refused.value.errors()
    return dict(error)


def test_what_people_write_passes_unchanged() -> None:
    form = Form()
    assert form.text == "第一段。\n\t第二段。\r\n"
    assert Form(name="A\tB").name == "A\tB"  # a tab pasted from a spreadsheet is no threat


@pytest.mark.parametrize(
    ("field", "cap"), [("code", CODE_MAX), ("name", NAME_MAX), ("text", FREE_TEXT_MAX)]
)
def test_each_type_takes_its_cap_and_not_one_character_more(field: str, cap: int) -> None:
    assert len(getattr(Form(**{field: "字" * cap}), field)) == cap
    error = refusal(**{field: "字" * (cap + 1)})
    assert (error["loc"], error["type"]) == ((field,), "string_too_long")


def test_a_field_of_its_own_cap_keeps_it() -> None:
    assert refusal(narrow="x" * 11)["loc"] == ("narrow",)
    assert refusal(reason="x" * 21)["loc"] == ("reason",)


def test_a_list_takes_at_most_its_cap_of_items_each_bounded_and_clean() -> None:
    assert len(Form(items=["岗位"] * LIST_MAX).items) == LIST_MAX
    assert refusal(items=["岗位"] * (LIST_MAX + 1))["type"] == "too_long"
    assert refusal(items=["岗位", "x" * (NAME_MAX + 1)])["loc"] == ("items", 1)
    assert refusal(items=["岗位", "a\x00"])["loc"] == ("items", 1)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"])
@pytest.mark.parametrize("field", ["code", "name", "line", "text", "narrow", "reason"])
def test_control_characters_are_refused_everywhere(field: str, char: str) -> None:
    error = refusal(**{field: f"太和{char}镇"})
    assert error["loc"] == (field,)
    assert f"control character U+{ord(char):04X} at position 2" in error["msg"]


@pytest.mark.parametrize("char", ["\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c"])
@pytest.mark.parametrize("field", ["code", "name", "line", "narrow"])
def test_a_single_line_refuses_line_breaks(field: str, char: str) -> None:
    error = refusal(**{field: f"第一行{char}第二行"})
    assert error["loc"] == (field,)
    assert "control character" in error["msg"]
    assert "single-line" in error["msg"]


def test_free_text_keeps_line_breaks_but_not_vertical_tabs_or_form_feeds() -> None:
    assert Form(text="a\u2028b").text == "a\u2028b"
    assert "control character U+000B" in refusal(text="a\x0bb")["msg"]
    assert "control character U+000C" in refusal(reason="a\x0cb")["msg"]


def test_the_caps_are_in_the_published_schema() -> None:
    schema = Form.model_json_schema()["properties"]
    assert schema["code"]["maxLength"] == CODE_MAX
    assert schema["text"]["maxLength"] == FREE_TEXT_MAX
    assert schema["narrow"]["maxLength"] == 10
    assert schema["items"]["maxItems"] == LIST_MAX
    assert schema["items"]["items"]["maxLength"] == NAME_MAX
