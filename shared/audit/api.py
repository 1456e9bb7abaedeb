"""The auditors' routes: on every service the record of audit queries and the store's hash-chain
status against its witnessed heads; on the service that keeps the index, case timelines and the
raw events they rest on.

Auditors (审计) read across their jurisdiction and change nothing (Art. 23, 29); each of their
requests is recorded by the authentication step before it is answered (shared/deps.py).
The case timeline is served by the service whose worker keeps its index (`timelines`, on
assessment: shared/audit/case_index.py), never by re-reading Kafka per request (review H3).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Annotated, Any
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
from shared.audit.chain import chained
from shared.audit.checkpoints import of_chain, read_witnesses
from shared.audit.queries import AuditQueryRow, recorded_queries
from shared.audit.verify import Verdict, Witness, verify
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, ensure_jurisdiction, require_roles
from shared.errors import Forbidden, NotFound
from shared.kafka import KafkaAccess
from shared.paging import paged

log = logging.getLogger(__name__)

WITNESS_READ_SECONDS = 15.0
"""How long the chain status waits for the audit topic before checking the chain alone."""

router = APIRouter(prefix="/audit", tags=["audit 审计"])
timelines = APIRouter(prefix="/audit", tags=["audit 审计"])
"""The case-timeline routes, on the service that keeps the index (`keeps_case_index`)."""

# Admins shape the org tree and accounts; they read no case (as the intake's readers exclude them).
Auditor = Annotated[Principal, Depends(require_roles(Role.AUDITOR, Role.OFFICE))]
QueryReader = Annotated[Principal, Depends(require_roles(Role.AUDITOR, Role.ADMIN))]
# The chain's status says nothing of any case: auditors, offices and administrators read it.
ChainReader = Annotated[Principal, Depends(require_roles(Role.AUDITOR, Role.OFFICE, Role.ADMIN))]


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
    unknown = NotFound(
        f"您的管辖范围内没有案件 {information_id} "
        f"(no case {information_id} within your jurisdiction)"
    )
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


class WitnessOut(BaseModel):
    position: int = Field(description="The position whose hash the checkpoint published.")
    hash: str
    checkpoint_id: str = Field(description="ce_id of the ChainCheckpoint on the audit topic.")


class BreakOut(BaseModel):
    position: int
    event_id: str = Field(description="<originator id>@<version> of the event found there.")
    reason: str


class ChainStatusOut(BaseModel):
    service: str
    node_id: str
    checked_at: datetime
    ok: bool = Field(description="True when every link and every witness agrees.")
    events: int = Field(description="Events walked (all of them when the chain is whole).")
    head_position: int | None
    head_event_id: str | None
    head_hash: str = Field(description="The recomputed head (64 zeros for an empty store).")
    witnesses_found: int = Field(description="Checkpoints of this store on the audit topic.")
    witnesses_checked: int = Field(description="Of those, met and compared during the walk.")
    witnessed_up_to: int = Field(description="The last witnessed position found to agree.")
    last_witness: WitnessOut | None = Field(description="The latest published head.")
    witnesses_unavailable: str | None = Field(
        description="Why the audit topic could not be read (the chain alone was checked)."
    )
    broken: BreakOut | None = Field(description="The first broken link, if any.")


@router.get(
    "/chain",
    summary="Verify this service's hash chain against its witnessed heads (Art. 23, 29, 31)",
)
async def chain_status(who: ChainReader, runtime: RuntimeDep) -> ChainStatusOut:
    """The walk `lianfang audit verify --from-kafka` makes, for this service's store only
    (docs/audit.md). It reads the whole store: seconds for 100 000 events (docs/audit.md
    "Speed"), so the screen asks for it on demand."""
    node = runtime.common.node_id
    witnesses: list[Witness] = []
    unavailable: str | None = None
    try:
        access = KafkaAccess.of(runtime.common, runtime.name)
        found = await asyncio.wait_for(
            read_witnesses(access, runtime.topics.audit()), WITNESS_READ_SECONDS
        )
        witnesses = of_chain(found, runtime.name, node)
    except Exception as error:  # any Kafka failure: say so, and verify the chain alone
        log.warning("audit topic unreadable for the chain status: %s", error)
        unavailable = f"审计主题暂不可读（{type(error).__name__}），仅校验了哈希链本身"
    recorder = chained(runtime.app.recorder)
    verdict: Verdict = await asyncio.to_thread(verify, runtime.name, recorder, witnesses)
    head = await asyncio.to_thread(recorder.chain_head)
    last = max(witnesses, key=lambda w: w.position, default=None)
    broken = verdict.broken
    return ChainStatusOut(
        service=runtime.name, node_id=node, checked_at=runtime.clock.now(), ok=verdict.ok,
        events=verdict.events,
        head_position=head.position if head else None,
        head_event_id=head.event_id if head else None,
        head_hash=verdict.head, witnesses_found=len(witnesses),
        witnesses_checked=verdict.witnesses_checked, witnessed_up_to=verdict.witnessed_up_to,
        last_witness=WitnessOut(position=last.position, hash=last.hash,
                                checkpoint_id=last.checkpoint_id) if last else None,
        witnesses_unavailable=unavailable,
        broken=BreakOut(position=broken.position, event_id=broken.event_id,
                        reason=broken.reason) if broken else None,
    )  # fmt: skip


@timelines.get(
    "/cases/{information_id}/events/{event_id}",
    summary="One event of a case's timeline as it was published: its CloudEvent, the evidence "
    "behind the entry (Art. 23, 29)",
)
def get_case_event(
    information_id: UUID, event_id: UUID, who: Auditor, runtime: RuntimeDep
) -> dict[str, Any]:
    """Read from the case's shelves of the index, as the timeline is (no topic is read per
    request, review H3; no petitioner's identity is ever on a topic). A case outside the
    caller's jurisdiction, or an event that is not part of the case, is 404 in the same words
    as an id nobody used."""
    _timeline(information_id, who, runtime)  # the case exists and lies within the caller's reach
    wanted = str(event_id)
    found = next((e for e in gather(runtime.app, information_id) if e.id == wanted), None)
    if found is None:
        raise NotFound(
            f"您的管辖范围内的案件 {information_id} 中没有事件 {event_id} "
            f"(no event {event_id} in case {information_id} within your jurisdiction)"
        )
    event: dict[str, Any] = found.model_dump(mode="json")
    return event
