"""`GET /settings/effective` on every service: the rules this node runs by that the regulation
leaves to the district (grading weights and thresholds, publication days, feedback and rework
days, notice numbers, the scoring scheme...), each with the environment variable that sets it.

Administrators see it on the 系统管理 screen (docs/console-admin.md); it changes nothing. Only the
service's own settings are shown: the shared `LIANFANG_*` ones (store, Kafka, keys) are how the
node is wired, not rules, and secrets are never part of the answer whatever their name — a
`SecretStr` field, or any field whose name speaks of a key, secret, password or token, is left out
(docs/trust-boundaries: secrets never reach an API response).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field, SecretStr

from shared.auth import Role
from shared.deps import RuntimeDep, require_roles

router = APIRouter(prefix="/settings", tags=["settings 配置"])

WIRING = frozenset({"common", "host", "port"})
"""How the process is wired, not a rule of the regulation's: never shown."""
SECRET_NAME = re.compile(r"key|secret|password|token|credential", re.IGNORECASE)


class SettingOut(BaseModel):
    name: str
    env: str = Field(description="The environment variable that sets it (where it is configured).")
    value: Any = Field(description="The value in force, as JSON.")
    default: bool = Field(description="Whether it is the built-in default (not set by the node).")
    description: str


class EffectiveSettingsOut(BaseModel):
    service: str
    node_id: str
    settings: list[SettingOut]


def _shown(name: str, annotation: object) -> bool:
    if name in WIRING or SECRET_NAME.search(name):
        return False
    return annotation is not SecretStr and "SecretStr" not in repr(annotation)


@router.get(
    "/effective",
    dependencies=[Depends(require_roles(Role.ADMIN, Role.OFFICE, Role.AUDITOR))],
    summary="The district-set rules this service runs by, and where each is set (no secrets)",
)
def effective(runtime: RuntimeDep) -> EffectiveSettingsOut:
    settings = runtime.settings
    prefix = str(settings.model_config.get("env_prefix", "")).upper()
    values = settings.model_dump(mode="json")
    shown = [
        SettingOut(
            name=name,
            env=f"{prefix}{name.upper()}",
            value=values[name],
            default=name not in settings.model_fields_set,
            description=info.description or "",
        )
        for name, info in type(settings).model_fields.items()
        if _shown(name, info.annotation)
    ]
    return EffectiveSettingsOut(
        service=runtime.name, node_id=runtime.common.node_id, settings=shown
    )
