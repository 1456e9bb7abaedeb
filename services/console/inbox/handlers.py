"""Gather one unit's 条块结合 inbox from the warning services of every node that reports to it.

Art. 27: each step of a disposal is reported at once to the warned unit's superior business
department 上级业务主管部门 and to the office 预防腐败室 of the body that disposes of it. A district
bureau leads town offices whose warnings the towns' nodes dispose of (太和镇财政所 → 区财政局), so
its inbox lies on several nodes: the console asks its own node's warning service and each such
node's, as the person (the services decide what they may read), and merges the answers, the
newest first, one page at a time.

A page ends at a time: the next one asks each node for what happened before it (`before`). Each
node is asked for one step more than the page holds, so the merged page is exact; a page never
ends between two steps at the same moment (it stops before them), so the next page misses none.
A node that is down, slow or answers wrongly leaves its part out and is named in `unavailable`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from pydantic import BaseModel, Field, TypeAdapter

from services.console.bff.asking import Unavailable, ask_for

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

    import httpx


class ReportedStep(BaseModel):
    """A step of a disposal reported to the unit (Art. 27), and the node that disposes of it."""

    at: datetime
    step: str
    label_zh: str = Field(description="The step in the regulation's words.")
    subject_id: UUID
    by: str = Field(description="Who took the step (a staff id, or `system`).")
    detail: dict[str, Any]
    subject_unit: str = Field(description="The warned unit 预警对象 whose disposal it is.")
    warning_id: UUID | None = Field(description="The warning, once issued.")
    notice_number: str | None = Field(description="The warning's 预警通知书文号, once issued.")
    node: str | None = Field(
        None,
        description="The root unit of the node disposing of it when not the reader's own "
        "(the warning opens there with `?node=`); null: the reader's own node.",
    )


_STEPS = TypeAdapter(list[ReportedStep])


@dataclass(frozen=True)
class InboxPage:
    steps: list[ReportedStep]
    before: datetime | None  # where the next page starts; None: this is the last
    unavailable: list[Unavailable]


async def gather_inbox(
    client: httpx.AsyncClient,
    warning_urls: Mapping[str | None, str],
    authorization: str,
    unit_code: str,
    limit: int,
    before: datetime | None = None,
) -> InboxPage:
    """The newest `limit` steps reported to `unit_code` (before `before`) across the nodes of
    `warning_urls` (a node's root -> its warning service; None: the reader's own node)."""
    query: dict[str, str | int] = {"unit_code": unit_code, "limit": limit + 1}
    if before is not None:
        query["before"] = before.isoformat()
    nodes = list(warning_urls)

    def ask(node: str | None) -> Awaitable[list[ReportedStep] | Unavailable]:
        url = warning_urls[node].rstrip("/") + "/warnings/inbox"
        source = f"warning@{node}" if node else "warning"
        return ask_for(client, url, authorization, _STEPS, source, query)

    answers = await asyncio.gather(*(ask(n) for n in nodes))
    steps: list[ReportedStep] = []
    unavailable: list[Unavailable] = []
    for node, answer in zip(nodes, answers, strict=True):
        if isinstance(answer, Unavailable):
            unavailable.append(answer)
        else:
            steps.extend(s.model_copy(update={"node": node}) for s in answer)
    page, next_before = one_page(steps, limit)
    return InboxPage(page, next_before, unavailable)


def one_page(steps: list[ReportedStep], limit: int) -> tuple[list[ReportedStep], datetime | None]:
    """The newest `limit` of `steps` and the time the next page starts before (None: no more).
    A page that would end between two steps of the same moment ends before that moment, unless
    the whole page is one moment (then the next page starts after it: a thousand steps of a
    disposal recorded in one microsecond is not a thing a disposal does)."""
    ordered = sorted(steps, key=lambda s: (s.at, str(s.subject_id), s.step), reverse=True)
    if len(ordered) <= limit:
        return ordered, None
    page = ordered[:limit]
    if ordered[limit].at == page[-1].at:
        page = [s for s in page if s.at != page[-1].at] or page
    return page, page[-1].at
