"""Tokens carry who, which roles and which unit; the one clock decides when they expire."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest

from shared.auth import Role, TokenError, TokenService
from shared.clock import ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def tokens(clock: ManualClock) -> TokenService:
    return TokenService("test-secret-of-thirty-two-bytes-at-least", "lianfang", clock)


def test_a_minted_token_names_the_user_roles_and_unit(tokens: TokenService) -> None:
    token = tokens.mint("u-1", [Role.OFFICER, "judge"], "QX-TH", name="李明")
    principal = tokens.verify(token)
    assert principal.user_id == "u-1"
    assert principal.roles == {Role.OFFICER, Role.JUDGE}
    assert principal.unit_code == "QX-TH"
    assert principal.name == "李明"


def test_expiry_follows_the_injected_clock(tokens: TokenService, clock: ManualClock) -> None:
    token = tokens.mint("u-1", [Role.OFFICE], "QX", ttl=timedelta(hours=1))
    clock.advance(timedelta(minutes=59))
    assert tokens.verify(token).user_id == "u-1"
    clock.advance(timedelta(minutes=1))
    with pytest.raises(TokenError, match="expired"):
        tokens.verify(token)


def test_a_token_signed_with_another_key_is_refused(clock: ManualClock) -> None:
    forged = TokenService("other-secret-of-thirty-two-bytes-at-least", "lianfang", clock).mint(
        "u-1", [Role.ADMIN], "QX"
    )
    with pytest.raises(TokenError, match="invalid token"):
        TokenService("test-secret-of-thirty-two-bytes-at-least", "lianfang", clock).verify(forged)


def test_unknown_roles_and_missing_units_are_refused(
    tokens: TokenService, clock: ManualClock
) -> None:
    now = int(clock.now().timestamp())
    base = {"iss": "lianfang", "sub": "u", "exp": now + 60}
    bad_role = jwt.encode(
        {**base, "roles": ["emperor"], "unit": "QX"}, "test-secret-of-thirty-two-bytes-at-least"
    )
    no_unit = jwt.encode({**base, "roles": ["office"]}, "test-secret-of-thirty-two-bytes-at-least")
    with pytest.raises(TokenError, match="unknown role"):
        tokens.verify(bad_role)
    with pytest.raises(TokenError, match="no unit"):
        tokens.verify(no_unit)
