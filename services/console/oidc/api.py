"""Routes of the external sign-in 统一身份认证 (OpenID Connect, authorization code + PKCE).

`GET /api/session/oidc/start` sends the browser to the issuer; the issuer sends it back to
`GET /api/session/oidc/callback`, which opens the same session as a password sign-in (bff/) and
sends the browser on to the console. A failure answers 401 with one message whatever failed
(unknown account, suspended, a token that does not verify): the reason is in the console's store
(oidc/model.py), not in the answer.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from services.console.app import ConsoleApplication
from services.console.bff.deps import FrontDoorDep, set_session_cookies
from services.console.bff.gateway import FrontDoor
from services.console.bff.sessions import SESSION_COOKIE
from services.console.oidc.handlers import (
    ExternalSignInFailed,
    OidcClient,
    record,
    sign_in_external,
)
from services.console.oidc.model import Outcome
from shared.bounds import SingleLine
from shared.deps import application_of
from shared.errors import NotFound

log = logging.getLogger(__name__)

ConsoleApp = Annotated[ConsoleApplication, Depends(application_of(ConsoleApplication))]

router = APIRouter(prefix="/api/session/oidc", tags=["sign-in 登录"])

STATE_COOKIE = "lianfang_oidc_state"
STATE_MAX = 256
"""Our own state values are 43 characters; anything longer is not ours."""
CODE_MAX = 4096
"""An authorization code is opaque to us; Keycloak's are ~1 KB. Longer is refused cheaply."""
"""Binds the issuer's answer to the browser that started the sign-in (SameSite=Lax: the answer
arrives as a top-level navigation from the issuer's site)."""
REFUSED = "统一身份认证登录失败 (the external sign-in failed; sign in again)"


def _client(request: Request) -> OidcClient:
    client: OidcClient | None = getattr(request.app.state, "oidc", None)
    if client is None:
        raise NotFound(
            "未配置统一身份认证 (no external issuer is configured "
            "(LIANFANG_CONSOLE_OIDC_DISCOVERY_URL))"
        )
    return client


OidcDep = Annotated[OidcClient, Depends(_client)]


@router.get(
    "/start",
    summary="Sign in through the external issuer 统一身份认证 (a redirect there)",
    responses={302: {"description": "To the issuer's sign-in page"}, 404: {}},
)
def start(client: OidcDep, door: FrontDoorDep) -> Response:
    try:
        url, state = client.start()
    except ExternalSignInFailed as failed:
        log.warning("external sign-in cannot start: %s", failed.reason)
        return JSONResponse({"detail": REFUSED}, status_code=502)
    response = RedirectResponse(url, status_code=302)
    response.set_cookie(
        STATE_COOKIE, state, max_age=600, path=router.prefix, httponly=True, samesite="lax",
        secure=door.secure_cookies,
    )  # fmt: skip
    return response


@router.get(
    "/callback",
    summary="The issuer's answer: verify it, open a session, on to the console",
    responses={303: {"description": "Signed in: on to the console"}, 401: {}},
)
def callback(
    request: Request,
    client: OidcDep,
    door: FrontDoorDep,
    app: ConsoleApp,
    state: Annotated[SingleLine, Query(max_length=STATE_MAX)] = "",
    code: Annotated[SingleLine, Query(max_length=CODE_MAX)] | None = None,
) -> Response:
    pending = client.pending(state, request.cookies.get(STATE_COOKIE))
    if pending is None:
        # No sign-in of this browser waits for it (forged, replayed, expired): logged only.
        log.warning("external sign-in callback for no pending sign-in")
        return _refused(door)
    try:
        if not code:
            raise ExternalSignInFailed("the issuer sent no code (the person cancelled?)")
        claims = client.finish(pending, code)
        signed = sign_in_external(app, door.rules, client, claims)
    except ExternalSignInFailed as failed:
        if not failed.recorded:
            sub = str((failed.claims or {}).get("sub", ""))
            record(app, client.issuer, sub, "", Outcome.REFUSED, failed.reason, mfa=False)
        log.warning("external sign-in refused: %s", failed.reason)
        return _refused(door)
    log.info("signed in through the external issuer: %s", signed.person.user_id)
    credential = app.credential(signed.person.user_id)
    enrolled = credential is not None and credential.has_second_factor
    door.sessions.end(request.cookies.get(SESSION_COOKIE))  # a new id at every sign-in
    session_id, session = door.open(signed, enrolled=enrolled)
    response = RedirectResponse("/", status_code=303)
    set_session_cookies(response, session_id, session.csrf, secure=door.secure_cookies)
    response.delete_cookie(STATE_COOKIE, path=router.prefix)
    return response


def _refused(door: FrontDoor) -> Response:
    response = JSONResponse({"detail": REFUSED}, status_code=401)
    response.delete_cookie(STATE_COOKIE, path=router.prefix, secure=door.secure_cookies)
    return response
