"""Cursor pagination with a hard maximum page size, for every listing (issue #17 item 4, M8).

A listing answers one page, `{"items": [...], "next_cursor": "..."}`, never the whole subtree:
a district-level caller can neither exhaust a service's memory with one request nor export every
petition of the district in one answer. `limit` is capped at `MAX_PAGE` (over it: 422 naming
`limit`); the cursor is opaque to the caller (base64url of the last item's sort key), so a page
starts after the last item shown even when items were added meanwhile (keyset, not offset).
A cursor that is not one of ours is a 422 naming `cursor`.

Use: a route takes `limit: PageLimit = DEFAULT_PAGE, cursor: PageCursor = None`, sorts its items
by a unique key and answers `paginate(items, key, limit, cursor)` as `Page[ItemOut]`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from shared.errors import Invalid

DEFAULT_PAGE = 50
MAX_PAGE = 200
_CURSOR_MAX = 512

_T = TypeVar("_T")
KeyPart = str | int
SortKey = tuple[KeyPart, ...]

PageLimit = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_PAGE,
        description=f"How many items at most in this page (1–{MAX_PAGE}; default {DEFAULT_PAGE}).",
    ),
]
PageCursor = Annotated[
    str | None,
    Query(
        max_length=_CURSOR_MAX,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The `next_cursor` of the previous page, as it was given (opaque).",
    ),
]


class Page(BaseModel, Generic[_T]):
    """One page of a listing and where the next one starts (分页)."""

    items: list[_T] = Field(description="This page's items, in the listing's order.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )


def encode_cursor(key: SortKey) -> str:
    """The opaque cursor of a sort key."""
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, like: SortKey | None = None) -> SortKey:
    """The sort key a cursor carries; Invalid naming `cursor` if it is not one of ours (or its
    parts are not of the kinds of `like`, a key of the listing)."""
    unreadable = Invalid("cursor", "not a cursor of this listing", "query")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise unreadable from None
    if not isinstance(parts, list) or not parts:
        raise unreadable
    if not all(isinstance(p, str | int) and not isinstance(p, bool) for p in parts):
        raise unreadable
    key = tuple(parts)
    if like is not None and [type(p) for p in key] != [type(p) for p in like]:
        raise unreadable
    return key


def paginate(
    items: Sequence[_T],
    key: Callable[[_T], SortKey],
    limit: int = DEFAULT_PAGE,
    cursor: str | None = None,
) -> Page[_T]:
    """The page of `items` (sorted by `key`, ascending and unique) after `cursor`, at most
    `limit` long (capped at MAX_PAGE whatever the caller asked)."""
    limit = max(1, min(limit, MAX_PAGE))
    rest: Sequence[_T] = items
    if cursor is not None:
        after = decode_cursor(cursor, key(items[0]) if items else None)
        rest = [item for item in items if key(item) > after]
    shown = list(rest[:limit])
    more = len(rest) > limit
    return Page[_T](items=shown, next_cursor=encode_cursor(key(shown[-1])) if more else None)
