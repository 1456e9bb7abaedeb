"""Every listing answers a page, never the whole subtree (issue #17 item 4, review M8).

The routes are found in each service's own OpenAPI document: every GET whose answer is a JSON
array must take `limit` and `cursor` and name the `X-Next-Cursor` header, and a `limit` over
the maximum is refused with a 422 naming it, over real HTTP with a token holding every role (so
no role check answers first). A cursor that is not ours is refused the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import uuid4

import pytest

from services import registry
from shared.auth import Role
from shared.errors import Invalid
from shared.paging import (
    MAX_PAGE,
    NEXT_CURSOR,
    PageWindow,
    decode_cursor,
    encode_cursor,
    paged,
    paginate,
)
from tests.support.http_api import ApiClient
from tests.support.tokens import token_for

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(params=registry.NAMES)
def api(request: pytest.FixtureRequest) -> Iterator[ApiClient]:
    spec, settings = registry.load(request.param)
    yield from ApiClient.serve(spec, settings)


def listings(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The GET operations whose answer is a JSON array."""
    found = []
    for path, operations in document["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        answer = get["responses"].get("200", {}).get("content", {}).get("application/json", {})
        if answer.get("schema", {}).get("type") == "array":
            found.append((path, get))
    return found


def _sample(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema", {})
    if schema.get("format") == "uuid":
        return str(uuid4())
    if schema.get("type") == "integer":
        return "2026"
    return "QX"


def _url(path: str, operation: dict[str, Any], query: str) -> str:
    for p in operation.get("parameters", []):
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", _sample(p))
    return f"{path}?{query}"


def test_every_listing_is_paged_and_refuses_a_page_over_the_maximum(api: ApiClient) -> None:
    document = api.client.app.openapi()  # type: ignore[attr-defined]
    found = listings(document)
    assert found, "every service lists something (at least /audit/queries)"
    everyone = _all_roles(api)
    for path, operation in found:
        names = {p["name"] for p in operation.get("parameters", [])}
        assert {"limit", "cursor"} <= names, f"{path} is not paged"
        assert NEXT_CURSOR in operation["responses"]["200"].get("headers", {}), path
        over = api.get(_url(path, operation, f"limit={MAX_PAGE + 1}"), everyone)
        assert over.status_code == 422, (path, over.status_code, over.text)
        locations = [e["loc"] for e in over.json()["detail"]]
        assert ["query", "limit"] in locations, (path, locations)
        forged = api.get(_url(path, operation, "cursor=not-ours"), everyone)
        assert forged.status_code in (404, 422), (path, forged.status_code, forged.text)
        if forged.status_code == 422:
            assert any(e["loc"][-1] in ("cursor", *names) for e in forged.json()["detail"])


def _all_roles(api: ApiClient) -> dict[str, str]:
    token = token_for(api.runtime, "u-paging", list(Role), "QX")
    return {"Authorization": f"Bearer {token}"}


def test_a_page_is_at_most_the_limit_and_the_cursor_walks_the_rest() -> None:
    items = list(range(7))
    first = paginate(items, limit=3)
    assert first.items == [0, 1, 2]
    assert first.next_cursor is not None
    second = paginate(items, limit=3, cursor=first.next_cursor)
    third = paginate(items, limit=3, cursor=second.next_cursor)
    assert (second.items, third.items, third.next_cursor) == ([3, 4, 5], [6], None)
    assert paginate(items, limit=10_000).items == items  # capped at MAX_PAGE, not refused here
    assert len(paginate(list(range(500)), limit=10_000).items) == MAX_PAGE


@pytest.mark.parametrize(
    "cursor",
    ["not-base64!", encode_cursor(("a",)), encode_cursor((-1,)), "bnVsbA", encode_cursor((1, 2))],
)
def test_a_cursor_that_is_not_ours_names_the_cursor(cursor: str) -> None:
    with pytest.raises(Invalid) as refused:
        paginate(list(range(5)), cursor=cursor)
    assert (refused.value.field, refused.value.location) == ("cursor", "query")


def test_a_cursor_reads_back_its_key() -> None:
    assert decode_cursor(encode_cursor((3, "x"))) == (3, "x")


def test_a_listing_that_pages_itself_builds_only_its_page() -> None:
    """A listing taking a `PageWindow` turns only its page into answers (`slice`), and one
    paging by key names the last key it looked at; over real HTTP, the cursor followed to the
    end gives every item once (issue #17: bounded listings)."""
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    built: list[int] = []

    def answer(n: int) -> dict[str, int]:
        built.append(n)
        return {"n": n}

    api = FastAPI()

    @api.get("/sliced")
    @paged
    def sliced(*, window: PageWindow) -> list[dict[str, int]]:
        return [answer(n) for n in window.slice(range(450))]

    @api.get("/keyed")
    @paged
    def keyed(*, window: PageWindow) -> list[dict[str, int]]:
        after = window.after((0,))
        rest = [n for n in range(0, 30, 3) if after is None or n > int(after[0])]
        page = rest[: window.limit]
        if len(rest) > window.limit:
            window.continue_after((page[-1],))
        return [answer(n) for n in page]

    with TestClient(api) as client:
        for path, limit, expected in (("/sliced", 200, list(range(450))),
                                      ("/keyed", 4, list(range(0, 30, 3)))):  # fmt: skip
            seen, cursor, costs = [], None, []
            while True:
                before = len(built)
                params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
                got = client.get(path, params=params)
                assert got.status_code == 200
                seen += [item["n"] for item in got.json()]
                costs.append(len(built) - before)
                cursor = got.headers.get(NEXT_CURSOR)
                if cursor is None:
                    break
            assert seen == expected
            assert max(costs) <= limit  # never the whole list per page
        assert "window" not in str(client.get("/openapi.json").json())
    with pytest.raises(Invalid, match="cursor"):  # a cursor of another listing (422 in a service)
        PageWindow(4, encode_cursor(("x",))).after((0,))
