"""One issuer for the district: a town's console holds no signing key and sends every call to the
district's console, which passes each person's calls on to the services of their own node
(issue #14; docs/sign-in.md "One issuer, one front door")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.console.bff.settings import ProxySettings
from services.console.main import SPEC
from services.console.settings import ConsoleSettings
from services.console.signin.settings import SignInSettings
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.tokens import TEST_JWKS_FILE
from tests.unit.console.front_door import (
    ADMIN,
    OFFICER,
    EchoService,
    console,
    console_settings,
    csrf,
    serving,
    sign_in,
)

if TYPE_CHECKING:
    from pathlib import Path

DISTRICT = "https://lianfang.qingxin.example"


def test_a_towns_console_signs_nobody_in_and_holds_no_key(tmp_path: Path) -> None:
    """Outside dev mode, without any signing key or TOTP key, the town's console starts: it
    only redirects (307 keeps the method and body) to the district's console."""
    settings = ConsoleSettings(
        common=CommonSettings(
            store="memory", env="prod", node_id="town-taihe", node_root_unit="QX-TH",
            jwks_file=TEST_JWKS_FILE, data_dir=tmp_path / "data",
        ),
        signin=SignInSettings(),  # no signing key, no TOTP key
        proxy=ProxySettings(district_url=DISTRICT),
    )  # fmt: skip
    runtime = Runtime(SPEC, settings, ManualClock())
    try:
        with TestClient(create_api(runtime)) as client:
            signing_in = client.post(
                "/api/session", json={"user_id": "th-li", "password": "x"}, follow_redirects=False
            )
            assert signing_in.status_code == 307
            assert signing_in.headers["location"] == f"{DISTRICT}/api/session"
            inbox = client.get("/api/intake/inbox?unit=QX-TH", follow_redirects=False)
            assert inbox.headers["location"] == f"{DISTRICT}/api/intake/inbox?unit=QX-TH"
            keys = client.get("/.well-known/jwks.json", follow_redirects=False)
            assert keys.status_code == 307  # the district's keys are the only ones
            assert client.get("/healthz").status_code == 200
    finally:
        runtime.close()


def test_the_district_console_passes_a_towns_person_on_to_the_towns_services(
    tmp_path: Path,
) -> None:
    """太和镇's information officer signs in at the district's console; their calls reach the
    town's node. The district's admin's calls go to the district's own services (none here)."""
    clock = ManualClock()
    town = EchoService(clock)
    with serving(town.api) as town_url:
        settings = console_settings(tmp_path, "http://127.0.0.1:9")  # nothing listens: 502
        proxy = settings.proxy.model_copy(
            update={
                "intake_url": "http://127.0.0.1:9",
                "assessment_url": "http://127.0.0.1:9",
                "node_urls": {"QX-TH": dict.fromkeys(
                    ("intake", "register", "warning", "assessment"), town_url
                )},
            }
        )  # fmt: skip
        settings = settings.model_copy(update={"proxy": proxy})
        with console(settings, clock) as (_, client):
            town.trust(client.get("/.well-known/jwks.json").json())
            assert sign_in(client, OFFICER.user_id).status_code == 200
            reached = client.get("/api/intake/inbox", params={"unit": "QX-TH"})
            assert reached.status_code == 200, reached.text
            assert (reached.json()["user"], reached.json()["path"]) == (OFFICER.user_id, "inbox")
            client.delete("/api/session")
            assert sign_in(client, ADMIN.user_id).status_code == 200
            own = client.get("/api/intake/inbox")
            assert own.status_code == 502  # the district's own intake, not the town's


def test_the_level_above_reaches_the_towns_warnings_to_supervise(tmp_path: Path) -> None:
    """分级监督 (Art. 29): the district's people reach the warning service of a node whose root
    lies directly below their unit, and only that service; a town's people reach no node's
    supervision this way (their own node is theirs already)."""
    clock = ManualClock()
    town = EchoService(clock)
    with serving(town.api) as town_url:
        settings = console_settings(tmp_path, "http://127.0.0.1:9")
        nodes = {"QX-TH": dict.fromkeys(("intake", "register", "warning", "assessment"), town_url)}
        proxy = settings.proxy.model_copy(update={"node_urls": nodes})
        settings = settings.model_copy(update={"proxy": proxy})
        with console(settings, clock) as (_, client):
            town.trust(client.get("/.well-known/jwks.json").json())
            signed = sign_in(client, ADMIN.user_id)
            assert signed.json()["user"]["supervised_nodes"] == ["QX-TH"]
            reached = client.get("/api/supervised/QX-TH/warning/warnings/w1/supervision")
            assert reached.status_code == 200, reached.text
            assert (reached.json()["user"], reached.json()["path"]) == (
                ADMIN.user_id, "warnings/w1/supervision",
            )  # fmt: skip
            acted = client.post(
                "/api/supervised/QX-TH/warning/warnings/w1/supervision",
                json={"act": "chased", "text": "请按期落实"}, headers=csrf(client),
            )  # fmt: skip
            assert (acted.status_code, acted.json()["method"]) == (200, "POST"), acted.text
            assert client.post("/api/supervised/QX-TH/warning/x", json={}).status_code == 403
            assert client.get("/api/supervised/QX-TP/warning/warnings").status_code == 404
            client.delete("/api/session", headers=csrf(client))
            signed = sign_in(client, OFFICER.user_id)
            assert signed.json()["user"]["supervised_nodes"] == []
            below = client.get("/api/supervised/QX-TH/warning/warnings")
            assert (below.status_code, below.json()["detail"][:8]) == (404, "Art. 29:")


@pytest.mark.parametrize("root", ["QX-TH", "QX-TP", None])
def test_a_node_without_urls_uses_this_nodes_services(root: str | None) -> None:
    proxy = ProxySettings(node_urls={"QX-TH": {"intake": "https://th/intake"}})
    expected = "https://th/intake" if root == "QX-TH" else proxy.intake_url
    assert proxy.service_urls(root)["intake"] == expected
    assert proxy.service_urls(root)["register"] == proxy.register_url
