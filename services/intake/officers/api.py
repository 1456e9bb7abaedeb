"""The roster of information officers 信息员名册 over HTTP; the office manages it (Art. 22)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.api_deps import IntakeApp, Office, Reader
from services.intake.officers import handlers
from services.intake.officers.model import InformationOfficer
from shared.bounds import Code, ItemList, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.paging import paged

router = APIRouter(prefix="/officers", tags=["information officers 信息员"])


class AppointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: SingleLine = Field(min_length=1, max_length=100, description="The officer's user id.")
    name: SingleLine = Field(min_length=1, max_length=100, description="姓名")
    kind: Literal["internal", "external"] = Field(description="internal 内部 · external 外聘")
    units: ItemList[Code] = Field(min_length=1, description="Units covered (and their subtrees).")
    active_from: AwareDatetime
    active_until: AwareDatetime | None = None


class PeriodIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    units: ItemList[Code] = Field(min_length=1)
    active_from: AwareDatetime
    active_until: AwareDatetime | None = None


class ReliefIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: AwareDatetime = Field(description="When the appointment ends.")
    reason: Paragraphs = Field(min_length=1, max_length=1000)


class PeriodOut(BaseModel):
    units: list[str]
    start: datetime
    end: datetime | None


class OfficerOut(BaseModel):
    user_id: str
    name: str
    kind: str
    periods: list[PeriodOut]


def _out(officer: InformationOfficer) -> OfficerOut:
    periods: list[dict[str, Any]] = officer.periods
    return OfficerOut(
        user_id=officer.user_id,
        name=officer.name,
        kind=officer.kind,
        periods=[PeriodOut(units=p["units"], start=p["start"], end=p["end"]) for p in periods],
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Appoint an officer 聘任信息员")
def appoint(body: AppointIn, office: Office, app: IntakeApp) -> OfficerOut:
    officer = handlers.appoint_officer(
        app,
        body.user_id,
        body.name,
        body.kind,
        body.units,
        body.active_from,
        body.active_until,
        office,
    )
    return _out(officer)


@router.post("/{user_id}/periods", summary="Re-appoint for a new active period 续聘")
def reappoint(user_id: Code, body: PeriodIn, office: Office, app: IntakeApp) -> OfficerOut:
    officer = handlers.reappoint_officer(
        app, user_id, body.units, body.active_from, body.active_until, office
    )
    return _out(officer)


@router.post("/{user_id}/relief", summary="Relieve an officer 解聘, with a reason")
def relieve(user_id: Code, body: ReliefIn, office: Office, app: IntakeApp) -> OfficerOut:
    return _out(handlers.relieve_officer(app, user_id, body.at, body.reason, office))


@router.get("", summary="Officers covering units in a subtree (Art. 22)")
@paged
def list_officers(
    reader: Reader,
    runtime: RuntimeDep,
    app: IntakeApp,
    unit: Annotated[
        Code | None, Query(description="Subtree root; your own unit by default.")
    ] = None,
) -> list[OfficerOut]:
    root = unit or reader.unit_code
    ensure_jurisdiction(runtime, reader, root)
    return [_out(o) for o in handlers.list_officers(app, root)]
