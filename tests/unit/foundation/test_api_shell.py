"""Every service's HTTP shell: health, readiness, metrics, OpenAPI, and who may call what."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest
from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from services import registry
from shared.auth import Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.processes import free_port
from tests.support.tokens import token_for

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(params=registry.NAMES)
def service(request: pytest.FixtureRequest) -> Iterator[tuple[Runtime, TestClient]]:
    spec, settings_cls = registry.load(request.param)
    # Nothing listens on this port: readiness must say Kafka is failing.
    common = CommonSettings(
        store="memory", kafka_bootstrap=f"127.0.0.1:{free_port()}", env="dev"
    )  # dev mode: the interactive documents are served
    runtime = Runtime(spec, settings_cls(common=common))
    with TestClient(create_api(runtime)) as client:
        yield runtime, client
    runtime.close()


def test_health_metrics_and_docs_need_no_token(service: tuple[Runtime, TestClient]) -> None:
    runtime, client = service
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/metrics").status_code == 200
    schema = client.get("/openapi.json").json()
    assert runtime.spec.title in schema["info"]["title"]
    assert client.get("/docs").status_code == 200


def test_readiness_names_the_failing_part(service: tuple[Runtime, TestClient]) -> None:
    runtime, client = service
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["store"] == "ok"
    assert response.json()["checks"]["kafka"].startswith("failing")
    # ... and why: the address tried and what went wrong there.
    assert runtime.common.kafka_bootstrap in response.json()["checks"]["kafka"]
    assert "Connect call failed" in response.json()["checks"]["kafka"]


def test_every_other_route_needs_a_bearer_token(service: tuple[Runtime, TestClient]) -> None:
    _, client = service
    # Open besides: the console's published keys, and signing in and out (the session itself),
    # through the external issuer too (tests/integration/test_oidc_keycloak.py).
    open_paths = {"/healthz", "/readyz", "/metrics", "/.well-known/jwks.json", "/api/session",
                  "/api/session/oidc/start", "/api/session/oidc/callback"}  # fmt: skip
    schema = client.get("/openapi.json").json()
    guarded = [
        (method, path)
        for path, item in schema["paths"].items()
        if path not in open_paths
        for method in item
    ]
    for method, path in guarded:
        url = path.replace("{", "").replace("}", "")
        response = client.request(method.upper(), url, json={})
        assert response.status_code == 401, (method, path, response.text)
        if not path.startswith("/api/"):  # the console's /api/... take a session cookie instead
            assert response.headers["www-authenticate"] == "Bearer"


def test_a_garbled_or_expired_token_is_refused_with_the_reason() -> None:
    spec, settings_cls = registry.load("intake")
    clock = ManualClock()
    runtime = Runtime(spec, settings_cls(common=CommonSettings(store="memory")), clock)
    expired = token_for(runtime, "u", [Role.ADMIN], "QX", ttl=timedelta(hours=1))
    clock.advance(timedelta(hours=1))
    with TestClient(create_api(runtime)) as client:
        for token, reason in (("not-a-jwt", "invalid token"), (expired, "expired")):
            response = client.get(
                f"/information/{uuid4()}", headers={"Authorization": f"Bearer {token}"}
            )
            assert response.status_code == 401
            assert reason in response.json()["detail"]
    runtime.close()


def test_an_invented_http_method_adds_no_metric_series(service: tuple[Runtime, TestClient]) -> None:
    _, client = service
    for method in ("XAAAA1", "XAAAA2", "XAAAA3"):
        client.request(method, "/healthz")
    exposed = client.get("/metrics").text
    assert "XAAAA" not in exposed  # a caller cannot grow the series without bound (review M4)
    assert 'method="OTHER"' in exposed


def test_in_production_the_documents_are_not_served_and_answers_are_hardened() -> None:
    spec, settings_cls = registry.load("assessment")
    printable = APIRouter()

    @printable.get("/printable", response_class=HTMLResponse)
    def page() -> str:  # as the printable reports are served (text/html)
        return "<html><body><script>alert(1)</script></body></html>"

    spec = dataclasses.replace(spec, routers=lambda: [printable])
    runtime = Runtime(spec, settings_cls(common=CommonSettings(store="memory", env="prod")))
    with TestClient(create_api(runtime)) as client:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert client.get(path).status_code == 404, path  # no map of the routes (M4)
        answer = client.get("/healthz")
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert "content-security-policy" not in answer.headers  # JSON runs nothing
        # A document a service serves runs no script, even one that found its way in.
        document = client.get("/printable")
        assert "default-src 'none'" in document.headers["content-security-policy"]
    runtime.close()
