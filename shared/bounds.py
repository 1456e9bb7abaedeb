"""Bounded, clean text and lists for request models: every string and list a caller sends is
capped and free of control characters before a handler sees it (issue #17 items 4–5, security
review H4).

Why bounds at all: whatever a route accepts is stored forever in the event store and on Kafka
(events are facts, never deleted), so one unbounded field lets any official grow every store and
topic without limit. The caps are far above anything a real user writes (a unit's name is a few
dozen characters; the regulation's forms give a few lines to a reason), so only abuse meets them.

Why no control characters: a NUL or an escape sequence in a stored name ends up in logs, CSV and
XLSX exports, Markdown and Mermaid drawings and terminals, where it can forge log lines, break a
document or hide text. Free text keeps tab and line breaks (a reason or summary has paragraphs);
a single-line field (a name, a code, a reference) refuses line breaks too, including U+2028 and
U+2029, which some viewers treat as new lines.

Use the bounded types (`Code`, `Name`, `Line`, `FreeText`, `ItemList`) as a field's annotation.
A `Field(max_length=...)` assigned beside them does NOT narrow their cap (pydantic keeps the
annotation's); a field with a cap of its own takes `SingleLine` or `Paragraphs`, which only
clean, and says its cap in its `Field`:

    name: Name = Field(min_length=1, description="单位名称")
    measures: ItemList[Line] = Field(min_length=1)
    reason: Paragraphs = Field(min_length=1, max_length=1000)
"""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from pydantic import AfterValidator, Field

CODE_MAX = 64
"""Ids, codes and keys (单位代码, user ids, measure codes): a UUID has 36, a unit code ~20."""
NAME_MAX = 200
"""Names and titles (单位名称, 姓名, 职务, 名称): the longest official unit name is under 60."""
LINE_MAX = 500
"""One line of text: a document reference (文号), an authority, a listed item or question."""
FREE_TEXT_MAX = 4000
"""Free text (事由, 情况, 意见): as intake's summary, about two printed pages of Chinese."""
LIST_MAX = 200
"""Items in a list (posts, steps, attendees, document references); a form lists a handful."""

# C0 controls and DEL and the C1 controls (U+0080–U+009F) are never text a person typed.
_FREE_TEXT_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A single line refuses every C0 control but tab, and the line and paragraph separators.
_SINGLE_LINE_REFUSED = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _refuse(value: str, refused: re.Pattern[str], kind: str, kind_zh: str) -> str:
    found = refused.search(value)
    if found is not None:
        code, at = f"U+{ord(found.group()):04X}", found.start()
        raise ValueError(
            f"{kind_zh}不能含控制字符 {code}（位置 {at}）"
            f" (control character {code} at position {at} is not allowed in {kind})"
        )
    return value


def clean_free_text(value: str) -> str:
    """`value` unchanged if it has no control character but tab, CR and LF; else ValueError."""
    return _refuse(value, _FREE_TEXT_REFUSED, "free text", "文本")


def clean_single_line(value: str) -> str:
    """`value` unchanged if it is one line without control characters; else ValueError."""
    return _refuse(value, _SINGLE_LINE_REFUSED, "a single-line field", "单行文本")


SingleLine = Annotated[str, AfterValidator(clean_single_line)]
"""One line without control characters, uncapped: always give it `Field(max_length=...)`."""

Paragraphs = Annotated[str, AfterValidator(clean_free_text)]
"""Text without control characters but tab and line breaks, uncapped: give it a `max_length`."""

Code = Annotated[str, Field(max_length=CODE_MAX), AfterValidator(clean_single_line)]
"""An id, code or key: one line, at most 64 characters."""

Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(clean_single_line)]
"""A name or title: one line, at most 200 characters."""

Line = Annotated[str, Field(max_length=LINE_MAX), AfterValidator(clean_single_line)]
"""One line of text (a reference, an authority, a listed item): at most 500 characters."""

FreeText = Annotated[str, Field(max_length=FREE_TEXT_MAX), AfterValidator(clean_free_text)]
"""Paragraphs (a reason, a summary, findings): tab and line breaks allowed, at most 4000."""

T = TypeVar("T")

ItemList = Annotated[list[T], Field(max_length=LIST_MAX)]
"""A list of at most 200 items; give its items a bounded type, e.g. `ItemList[Name]`."""


def text_problem(value: str, max_length: int, *, single_line: bool = True) -> str | None:
    """Why `value` may not be stored (too long, or a control character), or None if it may: the
    rule of the types above, for text that comes in outside a request model (a row of a CSV or
    JSON import), so that an import is no way around them."""
    if len(value) > max_length:
        return f"至多 {max_length} 个字符 (at most {max_length} characters)"
    try:
        (clean_single_line if single_line else clean_free_text)(value)
    except ValueError as refused:
        return str(refused)
    return None
