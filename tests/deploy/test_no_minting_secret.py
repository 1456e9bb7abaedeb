"""No secret any service holds can mint a token (issue #14, security review C1).

Every string a service's environment could hold — each value in docker-compose.yml, in the
Kubernetes ConfigMaps of both nodes, the documented Secret's built-in defaults, the old shared
HS256 secret, the intake's development identity key, even the issuer's public key — is tried as an
HMAC secret for a custodian's token, the one that reveals petitioners (Art. 22). The real intake
API refuses every one (401) and says why; a token of the issuer's key passes the same door.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import jwt
import pytest
from fastapi.testclient import TestClient

from services.intake.identity.cipher import DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION
from services.intake.main import SPEC
from services.intake.settings import IntakeSettings
from shared.auth import Role
from shared.keys import DEV_POSTGRES_PASSWORD
from shared.runtime import Runtime
from shared.settings import DEV_JWT_SECRET, CommonSettings
from tests.deploy.kustomize import render
from tests.deploy.support import REPO, interpolate, load_yaml
from tests.support.http_api import served
from tests.support.tokens import TEST_KEY, token_for

_REFERENCE = re.compile(r"\$\{(\w+)(?::[-?]([^}]*))?\}")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str | int | float) and not isinstance(node, bool):
        yield str(node)


def environment_secrets() -> set[str]:
    """Every value any service's environment could hold, as written and as interpolated."""
    found: set[str] = set()
    compose = load_yaml(REPO / "docker-compose.yml")
    for service in compose["services"].values():
        for value in _strings(service.get("environment", {})):
            found |= {value, interpolate(value)}
            found |= {m[2] for m in _REFERENCE.finditer(value) if m[2]}  # defaults, messages
    for overlay in ("district", "town-taihe"):
        for obj in render(f"overlays/{overlay}"):
            if obj["kind"] in {"ConfigMap", "Secret"}:
                found |= set(_strings(obj.get("data", {})))
            if obj["kind"] == "Deployment":
                for container in obj["spec"]["template"]["spec"]["containers"]:
                    found |= {str(e.get("value", "")) for e in container.get("env", [])}
    found |= {
        DEV_JWT_SECRET,
        DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION,
        DEV_POSTGRES_PASSWORD,
        TEST_KEY.public_jwk()["x"],  # key confusion: the public key as an HMAC secret
    }
    return {s for s in found if s}


SECRETS = sorted(environment_secrets())


@pytest.fixture(scope="module")
def intake() -> Iterator[tuple[Runtime, TestClient]]:
    with served(SPEC, IntakeSettings, common=CommonSettings(store="memory")) as pair:
        yield pair


def test_the_environments_were_read() -> None:
    assert DEV_JWT_SECRET in SECRETS
    assert "lianfang-kafka-bootstrap:9092" in SECRETS  # a ConfigMap's value
    assert any(s.startswith("http://console.lianfang-district.svc") for s in SECRETS)
    assert len(SECRETS) > 30


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("algorithm", ["HS256", "HS384", "HS512"])
def test_a_token_minted_with_any_secret_of_any_environment_is_refused(
    intake: tuple[Runtime, TestClient], algorithm: str
) -> None:
    runtime, client = intake
    genuine = token_for(runtime, "u-custodian", [Role.CUSTODIAN], "QX")
    claims = jwt.decode(genuine, options={"verify_signature": False})
    headers = {"kid": TEST_KEY.kid}
    path = f"/information/{uuid4()}"
    for secret in SECRETS:
        forged = jwt.encode(claims, secret, algorithm=algorithm, headers=headers)
        answer = client.get(path, headers={"Authorization": f"Bearer {forged}"})
        assert answer.status_code == 401, (secret, answer.text)
        assert f"algorithm '{algorithm}' is not accepted" in answer.json()["detail"]
    answer = client.get(path, headers={"Authorization": f"Bearer {genuine}"})
    assert answer.status_code == 404, answer.text  # past the door: there is no such record
