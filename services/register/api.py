"""The register's HTTP routes (Art. 21, 25)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from services.register.app import RegisterApplication
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, ensure_jurisdiction, require_roles

router = APIRouter(prefix="/information", tags=["risk information database 廉政风险信息库"])

Reader = Annotated[Principal, Depends(require_roles(Role.JUDGE, Role.OFFICE, Role.AUDITOR))]


class ReportedInformationOut(BaseModel):
    information_id: UUID
    unit_code: str
    channel: str
    summary: str
    learned_at: datetime
    reported_at: datetime
    status: str


def _app(runtime: RuntimeDep) -> RegisterApplication:
    assert isinstance(runtime.app, RegisterApplication)
    return runtime.app


@router.get("/{information_id}", summary="Reported information awaiting judgement (Art. 21, 25)")
def get_information(
    information_id: UUID,
    reader: Reader,
    runtime: RuntimeDep,
    app: Annotated[RegisterApplication, Depends(_app)],
) -> ReportedInformationOut:
    info = app.get_information(information_id)
    ensure_jurisdiction(runtime, reader, info.unit_code)
    return ReportedInformationOut(
        information_id=info.id,
        unit_code=info.unit_code,
        channel=info.channel,
        summary=info.summary,
        learned_at=info.learned_at,
        reported_at=info.reported_at,
        status=info.status,
    )
