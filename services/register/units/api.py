"""Routes of the organisation tree 组织机构: list, register, change, import units (Art. 5–7, 14).

Administrators 管理员 shape the tree within their own subtree. Every change is published as
OrgUnitRegistered / OrgUnitChanged, so the other services can keep their copy of the tree.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from services.register.api_deps import RegisterApp, within_of
from services.register.units import handlers
from services.register.units.imports import ImportRejected, read_csv, read_json
from services.register.units.model import UnitDraft
from shared.auth import Principal, Role
from shared.bounds import Code, ItemList, Name, SingleLine
from shared.deps import RuntimeDep, require_roles
from shared.errors import DomainError
from shared.paging import paged
from shared.vocabulary import UnitKind

router = APIRouter(prefix="/units", tags=["organisation tree 组织机构"])

Admin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]
UnitReader = Annotated[
    Principal,
    Depends(require_roles(Role.ADMIN, Role.OFFICE, Role.LEADER, Role.JUDGE, Role.AUDITOR)),
]
_KINDS = " · ".join(k.value for k in UnitKind)


class UnitChangeIn(BaseModel):
    """A unit as it should stand: name, kind, place in the tree, node, leaders (Art. 5–7, 14)."""

    model_config = ConfigDict(extra="forbid")

    name: SingleLine = Field(min_length=1, max_length=100, description="Chinese name (单位名称).")
    kind: UnitKind = Field(description=f"Kind of unit (单位类别): {_KINDS}.")
    parent: Code = Field(min_length=1, description="Code of the parent unit (上级单位).")
    node: Code = Field(
        description="The node that manages it by cadre-management authority (干部管理权限): "
        "'district' or a town node such as 'town-taihe' (Art. 7)."
    )
    principal_leader: Code | None = Field(
        None, description="Staff id of the principal leader (主要领导), on the team (Art. 23)."
    )
    leadership_team: ItemList[Code] = Field(
        default_factory=list, description="Staff ids of the leadership team (领导班子, Art. 14)."
    )
    business_department: Name | None = Field(
        None, description="Superior business department (上级业务主管部门, 条块结合, Art. 27)."
    )

    def draft(self, code: str) -> UnitDraft:
        return UnitDraft(
            code, self.name, self.kind.value, self.parent, self.node, self.principal_leader,
            tuple(self.leadership_team), self.business_department,
        )  # fmt: skip


class UnitIn(UnitChangeIn):
    """A new unit of the tree (Art. 5)."""

    code: str = Field(
        min_length=1, max_length=40, description="Unit code (单位代码), e.g. QX-TH-CZS."
    )


class UnitOut(BaseModel):
    code: str
    name: str
    kind: str
    parent: str | None
    node: str
    principal_leader: str | None
    leadership_team: list[str]
    business_department: str | None


class ChangedOut(BaseModel):
    changed: list[str] = Field(description="The fields that changed; empty if none did.")


class ImportOut(BaseModel):
    registered: list[str] = Field(description="Codes of the units registered.")
    changed: list[str] = Field(description="Codes of the units changed.")
    unchanged: list[str] = Field(description="Codes of the units already as given.")


@router.get("", summary="The units of a subtree (Art. 5)")
@paged
def list_units(
    who: UnitReader, runtime: RuntimeDep, app: RegisterApp, within: Code | None = None
) -> list[UnitOut]:
    root = within_of(runtime, app, who, within)
    units = sorted(app.org.subtree(root), key=lambda u: u.code)
    return [
        UnitOut(
            code=u.code, name=u.name, kind=u.kind, parent=u.parent_code, node=u.managing_node_id,
            principal_leader=u.principal_leader_id, leadership_team=list(u.leadership_team_ids),
            business_department=u.business_department,
        )
        for u in units
    ]  # fmt: skip


@router.post("", status_code=status.HTTP_201_CREATED, summary="Register a unit (Art. 5)")
def register_unit(body: UnitIn, who: Admin, app: RegisterApp) -> UnitOut:
    handlers.register_unit(app, body.draft(body.code), who)
    return UnitOut(code=body.code, **body.model_dump(exclude={"code", "kind"}), kind=body.kind)


@router.put("/{code}", summary="Change a unit: name, kind, parent, node, leaders (Art. 5–7)")
def change_unit(code: Code, body: UnitChangeIn, who: Admin, app: RegisterApp) -> ChangedOut:
    return ChangedOut(changed=handlers.change_unit(app, body.draft(code), who))


@router.post(
    "/import",
    summary="Import units from CSV or JSON, all or nothing (Art. 5)",
    response_model=ImportOut,
    description="Send `text/csv` (header: code,name,kind,parent,node,principal_leader,"
    "leadership_team; team ids separated by ';') or `application/json` ({'units': [...]}, "
    "the seed file's form). Bad rows: 422 listing every problem as {row, field, msg}; nothing "
    "is imported. CSV rows are numbered by line (header = 1), JSON rows from 1.",
    responses={422: {"description": "Every bad row, nothing imported."}},
)
async def import_units(request: Request, who: Admin, app: RegisterApp) -> ImportOut | JSONResponse:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("text/csv", "application/json"):
        raise _Unsupported(media)
    text = (await request.body()).decode("utf-8-sig", errors="replace")
    try:
        rows = read_csv(text) if media == "text/csv" else read_json(text)
        report = handlers.import_units(app, rows, who)
    except ImportRejected as rejected:
        detail = [
            {"loc": ["body", p.row, p.field], "row": p.row, "field": p.field, "msg": p.reason,
             "type": "value_error"}
            for p in rejected.problems
        ]  # fmt: skip
        return JSONResponse({"detail": detail}, status_code=422)
    return ImportOut(**report.__dict__)


class _Unsupported(DomainError):
    status_code = 415

    def __init__(self, media: str) -> None:
        super().__init__(f"send text/csv or application/json, not {media or 'nothing'}")
