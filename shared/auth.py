"""Bearer tokens: who a caller is, what roles they hold, and which unit they belong to.

Roles follow the regulation's actors: information officers 信息员 (Art. 22), the judgement group
研判小组 (Art. 25), leadership-team members 领导班子成员 (Art. 14), the prevention office 预防腐败室
(Art. 6), auditors (Art. 23, 29), a custodian of protected identities (Art. 22), and admins.

Only the issuer (the district node's console service) holds a private key and mints tokens
(`TokenIssuer`); every service of every node checks them with public keys only (`TokenVerifier`),
so reading a service's environment never lets anyone mint a custodian's token (Art. 22: the
petitioner's identity is revealed only to whom the rules allow). Tokens are EdDSA (Ed25519) JWTs
with a `kid`; see docs/tokens.md for the claims, audiences, lifetimes and revocation.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import json
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

if TYPE_CHECKING:
    from shared.clock import Clock

ALGORITHM = "EdDSA"
"""The one signature algorithm accepted: Ed25519 (RFC 8037). No `none`, no HS*, no RSA."""

CLOCK_SKEW = timedelta(seconds=60)
"""How far in the future a token's `iat` may lie (the issuer's clock may run a little ahead)."""

DEFAULT_MAX_TTL = timedelta(hours=8)
"""The longest lifetime (exp - iat) a token may have unless configured otherwise: a working day."""

JWKS_REFETCH_INTERVAL = timedelta(seconds=30)
"""A JWKS URL is fetched again on an unknown `kid` at most this often (no fetch storms)."""


_OKP_ED25519 = ("OKP", "Ed25519")

AMR_PASSWORD = "pwd"  # noqa: S105 (a method name of RFC 8176, not a password)
"""RFC 8176 authentication method: a password (the console's sign-in)."""
AMR_OTP = "otp"
"""RFC 8176 authentication method: a one-time password (TOTP, RFC 6238) was verified too."""
AMR_MFA = "mfa"
"""RFC 8176: several factors (an external issuer may say only this, docs/sign-in.md)."""
AMR_EXTERNAL = "ext"
"""Ours, not RFC 8176's: signed in at the external issuer (统一身份认证), which showed no second
factor; with `mfa` when it did."""


class Role(enum.StrEnum):
    """The roles a token may carry."""

    OFFICER = "officer"
    JUDGE = "judge"
    LEADER = "leader"
    OFFICE = "office"
    AUDITOR = "auditor"
    CUSTODIAN = "custodian"
    ADMIN = "admin"
    PUBLIC = "public"
    """The console's own principal for the public pages (docs/public-pages.md): never granted to
    a person; the services accept it on their `/public/...` routes only (Art. 22, 30(5))."""

    @property
    def label_zh(self) -> str:
        return _ROLE_ZH[self]


PUBLIC_USER_ID = "public-pages"
"""The user id of the console's public principal: who filed a report from the public form, and
through whom a questionnaire was answered (docs/public-pages.md)."""

_ROLE_ZH = {
    Role.OFFICER: "信息员",
    Role.JUDGE: "研判小组",
    Role.LEADER: "领导班子成员",
    Role.OFFICE: "预防腐败室",
    Role.AUDITOR: "审计",
    Role.CUSTODIAN: "举报人信息保管员",
    Role.ADMIN: "管理员",
    Role.PUBLIC: "公众 (公开页面)",
}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller (and, when it came from a token, which token)."""

    user_id: str
    roles: frozenset[Role]
    unit_code: str
    name: str = ""
    token_id: str = ""
    issued_at: datetime | None = None
    amr: frozenset[str] = frozenset()
    """How the person proved who they are at sign-in (RFC 8176: `pwd`, `otp`, ...)."""

    @property
    def used_second_factor(self) -> bool:
        """Whether sign-in verified a second factor (a TOTP code; `mfa` from an external issuer)."""
        return bool(self.amr & {AMR_OTP, AMR_MFA})

    def has_any(self, roles: Iterable[Role]) -> bool:
        return bool(self.roles & set(roles))


class TokenError(Exception):
    """A token that cannot be trusted; the message says why (it goes back to the caller, 401)."""


class KeyConfigurationError(RuntimeError):
    """No usable key material (missing or unreadable JWKS, bad key file): a deployment error."""


# ---------------------------------------------------------------------------------------------
# Keys


class SigningKey:
    """An Ed25519 private key with its key id (`kid`): what only the issuer holds."""

    def __init__(self, private_key: Ed25519PrivateKey, kid: str) -> None:
        if not kid:
            raise ValueError("a signing key needs a key id (kid)")
        self._private_key = private_key
        self.kid = kid

    @classmethod
    def generate(cls, kid: str | None = None) -> SigningKey:
        """A fresh key; its kid defaults to a dated random id (`ed25519-<yyyymmdd>-<hex>`)."""
        stamp = datetime.now(UTC).strftime("%Y%m%d")
        return cls(Ed25519PrivateKey.generate(), kid or f"ed25519-{stamp}-{uuid.uuid4().hex[:8]}")

    @classmethod
    def from_pem(cls, pem: bytes, kid: str) -> SigningKey:
        """The key of a PKCS#8 PEM file (unencrypted); KeyConfigurationError if not Ed25519."""
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyConfigurationError(f"not a readable PEM private key: {exc}") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyConfigurationError("the signing key must be an Ed25519 private key")
        return cls(key, kid)

    def to_pem(self) -> bytes:
        """PKCS#8 PEM, unencrypted: store it only where the issuer's secrets live."""
        return self._private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._private_key.public_key()

    def thumbprint(self) -> str:
        """The RFC 7638 thumbprint of the public key: a kid that names the key by itself."""
        x = self.public_jwk()["x"]
        canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def public_jwk(self) -> dict[str, Any]:
        """The public half as a JWK (RFC 8037): what a JWKS publishes."""
        jwk: dict[str, Any] = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(self.public_key))
        return {**jwk, "kid": self.kid, "alg": ALGORITHM, "use": "sig"}

    def sign(self, claims: Mapping[str, Any]) -> str:
        """A JWT of `claims` signed with this key, its kid in the header."""
        return jwt.encode(
            dict(claims), self._private_key, algorithm=ALGORITHM, headers={"kid": self.kid}
        )

    def __repr__(self) -> str:  # never the key itself
        return f"SigningKey(kid={self.kid!r})"


def jwks_of(keys: Iterable[SigningKey]) -> dict[str, Any]:
    """A JWKS document (`{"keys": [...]}`) with the public halves of `keys`."""
    return {"keys": [key.public_jwk() for key in keys]}


def public_keys_of(jwks: Mapping[str, Any]) -> dict[str, Ed25519PublicKey]:
    """The Ed25519 keys of a JWKS document by kid; keys of other types are skipped (we accept
    EdDSA only), a malformed document is a KeyConfigurationError."""
    entries = jwks.get("keys")
    if not isinstance(entries, list):
        raise KeyConfigurationError('a JWKS is an object with a "keys" list')
    keys: dict[str, Ed25519PublicKey] = {}
    for entry in entries:
        if not isinstance(entry, dict) or (entry.get("kty"), entry.get("crv")) != _OKP_ED25519:
            continue
        kid = entry.get("kid")
        if not isinstance(kid, str) or not kid:
            raise KeyConfigurationError("every key of the JWKS needs a kid")
        try:
            key = jwt.algorithms.OKPAlgorithm.from_jwk(json.dumps(entry))
        except (jwt.InvalidKeyError, ValueError) as exc:
            raise KeyConfigurationError(f"JWKS key {kid!r} is not readable: {exc}") from exc
        if isinstance(key, Ed25519PublicKey):
            keys[kid] = key
    return keys


class KeySource(Protocol):
    """Where a verifier finds the issuer's public keys."""

    def keys(self) -> Mapping[str, Ed25519PublicKey]:
        """The keys known now, by kid (may fetch the first time)."""
        ...

    def refresh(self) -> bool:
        """Look again (an unknown kid came in); whether anything was looked at."""
        ...


class StaticJwks:
    """A JWKS held in memory: tests, and a verifier beside its issuer."""

    def __init__(self, jwks: Mapping[str, Any]) -> None:
        self._keys = public_keys_of(jwks)

    def keys(self) -> Mapping[str, Ed25519PublicKey]:
        return self._keys

    def refresh(self) -> bool:
        return False


class JwksFile:
    """A JWKS in a file (`LIANFANG_JWKS_FILE`), read again when it changes on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._keys: dict[str, Ed25519PublicKey] = {}

    def keys(self) -> Mapping[str, Ed25519PublicKey]:
        with self._lock:
            if self._stamp is None:
                self._load()
            return self._keys

    def refresh(self) -> bool:
        with self._lock:
            self._load()
            return True

    def _load(self) -> None:
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp == self._stamp:
                return
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise KeyConfigurationError(f"JWKS file {self.path} is not readable: {exc}") from exc
        if not isinstance(document, dict):
            raise KeyConfigurationError(f"JWKS file {self.path} holds no JSON object")
        self._keys, self._stamp = public_keys_of(document), stamp


class JwksUrl:
    """The issuer's published JWKS (`LIANFANG_JWKS_URL`, the district console's
    `/.well-known/jwks.json`): fetched on first use, cached, fetched again on an unknown kid at
    most once per `min_interval` so a flood of forged kids cannot make us flood the issuer."""

    def __init__(
        self,
        url: str,
        clock: Clock,
        *,
        min_interval: timedelta = JWKS_REFETCH_INTERVAL,
        timeout_seconds: float = 5.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.url = url
        self._clock = clock
        self._min_interval = min_interval
        self._timeout = timeout_seconds
        self._client = client
        self._lock = threading.Lock()
        self._fetched_at: datetime | None = None
        self._keys: dict[str, Ed25519PublicKey] = {}

    def keys(self) -> Mapping[str, Ed25519PublicKey]:
        with self._lock:
            if self._fetched_at is None:
                self._fetch()
            return self._keys

    def refresh(self) -> bool:
        with self._lock:
            now = self._clock.now()
            if self._fetched_at is not None and now - self._fetched_at < self._min_interval:
                return False
            self._fetch()
            return True

    def _fetch(self) -> None:
        # Counted as a fetch even when it fails: an unreachable issuer is not asked again
        # before the interval is out, and the keys fetched before stay in use.
        self._fetched_at = self._clock.now()
        try:
            if self._client is not None:
                response = self._client.get(self.url, timeout=self._timeout)
            else:
                response = httpx.get(self.url, timeout=self._timeout)
            response.raise_for_status()
            document = response.json()
        except (httpx.HTTPError, ValueError):
            return
        if isinstance(document, dict):
            try:
                self._keys = public_keys_of(document)
            except KeyConfigurationError:
                return


# ---------------------------------------------------------------------------------------------
# Revocation


class Revocations(Protocol):
    """What the console topic says about accounts and keys (shared/revocation.py follows it)."""

    def suspended(self, user_id: str, issued_at: datetime) -> bool:
        """Whether a token of `user_id` issued at `issued_at` is void: the account is suspended
        now, or was suspended at or after that moment."""
        ...

    def kid_revoked(self, kid: str) -> bool:
        """Whether tokens signed with `kid` are void."""
        ...


class NoRevocations:
    """Nothing revoked: a verifier that does not follow the console topic (tests, tools)."""

    def suspended(self, user_id: str, issued_at: datetime) -> bool:
        return False

    def kid_revoked(self, kid: str) -> bool:
        return False


# ---------------------------------------------------------------------------------------------
# Issuing and verifying


class TokenIssuer:
    """Mints tokens: only the console service of the district node holds one (its private key).

    `also_published` are keys still in the JWKS but no longer signing (rotation: the old key
    stays published for the maximum lifetime, or a new key is published before it signs).
    """

    def __init__(
        self,
        key: SigningKey,
        issuer: str,
        clock: Clock,
        *,
        max_ttl: timedelta = DEFAULT_MAX_TTL,
        also_published: Sequence[SigningKey] = (),
    ) -> None:
        self.key = key
        self.issuer = issuer
        self._clock = clock
        self.max_ttl = max_ttl
        self._also_published = tuple(k for k in also_published if k.kid != key.kid)

    def mint(
        self,
        user_id: str,
        roles: Iterable[Role | str],
        unit_code: str,
        *,
        audience: Sequence[str],
        name: str = "",
        ttl: timedelta | None = None,
        amr: Sequence[str] = (),
    ) -> str:
        """A token for `user_id` acting for `unit_code`, valid on the nodes of `audience` for
        `ttl` (default and at most `max_ttl`); `amr` says how they signed in (RFC 8176)."""
        lifetime = self.max_ttl if ttl is None else ttl
        if lifetime <= timedelta(0) or lifetime > self.max_ttl:
            raise ValueError(f"a token lives more than 0 and at most {self.max_ttl}")
        if not audience or any(not node for node in audience):
            raise ValueError("a token needs the nodes it may call (audience)")
        now = int(self._clock.now().timestamp())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": user_id,
            "name": name,
            "roles": sorted(Role(r).value for r in roles),
            "unit": unit_code,
            "aud": list(audience),
            "iat": now,
            "exp": now + int(lifetime.total_seconds()),
            "jti": str(uuid.uuid4()),
        }
        if amr:
            claims["amr"] = sorted(set(amr))
        return self.key.sign(claims)

    def jwks(self) -> dict[str, Any]:
        """The public keys to publish: the signing key first, then those still published."""
        return jwks_of([self.key, *self._also_published])

    def for_audience(self, *nodes: str) -> Minter:
        """This issuer minting for the given nodes only (the demo loaders, tests)."""
        return Minter(self, tuple(nodes))


@dataclass(frozen=True)
class Minter:
    """A `TokenIssuer` bound to the nodes its tokens may call: what the demo loaders and the
    tests hand around (a dev-mode or test key only; services never hold one)."""

    issuer: TokenIssuer
    audience: tuple[str, ...]

    def mint(
        self,
        user_id: str,
        roles: Iterable[Role | str],
        unit_code: str,
        *,
        name: str = "",
        ttl: timedelta | None = None,
        amr: Sequence[str] = (),
    ) -> str:
        return self.issuer.mint(
            user_id, roles, unit_code, audience=self.audience, name=name, ttl=ttl, amr=amr
        )


class TokenVerifier:
    """Checks tokens with the issuer's public keys (every service holds one; no private key).

    Refused, each with its reason: anything but EdDSA (`none`, HS*, ...), an unknown kid (after
    one look again at the key source), a bad signature, another issuer, a token whose audience
    does not name this node, one issued in the future (beyond 60 s of skew), expired, living
    longer than the maximum lifetime, a revoked kid, a suspended account's token issued at or
    before its suspension, unknown roles, no unit.
    """

    def __init__(
        self,
        keys: KeySource,
        issuer: str,
        audience: str,
        clock: Clock,
        *,
        max_ttl: timedelta = DEFAULT_MAX_TTL,
        revocations: Revocations | None = None,
        skew: timedelta = CLOCK_SKEW,
    ) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self._clock = clock
        self.max_ttl = max_ttl
        self.revocations: Revocations = revocations or NoRevocations()
        self._skew = skew

    def verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"invalid token: {exc}") from exc
        if header.get("alg") != ALGORITHM:
            raise TokenError(
                f"invalid token: algorithm {header.get('alg')!r} is not accepted (only EdDSA)"
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenError("invalid token: no key id (kid) in its header")
        key = self._key(kid)
        if self.revocations.kid_revoked(kid):
            raise TokenError(f"invalid token: its signing key {kid!r} has been revoked")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                issuer=self.issuer,
                audience=self.audience,
                options={
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                    "require": ["iss", "sub", "aud", "iat", "exp", "jti"],
                },
            )
        except jwt.InvalidAudienceError as exc:
            raise TokenError(
                f"invalid token: not for this node ({self.audience} is not in its audience)"
            ) from exc
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"invalid token: {exc}") from exc
        issued_at, expires = self._times(claims)
        return self._principal(claims, issued_at, expires)

    def _key(self, kid: str) -> Ed25519PublicKey:
        try:
            key = self.keys.keys().get(kid)
            if key is None and self.keys.refresh():
                key = self.keys.keys().get(kid)
        except KeyConfigurationError as exc:
            raise TokenError(f"cannot check tokens now: {exc}") from exc
        if key is None:
            raise TokenError(f"invalid token: unknown signing key {kid!r}")
        return key

    def _times(self, claims: Mapping[str, Any]) -> tuple[datetime, datetime]:
        iat, exp = claims["iat"], claims["exp"]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (iat, exp)):
            raise TokenError("invalid token: iat and exp must be numbers (seconds since 1970)")
        issued_at = datetime.fromtimestamp(iat, UTC)
        expires = datetime.fromtimestamp(exp, UTC)
        now = self._clock.now()
        if issued_at > now + self._skew:
            raise TokenError("invalid token: issued in the future (iat)")
        if expires <= now:
            raise TokenError("token expired")
        if expires - issued_at > self.max_ttl:
            raise TokenError(
                f"invalid token: it would live longer than the maximum lifetime {self.max_ttl}"
            )
        return issued_at, expires

    def _principal(
        self, claims: Mapping[str, Any], issued_at: datetime, expires: datetime
    ) -> Principal:
        try:
            roles = frozenset(Role(r) for r in claims.get("roles", []))
        except (ValueError, TypeError) as exc:
            raise TokenError(f"invalid token: unknown role ({exc})") from exc
        unit = claims.get("unit")
        if not isinstance(unit, str) or not unit:
            raise TokenError("invalid token: no unit claim")
        amr = claims.get("amr", [])
        if not isinstance(amr, list) or not all(isinstance(m, str) for m in amr):
            raise TokenError("invalid token: amr must be a list of method names (RFC 8176)")
        user_id = str(claims["sub"])
        if self.revocations.suspended(user_id, issued_at):
            raise TokenError("token revoked: the account was suspended after it was issued")
        return Principal(
            user_id, roles, unit, str(claims.get("name", "")), str(claims["jti"]), issued_at,
            frozenset(amr),
        )  # fmt: skip
