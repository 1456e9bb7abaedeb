"""Sign-in through a real external OpenID Connect issuer: Keycloak (issue #14 item 5, 统一身份认证).

Keycloak runs from Maven Central's distribution (lianfang/keycloak_local.py) with the realm of
tests/support/keycloak/qingxin-realm.json: a confidential client that must use PKCE (S256) and
four people. The console trusts it by discovery. A browser (httpx, following Keycloak's own
login form) signs in:

- `th-leader`, an account of the directory: the same session as a password sign-in, its roles;
- `th-office`, whose office role needs a second factor Keycloak did not show: the role withheld;
- `stranger` (no account) and `th-suspended` (suspended): refused with one message, never
  created; each attempt and outcome is an event in the console's store;
- the same answer again (a replayed code and state), or a state this browser never started:
  refused, and a forged id_token never verifies.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from lianfang.keycloak_local import LocalKeycloak
from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.oidc.api import REFUSED
from services.console.oidc.handlers import ExternalSignInFailed, OidcClient
from services.console.oidc.model import ExternalSignIn
from services.console.oidc.settings import OidcSettings
from shared.auth import Role
from shared.clock import ManualClock, SystemClock
from shared.projection import LogFollower, event_topics
from tests.unit.console.front_door import SETUP_ADMIN, console, console_settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fastapi.testclient import TestClient

# Keycloak's first start in a module counts against its first test: minutes on a loaded machine.
pytestmark = [pytest.mark.keycloak, pytest.mark.timeout(1500)]

REALM_FILE = Path(__file__).parents[1] / "support" / "keycloak" / "qingxin-realm.json"
REALM: dict[str, Any] = json.loads(REALM_FILE.read_text(encoding="utf-8"))
CLIENT = REALM["clients"][0]
CALLBACK = CLIENT["redirectUris"][0]
PASSWORDS = {u["username"]: u["credentials"][0]["value"] for u in REALM["users"]}
DECISION = "清新纪发〔2026〕50号"


@pytest.fixture(scope="module")
def keycloak(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalKeycloak]:
    issuer = LocalKeycloak(tmp_path_factory.mktemp("keycloak")).start()
    try:
        issuer.import_realm(REALM)
        yield issuer
    finally:
        issuer.stop()


@pytest.fixture
def oidc(keycloak: LocalKeycloak, tmp_path: Path) -> OidcSettings:
    secret = tmp_path / "client-secret"
    secret.write_text(CLIENT["secret"], encoding="utf-8")
    return OidcSettings(
        discovery_url=keycloak.discovery_url("qingxin"),
        client_id=CLIENT["clientId"],
        client_secret_file=secret,
        redirect_url=CALLBACK,
    )


@pytest.fixture
def browser(oidc: OidcSettings, tmp_path: Path) -> Iterator[tuple[ConsoleApplication, TestClient]]:
    settings = console_settings(tmp_path, "http://127.0.0.1:9")
    settings = settings.model_copy(update={"oidc": oidc})
    with console(settings, ManualClock()) as (runtime, client):
        app = runtime.app
        assert isinstance(app, ConsoleApplication)
        for user_id, role in (("th-leader", Role.LEADER), ("th-office", Role.OFFICE),
                              ("th-suspended", Role.OFFICER)):  # fmt: skip
            draft = AccountDraft(user_id, user_id, "QX-TH", grants=((role, "QX-TH"),))
            app.open_account(draft, DECISION, SETUP_ADMIN)
        app.suspend_account("th-suspended", "立案审查", DECISION, SETUP_ADMIN)
        yield app, client


def through_keycloak(client: TestClient, username: str) -> tuple[str, str]:
    """Start at the console, sign in on Keycloak's own form: the callback's state and code."""
    started = client.get("/api/session/oidc/start", follow_redirects=False)
    assert started.status_code == 302, started.text
    login = started.headers["location"]
    query = parse_qs(urlsplit(login).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["nonce"][0]
    with httpx.Client(timeout=60) as idp:
        page = idp.get(login)
        assert page.status_code == 200, page.text[:500]
        found = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        assert found, page.text[:2000]
        # Keycloak marks its session cookies Secure (SameSite=None) even on http://127.0.0.1,
        # where a browser still sends them (a secure context); httpx does not: send them here.
        cookies = "; ".join(f"{c.name}={c.value}" for c in idp.cookies.jar)
        answer = idp.post(
            html.unescape(found.group(1)),
            data={"username": username, "password": PASSWORDS[username], "credentialId": ""},
            headers={"Cookie": cookies},
        )
    said = r'(?s)class="[^"]*(?:alert|feedback|error)[^"]*"[^>]*>(.*?)<'
    feedback = re.findall(said, answer.text)
    assert answer.status_code == 302, (answer.status_code, feedback, answer.text[-1500:])
    back = urlsplit(answer.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    params = parse_qs(back.query)
    return params["state"][0], params["code"][0]


def recorded(app: ConsoleApplication) -> list[tuple[str, str, str, bool]]:
    kept: list[tuple[str, str, str, bool]] = []
    for page in LogFollower(app, event_topics(ExternalSignIn)).pages():
        for n in page:
            e = app.mapper.to_domain_event(n)
            if isinstance(e, ExternalSignIn.Recorded):
                kept.append((e.user_id, e.outcome, e.reason, e.second_factor))
    return kept


def test_a_directory_account_signs_in_through_keycloak(
    browser: tuple[ConsoleApplication, TestClient],
) -> None:
    app, client = browser
    state, code = through_keycloak(client, "th-leader")
    done = client.get(
        "/api/session/oidc/callback", params={"state": state, "code": code}, follow_redirects=False
    )
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/"
    me = client.get("/api/session").json()["user"]
    assert (me["user_id"], me["roles"], me["withheld_roles"]) == ("th-leader", ["leader"], [])
    # Our token says the person signed in at the external issuer, with no second factor shown.
    [session] = client.app.state.front_door.sessions._sessions.values()  # type: ignore[attr-defined]
    assert jwt.decode(session.token, options={"verify_signature": False})["amr"] == ["ext"]
    # The same answer again: the sign-in it belonged to is over.
    again = client.get("/api/session/oidc/callback", params={"state": state, "code": code})
    assert again.status_code == 401
    # A privileged role without the issuer's second factor is withheld.
    state, code = through_keycloak(client, "th-office")
    done = client.get("/api/session/oidc/callback", params={"state": state, "code": code})
    me = client.get("/api/session").json()["user"]
    assert (me["user_id"], me["roles"], me["withheld_roles"]) == ("th-office", [], ["office"])
    assert recorded(app) == [
        ("th-leader", "signed_in", "", False),
        ("th-office", "signed_in", "", False),
    ]


def test_unknown_and_suspended_people_are_refused_never_created(
    browser: tuple[ConsoleApplication, TestClient],
) -> None:
    app, client = browser
    for username in ("stranger", "th-suspended"):
        state, code = through_keycloak(client, username)
        refused = client.get("/api/session/oidc/callback", params={"state": state, "code": code})
        assert refused.status_code == 401
        assert refused.json() == {"detail": REFUSED}  # the same, whatever failed
        assert client.get("/api/session").status_code == 401
    assert app.person("stranger") is None
    # A state this browser never started: refused and not stored (anyone could send it).
    forged = client.get("/api/session/oidc/callback", params={"state": "x" * 43, "code": "c"})
    assert forged.status_code == 401
    assert recorded(app) == [
        ("stranger", "refused", "no such account", False),
        ("th-suspended", "refused", "the account is suspended", False),
    ]


def test_an_id_token_not_signed_by_the_issuer_never_verifies(oidc: OidcSettings) -> None:
    client = OidcClient(oidc, SystemClock())
    meta = client.discovery()
    mine = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = httpx.get(meta["jwks_uri"]).json()["keys"][0]["kid"]
    claims = {"iss": meta["issuer"], "sub": str(uuid.uuid4()), "aud": oidc.client_id,
              "iat": 2_000_000_000, "exp": 2_000_000_600, "nonce": "n",
              "preferred_username": "th-leader"}  # fmt: skip
    forged = jwt.encode(claims, mine, "RS256", headers={"kid": kid})
    with pytest.raises(ExternalSignInFailed, match="id_token"):
        client.verify(forged, "n")
    unsigned = jwt.encode(claims, None, "none")
    with pytest.raises(ExternalSignInFailed, match="id_token"):
        client.verify(unsigned, "n")
