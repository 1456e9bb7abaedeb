"""The suite's one token key: tests mint as the district console would, services verify with its
public half only (issue #14).

A session-wide Ed25519 key is written as a development key file (`TEST_KEY_FILE`, its JWKS
beside it as `TEST_JWKS_FILE`). tests/conftest.py points `LIANFANG_JWKS_FILE` at that JWKS, so
every runtime a test builds checks tokens with it; processes started by the tests run in dev mode
on the same key file (tests/support/processes.py `node_env`), so the tokens minted here pass there.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from shared.auth import AMR_OTP, AMR_PASSWORD, Minter, Role, SigningKey, TokenIssuer
from shared.clock import SystemClock
from shared.keys import dev_jwks_path, dev_signing_key
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import timedelta

    from shared.clock import Clock
    from shared.runtime import Runtime

_KEYS_DIR = Path(tempfile.mkdtemp(prefix="lianfang-test-keys-"))
atexit.register(shutil.rmtree, _KEYS_DIR, ignore_errors=True)
TEST_KEY_FILE = _KEYS_DIR / "dev-signing-key.pem"
TEST_KEY_FILE.write_bytes(SigningKey.generate("pending").to_pem())
TEST_KEY: SigningKey = dev_signing_key(TEST_KEY_FILE)  # writes its JWKS beside it
TEST_JWKS_FILE = dev_jwks_path(TEST_KEY_FILE)
ISSUER = "lianfang"
SIGNED_IN_WITH_TOTP = (AMR_PASSWORD, AMR_OTP)
"""A token's `amr` after a sign-in with password and TOTP code (RFC 8176)."""

ALL_NODES: tuple[str, ...] = tuple(
    sorted({u.managing_node_id for u in OrgDirectory.from_json(DEFAULT_ORG_SEED).subtree("QX")})
)
"""Every node of the seed's district: what a district console's token for a user names."""


def issuer(clock: Clock | None = None) -> TokenIssuer:
    """The test key's issuer on `clock` (the wall clock by default)."""
    return TokenIssuer(TEST_KEY, ISSUER, clock or SystemClock())


def minter_for(runtime: Runtime) -> Minter:
    """Tokens for `runtime`'s node, on its clock (a test's ManualClock moves them too)."""
    return issuer(runtime.clock).for_audience(runtime.common.audience)


def token_for(
    runtime: Runtime,
    user: str,
    roles: Iterable[Role | str],
    unit: str,
    *,
    name: str = "",
    ttl: timedelta | None = None,
    amr: Iterable[str] = (),
) -> str:
    """A token of `user` in `roles` at `unit` that `runtime` takes (`amr`: how they signed in,
    e.g. `SIGNED_IN_WITH_TOTP`)."""
    return minter_for(runtime).mint(user, roles, unit, name=name, ttl=ttl, amr=tuple(amr))


def bearer(runtime: Runtime, user: str, roles: Iterable[Role | str], unit: str) -> dict[str, str]:
    """Authorization headers carrying `token_for(...)`."""
    return {"Authorization": f"Bearer {token_for(runtime, user, roles, unit)}"}


def wall_clock_token(role: Role, unit: str, user: str = "u-test", amr: Iterable[str] = ()) -> str:
    """A token for real processes (the wall clock), valid on every node of the district."""
    return issuer().mint(user, [role], unit, audience=list(ALL_NODES), amr=tuple(amr))
