"""`GET /settings/effective`: the rules a node runs by that the regulation leaves to the district,
each with the variable that sets it, shown read-only on 系统管理 — and never a secret.

The register set by its node (a shorter publication period) shows the value in force and that it
is the node's own; the intake's identity key (a secret) is never in the answer, whatever it is;
the shared wiring (store, Kafka, keys) is not a rule and is left out; only administrators,
offices and auditors read it.
"""

from __future__ import annotations

import json

from cryptography.fernet import Fernet
from pydantic import SecretStr

from services.intake.main import SPEC as INTAKE
from services.intake.settings import IntakeSettings
from services.register.main import SPEC as REGISTER
from services.register.settings import RegisterSettings
from shared.auth import Role
from shared.settings import CommonSettings
from tests.support.http_api import served
from tests.support.tokens import token_for

MEMORY = CommonSettings(store="memory")


def test_the_register_s_rules_with_where_each_is_set() -> None:
    class NodeSet(RegisterSettings):
        """As a node whose environment sets LIANFANG_REGISTER_PUBLICATION_DAYS=7."""

        def __init__(self, common: CommonSettings) -> None:
            super().__init__(common=common, publication_days=7)

    with served(REGISTER, NodeSet, common=MEMORY) as (runtime, client):
        admin = {"Authorization": f"Bearer {token_for(runtime, 'u-a', [Role.ADMIN], 'QX')}"}
        answer = client.get("/settings/effective", headers=admin)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["service"] == "register"
        shown = {s["name"]: s for s in body["settings"]}
        days = shown["publication_days"]
        assert (days["env"], days["value"], days["default"]) == (
            "LIANFANG_REGISTER_PUBLICATION_DAYS", 7, False,
        )  # fmt: skip
        weights = shown["grading_weights"]
        assert weights["default"] is True
        assert weights["value"] == {"importance": 2, "discretion": 2, "probability": 3, "harm": 3}
        assert "公示期" in days["description"]
        assert not {"common", "host", "port"} & set(shown)
        judge = {"Authorization": f"Bearer {token_for(runtime, 'u-j', [Role.JUDGE], 'QX')}"}
        assert client.get("/settings/effective", headers=judge).status_code == 403


def test_a_secret_is_never_shown() -> None:
    secret = Fernet.generate_key().decode("ascii")

    class WithKey(IntakeSettings):
        def __init__(self, common: CommonSettings) -> None:
            super().__init__(common=common, identity_key=SecretStr(secret))

    with served(INTAKE, WithKey, common=MEMORY) as (runtime, client):
        auditor = {"Authorization": f"Bearer {token_for(runtime, 'u-x', [Role.AUDITOR], 'QX')}"}
        answer = client.get("/settings/effective", headers=auditor)
        assert answer.status_code == 200, answer.text
        text = json.dumps(answer.json())
        assert secret not in text
        assert "identity_key" not in text
        names = {s["name"] for s in answer.json()["settings"]}
        assert {"feedback_days", "reminder_days"} <= names
