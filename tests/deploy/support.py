"""What the deployment files may name: the CLI's commands, the services and their settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main
import yaml
from pydantic_settings import BaseSettings

from lianfang.cli import app
from services import registry
from shared.settings import CommonSettings, ServiceSettings

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
_DEFAULTED = re.compile(r"\$\{(\w+):-([^}]*)\}")
_REQUIRED = re.compile(r"\$\{(\w+):\?([^}]*)\}")
REQUIRED_SAMPLE = "operator-set-{name}"
"""What a required variable (`${NAME:?why}`) stands for in these checks: the operator's value."""


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def interpolate(value: str) -> str:
    """Compose-style `${NAME:-default}` with the default (what a fresh checkout runs with), and
    `${NAME:?why}` (no default: Compose refuses to start without it) with a sample value."""
    value = _REQUIRED.sub(lambda m: REQUIRED_SAMPLE.format(name=m[1]), value)
    return _DEFAULTED.sub(lambda m: m[2], value)


def required_variables(value: str) -> set[str]:
    """The variables `value` requires (`${NAME:?why}`)."""
    return {m[1] for m in _REQUIRED.finditer(value)}


def cli_commands() -> dict[str, Any]:
    """The `lianfang` commands by name (typer's own click group, introspected)."""
    group = typer.main.get_command(app)
    commands: dict[str, Any] = dict(group.commands)  # type: ignore[attr-defined]
    return commands


def settings_class(service: str) -> type[ServiceSettings]:
    return registry.load(service)[1]


def env_names(service: str) -> set[str]:
    """Every environment variable the service's settings read (`LIANFANG_*`, its own prefix)."""
    common = {f"LIANFANG_{name.upper()}" for name in CommonSettings.model_fields}
    cls = settings_class(service)
    prefix = str(cls.model_config.get("env_prefix", ""))
    own = {f"{prefix}{name.upper()}" for name in cls.model_fields if name != "common"}
    for name, field in cls.model_fields.items():
        # Settings of a feature nested in the service's (the console's sign-in and proxy).
        nested = field.annotation
        if name != "common" and isinstance(nested, type) and issubclass(nested, BaseSettings):
            inner = str(nested.model_config.get("env_prefix", ""))
            own |= {f"{inner}{n.upper()}" for n in nested.model_fields}
    return common | own


def settings_under(
    service: str, env: dict[str, str], monkeypatch: Any
) -> tuple[ServiceSettings, CommonSettings]:
    """The service's settings as a process with exactly `env` (no other LIANFANG_*) reads them."""
    import os

    for name in list(os.environ):
        if name.startswith("LIANFANG_"):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = settings_class(service)()
    return settings, settings.common
