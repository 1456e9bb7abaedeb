"""docker-compose.yml: valid by the Compose Specification, and naming only what exists in the code.

No Docker engine runs here, so the file is checked, not run: its shape against the official
schema (tests/data/compose-spec.json), and every command, service, environment variable, port and
health check it names against the CLI, the service registry and the settings classes.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from lianfang.cli import app
from services import registry
from shared.http import ops
from tests.deploy.support import (
    DATA,
    REPO,
    cli_commands,
    env_names,
    interpolate,
    load_yaml,
    required_variables,
    settings_under,
)

COMPOSE = load_yaml(REPO / "docker-compose.yml")
SERVICES: dict[str, Any] = COMPOSE["services"]
LIANFANG = {
    name: s for name, s in SERVICES.items() if str(s.get("image", "")).startswith("lianfang:")
}
_PROBE = re.compile(r"http://127\.0\.0\.1:(\d+)(/\w+)")


def compose_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / "compose-spec.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_the_file_follows_the_compose_specification() -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in compose_validator().iter_errors(COMPOSE)
    ]
    assert errors == []


def test_the_schema_check_would_catch_a_mistake() -> None:
    broken = copy.deepcopy(COMPOSE)
    broken["services"]["intake-api"]["healthcheck"]["intervall"] = "5s"  # a typo'd key
    broken["services"]["kafka"]["ports"] = "9092:9092"  # a string, not a list
    messages = [e.message for e in compose_validator().iter_errors(broken)]
    assert any("intervall" in m for m in messages), messages
    assert any("9092:9092" in m for m in messages), messages


def test_every_service_runs_as_an_api_and_a_worker_container() -> None:
    expected = {f"{s}-{role}" for s in registry.NAMES for role in ("api", "worker")}
    assert set(LIANFANG) == expected
    for name, service in LIANFANG.items():
        svc, role = name.rsplit("-", 1)
        assert service["command"][:2] == [role, svc], name
        assert service["depends_on"]["kafka"]["condition"] == "service_healthy"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["build"] == "."


@pytest.mark.parametrize("name", sorted(LIANFANG))
def test_each_command_is_a_real_cli_command(name: str) -> None:
    command = LIANFANG[name]["command"]
    assert command[0] in cli_commands()
    assert command[1] in registry.NAMES
    # The CLI parses the very command line (options included); --help stops before running it.
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.parametrize("name", sorted(LIANFANG))
def test_env_vars_are_settings_the_service_reads(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = name.rsplit("-", 1)[0]
    env = {k: interpolate(str(v)) for k, v in LIANFANG[name]["environment"].items()}
    unknown = {k for k in env if k.startswith("LIANFANG_")} - env_names(service)
    assert unknown == set(), f"{name} sets variables no settings class reads"
    settings, common = settings_under(service, env, monkeypatch)
    # What the container is told is what the process will do.
    assert settings.host == "0.0.0.0"  # noqa: S104 - inside its own network namespace
    assert common.store == "postgres"
    assert common.postgres_host in SERVICES
    assert common.kafka_bootstrap.split(":")[0] in SERVICES
    advertised = SERVICES["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    assert f"//{common.kafka_bootstrap}" in advertised
    probe = _PROBE.search(" ".join(LIANFANG[name]["healthcheck"]["test"]))
    assert probe is not None
    assert int(probe[1]) == settings.port  # the health check asks the port the process binds
    assert probe[2] in {route.path for route in ops.routes}  # type: ignore[attr-defined]
    if name.endswith("-api"):
        assert LIANFANG[name]["ports"] == [f"{settings.port}:{settings.port}"]


def test_each_service_keeps_its_own_port_its_settings_default() -> None:
    for service in registry.NAMES:
        env = LIANFANG[f"{service}-api"]["environment"]
        default = registry.load(service)[1].model_fields["port"].default
        assert env[f"LIANFANG_{service.upper()}_PORT"] == str(default)


def test_kafka_is_the_official_image_in_kraft_mode_and_data_is_on_named_volumes() -> None:
    kafka = SERVICES["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert "controller" in kafka["environment"]["KAFKA_PROCESS_ROLES"]
    assert "healthcheck" in kafka
    assert "healthcheck" in SERVICES["postgres"]
    declared = set(COMPOSE["volumes"])
    for name in ("kafka", "postgres"):
        for mount in SERVICES[name]["volumes"]:
            assert mount.split(":")[0] in declared, mount


def test_compose_requires_the_deployment_s_own_secrets() -> None:
    """No silent development secrets (issue #14): Compose refuses to start until each is set."""
    for name, service in LIANFANG.items():
        env = service["environment"]
        assert required_variables(env["LIANFANG_POSTGRES_PASSWORD"]) == {
            "LIANFANG_POSTGRES_PASSWORD"
        }
        assert required_variables(env["LIANFANG_JWKS_URL"]) == {"LIANFANG_JWKS_URL"}
        assert "LIANFANG_ENV" not in env, name  # production mode: the refusals apply
        assert "LIANFANG_JWT_SECRET" not in env, name  # nothing here can mint a token
        if name.startswith("intake-"):
            assert required_variables(env["LIANFANG_INTAKE_IDENTITY_KEY"]) == {
                "LIANFANG_INTAKE_IDENTITY_KEY"
            }
        else:  # the petitioners' key only where intake runs (Art. 22)
            assert "LIANFANG_INTAKE_IDENTITY_KEY" not in env, name
        if name == "console-api":  # sign-in's keys only where people sign in
            assert required_variables(env["LIANFANG_CONSOLE_TOTP_KEY"]) == {
                "LIANFANG_CONSOLE_TOTP_KEY"
            }
            assert service["secrets"] == ["console-signing-key"]
        else:
            assert "LIANFANG_CONSOLE_TOTP_KEY" not in env, name
            assert "secrets" not in service, name
    signing_key = COMPOSE["secrets"]["console-signing-key"]["file"]
    assert required_variables(signing_key) == {"LIANFANG_CONSOLE_SIGNING_KEY_PEM"}
    postgres = SERVICES["postgres"]["environment"]["POSTGRES_PASSWORD"]
    assert required_variables(postgres) == {"LIANFANG_POSTGRES_PASSWORD"}
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert ":-lianfang" not in text
    assert "$(" not in text  # Compose would read it as an interpolation
