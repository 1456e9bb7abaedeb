"""Routes of the power catalogue 职权目录 and flowcharts 权力运行流程图 (Art. 11)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from services.register.api_deps import Editor, Reader, RegisterApp, within_of
from services.register.catalogue import handlers
from services.register.catalogue.handlers import PowerDraft
from services.register.catalogue.model import POWER_KIND_ZH
from shared.bounds import Code, ItemList, Line, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.paging import paged

router = APIRouter(prefix="/powers", tags=["power catalogue 职权目录"])

_KINDS = " · ".join(f"{v} {zh}" for v, zh in POWER_KIND_ZH.items())


class PowerIn(BaseModel):
    """A statutory power 职权 of a unit (Art. 11)."""

    model_config = ConfigDict(extra="forbid")

    unit_code: Code = Field(min_length=1, description="The unit that holds the power (单位代码).")
    name: SingleLine = Field(
        min_length=1, max_length=200, description="Name of the power (职权名称)."
    )
    kind: Code = Field(description=f"Kind of power (职权类别): {_KINDS}.")
    legal_basis: Paragraphs = Field(
        min_length=1, max_length=1000, description="Legal basis (法定依据): law, article."
    )
    posts: ItemList[Line] = Field(
        min_length=1, description="Posts that exercise the power (行使职权的岗位)."
    )


class FlowStepIn(BaseModel):
    """One step of a power's flowchart (权力运行流程图的环节) (Art. 11)."""

    model_config = ConfigDict(extra="forbid")

    key: Code = Field(description="Short id of the step, unique in the flowchart, e.g. 'survey'.")
    name: SingleLine = Field(min_length=1, max_length=100, description="What happens (环节名称).")
    post: SingleLine = Field(
        min_length=1, max_length=100, description="The acting post (承办岗位)."
    )
    time_limit_days: int = Field(ge=0, le=365, description="Time limit in days (办理时限, 日).")
    discretion: bool = Field(description="Whether discretion is exercised here (自由裁量).")
    checks: ItemList[Line] = Field(
        default_factory=list,
        description="Checks before the next step (监督制约措施), e.g. 复核, 集体研究.",
    )


class FlowchartIn(BaseModel):
    """A new version of a power's flowchart: its ordered steps (Art. 11)."""

    model_config = ConfigDict(extra="forbid")

    steps: ItemList[FlowStepIn] = Field(min_length=1, description="The steps in order (流程环节).")


class CreatedOut(BaseModel):
    id: UUID = Field(description="Id of what was created.")


class FlowchartOut(BaseModel):
    version: int = Field(description="Version number of the flowchart (流程图版本).")
    steps: list[FlowStepIn] = Field(description="The steps in order.")
    drawn_by: str = Field(description="Who drew it.")
    drawn_at: datetime = Field(description="When.")


class PowerOut(BaseModel):
    id: UUID
    unit_code: str
    name: str
    kind: str = Field(description="Kind of power (职权类别).")
    kind_zh: str
    legal_basis: str
    posts: list[str]
    flowcharts: list[FlowchartOut] = Field(description="Every version, oldest first.")


class PowerRowOut(BaseModel):
    id: UUID
    unit_code: str
    name: str
    kind: str
    flowchart_version: int | None = Field(description="Current flowchart version, if any.")


@router.post("", status_code=status.HTTP_201_CREATED, summary="Catalogue a power (Art. 11)")
def catalogue_power(
    body: PowerIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> CreatedOut:
    app.ensure_manages(who, body.unit_code)  # a command: this node's units only (Art. 7)
    return CreatedOut(id=handlers.catalogue_power(app, PowerDraft(**body.model_dump()), who))


@router.get("", summary="The power catalogue of a subtree (Art. 11)")
@paged
def list_powers(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Annotated[Code | None, Query(description="Root unit; default your own.")] = None,
    as_of: Annotated[
        datetime | None,
        Query(
            description="The catalogue as it stood at this moment (历史状态, RFC 3339 with zone), "
            "each power with its flowchart version then; empty before the first (Art. 11, 30)."
        ),
    ] = None,
) -> list[PowerRowOut]:
    rows = app.list_powers(within_of(runtime, app, who, within), as_of)
    return [PowerRowOut(**{**r.__dict__, "kind": r.kind.value}) for r in rows]


@router.get("/{power_id}", summary="One power with every flowchart version (Art. 11)")
def get_power(power_id: UUID, who: Reader, runtime: RuntimeDep, app: RegisterApp) -> PowerOut:
    power = app.get_power(power_id)
    ensure_jurisdiction(runtime, who, power.unit_code)
    charts = [
        FlowchartOut(
            version=c.version,
            steps=[FlowStepIn(**s.as_dict()) for s in c.steps],
            drawn_by=c.drawn_by,
            drawn_at=c.drawn_at,
        )
        for c in power.flowcharts
    ]
    return PowerOut(
        id=power.id, unit_code=power.unit_code, name=power.name, kind=power.kind.value,
        kind_zh=power.kind.label_zh, legal_basis=power.legal_basis, posts=list(power.posts),
        flowcharts=charts,
    )  # fmt: skip


@router.post(
    "/{power_id}/flowcharts",
    status_code=status.HTTP_201_CREATED,
    summary="Draw a new flowchart version 绘制权力运行流程图 (Art. 11)",
)
def draw_flowchart(
    power_id: UUID, body: FlowchartIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> FlowchartOut:
    app.ensure_manages(who, app.get_power(power_id).unit_code)
    version = handlers.draw_flowchart(app, power_id, [s.model_dump() for s in body.steps], who)
    chart = app.get_power(power_id).flowchart_version(version)
    return FlowchartOut(
        version=version, steps=body.steps, drawn_by=chart.drawn_by, drawn_at=chart.drawn_at
    )


@router.get(
    "/{power_id}/flowchart.mmd",
    response_class=PlainTextResponse,
    summary="A flowchart as Mermaid text (Art. 11); see flowchart.svg for a drawing",
)
def flowchart_mermaid(
    power_id: UUID,
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    version: Annotated[int | None, Query(ge=1, description="Version; default current.")] = None,
) -> PlainTextResponse:
    ensure_jurisdiction(runtime, who, app.get_power(power_id).unit_code)
    return PlainTextResponse(handlers.flowchart_mermaid(app, power_id, version))


@router.get(
    "/{power_id}/flowchart.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
    summary="A flowchart drawn as SVG, discretion and risk points marked (Art. 11, 13)",
)
def flowchart_svg(
    power_id: UUID,
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    version: Annotated[int | None, Query(ge=1, description="Version; default current.")] = None,
) -> Response:
    ensure_jurisdiction(runtime, who, app.get_power(power_id).unit_code)
    return Response(handlers.flowchart_svg(app, power_id, version), media_type="image/svg+xml")
