"""The petitioner's identity 举报人身份 over HTTP: revealed to the custodian alone (Art. 22).

Opening it needs a reason, and each opening is kept (who, when, why); the list of openings holds
no identity, so auditors may read it too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from services.intake.api_deps import IntakeApp
from services.intake.identity import handlers
from shared.auth import Principal, Role
from shared.bounds import Paragraphs
from shared.deps import CurrentUser, RuntimeDep, require_roles
from shared.paging import paged

router = APIRouter(prefix="/information", tags=["risk information 廉政风险信息"])

# Who may see that, when and why an identity was opened: its custodian and the auditors.
RevealAuditor = Annotated[Principal, Depends(require_roles(Role.CUSTODIAN, Role.AUDITOR))]


class RevealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(
        min_length=1, max_length=1000, description="Why it must be opened (事由)."
    )


class IdentityOut(BaseModel):
    name: str | None
    contact: str | None
    id_number: str | None


class RevealOut(BaseModel):
    by: dict[str, str]
    reason: str
    at: datetime


@router.post(
    "/{information_id}/identity/reveal",
    summary="Reveal a petitioner's identity 举报人身份 (custodian only, reason recorded)",
    description="Only for an account holding, at this moment, the directory's custodian grant "
    "(举报人信息保管员) for the case's unit or a unit above it, signed in with its second factor "
    "(the token's `amr` names `otp`). Otherwise 403 naming the rule (Art. 22).",
)
def reveal_identity(
    information_id: UUID, body: RevealIn, custodian: CurrentUser, app: IntakeApp
) -> IdentityOut:
    identity = handlers.reveal_identity(app, information_id, body.reason, custodian)
    return IdentityOut(name=identity.name, contact=identity.contact, id_number=identity.id_number)


@router.get(
    "/{information_id}/identity/reveals",
    summary="Who opened a petitioner's identity, when and why (custodian, auditor; no identity)",
)
@paged
def identity_reveals(
    information_id: UUID, who: RevealAuditor, runtime: RuntimeDep, app: IntakeApp
) -> list[RevealOut]:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    return [RevealOut(**r) for r in handlers.identity_reveals(app, information_id)]


class CaseReadOut(BaseModel):
    user_id: str
    roles: list[str]
    unit_code: str
    what: str = Field(description="case · timeline: what was asked for.")
    shown: bool = Field(description="Whether it was shown (false: refused as unknown).")
    at: datetime
    trace: str = Field(description="The request's trace id, to find it in the logs.")


@router.get(
    "/{information_id}/reads",
    summary="Who asked to read a case with a protected source, and whether it was shown (Art. 22)",
)
@paged
def case_reads(
    information_id: UUID, who: RevealAuditor, runtime: RuntimeDep, app: IntakeApp
) -> list[CaseReadOut]:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    return [
        CaseReadOut(
            user_id=r.user_id, roles=list(r.roles), unit_code=r.unit_code, what=r.what,
            shown=r.shown, at=r.at, trace=r.trace,
        )
        for r in handlers.protected_reads(app, information_id)
    ]  # fmt: skip
