"""Gather one person's to-dos from the node's services, as that person (工作台).

Each service answers `GET /todos` from its own read model for the caller its token names
(services/<svc>/todos/). The console asks them all at once with the session's token — never a
token of its own, so a service shows the person exactly what it would show them directly — and
merges the lists, the soonest deadline first. A service that is down, slow or answers wrongly
leaves its part out and is named in `unavailable`: the rest still shows (never a 500).

The body directly above another node's root supervises that node's disposals (分级监督, Art. 29):
its to-dos there come from that node's warning service, asked the same way; their links carry
`?node=<root>`, so the console opens the warning through `/api/supervised/<root>/warning/…`.

The list's ETag is a digest of what it holds, so a browser polling with `If-None-Match` is
answered 304 with no body while nothing changed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from services.console.bff.asking import Unavailable, ask_for
from shared.todos import TodoItem, sorted_todos

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

    import httpx

TODO_SERVICES = ("intake", "register", "warning")
"""The services with to-dos; assessment asks nobody for anything by a deadline yet."""

_ITEMS = TypeAdapter(list[TodoItem])


@dataclass(frozen=True)
class Gathered:
    items: list[TodoItem]
    unavailable: list[Unavailable]

    @property
    def etag(self) -> str:
        """A strong validator of the list as shown (RFC 9110 8.8.3)."""
        shown = {
            "items": [i.model_dump(mode="json") for i in self.items],
            "unavailable": [[u.service, u.reason] for u in self.unavailable],
        }
        digest = hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()
        return f'"{digest[:32]}"'


def _ask(
    client: httpx.AsyncClient, service: str, base_url: str, authorization: str
) -> Awaitable[list[TodoItem] | Unavailable]:
    return ask_for(client, base_url.rstrip("/") + "/todos", authorization, _ITEMS, service)


async def gather_todos(
    client: httpx.AsyncClient,
    service_urls: Mapping[str, str],
    authorization: str,
    supervised: Mapping[str, str] | None = None,
) -> Gathered:
    """Every to-do-keeping service's list for the caller of `authorization`, merged; with
    `supervised` (root of a node below -> its warning service's URL), those nodes' warning
    to-dos too, linked to the node (Art. 29)."""
    services = [s for s in TODO_SERVICES if s in service_urls]
    below = dict(supervised or {})
    answers = await asyncio.gather(
        *(_ask(client, s, service_urls[s], authorization) for s in services),
        *(_ask(client, f"warning@{root}", url, authorization) for root, url in below.items()),
    )
    items: list[TodoItem] = []
    unavailable: list[Unavailable] = []
    for source, answer in zip([*services, *below], answers, strict=True):
        if isinstance(answer, Unavailable):
            unavailable.append(answer)
        elif source in below:
            items.extend(_on_node(item, source) for item in answer)
        else:
            items.extend(answer)
    return Gathered(sorted_todos(items), unavailable)


def _on_node(item: TodoItem, root: str) -> TodoItem:
    """A to-do of the node below whose root is `root`: its link opens the warning there."""
    joiner = "&" if "?" in item.link else "?"
    return item.model_copy(update={"link": f"{item.link}{joiner}node={root}"})
