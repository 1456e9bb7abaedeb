"""Bearer tokens: who a caller is, what roles they hold, and which unit they belong to.

Roles follow the regulation's actors: information officers 信息员 (Art. 22), the judgement group
研判小组 (Art. 25), leadership-team members 领导班子成员 (Art. 14), the prevention office 预防腐败室
(Art. 6), auditors (Art. 23, 29), a custodian of protected identities (Art. 22), and admins.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import jwt

if TYPE_CHECKING:
    from collections.abc import Iterable

    from shared.clock import Clock


class Role(enum.StrEnum):
    """The roles a token may carry."""

    OFFICER = "officer"
    JUDGE = "judge"
    LEADER = "leader"
    OFFICE = "office"
    AUDITOR = "auditor"
    CUSTODIAN = "custodian"
    ADMIN = "admin"

    @property
    def label_zh(self) -> str:
        return _ROLE_ZH[self]


_ROLE_ZH = {
    Role.OFFICER: "信息员",
    Role.JUDGE: "研判小组",
    Role.LEADER: "领导班子成员",
    Role.OFFICE: "预防腐败室",
    Role.AUDITOR: "审计",
    Role.CUSTODIAN: "举报人信息保管员",
    Role.ADMIN: "管理员",
}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    user_id: str
    roles: frozenset[Role]
    unit_code: str
    name: str = ""

    def has_any(self, roles: Iterable[Role]) -> bool:
        return bool(self.roles & set(roles))


class TokenError(Exception):
    """A token that cannot be trusted; the message says why (it goes back to the caller)."""


class TokenService:
    """Mints and checks HS256 tokens against the one clock."""

    algorithm = "HS256"

    def __init__(self, secret: str, issuer: str, clock: Clock) -> None:
        self._secret = secret
        self._issuer = issuer
        self._clock = clock

    def mint(
        self,
        user_id: str,
        roles: Iterable[Role | str],
        unit_code: str,
        *,
        name: str = "",
        ttl: timedelta = timedelta(hours=12),
    ) -> str:
        now = self._clock.now()
        claims: dict[str, Any] = {
            "iss": self._issuer,
            "sub": user_id,
            "name": name,
            "roles": sorted(Role(r).value for r in roles),
            "unit": unit_code,
            "iat": int(now.timestamp()),
            "exp": int((now + ttl).timestamp()),
        }
        return jwt.encode(claims, self._secret, algorithm=self.algorithm)

    def verify(self, token: str) -> Principal:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[self.algorithm],
                issuer=self._issuer,
                options={"verify_exp": False, "verify_iat": False, "require": ["exp", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"invalid token: {exc}") from exc
        if claims["exp"] <= self._clock.now().timestamp():
            raise TokenError("token expired")
        try:
            roles = frozenset(Role(r) for r in claims.get("roles", []))
        except ValueError as exc:
            raise TokenError(f"invalid token: unknown role ({exc})") from exc
        unit = claims.get("unit")
        if not isinstance(unit, str) or not unit:
            raise TokenError("invalid token: no unit claim")
        return Principal(claims["sub"], roles, unit, str(claims.get("name", "")))
