"""The risk-information routes: list, read, verify, judge 信息库与研判 (Art. 21, 23, 25)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from services.register.api_deps import RegisterApp, within_of
from services.register.api_information_models import (
    InformationRowOut,
    JudgementIdOut,
    JudgementIn,
    NumberOut,
    ReportedInformationOut,
    VerificationIn,
    information_out,
)
from services.register.judgement import InformationStatus
from services.register.judgement_commands import JudgementDraft, NewRiskPoint
from services.register.read_model import InformationRow
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, ensure_jurisdiction, require_roles

router = APIRouter(prefix="/information", tags=["risk information database 廉政风险信息库"])

# The judgement group 研判小组 verifies and judges; offices and auditors read along (Art. 25).
Reader = Annotated[Principal, Depends(require_roles(Role.JUDGE, Role.OFFICE, Role.AUDITOR))]
Judge = Annotated[Principal, Depends(require_roles(Role.JUDGE))]


@router.get("", summary="Reported information of a subtree, by status (Art. 21, 25)")
def list_information(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    status: Annotated[
        InformationStatus | None,
        Query(description="awaiting_judgement 待研判 · judged 已研判; default both."),
    ] = None,
    within: Annotated[
        str | None, Query(description="Root unit of the subtree; default your own.")
    ] = None,
) -> list[InformationRowOut]:
    root = within_of(runtime, app, who, within)
    return [_row(r) for r in app.list_information(root, status)]


def _row(r: InformationRow) -> InformationRowOut:
    return InformationRowOut(
        information_id=r.id, unit_code=r.unit_code, channel=r.channel, summary=r.summary,
        learned_at=r.learned_at, status=r.status, verifications=r.verifications,
        verdict=r.verdict,
    )  # fmt: skip


@router.get("/{information_id}", summary="Information with its verification and judgement")
def get_information(
    information_id: UUID, who: Reader, runtime: RuntimeDep, app: RegisterApp
) -> ReportedInformationOut:
    info = app.get_information(information_id)
    ensure_jurisdiction(runtime, who, info.unit_code)
    return information_out(info)


@router.post(
    "/{information_id}/verification",
    status_code=status.HTTP_201_CREATED,
    summary="Record a verification 核实 (Art. 21, 25)",
)
def verify(information_id: UUID, body: VerificationIn, who: Judge, app: RegisterApp) -> NumberOut:
    number = app.verify_information(
        information_id, checked=body.checked, findings=body.findings, by=who,
        verifiers=body.verifiers, verified_at=body.verified_at,
    )  # fmt: skip
    return NumberOut(number=number)


@router.post(
    "/{information_id}/judgement",
    status_code=status.HTTP_201_CREATED,
    summary="Judge the information once 研判 (Art. 14, 23, 25, 28)",
)
def judge(information_id: UUID, body: JudgementIn, who: Judge, app: RegisterApp) -> JudgementIdOut:
    new = body.new_risk_point
    draft = JudgementDraft(
        verdict=body.verdict.value,
        reasoning=body.reasoning,
        recommended_level=body.recommended_level.value if body.recommended_level else None,
        risk_point_id=body.risk_point_id,
        new_risk_point=NewRiskPoint(
            new.category.value, new.description, new.post, list(new.manifestations)
        )
        if new
        else None,
        factors=body.factors.model_dump() if body.factors else None,
        responsible_leader_id=body.responsible_leader_id,
        report_finding=body.report_finding,
    )
    return JudgementIdOut(judgement_id=app.judge_information(information_id, draft, who))
