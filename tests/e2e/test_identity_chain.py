"""Issue #14's must-show, with real processes on the real broker: sign in at the console, call the
four services through it, reveal a petitioner by the directory's grant held at that moment, be
suspended and refused by every service within a minute; and no secret of any service's
environment mints a token any service takes.

The console is the district's one issuer, with a key of its own that no other process is given.
The four services run outside dev mode (`LIANFANG_ENV=prod`): they check tokens with the
console's JWKS URL only, as a deployment does (docs/tokens.md).

1. The district's admin (a token of the console's key, as its operator would mint the first
   one) opens `qx-keeper` with office and custodian grants and sets a first password.
2. `qx-keeper` signs in at `/api/session` with the password: the privileged roles are withheld
   until an authenticator is enrolled; enrols one, signs out, signs in with password and code.
3. Through the console's proxy: files a petition (intake), reads register, warning and
   assessment routes, and reveals the petitioner once the intake has taken in the custodian
   grant the console published (RoleGranted on its topic).
4. The admin suspends the account; each of the four services, called through the proxy with the
   session's token, answers 401 "the account was suspended" within a minute.
5. Every string of every service process's environment, and every file it names, is tried as an
   HS256 secret, and every private key among them signs an EdDSA/RS256/ES256 token with the
   console's kid: every service refuses every one (401).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import jwt
import pyotp
import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from shared.auth import AMR_OTP, AMR_PASSWORD, Role, SigningKey, TokenIssuer, jwks_of
from shared.clock import SystemClock
from tests.e2e.conftest import filing
from tests.support.processes import free_port

if TYPE_CHECKING:
    from tests.e2e.conftest import Node
    from tests.support.processes import ServiceProcess

# Five processes to start and a minute to wait: beyond the default per-test bound under load.
pytestmark = [pytest.mark.kafka, pytest.mark.timeout(1500)]

SERVICES = ("intake", "register", "warning", "assessment")
# A read each service answers an office of the district with (200, or 404 past the door).
DOORS = {
    "register": "/measures",
    "warning": "/warnings",
    "assessment": "/assessment-schemes/2026",
}
DECISION = "清新纪发〔2026〕40号"
PASSWORD = "Keeper-2026-winter"
NAME, PHONE = "欧阳秀兰", "13912345678"


def _issuer_files(root: Path) -> tuple[SigningKey, Path, Path]:
    """The console's own signing key (a PEM only the console is told of) and its JWKS."""
    root.mkdir(mode=0o700)
    fresh = SigningKey.generate("pending")
    key = SigningKey.from_pem(fresh.to_pem(), fresh.thumbprint())  # as `lianfang keys new`
    pem = root / "signing-key.pem"
    pem.write_bytes(key.to_pem())
    pem.chmod(0o600)
    jwks = root / "jwks.json"
    jwks.write_text(json.dumps(jwks_of([key])), encoding="utf-8")
    return key, pem, jwks


def _strings_and_files(proc: ServiceProcess) -> tuple[set[str], list[bytes]]:
    """Every value of the process's environment, and the contents of every file one names."""
    values = {v for v in proc.env.values() if v}
    files: list[bytes] = []
    for value in values:
        path = Path(value)
        if value.startswith("/") and path.is_file() and path.stat().st_size < 1_000_000:
            files.append(path.read_bytes())
    return values, files


def _forged(claims: dict[str, Any], kid: str, secrets: set[str], files: list[bytes]) -> list[str]:
    """Tokens signed with each secret: HS256 with every string and file, and with every private
    key among the files the algorithm its type takes (EdDSA, RS256, ES256)."""
    forged: list[str] = []
    candidates = [s.encode() for s in secrets] + files
    for secret in candidates:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # PyJWT refuses a PEM as an HMAC secret; it is tried as a key below.
            with contextlib.suppress(jwt.InvalidKeyError):
                forged.append(jwt.encode(claims, secret, "HS256", headers={"kid": kid}))
        if b"PRIVATE KEY" not in secret:
            continue
        key = serialization.load_pem_private_key(secret, password=None)
        alg = {
            ed25519.Ed25519PrivateKey: "EdDSA",
            rsa.RSAPrivateKey: "RS256",
            ec.EllipticCurvePrivateKey: "ES256",
        }
        for kind, name in alg.items():
            if isinstance(key, kind):
                forged.append(jwt.encode(claims, key, name, headers={"kid": kid}))
    return forged


async def test_sign_in_call_all_four_reveal_suspend_and_refused_everywhere(
    node: Node, tmp_path: Path
) -> None:
    key, pem, jwks = _issuer_files(tmp_path / "issuer")
    ports = {service: free_port() for service in (*SERVICES, "console")}
    console_url = f"http://127.0.0.1:{ports['console']}"
    node.serve_with(
        "console",
        ports["console"],
        LIANFANG_CONSOLE_SIGNING_KEY_FILE=str(pem),
        LIANFANG_CONSOLE_TOTP_KEY=Fernet.generate_key().decode(),
        LIANFANG_JWKS_FILE=str(jwks),
        **{f"LIANFANG_CONSOLE_{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}" for s in SERVICES},
    )
    processes = {}
    for service in SERVICES:
        own = {"LIANFANG_INTAKE_IDENTITY_KEY": Fernet.generate_key().decode()}
        processes[service], _ = node.serve_with(
            service,
            ports[service],
            LIANFANG_ENV="prod",
            LIANFANG_JWKS_URL=f"{console_url}/.well-known/jwks.json",
            **(own if service == "intake" else {}),
        )

    # 1. The admin opens the account (the first admin token: the issuer's operator mints it).
    operator = TokenIssuer(key, "lianfang", SystemClock())
    admin_token = operator.mint(
        "qx-admin", [Role.ADMIN], "QX", audience=["district"], amr=[AMR_PASSWORD, AMR_OTP]
    )
    admin = {"Authorization": f"Bearer {admin_token}"}
    account = {
        "user_id": "qx-keeper", "name": "区保管员", "unit_code": "QX", "authority": DECISION,
        "grants": [{"role": "office"}, {"role": "custodian", "unit_code": "QX"}],
    }  # fmt: skip
    async with httpx.AsyncClient(base_url=console_url, timeout=15) as tool:
        opened = await tool.post("/api/console/accounts", json=account, headers=admin)
        assert opened.status_code == 201, opened.text
        first = await tool.put(
            "/api/console/credentials/qx-keeper/password",
            json={"password": PASSWORD},
            headers=admin,
        )
        assert first.status_code == 204, first.text

    async with httpx.AsyncClient(base_url=console_url, timeout=15) as browser:
        # 2. Password only: the privileged roles wait for an authenticator.
        signed = await browser.post(
            "/api/session", json={"user_id": "qx-keeper", "password": PASSWORD}
        )
        assert signed.status_code == 200, signed.text
        assert signed.json()["user"]["withheld_roles"] == ["custodian", "office"]
        csrf = {"X-Lianfang-CSRF": browser.cookies["lianfang_csrf"]}
        offer = (await browser.post("/api/session/totp", headers=csrf)).json()
        totp = pyotp.TOTP(offer["secret"])
        enrolled = await browser.put("/api/session/totp", json={"totp": totp.now()}, headers=csrf)
        assert enrolled.status_code == 200, enrolled.text
        assert (await browser.delete("/api/session", headers=csrf)).status_code == 204
        # A code of the next step: the one just used is never taken again (RFC 6238 5.2).
        code = totp.at(time.time() + 30)
        signed = await browser.post(
            "/api/session", json={"user_id": "qx-keeper", "password": PASSWORD, "totp": code}
        )
        assert signed.status_code == 200, signed.text
        assert signed.json()["user"]["roles"] == ["custodian", "office"]
        csrf = {"X-Lianfang-CSRF": browser.cookies["lianfang_csrf"]}

        # 3. All four services through the proxy, as the person.
        petition = filing(
            "XF-CHAIN-1", "QX-TH", "实名举报：村会计虚报冒领低保金", channel="petition",
            petitioner_name=NAME, petitioner_contact=PHONE,
        )  # fmt: skip
        filed = await browser.post("/api/intake/information", json=petition, headers=csrf)
        assert filed.status_code == 201, filed.text
        case = filed.json()["information_id"]
        doors = {"intake": f"/information/{case}", **DOORS}
        for service, path in doors.items():
            answer = await browser.get(f"/api/{service}{path}")
            assert answer.status_code in (200, 404), (service, answer.text)
        shown = await browser.get(f"/api/intake/information/{case}")
        assert shown.status_code == 200
        assert NAME not in shown.text

        # The reveal: once the intake holds the grant the console published (RoleGranted).
        reveal = f"/api/intake/information/{case}/identity/reveal"
        started = time.monotonic()
        while True:
            opened = await browser.post(reveal, json={"reason": "核查打击报复线索"}, headers=csrf)
            if opened.status_code != 403 or time.monotonic() - started > 60:
                break
            assert "holds no custodian grant" in opened.json()["detail"], opened.text
            await asyncio.sleep(0.5)
        assert opened.status_code == 200, opened.text
        assert opened.json()["name"] == NAME

        # 4. Suspended: every service refuses the session's token within a minute.
        await asyncio.sleep(1.5)  # the suspension comes after the token's iat (whole seconds)
        async with httpx.AsyncClient(base_url=console_url, timeout=15) as tool:
            suspended = await tool.post(
                "/api/console/accounts/qx-keeper/suspension",
                json={"reason": "立案审查", "authority": "清新纪发〔2026〕41号"},
                headers=admin,
            )
            assert suspended.status_code in (200, 201), suspended.text
        started = time.monotonic()
        refused: dict[str, float] = {}
        while len(refused) < len(doors) and time.monotonic() - started < 60:
            for service in set(doors) - set(refused):
                answer = await browser.get(f"/api/{service}{doors[service]}")
                if answer.status_code == 401:
                    assert "the account was suspended" in answer.json()["detail"], answer.text
                    refused[service] = round(time.monotonic() - started, 1)
            await asyncio.sleep(0.5)
        assert set(refused) == set(doors), f"refused within a minute only by {refused}"

    # 5. No secret of any service's environment mints a token that any service takes.
    now = int(time.time())
    claims = {
        "iss": "lianfang", "sub": "u-forger", "name": "", "roles": ["admin", "custodian", "office"],
        "unit": "QX", "aud": ["district"], "iat": now, "exp": now + 600,
        "jti": str(uuid.uuid4()), "amr": [AMR_PASSWORD, AMR_OTP],
    }  # fmt: skip
    tried = 0
    async with httpx.AsyncClient(timeout=15) as http:
        for service, proc in processes.items():
            secrets, files = _strings_and_files(proc)
            assert not any(key.to_pem() == f for f in files)  # the issuer's key is not there
            for token in _forged(claims, key.kid, secrets, files):
                path = doors[service]
                answer = await http.get(
                    f"http://127.0.0.1:{ports[service]}{path}",
                    headers={"Authorization": f"Bearer {token}"},
                )
                assert answer.status_code == 401, (service, answer.text)
                tried += 1
    assert tried > 40  # the environment really was searched (Kafka passwords, keys, paths…)
