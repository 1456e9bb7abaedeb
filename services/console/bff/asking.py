"""Ask a service for a list as the person, on a screen that gathers from several (工作台, 条块结合).

A service that is down, slow or answers wrongly leaves its part out and is named, with why in
Chinese for the page: the rest still shows (never a 500).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import httpx
from pydantic import ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import TypeAdapter

_T = TypeVar("_T")


@dataclass(frozen=True)
class Unavailable:
    """A service whose part of the list is missing, and why (in Chinese, for the page)."""

    service: str
    reason: str


async def ask_for(
    client: httpx.AsyncClient,
    url: str,
    authorization: str,
    answers: TypeAdapter[_T],
    source: str,
    params: Mapping[str, str | int] | None = None,
) -> _T | Unavailable:
    """GET `url` with the person's `authorization`, its answer read as `answers`; or why not."""
    try:
        answer = await client.get(url, params=params, headers={"authorization": authorization})
    except httpx.TimeoutException:
        return Unavailable(source, "响应超时")
    except httpx.TransportError:
        return Unavailable(source, "暂不可用")
    if answer.status_code != 200:
        return Unavailable(source, f"暂不可用（{answer.status_code}）")
    try:
        return answers.validate_json(answer.content)
    except ValidationError:
        return Unavailable(source, "答复无法识别")
