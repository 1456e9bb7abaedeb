"""Routes of the directory 账户与授权: list, read, open, grant, revoke, suspend, re-activate,
import, and who held a role when (Art. 6, 14, 22, 25).

An admin 管理员 manages the accounts of their own subtree; every change is an event with who, when
and on what authority. Auditors and offices read along (an auditor's every query is recorded).
The browser calls them as `/api/console/accounts...`: the console's front door hands them the
session's token as a bearer token, its CSRF header checked (bff/api.py); tools bring their own.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from services.console.accounts.handlers import AccountChanges
from services.console.accounts.imports import AccountDraft, ImportRejected, read_csv
from services.console.accounts.model import USER_ID_PATTERN, AccountStatus
from services.console.app import ConsoleApplication
from shared.auth import Principal, Role
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import RuntimeDep, application_of, ensure_jurisdiction, require_roles
from shared.errors import DomainError, Invalid

if TYPE_CHECKING:
    from services.console.accounts.handlers import Holder
    from services.console.accounts.model import Account
    from services.console.read_model import AccountRow

router = APIRouter(prefix="/accounts", tags=["accounts 账户与授权"])

ConsoleApp = Annotated[ConsoleApplication, Depends(application_of(ConsoleApplication))]
Admin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]
Reader = Annotated[Principal, Depends(require_roles(Role.ADMIN, Role.AUDITOR, Role.OFFICE))]

MAX_IMPORT_BYTES = 1_000_000
_ROLES = " · ".join(f"{r.value} ({r.label_zh})" for r in Role)
_AUTHORITY = Field(
    min_length=1, max_length=200,
    description="On what authority (依据): the document number or decision, e.g. "
    "清新纪发〔2026〕12号.",
)  # fmt: skip
_REASON = Field(min_length=1, max_length=1000, description="Why (原因).")


class GrantIn(BaseModel):
    """A role granted for a unit, on an authority (Art. 6, 14, 22, 25)."""

    model_config = ConfigDict(extra="forbid")

    role: Role = Field(description=f"The role: {_ROLES}.")
    unit_code: Annotated[SingleLine, Field(min_length=1, max_length=50)] | None = Field(
        None,
        description="The unit the role is held for: the account's own unless named; a unit "
        "within it. A custodian grant must name it: the unit whose petitioners it may reveal "
        "(Art. 22).",
    )  # fmt: skip
    authority: SingleLine = _AUTHORITY


class NewGrantIn(BaseModel):
    """A role to grant as the account is opened (under the opening's authority)."""

    model_config = ConfigDict(extra="forbid")

    role: Role = Field(description=f"The role: {_ROLES}.")
    unit_code: Annotated[SingleLine, Field(min_length=1, max_length=50)] | None = Field(
        None, description="As for a grant: the account's own unit "
        "unless named; a custodian's must be named (Art. 22).",
    )  # fmt: skip


class AccountIn(BaseModel):
    """An account to open in the admin's subtree (Art. 6)."""

    model_config = ConfigDict(extra="forbid")

    user_id: str = Field(pattern=USER_ID_PATTERN, description="The user id (用户名) to sign in.")
    name: SingleLine = Field(min_length=1, max_length=100, description="The person's name (姓名).")
    unit_code: SingleLine = Field(min_length=1, max_length=50, description="The unit (所在单位).")
    posts: list[Annotated[SingleLine, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=20, description="The posts held (职务), e.g. 纪委书记."
    )
    grants: list[NewGrantIn] = Field(
        default_factory=list, max_length=20, description="Roles granted at once."
    )
    authority: SingleLine = _AUTHORITY


class RevocationIn(BaseModel):
    """A role revoked for a unit, with the reason and authority."""

    model_config = ConfigDict(extra="forbid")

    role: Role = Field(description=f"The role: {_ROLES}.")
    unit_code: SingleLine = Field(
        min_length=1, max_length=50, description="The unit it was held for."
    )
    reason: Paragraphs = _REASON
    authority: SingleLine = _AUTHORITY


class StatusChangeIn(BaseModel):
    """A suspension 停用 or re-activation 恢复, with the reason and authority."""

    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = _REASON
    authority: SingleLine = _AUTHORITY


class AccountChangeIn(BaseModel):
    """A change of name, unit (a transfer 调动) or posts, with the reason and authority."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[SingleLine, Field(min_length=1, max_length=100)] | None = Field(
        None, description="The new name."
    )
    unit_code: Annotated[SingleLine, Field(min_length=1, max_length=50)] | None = Field(
        None,
        description="The new unit (调入单位), within your subtree; the roles held must lie within "
        "it (revoke the others first).",
    )  # fmt: skip
    posts: list[Annotated[SingleLine, Field(min_length=1, max_length=100)]] | None = Field(
        None, max_length=20, description="The posts now held (职务), all of them."
    )
    reason: Paragraphs = _REASON
    authority: SingleLine = _AUTHORITY


class GrantOut(BaseModel):
    role: Role
    role_zh: str = Field(description="The role's Chinese name.")
    unit_code: str = Field(description="The unit the role is held for.")
    authority: str
    granted_by: dict[str, str]
    granted_at: datetime


class SuspensionOut(BaseModel):
    reason: str
    authority: str
    suspended_by: dict[str, str]
    suspended_at: datetime


class AccountOut(BaseModel):
    user_id: str
    name: str
    unit_code: str
    unit_name: str
    posts: list[str]
    status: AccountStatus
    grants: list[GrantOut]
    suspension: SuspensionOut | None
    authority: str = Field(description="The authority it was opened on.")
    opened_by: dict[str, str]
    opened_at: datetime


class AccountRowOut(BaseModel):
    user_id: str
    name: str
    unit_code: str
    posts: list[str]
    status: AccountStatus
    grants: list[dict[str, str]] = Field(description="Roles held: {role, unit_code}.")
    opened_at: datetime


class AccountPage(BaseModel):
    items: list[AccountRowOut]
    total: int = Field(description="How many accounts match, over all pages.")
    offset: int
    limit: int


class HolderOut(BaseModel):
    user_id: str
    name: str
    account_unit: str = Field(description="The holder's own unit.")
    unit_code: str = Field(description="The unit the grant was for.")
    authority: str
    granted_by: dict[str, str]
    granted_at: datetime


class HoldersOut(BaseModel):
    role: Role
    unit_code: str
    at: datetime
    covering: bool
    holders: list[HolderOut]


class ImportOut(BaseModel):
    opened: list[str] = Field(description="The user ids of the accounts opened.")


def _out(app: ConsoleApplication, account: Account) -> AccountOut:
    suspension = account.suspension
    return AccountOut(
        user_id=account.user_id, name=account.name, unit_code=account.unit_code,
        unit_name=app.unit(account.unit_code).name, posts=list(account.posts),
        status=account.status,
        grants=[
            GrantOut(
                role=g.role, role_zh=g.role.label_zh, unit_code=g.unit_code,
                authority=g.authority, granted_by=g.granted_by, granted_at=g.granted_at,
            )
            for g in account.sorted_grants()
        ],
        suspension=None if suspension is None else SuspensionOut(**suspension.__dict__),
        authority=account.authority, opened_by=account.opened_by, opened_at=account.opened_at,
    )  # fmt: skip


def _row_out(row: AccountRow) -> AccountRowOut:
    return AccountRowOut(
        user_id=row.user_id, name=row.name, unit_code=row.unit_code, posts=list(row.posts),
        status=row.status,
        grants=[{"role": role.value, "unit_code": unit} for role, unit in row.grants],
        opened_at=row.opened_at,
    )  # fmt: skip


def _holder_out(holder: Holder) -> HolderOut:
    return HolderOut(**holder.__dict__)


@router.get("", summary="The accounts of a subtree, filtered, a page at a time")
def list_accounts(
    who: Reader,
    app: ConsoleApp,
    runtime: RuntimeDep,
    within: Annotated[
        Code | None, Query(description="A unit of your subtree (yours if none).")
    ] = None,
    unit_code: Annotated[Code | None, Query(description="Only this unit's accounts.")] = None,
    role: Annotated[Role | None, Query(description="Only accounts holding this role.")] = None,
    status: Annotated[AccountStatus | None, Query(description="active or suspended.")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AccountPage:
    root = within or who.unit_code
    app.unit(root, "within")
    ensure_jurisdiction(runtime, who, root)
    rows = app.list_accounts(root, unit_code=unit_code, role=role, status=status)
    page = rows[offset : offset + limit]
    return AccountPage(
        items=[_row_out(r) for r in page], total=len(rows), offset=offset, limit=limit
    )


@router.get(
    "/holders",
    summary="Who held a role for a unit at a moment (Art. 14, 22, 25)",
    description="E.g. who could reveal the petitioners of 太和镇 on 2026-03-01: role=custodian, "
    "unit_code=QX-TH, at=2026-03-01T09:00:00+08:00, covering=true (grants for the units above "
    "count too). The leadership team 领导班子 of a unit is role=leader; its information officers "
    "信息员 role=officer. Replayed from the stored events; suspended accounts hold nothing.",
)
def holders(
    who: Reader,
    app: ConsoleApp,
    runtime: RuntimeDep,
    role: Annotated[Role, Query(description=f"The role: {_ROLES}.")],
    unit_code: Annotated[SingleLine, Query(min_length=1, max_length=50, description="The unit.")],
    at: Annotated[
        datetime | None, Query(description="The moment, with its zone; now if none.")
    ] = None,
    covering: Annotated[bool, Query(description="Count grants for units above too.")] = False,
) -> HoldersOut:
    app.unit(unit_code, "unit_code")
    ensure_jurisdiction(runtime, who, unit_code)
    moment = at or app.clock.now()
    found = app.holders(role, unit_code, moment, covering=covering)
    return HoldersOut(
        role=role, unit_code=unit_code, at=moment, covering=covering,
        holders=[_holder_out(h) for h in found],
    )  # fmt: skip


@router.get("/{user_id}", summary="An account: its unit, posts, grants and status")
def get_account(user_id: Code, who: Reader, app: ConsoleApp) -> AccountOut:
    account = app.account(user_id)
    app.ensure_within(who, account.unit_code)
    return _out(app, account)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Open an account (Art. 6)")
def open_account(body: AccountIn, who: Admin, app: ConsoleApp) -> AccountOut:
    draft = AccountDraft(
        body.user_id, body.name, body.unit_code, tuple(body.posts),
        tuple((g.role, g.unit_code or _own_unit(g.role, body.unit_code)) for g in body.grants),
    )  # fmt: skip
    return _out(app, app.open_account(draft, body.authority, who))


def _own_unit(role: Role, unit_code: str) -> str:
    if role is Role.CUSTODIAN:
        raise Invalid(
            "grants",
            "Art. 22: 授予举报人信息保管员须写明其可查看哪个单位的举报人身份 "
            "(a custodian grant names the unit whose petitioners it may reveal)",
        )
    return unit_code


@router.post("/{user_id}/grants", status_code=status.HTTP_201_CREATED, summary="Grant a role")
def grant(user_id: Code, body: GrantIn, who: Admin, app: ConsoleApp) -> AccountOut:
    account = app.grant_role(user_id, body.role, body.unit_code, body.authority, who)
    return _out(app, account)


@router.post("/{user_id}/revocations", summary="Revoke a role, with the reason and authority")
def revoke(user_id: Code, body: RevocationIn, who: Admin, app: ConsoleApp) -> AccountOut:
    account = app.revoke_role(user_id, body.role, body.unit_code, body.reason, body.authority, who)
    return _out(app, account)


@router.post("/{user_id}/changes", summary="Change name, unit (a transfer 调动) or posts")
def change(user_id: Code, body: AccountChangeIn, who: Admin, app: ConsoleApp) -> AccountOut:
    posts = None if body.posts is None else tuple(body.posts)
    changes = AccountChanges(body.name, body.unit_code, posts)
    account, _ = app.change_account(user_id, changes, body.reason, body.authority, who)
    return _out(app, account)


@router.post(
    "/{user_id}/suspension",
    summary="Suspend an account 停用: no sign-in; every service refuses its tokens",
)
def suspend(user_id: Code, body: StatusChangeIn, who: Admin, app: ConsoleApp) -> AccountOut:
    return _out(app, app.suspend_account(user_id, body.reason, body.authority, who))


@router.post("/{user_id}/reactivation", summary="Re-activate a suspended account 恢复")
def reactivate(user_id: Code, body: StatusChangeIn, who: Admin, app: ConsoleApp) -> AccountOut:
    return _out(app, app.reactivate_account(user_id, body.reason, body.authority, who))


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    summary="Open accounts from CSV, all or nothing",
    response_model=ImportOut,
    description="Send `text/csv` with the header user_id,name,unit_code[,posts][,roles]: posts "
    "and roles separated by ';'; a role for another unit of the row's subtree as role@UNIT "
    "(custodian@QX-TH). Bad rows: 422 listing every problem as {row, field, msg}, rows numbered "
    "by line (header = 1); nothing is opened.",
    responses={422: {"description": "Every bad row, nothing imported."}},
)
async def import_accounts(
    request: Request,
    who: Admin,
    app: ConsoleApp,
    authority: Annotated[
        SingleLine,
        Query(min_length=1, max_length=200, description="The decision the import is on."),
    ],
) -> ImportOut | JSONResponse:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "text/csv":
        raise _Unsupported(media)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_IMPORT_BYTES:
        raise _TooLarge()
    body = await request.body()
    if len(body) > MAX_IMPORT_BYTES:
        raise _TooLarge()
    try:
        opened = app.import_accounts(read_csv(body.decode("utf-8-sig", "replace")), authority, who)
    except ImportRejected as rejected:
        detail = [
            {"loc": ["body", p.row, p.field], "row": p.row, "field": p.field, "msg": p.reason,
             "type": "value_error"}
            for p in rejected.problems
        ]  # fmt: skip
        return JSONResponse({"detail": detail}, status_code=422)
    return ImportOut(opened=opened)


class _Unsupported(DomainError):
    status_code = 415

    def __init__(self, media: str) -> None:
        super().__init__(f"请以 text/csv 提交 (send text/csv, not {media or 'nothing'})")


class _TooLarge(DomainError):
    status_code = 413

    def __init__(self) -> None:
        super().__init__(
            f"一次导入至多 {MAX_IMPORT_BYTES} 字节，请拆分文件 "
            f"(an import is at most {MAX_IMPORT_BYTES} bytes; split the file)"
        )
