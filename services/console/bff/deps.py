"""FastAPI dependencies of the console's own routes: its front door, the session, the CSRF check.

CSRF (cross-site request forgery): the session cookie is SameSite=Strict, and besides every
state-changing call must carry the header `X-Lianfang-CSRF` equal to the session's CSRF value,
which the browser's script reads from the `lianfang_csrf` cookie (double submit). A page of
another site can neither read that cookie nor set the header without a CORS preflight the
console never grants.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.console.bff.sessions import (
    BACKGROUND_HEADER,
    CSRF_COOKIE,
    CSRF_HEADER,
    SESSION_COOKIE,
    Session,
)
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, get_principal

_bearer = HTTPBearer(auto_error=False, description="A token of the console's issuer.")

if TYPE_CHECKING:
    from services.console.bff.gateway import FrontDoor

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
NOT_SIGNED_IN = "未登录或会话已超时 (not signed in, or the session timed out)"
CSRF_REFUSED = f"CSRF: 缺少或错误的 {CSRF_HEADER} 请求头 (missing or wrong CSRF header)"


def get_front_door(request: Request) -> FrontDoor:
    door: FrontDoor = request.app.state.front_door
    return door


FrontDoorDep = Annotated["FrontDoor", Depends(get_front_door)]


def is_activity(request: Request) -> bool:
    """Whether a call is the person's doing, not the console polling by itself."""
    return request.headers.get(BACKGROUND_HEADER) != "1"


def csrf_ok(method: str, header: str | None, session: Session) -> bool:
    """Whether a call may go ahead: a safe method, or the session's CSRF value in the header."""
    if method in SAFE_METHODS:
        return True
    return header is not None and hmac.compare_digest(header.encode(), session.csrf.encode())


def get_session(request: Request, door: FrontDoorDep) -> Session:
    """The caller's live session (401 when none or timed out; 403 when a state-changing call
    lacks the CSRF header)."""
    session = door.live(request.cookies.get(SESSION_COOKIE), activity=is_activity(request))
    if session is None:
        raise HTTPException(401, NOT_SIGNED_IN)
    if not csrf_ok(request.method, request.headers.get(CSRF_HEADER), session):
        raise HTTPException(403, CSRF_REFUSED)
    return session


CurrentSession = Annotated[Session, Depends(get_session)]


def session_principal(session: Session) -> Principal:
    """The caller a session stands for: its person with the roles its token carries."""
    roles = frozenset(Role(r) for r in session.me["roles"])
    return Principal(session.user_id, roles, session.me["unit_code"], session.me["name"])


def get_console_caller(
    request: Request,
    runtime: RuntimeDep,
    door: FrontDoorDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller of a console route: the bearer token if one is given, checked as every
    service checks it; else the browser's session (CSRF checked)."""
    if credentials is None and request.cookies.get(SESSION_COOKIE):
        return session_principal(get_session(request, door))
    return get_principal(request, runtime, credentials)


ConsoleCaller = Annotated[Principal, Depends(get_console_caller)]


def caller_authorization(request: Request, door: FrontDoorDep) -> str:
    """The caller's `Authorization` to ask the services with, as that person: the bearer they
    came with, else their session's token (the browser calls with its cookie alone; the caller
    was checked already by `ConsoleCaller`)."""
    if given := request.headers.get("authorization"):
        return given
    session = door.live(request.cookies.get(SESSION_COOKIE), activity=False)
    return f"Bearer {session.token}" if session is not None else ""


CallerAuthorization = Annotated[str, Depends(caller_authorization)]


def set_session_cookies(response: Response, session_id: str, csrf: str, *, secure: bool) -> None:
    """The session's id (HttpOnly: no script reads it) and its CSRF value (readable by the
    console's own script, sent back as a header); both SameSite=Strict, the whole origin."""
    response.set_cookie(
        SESSION_COOKIE, session_id, httponly=True, samesite="strict", secure=secure, path="/"
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, httponly=False, samesite="strict", secure=secure, path="/"
    )


def clear_session_cookies(response: Response, *, secure: bool) -> None:
    for name, http_only in ((SESSION_COOKIE, True), (CSRF_COOKIE, False)):
        response.delete_cookie(name, path="/", secure=secure, httponly=http_only, samesite="strict")
