"""The auditors' routes: the record of audit queries (every service) and case timelines.

Auditors (审计) read across their jurisdiction and change nothing (Art. 23, 29); each of their
requests is recorded by the authentication step before it is answered (shared/deps.py).
The case timeline is served by the service whose worker keeps its index (`timelines`, on
assessment: shared/audit/case_index.py), never by re-reading Kafka per request (review H3).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from shared.audit.case_index import gather
from shared.audit.case_timeline import (
    TimelineEntry,
    Via,
    case_timeline,
    case_unit,
    render_markdown,
)
from shared.audit.queries import AuditQueryRow, recorded_queries
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, ensure_jurisdiction, require_roles
from shared.errors import Forbidden, NotFound
from shared.paging import paged

router = APIRouter(prefix="/audit", tags=["audit 审计"])
timelines = APIRouter(prefix="/audit", tags=["audit 审计"])
"""The case-timeline routes, on the service that keeps the index (`keeps_case_index`)."""

# Admins shape the org tree and accounts; they read no case (as the intake's readers exclude them).
Auditor = Annotated[Principal, Depends(require_roles(Role.AUDITOR, Role.OFFICE))]
QueryReader = Annotated[Principal, Depends(require_roles(Role.AUDITOR, Role.ADMIN))]


class EntryOut(BaseModel):
    occurred_at: datetime
    event_id: str = Field(description="ce_id of the event: the evidence (证据).")
    event_type: str
    node_id: str
    unit_code: str
    actor: str = Field(description="Who acted (经办人), with role and unit.")
    authority: str = Field(description="On what authority (依据).")
    what: str = Field(description="What happened, in the office's words (Beijing time).")
    due_at: datetime | None = Field(description="A deadline this step set or missed, if any.")
    via: Via = Field(
        description="How it belongs to the case: case = by the case's own ids (information, "
        "judgement, warning, breach); risk_point = a step of the risk point the judgement names; "
        "unit_year = an annual result of a unit and year in which the case left a fact (results "
        "name no event ids, so they are linked by unit and year)."
    )


def _timeline(information_id: UUID, who: Principal, runtime: RuntimeDep) -> list[TimelineEntry]:
    # The few shelves of this case, as the worker filed them: no topic is read (review H3).
    entries = case_timeline(information_id, gather(runtime.app, information_id))
    unit = case_unit(entries)
    # A case outside the caller's jurisdiction answers as one that does not exist: the answer
    # must not tell a town which of the district's case ids are real (security review M5).
    unknown = NotFound(f"no case {information_id} within your jurisdiction")
    if unit is None:
        raise unknown
    try:
        ensure_jurisdiction(runtime, who, unit)  # the case's own unit, not its risk point's
    except Forbidden:
        raise unknown from None
    return entries


@timelines.get(
    "/cases/{information_id}/timeline",
    summary="A case's whole history across services and nodes, with evidence, a page at a "
    "time (Art. 23–29)",
)
@paged
def get_timeline(information_id: UUID, who: Auditor, runtime: RuntimeDep) -> list[EntryOut]:
    return [EntryOut(**vars(e)) for e in _timeline(information_id, who, runtime)]


@timelines.get(
    "/cases/{information_id}/timeline.md",
    response_class=PlainTextResponse,
    summary="The same timeline as a document to read and print (Markdown, Beijing time)",
)
def get_timeline_document(
    information_id: UUID, who: Auditor, runtime: RuntimeDep
) -> PlainTextResponse:
    entries = _timeline(information_id, who, runtime)
    return PlainTextResponse(
        render_markdown(information_id, entries), media_type="text/markdown; charset=utf-8"
    )


RECENT_QUERIES = 1000
"""How far back the listing reaches (the latest requests; the store keeps them all)."""


@router.get(
    "/queries",
    summary="Auditors' requests to this service, newest first, a page at a time (Art. 29)",
)
@paged
def list_queries(who: QueryReader, runtime: RuntimeDep) -> list[AuditQueryRow]:
    rows = recorded_queries(runtime.app, RECENT_QUERIES)
    return [r for r in rows if runtime.app.org.is_within(r.unit_code, who.unit_code)]
