"""Tokens only the issuer can mint (issue #14): EdDSA with a kid, checked with public keys only.

A token carries who, which roles, which unit and which nodes it may call; the one clock decides
when it was issued and when it expires. Each refusal says why (it goes back to the caller, 401).
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from shared.auth import (
    JwksFile,
    JwksUrl,
    SigningKey,
    StaticJwks,
    TokenError,
    TokenIssuer,
    TokenVerifier,
)
from shared.clock import ManualClock
from shared.settings import DEV_JWT_SECRET

ISSUER = "lianfang"
KEY = SigningKey.generate("test-key-1")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def issuer(clock: ManualClock) -> TokenIssuer:
    return TokenIssuer(KEY, ISSUER, clock)


@pytest.fixture
def verifier(issuer: TokenIssuer, clock: ManualClock) -> TokenVerifier:
    return TokenVerifier(StaticJwks(issuer.jwks()), ISSUER, "district", clock)


class Revoked:
    """Revocations as the console topic's follower would hold them."""

    def __init__(self) -> None:
        self.suspended_at: dict[str, datetime] = {}
        self.kids: set[str] = set()

    def suspended(self, user_id: str, issued_at: datetime) -> bool:
        at = self.suspended_at.get(user_id)
        return at is not None and issued_at <= at

    def kid_revoked(self, kid: str) -> bool:
        return kid in self.kids


def claims_now(clock: ManualClock, **overrides: Any) -> dict[str, Any]:
    now = int(clock.now().timestamp())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "u-1",
        "roles": ["office"],
        "unit": "QX",
        "aud": ["district"],
        "iat": now,
        "exp": now + 3600,
        "jti": "j-1",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_a_minted_token_names_the_user_roles_unit_and_token(
    issuer: TokenIssuer, verifier: TokenVerifier, clock: ManualClock
) -> None:
    token = issuer.mint(
        "u-1", ["officer", "judge"], "QX-TH", audience=["district", "town-taihe"], name="李明"
    )
    principal = verifier.verify(token)
    assert (principal.user_id, principal.unit_code, principal.name) == ("u-1", "QX-TH", "李明")
    assert {r.value for r in principal.roles} == {"officer", "judge"}
    assert principal.issued_at == clock.now().replace(microsecond=0)
    header, claims = (
        jwt.get_unverified_header(token),
        jwt.decode(token, options={"verify_signature": False}),
    )
    assert header == {"alg": "EdDSA", "kid": "test-key-1", "typ": "JWT"}
    assert claims["aud"] == ["district", "town-taihe"]
    assert claims["exp"] - claims["iat"] == 8 * 3600  # the default lifetime is the cap
    assert principal.token_id == claims["jti"]
    other = issuer.mint("u-1", ["officer"], "QX-TH", audience=["district"])
    assert jwt.decode(other, options={"verify_signature": False})["jti"] != claims["jti"]


def test_the_jwks_publishes_public_halves_only(issuer: TokenIssuer) -> None:
    (jwk,) = issuer.jwks()["keys"]
    assert set(jwk) == {"kty", "crv", "x", "kid", "alg", "use"}
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]) == ("OKP", "Ed25519", "EdDSA", "sig")
    assert "d" not in jwk
    rotated = TokenIssuer(SigningKey.generate("next"), ISSUER, ManualClock(), also_published=[KEY])
    assert [k["kid"] for k in rotated.jwks()["keys"]] == ["next", "test-key-1"]


def test_a_signing_key_survives_its_pem(issuer: TokenIssuer, clock: ManualClock) -> None:
    again = SigningKey.from_pem(KEY.to_pem(), "test-key-1")
    assert again.public_jwk() == KEY.public_jwk()
    token = TokenIssuer(again, ISSUER, clock).mint("u-1", ["office"], "QX", audience=["district"])
    assert TokenVerifier(StaticJwks(issuer.jwks()), ISSUER, "district", clock).verify(token)
    assert "PRIVATE" not in repr(again)


def test_the_issuer_never_mints_beyond_the_cap_or_without_audience(issuer: TokenIssuer) -> None:
    with pytest.raises(ValueError, match="at most"):
        issuer.mint("u-1", ["office"], "QX", audience=["district"], ttl=timedelta(hours=9))
    with pytest.raises(ValueError, match="audience"):
        issuer.mint("u-1", ["office"], "QX", audience=[])


def test_expiry_follows_the_injected_clock(
    issuer: TokenIssuer, verifier: TokenVerifier, clock: ManualClock
) -> None:
    token = issuer.mint("u-1", ["office"], "QX", audience=["district"], ttl=timedelta(hours=1))
    clock.advance(timedelta(minutes=59))
    assert verifier.verify(token).user_id == "u-1"
    clock.advance(timedelta(minutes=1))
    with pytest.raises(TokenError, match="expired"):
        verifier.verify(token)


def test_a_token_for_other_nodes_or_for_none_is_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    foreign = KEY.sign(claims_now(clock, aud=["town-taihe"]))
    with pytest.raises(TokenError, match="not for this node"):
        verifier.verify(foreign)
    without = KEY.sign(claims_now(clock, aud=None))
    with pytest.raises(TokenError, match='"aud"'):
        verifier.verify(without)


def test_a_token_signed_with_another_key_is_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    impostor = SigningKey.generate("test-key-1")  # same kid, other key
    with pytest.raises(TokenError, match="Signature verification failed"):
        verifier.verify(impostor.sign(claims_now(clock)))
    # A token whose payload was altered after signing (a role added) fails the same way.
    head, _, signature = KEY.sign(claims_now(clock)).split(".")
    payload = b64(json.dumps(claims_now(clock, roles=["custodian"])).encode())
    with pytest.raises(TokenError, match="Signature verification failed"):
        verifier.verify(f"{head}.{payload}.{signature}")


def test_unsigned_tokens_are_refused(verifier: TokenVerifier, clock: ManualClock) -> None:
    unsigned = jwt.encode(claims_now(clock), None, algorithm="none", headers={"kid": KEY.kid})
    with pytest.raises(TokenError, match="algorithm 'none' is not accepted"):
        verifier.verify(unsigned)


@pytest.mark.parametrize(
    "secret",
    [
        DEV_JWT_SECRET,
        "change-me-to-a-long-random-secret-of-32-bytes",
        KEY.public_jwk()["x"],  # the key-confusion attack: the public key as an HMAC secret
    ],
    # Named, not shown: the suite's key is made per run, and parallel workers must collect the
    # same test ids.
    ids=["dev-secret", "placeholder-secret", "public-key-as-secret"],
)
@pytest.mark.parametrize("algorithm", ["HS256", "HS512"])
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_tokens_signed_with_a_shared_secret_are_refused(
    verifier: TokenVerifier, clock: ManualClock, secret: str, algorithm: str
) -> None:
    forged = jwt.encode(
        claims_now(clock, roles=["custodian"]),
        secret,
        algorithm=algorithm,
        headers={"kid": KEY.kid},
    )
    with pytest.raises(TokenError, match=f"algorithm '{algorithm}' is not accepted"):
        verifier.verify(forged)


def test_the_public_key_pem_as_hmac_secret_is_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    pem = KEY.public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # PyJWT itself refuses to HMAC with a PEM; sign by hand as an attacker would.
    import hashlib
    import hmac

    head = b64(json.dumps({"alg": "HS256", "kid": KEY.kid, "typ": "JWT"}).encode())
    body = b64(json.dumps(claims_now(clock)).encode())
    mac = hmac.new(pem, f"{head}.{body}".encode(), hashlib.sha256).digest()
    with pytest.raises(TokenError, match="not accepted"):
        verifier.verify(f"{head}.{body}.{b64(mac)}")


def test_a_token_issued_in_the_future_is_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    now = int(clock.now().timestamp())
    assert verifier.verify(KEY.sign(claims_now(clock, iat=now + 60, exp=now + 3600)))  # skew
    ahead = KEY.sign(claims_now(clock, iat=now + 61, exp=now + 3600))
    with pytest.raises(TokenError, match="issued in the future"):
        verifier.verify(ahead)


def test_a_token_living_longer_than_the_cap_is_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    now = int(clock.now().timestamp())
    assert verifier.verify(KEY.sign(claims_now(clock, exp=now + 8 * 3600)))
    thirty_years = KEY.sign(claims_now(clock, exp=now + 30 * 365 * 86400))
    with pytest.raises(TokenError, match="longer than the maximum lifetime"):
        verifier.verify(thirty_years)
    shorter = TokenVerifier(verifier.keys, ISSUER, "district", clock, max_ttl=timedelta(hours=1))
    with pytest.raises(TokenError, match="maximum lifetime 1:00:00"):
        shorter.verify(KEY.sign(claims_now(clock, exp=now + 3601)))


@pytest.mark.parametrize("claim", ["iat", "exp", "jti", "sub", "iss"])
def test_a_token_missing_a_required_claim_is_refused(
    verifier: TokenVerifier, clock: ManualClock, claim: str
) -> None:
    with pytest.raises(TokenError, match=f'"{claim}"'):
        verifier.verify(KEY.sign(claims_now(clock, **{claim: None})))


def test_another_issuer_unknown_roles_and_missing_units_are_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    with pytest.raises(TokenError, match="issuer"):
        verifier.verify(KEY.sign(claims_now(clock, iss="elsewhere")))
    with pytest.raises(TokenError, match="unknown role"):
        verifier.verify(KEY.sign(claims_now(clock, roles=["emperor"])))
    with pytest.raises(TokenError, match="no unit"):
        verifier.verify(KEY.sign(claims_now(clock, unit=None)))


def test_garbage_and_kidless_tokens_are_refused(
    verifier: TokenVerifier, clock: ManualClock
) -> None:
    with pytest.raises(TokenError, match="invalid token"):
        verifier.verify("not-a-token")
    kidless = jwt.encode(claims_now(clock), KEY._private_key, algorithm="EdDSA")
    with pytest.raises(TokenError, match="no key id"):
        verifier.verify(kidless)


def test_revoked_kids_and_suspended_accounts_are_refused(
    issuer: TokenIssuer, clock: ManualClock
) -> None:
    revoked = Revoked()
    verifier = TokenVerifier(
        StaticJwks(issuer.jwks()), ISSUER, "district", clock, revocations=revoked
    )
    before = issuer.mint("u-1", ["office"], "QX", audience=["district"])
    other = issuer.mint("u-2", ["office"], "QX", audience=["district"])
    clock.advance(timedelta(minutes=5))
    revoked.suspended_at["u-1"] = clock.now()
    with pytest.raises(TokenError, match="suspended"):
        verifier.verify(before)
    assert verifier.verify(other).user_id == "u-2"
    clock.advance(timedelta(minutes=5))
    after = issuer.mint("u-1", ["office"], "QX", audience=["district"])
    assert verifier.verify(after).user_id == "u-1"  # issued after (e.g. a reactivation)
    revoked.kids.add(KEY.kid)
    with pytest.raises(TokenError, match="signing key 'test-key-1' has been revoked"):
        verifier.verify(other)


class _JwksServer(BaseHTTPRequestHandler):
    document: ClassVar[dict[str, Any]] = {"keys": []}
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = json.dumps(type(self).document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def jwks_server() -> Iterator[tuple[str, type[_JwksServer]]]:
    handler = type("Handler", (_JwksServer,), {"document": {"keys": []}, "hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json", handler
    server.shutdown()
    server.server_close()


def test_a_jwks_url_is_cached_and_refetched_on_an_unknown_kid_at_most_every_30_seconds(
    jwks_server: tuple[str, type[_JwksServer]], clock: ManualClock
) -> None:
    url, handler = jwks_server
    handler.document = TokenIssuer(KEY, ISSUER, clock).jwks()  # type: ignore[misc]
    verifier = TokenVerifier(JwksUrl(url, clock), ISSUER, "district", clock)
    old = TokenIssuer(KEY, ISSUER, clock).mint("u-1", ["office"], "QX", audience=["district"])
    for _ in range(3):
        assert verifier.verify(old).user_id == "u-1"
    assert len(handler.hits) == 1  # cached
    # The issuer rotates: the new key is published, its tokens are taken after one refetch.
    new_key = SigningKey.generate("test-key-2")
    rotated = TokenIssuer(new_key, ISSUER, clock, also_published=[KEY])
    new = rotated.mint("u-1", ["office"], "QX", audience=["district"])
    clock.advance(timedelta(seconds=31))
    with pytest.raises(TokenError, match="unknown signing key 'test-key-2'"):
        verifier.verify(new)  # not yet published: one refetch, nothing new
    assert len(handler.hits) == 2
    handler.document = rotated.jwks()  # type: ignore[misc]
    with pytest.raises(TokenError, match="unknown signing key"):
        verifier.verify(new)  # published now, but we asked less than 30 s ago
    assert len(handler.hits) == 2
    clock.advance(timedelta(seconds=30))
    assert verifier.verify(new).user_id == "u-1"  # one look again, and there it is
    assert verifier.verify(old).user_id == "u-1"
    assert len(handler.hits) == 3
    # A flood of forged kids costs at most one fetch per 30 s.
    forged = [SigningKey.generate(f"forged-{i}").sign(claims_now(clock)) for i in range(5)]
    clock.advance(timedelta(seconds=31))
    for token in forged:
        with pytest.raises(TokenError, match="unknown signing key 'forged-"):
            verifier.verify(token)
    assert len(handler.hits) == 4


def test_an_unreachable_jwks_url_refuses_tokens_with_a_reason(clock: ManualClock) -> None:
    verifier = TokenVerifier(
        JwksUrl("http://127.0.0.1:9/jwks.json", clock, timeout_seconds=0.5),
        ISSUER,
        "district",
        clock,
    )
    with pytest.raises(TokenError, match="unknown signing key"):
        verifier.verify(KEY.sign(claims_now(clock)))


def test_a_jwks_file_is_read_again_when_it_changes(tmp_path: Any, clock: ManualClock) -> None:
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(TokenIssuer(KEY, ISSUER, clock).jwks()))
    verifier = TokenVerifier(JwksFile(path), ISSUER, "district", clock)
    assert verifier.verify(KEY.sign(claims_now(clock))).user_id == "u-1"
    new_key = SigningKey.generate("test-key-2")
    with pytest.raises(TokenError, match="unknown signing key 'test-key-2'"):
        verifier.verify(new_key.sign(claims_now(clock)))
    path.write_text(json.dumps(TokenIssuer(new_key, ISSUER, clock, also_published=[KEY]).jwks()))
    assert verifier.verify(new_key.sign(claims_now(clock))).user_id == "u-1"


def test_issued_at_is_a_utc_moment(issuer: TokenIssuer, verifier: TokenVerifier) -> None:
    token = issuer.mint("u-1", ["office"], "QX", audience=["district"])
    issued = verifier.verify(token).issued_at
    assert issued is not None
    assert issued.tzinfo == UTC
