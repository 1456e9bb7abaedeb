"""Cursor pagination with a hard maximum page size, on every listing (issue #17 item 4, M8).

A listing answers one page, never the whole subtree: a district-level caller can neither
exhaust a service's memory with one answer nor export every petition of the district at once.
The body stays the JSON array it always was (nothing that reads a listing breaks); the cursor of
the next page comes in the `X-Next-Cursor` header, absent on the last page. `limit` is capped at
`MAX_PAGE` (over it: 422 naming `limit`); the cursor is opaque (base64url of the position after
the last item shown); one that is not ours is a 422 naming `cursor`.

Use: `@paged` under a route's `@router.get(...)`, on an endpoint that returns a list; it adds
the `limit` and `cursor` query parameters and answers the page (`declare_paging` names the
header in the OpenAPI document). An endpoint whose list is costly to build (a replay per item,
`?as_of=`) takes a `PageWindow` parameter instead and builds only its page (keyset paging).
docs/paging.md says the same to callers.
"""

from __future__ import annotations

import base64
import binascii
import functools
import inspect
import json
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Query, Response
from pydantic import BaseModel, Field

from shared.errors import Invalid

MAX_PAGE = 200
DEFAULT_PAGE = MAX_PAGE  # a caller that never pages sees what it saw before, up to the cap
NEXT_CURSOR = "X-Next-Cursor"
_CURSOR_MAX = 512
_NOT_A_CURSOR = "分页游标无效，不是本列表的游标 (not a cursor of this listing)"

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
        description=f"The `{NEXT_CURSOR}` header of the previous page, as it was given (opaque).",
    ),
]


class Page(BaseModel):
    """One page of a listing and where the next one starts (分页)."""

    items: list[Any] = Field(description="This page's items, in the listing's order.")
    next_cursor: str | None = Field(description="The next page's cursor; null on the last.")


def encode_cursor(key: SortKey) -> str:
    """The opaque cursor of a sort key."""
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, like: SortKey | None = None) -> SortKey:
    """The sort key a cursor carries; Invalid naming `cursor` if it is not one of ours (or its
    parts are not of the kinds of `like`, a key of the listing)."""
    unreadable = Invalid("cursor", _NOT_A_CURSOR, "query")
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


def paginate(items: Sequence[Any], limit: int = DEFAULT_PAGE, cursor: str | None = None) -> Page:
    """The page of `items` (in the listing's order) after `cursor`, at most `limit` long
    (capped at MAX_PAGE whatever the caller asked)."""
    limit = max(1, min(limit, MAX_PAGE))
    start = 0
    if cursor is not None:
        (position,) = decode_cursor(cursor, like=(0,))
        if not isinstance(position, int) or position < 0:
            raise Invalid("cursor", _NOT_A_CURSOR, "query")
        start = position
    shown = list(items[start : start + limit])
    more = len(items) > start + limit
    return Page(items=shown, next_cursor=encode_cursor((start + limit,)) if more else None)


_T = TypeVar("_T")


class PageWindow:
    """The page a caller asked for, handed to a listing that pages itself before it builds
    anything (a parameter annotated `PageWindow` under `@paged`): it reads only up to `limit`
    items after `after(...)`, and names where the next page starts with `continue_after(key)`.
    Its cursor is the sort key of the last item looked at (keyset paging), so a next page
    costs what the page costs, not what every page before it did."""

    def __init__(self, limit: int, cursor: str | None) -> None:
        self.limit = max(1, min(limit, MAX_PAGE))
        self.cursor = cursor
        self.next_cursor: str | None = None

    def after(self, like: SortKey) -> SortKey | None:
        """The sort key the page starts after (None: from the start); Invalid naming `cursor`
        if the cursor is not one of this listing's (its parts not of the kinds of `like`)."""
        return None if self.cursor is None else decode_cursor(self.cursor, like)

    def continue_after(self, key: SortKey) -> None:
        """There is more: the next page starts after `key`."""
        self.next_cursor = encode_cursor(key)

    def slice(self, items: Sequence[_T]) -> list[_T]:
        """This page of a list the read model already holds in order (the offset cursor of
        `paginate`), so that only the page is turned into answers, never the whole list."""
        page = paginate(items, self.limit, self.cursor)
        self.next_cursor = page.next_cursor
        return page.items


_E = TypeVar("_E", bound=Callable[..., Any])

_NEXT_CURSOR_HEADER = {
    "description": "Pass as `cursor` for the next page; absent on the last page.",
    "schema": {"type": "string"},
}


def declare_paging(api: FastAPI) -> None:
    """Name the `X-Next-Cursor` header in the OpenAPI answer of every paged route (those that
    take our `cursor`), once, when the document is first built."""
    build = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            for operations in build().get("paths", {}).values():
                for operation in operations.values():
                    cursor = {"name": "cursor", "in": "query"}
                    parameters = operation.get("parameters", [])
                    if any(cursor.items() <= p.items() for p in parameters):
                        answer = operation["responses"].setdefault("200", {})
                        answer.setdefault("headers", {})[NEXT_CURSOR] = _NEXT_CURSOR_HEADER
        assert api.openapi_schema is not None
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]


def paged(endpoint: _E) -> _E:
    """The endpoint, answering one page of the list it returns (`limit`, `cursor`; M8)."""
    try:
        hints = typing.get_type_hints(endpoint, include_extras=True)
    except NameError:  # a name imported for type checking only: FastAPI resolves the rest
        hints = {}
    signature = inspect.signature(endpoint)
    windowed = [
        name
        for name, p in signature.parameters.items()
        if hints.get(name) is PageWindow or p.annotation in (PageWindow, "PageWindow")
    ]
    taken = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in signature.parameters.values()
        if p.name not in windowed
    ]
    added = [
        inspect.Parameter(
            "limit", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_PAGE, annotation=PageLimit
        ),
        inspect.Parameter(
            "cursor", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=PageCursor
        ),
        inspect.Parameter("paged_response", inspect.Parameter.KEYWORD_ONLY, annotation=Response),
    ]
    shaped = signature.replace(
        parameters=[*taken, *added],
        return_annotation=hints.get("return", signature.return_annotation),
    )

    def answer(items: Sequence[Any], window: PageWindow, response: Response) -> list[Any]:
        if windowed:  # the endpoint paged itself
            page = Page(items=list(items), next_cursor=window.next_cursor)
        else:
            page = paginate(items, window.limit, window.cursor)
        if page.next_cursor is not None:
            response.headers[NEXT_CURSOR] = page.next_cursor
        return page.items

    def given(kwargs: dict[str, Any], window: PageWindow) -> dict[str, Any]:
        return {**kwargs, **dict.fromkeys(windowed, window)}

    if inspect.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def run_async(
            *args: Any, limit: int, cursor: str | None, paged_response: Response, **kwargs: Any
        ) -> list[Any]:
            window = PageWindow(limit, cursor)
            found = await endpoint(*args, **given(kwargs, window))
            return answer(found, window, paged_response)

        run_async.__signature__ = shaped  # type: ignore[attr-defined]
        return typing.cast("_E", run_async)

    @functools.wraps(endpoint)
    def run(
        *args: Any, limit: int, cursor: str | None, paged_response: Response, **kwargs: Any
    ) -> list[Any]:
        window = PageWindow(limit, cursor)
        return answer(endpoint(*args, **given(kwargs, window)), window, paged_response)

    run.__signature__ = shaped  # type: ignore[attr-defined]
    return typing.cast("_E", run)
