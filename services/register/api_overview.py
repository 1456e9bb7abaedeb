"""Routes that read the register: one point, listings, heat map, catalogues, rule (Art. 10–20)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from services.register.api_deps import Reader, RegisterApp, within_of
from services.register.risk_points.measures import CATALOGUE
from services.register.risk_points.model import RiskStatus
from services.register.risk_points.rules import FACTOR_MEANINGS
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.vocabulary import Grade, RiskCategory

router = APIRouter(tags=["risk register 廉政风险点"])

Within = Annotated[str | None, Query(description="Root unit of the subtree; default your own.")]


class RiskPointRowOut(BaseModel):
    id: UUID
    unit_code: str = Field(description="The unit (单位).")
    post: str = Field(description="The post (岗位).")
    category: RiskCategory
    grade: Grade | None = Field(description="Grade on record (风险等级); null before grading.")
    status: RiskStatus = Field(description="draft 待评定 · graded 待审定 · approved 审定通过 · "
                               "published 公示中 · in_force 生效.")  # fmt: skip
    power_id: UUID | None
    description: str
    responsible_leader_id: str | None = Field(description="Responsible leader (责任领导).")
    under_revision: bool = Field(
        False, description="Reopened for revision 动态修正 and not yet approved again (Art. 30)."
    )


class RiskPointOut(RiskPointRowOut):
    manifestations: list[str] = Field(description="How the risk shows (风险表现形式).")
    step_key: str | None
    flowchart_version: int | None
    focus: dict[str, bool] = Field(description="Focus flags (排查重点, Art. 12).")
    gradings: list[dict[str, Any]] = Field(description="Every grading, oldest first (Art. 14).")
    approval_round: int = Field(description="Approval round; a changed grade opens a new one.")
    votes: list[dict[str, Any]] = Field(description="Votes of the current round (集体审定).")
    publication: dict[str, Any] | None = Field(description="Publication and objections (公示).")
    in_force_since: datetime | None
    measures: list[dict[str, Any]] = Field(description="Chosen measures (防控措施, Art. 15).")
    revisions: list[dict[str, Any]] = Field(
        description="Every revision asked for 动态修正, open or closed, oldest first (Art. 30)."
    )
    earlier_content: list[dict[str, Any]] = Field(
        description="What the point said before each content revision, oldest first (Art. 30)."
    )


class HeatCellOut(BaseModel):
    unit_code: str
    category: RiskCategory
    counts: dict[str, int] = Field(description="Risk points by grade: high, medium, low, ungraded.")


@router.get("/risk-points", summary="The register of a subtree, filtered (Art. 10, 13, 14)")
def list_risk_points(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Within = None,
    category: Annotated[RiskCategory | None, Query(description="风险类别")] = None,
    grade: Annotated[Grade | None, Query(description="风险等级")] = None,
    status: Annotated[RiskStatus | None, Query(description="状态")] = None,
    as_of: Annotated[
        datetime | None,
        Query(
            description="The register as it stood at this moment (历史状态, RFC 3339 with zone); "
            "before the first entry the list is empty (Art. 10, 30)."
        ),
    ] = None,
) -> list[RiskPointRowOut]:
    root = within_of(runtime, app, who, within)
    rows = app.list_risk_points(root, category=category, grade=grade, status=status, as_of=as_of)
    return [RiskPointRowOut(**r.__dict__) for r in rows]


@router.get("/risk-points/{risk_point_id}", summary="One risk point with its history (Art. 10–15)")
def get_risk_point(
    risk_point_id: UUID, who: Reader, runtime: RuntimeDep, app: RegisterApp
) -> RiskPointOut:
    p = app.get_risk_point(risk_point_id)
    ensure_jurisdiction(runtime, who, p.unit_code)
    g = p.grading
    return RiskPointOut(
        id=p.id, unit_code=p.unit_code, post=p.post, category=p.category, grade=p.grade,
        status=p.status, power_id=p.power_id, description=p.description,
        responsible_leader_id=g.responsible_leader_id if g else None,
        under_revision=bool(p.open_revisions), manifestations=list(p.manifestations),
        step_key=p.step_key,
        flowchart_version=p.flowchart_version, focus=p.focus.as_dict(),
        gradings=[
            {**x.__dict__, "factors": x.factors.as_dict()} for x in p.gradings
        ],
        approval_round=p.round, votes=[v.__dict__ for v in p.votes.values()],
        publication=None if p.publication is None else {
            "starts_at": p.publication.starts_at, "ends_at": p.publication.ends_at,
            "objections": [o.__dict__ for o in p.publication.objections],
        },
        in_force_since=p.in_force_since, measures=[m.__dict__ for m in p.measures.values()],
        revisions=[r.__dict__ for r in p.revisions],
        earlier_content=[c.__dict__ for c in p.earlier_content],
    )  # fmt: skip


@router.get("/register/heat-map", summary="Risk points by unit × category × grade (Art. 13, 14)")
def heat_map(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    within: Within = None,
    status: Annotated[RiskStatus | None, Query(description="Count only this status.")] = None,
) -> list[HeatCellOut]:
    heat = app.heat_map(within_of(runtime, app, who, within), status)
    return [HeatCellOut(unit_code=u, category=c, counts=n) for (u, c), n in heat.counts.items()]


@router.get("/measures", summary="The catalogue of prevention measures (Art. 15–20)")
def measure_catalogue(
    _: Reader, category: Annotated[RiskCategory | None, Query(description="风险类别")] = None
) -> list[dict[str, Any]]:
    return [
        {**m.__dict__, "category": m.category.value}
        for m in CATALOGUE
        if category is None or m.category is category
    ]


@router.get("/grading/rule", summary="The grading rule, factor meanings, quorum (Art. 14)")
def grading_rule(_: Reader, app: RegisterApp) -> dict[str, Any]:
    rules = app.rules
    return {
        "rule": rules.grading.describe(),
        "factor_meanings": FACTOR_MEANINGS,
        "quorum": {"share": str(rules.quorum.share), "strictly_more": rules.quorum.strictly_more},
        "publication_days": rules.publication_days,
    }
