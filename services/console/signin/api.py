"""Routes of sign-in 登录: the session, the second factor, one's password, an admin's unlock.

GB/T 22239-2019 8.1.4.1: a password (argon2id) and, for the custodian, admin and office roles, a
TOTP code; five failures in fifteen minutes lock the account for fifteen; an idle session ends
after fifteen minutes. The browser gets an HttpOnly SameSite=Strict session cookie and a readable
CSRF cookie; the token stays on the server (bff/). The answers are those of the console's API in
LANES3.md: 401 "用户名或密码错误" whatever failed, 401 with `second_factor: "required"` when a
code is needed, 423 with `locked_until` when locked out.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from services.console.app import ConsoleApplication
from services.console.bff.deps import (
    ConsoleCaller,
    CurrentSession,
    FrontDoorDep,
    clear_session_cookies,
    set_session_cookies,
)
from services.console.bff.sessions import SESSION_COOKIE
from services.console.signin.handlers import (
    ONLY_AN_ADMIN,
    AccountLocked,
    SecondFactorNeeded,
    SignInRefused,
)
from services.console.signin.model import MAX_PASSWORD_LENGTH
from shared.auth import Principal, Role
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import application_of
from shared.errors import Forbidden, NotFound

log = logging.getLogger(__name__)

ConsoleApp = Annotated[ConsoleApplication, Depends(application_of(ConsoleApplication))]

session_routes = APIRouter(prefix="/api/session", tags=["sign-in 登录"])
admin_routes = APIRouter(prefix="/credentials", tags=["sign-in 登录"])
"""An admin's routes; the browser reaches them as /api/console/credentials/... (bff/api.py)."""

USER_ID = Field(min_length=1, max_length=64, description="用户名 (the account's user id).")


class SignInIn(BaseModel):
    """A sign-in: user id, password and, where the roles need it, the authenticator's code."""

    model_config = ConfigDict(extra="forbid")

    user_id: Code = USER_ID
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH, description="口令.")
    totp: Annotated[SingleLine, Field(max_length=10)] | None = Field(
        None, description="动态口令: the 6 digits of the authenticator app."
    )


class Grant(BaseModel):
    role: str = Field(description="A role (office, officer, judge, leader, custodian, ...).")
    unit_code: str = Field(description="The unit it is held for.")


class Me(BaseModel):
    """The signed-in person, as the console shows them."""

    user_id: str
    name: str
    unit_code: str = Field(description="The unit the person acts for.")
    unit_name: str
    roles: list[str] = Field(description="Roles the session's token carries (at the unit).")
    grants: list[Grant] = Field(description="Every role the account holds, for which unit.")
    second_factor: bool = Field(description="Whether a TOTP authenticator is enrolled.")
    second_factor_required: bool = Field(description="Whether the person's roles need one.")
    withheld_roles: list[str] = Field(
        description="Privileged roles left out of this session: no second factor was used."
    )
    idle_timeout_seconds: int = Field(description="The session ends after this long idle.")
    supervised_nodes: list[str] = Field(
        default_factory=list,
        description="Root units of the nodes below whose warnings' disposal the person's unit "
        "supervises 分级监督 (Art. 29), reached through /api/supervised/{root}/warning/….",
    )


class SessionOut(BaseModel):
    user: Me


class TotpOffer(BaseModel):
    """A new authenticator's secret, shown once: scan the URI (a QR code) or type the secret."""

    otpauth_uri: str = Field(description="otpauth://totp/... for the authenticator app.")
    secret: str = Field(description="The same secret in base32, to type in by hand.")


class TotpConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    totp: SingleLine = Field(min_length=6, max_length=10, description="The code the app shows now.")


class PasswordChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)
    new_password: str = Field(
        min_length=1, max_length=MAX_PASSWORD_LENGTH, description="至少 12 个字符, 含 3 类字符."
    )


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(min_length=1, max_length=500, description="Why (e.g. 电话核实本人).")


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(
        min_length=1, max_length=MAX_PASSWORD_LENGTH, description="至少 12 个字符, 含 3 类字符."
    )


class CredentialOut(BaseModel):
    """What an admin sees of a person's credential: never the hash nor the secret."""

    user_id: str
    password_set: bool
    locked_until: str | None
    second_factor: bool
    last_signed_in_at: str | None


def _parse_sign_in(raw: bytes) -> SignInIn:
    try:
        return SignInIn.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None


@session_routes.post(
    "",
    response_model=SessionOut,
    summary="Sign in 登录 (password, and a TOTP code where the roles need one)",
    responses={
        401: {"description": "用户名或密码错误, or 需要动态口令 with second_factor: required"},
        415: {"description": "Not JSON (a cross-site form cannot sign anybody in)"},
        423: {"description": "账户已锁定, with locked_until"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SignInIn.model_json_schema()}},
        }
    },
)
async def sign_in(request: Request, app: ConsoleApp, door: FrontDoorDep) -> Response:
    """Check the password (and code); open a session and set its cookies."""
    # The body is read by hand (bounded already, bff/limits.py), and only JSON: a plain HTML form
    # of another site could post urlencoded data without a CORS preflight (login CSRF).
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return JSONResponse({"detail": "请以 application/json 提交"}, status_code=415)
    body = _parse_sign_in(await request.body())
    # Logged: the user id tried and the outcome; never the password or the code.
    try:
        signed = app.sign_in(body.user_id, body.password, body.totp)
    except SecondFactorNeeded as needed:
        log.info("sign-in needs a second factor: %s", body.user_id)
        return JSONResponse({"detail": str(needed), "second_factor": "required"}, status_code=401)
    except SignInRefused as refused:
        log.warning("sign-in refused: %s", body.user_id)
        return JSONResponse({"detail": str(refused)}, status_code=401)
    except AccountLocked as locked:
        log.warning("sign-in refused, locked out until %s: %s", locked.until, body.user_id)
        return JSONResponse(
            {"detail": str(locked), "locked_until": locked.until.isoformat()}, status_code=423
        )
    log.info("signed in: %s", body.user_id)
    credential = app.credential(body.user_id)
    enrolled = credential is not None and credential.has_second_factor
    door.sessions.end(request.cookies.get(SESSION_COOKIE))  # a new id at every sign-in
    session_id, session = door.open(signed, enrolled=enrolled)
    response = JSONResponse(SessionOut(user=Me.model_validate(session.me)).model_dump())
    set_session_cookies(response, session_id, session.csrf, secure=door.secure_cookies)
    return response


@session_routes.get("", response_model=SessionOut, summary="The signed-in person (401 if none)")
def current(session: CurrentSession) -> SessionOut:
    return SessionOut(user=Me.model_validate(session.me))


@session_routes.delete(
    "", status_code=status.HTTP_204_NO_CONTENT, summary="Sign out 退出 (idempotent)"
)
def sign_out(request: Request, door: FrontDoorDep) -> Response:
    # No CSRF check: the worst a forged sign-out does is sign somebody out.
    door.sessions.end(request.cookies.get(SESSION_COOKIE))
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response, secure=door.secure_cookies)
    return response


@session_routes.post(
    "/totp",
    response_model=TotpOffer,
    summary="Offer a TOTP authenticator to enrol 绑定动态口令 (shown once; PUT confirms)",
)
def offer_totp(session: CurrentSession, app: ConsoleApp) -> TotpOffer:
    enrolment = app.offer_second_factor(session.user_id)
    session.pending_totp_secret = enrolment.secret
    return TotpOffer(otpauth_uri=enrolment.uri, secret=enrolment.secret)


@session_routes.put(
    "/totp",
    response_model=SessionOut,
    summary="Confirm the offered authenticator with a current code",
)
def confirm_totp(body: TotpConfirmIn, session: CurrentSession, app: ConsoleApp) -> SessionOut:
    secret = session.pending_totp_secret
    if secret is None:
        raise NotFound(
            "本次会话中尚未获取动态口令密钥，请重新开始绑定 (no authenticator was offered in this "
            "session: POST /api/session/totp)"
        )
    app.confirm_second_factor(session.user_id, secret, body.totp)
    session.pending_totp_secret = None
    session.me = {**session.me, "second_factor": True}
    return SessionOut(user=Me.model_validate(session.me))


@session_routes.put(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Change one's own password 修改口令 (ends one's other sessions)",
)
def change_password(
    body: PasswordChangeIn, request: Request, session: CurrentSession, app: ConsoleApp,
    door: FrontDoorDep,
) -> Response:  # fmt: skip
    app.change_own_password(session.user_id, body.current_password, body.new_password)
    door.sessions.end_all_of(session.user_id, keep=request.cookies.get(SESSION_COOKIE))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _admin(caller: Principal) -> Principal:
    if Role.ADMIN not in caller.roles:
        raise Forbidden(ONLY_AN_ADMIN)
    return caller


@admin_routes.get(
    "/{user_id}", response_model=CredentialOut, summary="A person's credential, for an admin"
)
def credential(user_id: Code, caller: ConsoleCaller, app: ConsoleApp) -> CredentialOut:
    admin = _admin(caller)
    found = app.credential_status(user_id, admin)
    return CredentialOut.model_validate(found)


@admin_routes.put(
    "/{user_id}/password",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Set a person's first password, or reset a forgotten one (an admin over its unit)",
)
def reset_password(
    user_id: Code, body: PasswordIn, caller: ConsoleCaller, app: ConsoleApp, door: FrontDoorDep
) -> None:
    app.reset_password(user_id, body.password, _admin(caller))
    door.sessions.end_all_of(user_id)  # whoever held the old password is signed out


@admin_routes.post(
    "/{user_id}/unlock",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Unlock a locked-out account 解锁 (an admin over its unit, saying why)",
)
def unlock(user_id: Code, body: ReasonIn, caller: ConsoleCaller, app: ConsoleApp) -> None:
    app.unlock_credential(user_id, body.reason, _admin(caller))


@admin_routes.delete(
    "/{user_id}/second-factor",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a lost authenticator 解绑动态口令 (an admin over its unit, saying why)",
)
def remove_second_factor(
    user_id: Code, body: ReasonIn, caller: ConsoleCaller, app: ConsoleApp
) -> None:
    app.remove_second_factor(user_id, body.reason, _admin(caller))
