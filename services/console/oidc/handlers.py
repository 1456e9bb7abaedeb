"""Sign-in through an external OpenID Connect issuer: the authorization code flow with PKCE.

`OidcClient.start` sends the browser to the issuer with a fresh `state`, `nonce` and PKCE
challenge (RFC 7636, S256), kept in the console's memory for ten minutes; `finish` takes the code
back, exchanges it at the issuer's token endpoint and verifies the id_token: its signature by the
issuer's JWKS (PyJWT's PyJWKClient, fetched from discovery), `iss`, `aud` (our client id), `exp`,
`iat` and our `nonce`. `sign_in_external` then maps the claim naming our user id to an account
of the directory — an unknown or suspended account is refused, never created — and gives the
same `SignedIn` as a password sign-in. The privileged roles (custodian, admin, office) need the
issuer to show a second factor (`amr`/`acr`, settings); otherwise they are withheld, as for a
password sign-in without the authenticator (GB/T 22239-2019 8.1.4.1 d).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import httpx
import jwt

from services.console.oidc.model import ExternalSignIn, Outcome
from services.console.signin.handlers import SignedIn
from shared.auth import AMR_EXTERNAL, AMR_MFA

if TYPE_CHECKING:
    from datetime import datetime

    from services.console.app import ConsoleApplication
    from services.console.oidc.settings import OidcSettings
    from services.console.signin.model import SignInRules
    from shared.clock import Clock

PENDING_FOR = timedelta(minutes=10)
"""How long a started sign-in waits for the issuer's answer."""
MAX_PENDING = 10_000
"""Started sign-ins kept at most (bounded memory; the oldest make room)."""
ID_TOKEN_ALGORITHMS = ("RS256", "PS256", "ES256", "EdDSA")
"""Signature algorithms taken from the issuer (never `none` or an HMAC)."""
LEEWAY = timedelta(seconds=60)


class ExternalSignInFailed(Exception):
    """The external sign-in failed; `reason` is for the console's record, never the browser."""

    def __init__(
        self, reason: str, *, claims: dict[str, Any] | None = None, recorded: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.claims = claims
        self.recorded = recorded


@dataclass(frozen=True)
class _Pending:
    nonce: str
    verifier: str
    started_at: datetime


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OidcClient:
    """This console as a client of the external issuer (one per console process)."""

    def __init__(self, settings: OidcSettings, clock: Clock) -> None:
        self.settings = settings
        self._clock = clock
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._discovered: dict[str, Any] | None = None
        self._jwks: jwt.PyJWKClient | None = None

    def discovery(self) -> dict[str, Any]:
        """The issuer's metadata (fetched once; ExternalSignInFailed if unusable)."""
        if self._discovered is None:
            url = self.settings.discovery_url or ""
            try:
                answer = httpx.get(url, timeout=self.settings.timeout_seconds)
                answer.raise_for_status()
                found: dict[str, Any] = answer.json()
            except (httpx.HTTPError, ValueError) as exc:
                raise ExternalSignInFailed(f"discovery {url}: {exc}") from exc
            needed = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
            missing = [k for k in needed if not isinstance(found.get(k), str)]
            if missing:
                raise ExternalSignInFailed(f"discovery {url} lacks {', '.join(missing)}")
            self._discovered = found
            self._jwks = jwt.PyJWKClient(found["jwks_uri"], cache_keys=True)
        return self._discovered

    @property
    def issuer(self) -> str:
        return str(self.discovery()["issuer"])

    def start(self) -> tuple[str, str]:
        """The issuer's authorization URL for a new sign-in, and its `state` (for a cookie)."""
        meta = self.discovery()
        state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        verifier = secrets.token_urlsafe(64)
        now = self._clock.now()
        with self._lock:
            self._drop_expired(now)
            if len(self._pending) >= MAX_PENDING:
                del self._pending[min(self._pending, key=lambda s: self._pending[s].started_at)]
            self._pending[state] = _Pending(nonce, verifier, now)
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.settings.client_id,
                "redirect_uri": self.settings.redirect_url,
                "scope": "openid profile",
                "state": state,
                "nonce": nonce,
                "code_challenge": _challenge(verifier),
                "code_challenge_method": "S256",
            }
        )
        return f"{meta['authorization_endpoint']}?{query}", state

    def pending(self, state: str, cookie_state: str | None) -> _Pending | None:
        """The started sign-in of `state`, taken (used once), if this browser started it."""
        if not cookie_state or not secrets.compare_digest(state, cookie_state):
            return None
        with self._lock:
            self._drop_expired(self._clock.now())
            return self._pending.pop(state, None)

    def finish(self, pending: _Pending, code: str) -> dict[str, Any]:
        """Exchange the code (with the PKCE verifier) and verify the id_token: its claims."""
        meta = self.discovery()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.settings.redirect_url,
            "code_verifier": pending.verifier,
            "client_id": self.settings.client_id,
        }
        secret = self.settings.client_secret()
        auth = (self.settings.client_id, secret) if secret else None
        try:
            answer = httpx.post(
                meta["token_endpoint"], data=form, auth=auth, timeout=self.settings.timeout_seconds
            )
        except httpx.HTTPError as exc:
            raise ExternalSignInFailed(f"token endpoint: {exc}") from exc
        if answer.status_code != 200:
            raise ExternalSignInFailed(f"token endpoint answered {answer.status_code}")
        id_token = answer.json().get("id_token")
        if not isinstance(id_token, str):
            raise ExternalSignInFailed("the token endpoint gave no id_token")
        return self.verify(id_token, pending.nonce)

    def verify(self, id_token: str, nonce: str) -> dict[str, Any]:
        """The id_token's claims if signed by the issuer's keys for us and this sign-in."""
        meta = self.discovery()
        assert self._jwks is not None
        offered = meta.get("id_token_signing_alg_values_supported") or list(ID_TOKEN_ALGORITHMS)
        algorithms = [a for a in ID_TOKEN_ALGORITHMS if a in offered]
        try:
            key = self._jwks.get_signing_key_from_jwt(id_token)
            claims: dict[str, Any] = jwt.decode(
                id_token,
                key.key,
                algorithms=algorithms,
                audience=self.settings.client_id,
                issuer=meta["issuer"],
                leeway=LEEWAY,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            )
        except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
            raise ExternalSignInFailed(f"id_token: {exc}") from exc
        if not isinstance(claims.get("nonce"), str) or not secrets.compare_digest(
            claims["nonce"], nonce
        ):
            raise ExternalSignInFailed("id_token: not this sign-in's nonce", claims=claims)
        if claims.get("azp", self.settings.client_id) != self.settings.client_id:
            raise ExternalSignInFailed("id_token: issued to another client (azp)", claims=claims)
        return claims

    def shows_second_factor(self, claims: dict[str, Any]) -> bool:
        """Whether the issuer says it verified a second factor (amr, or acr, per settings)."""
        amr = claims.get("amr")
        methods = set(amr) if isinstance(amr, list) else set()
        acr = claims.get("acr")
        return bool(methods & set(self.settings.mfa_amr_values)) or (
            isinstance(acr, str) and acr in self.settings.mfa_acr_values
        )

    def _drop_expired(self, now: datetime) -> None:
        for state in [s for s, p in self._pending.items() if now - p.started_at > PENDING_FOR]:
            del self._pending[state]


def sign_in_external(
    app: ConsoleApplication,
    rules: SignInRules,
    client: OidcClient,
    claims: dict[str, Any],
) -> SignedIn:
    """The account the issuer's claim names, signed in; ExternalSignInFailed (recorded) when
    it is unknown or suspended. Privileged roles need the issuer's second factor."""
    user_id = claims.get(client.settings.user_claim)
    subject = str(claims.get("sub", ""))
    mfa = client.shows_second_factor(claims)
    if not isinstance(user_id, str) or not user_id:
        record(app, client.issuer, subject, "", Outcome.REFUSED, "no user id claim", mfa=mfa)
        raise ExternalSignInFailed(
            f"the id_token has no {client.settings.user_claim!r} claim", recorded=True
        )
    person = app.person(user_id)
    if person is None or not person.active:
        why = "no such account" if person is None else "the account is suspended"
        record(app, client.issuer, subject, user_id, Outcome.REFUSED, why, mfa=mfa)
        raise ExternalSignInFailed(why, recorded=True)
    privileged = rules.needs_second_factor(person.all_roles)
    withheld = person.roles_here & rules.second_factor_roles if privileged and not mfa else set()
    record(app, client.issuer, subject, user_id, Outcome.SIGNED_IN, "", mfa=mfa)
    # The token says what the issuer showed: a second factor (`mfa`), or nothing of ours.
    amr = (AMR_EXTERNAL, AMR_MFA) if mfa else (AMR_EXTERNAL,)
    return SignedIn(person, mfa, person.roles_here - withheld, frozenset(withheld), amr)


def record(
    app: ConsoleApplication, issuer: str, subject: str, user_id: str, outcome: Outcome,
    reason: str, *, mfa: bool,
) -> None:  # fmt: skip
    """Keep one external sign-in and its outcome in the console's store."""
    app.save(
        ExternalSignIn(
            issuer=issuer, subject=subject, user_id=user_id, outcome=outcome.value,
            reason=reason, second_factor=mfa, at=app.clock.now(),
        )
    )  # fmt: skip
