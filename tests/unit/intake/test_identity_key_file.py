"""The identity key read from a file (issue #17 item 6): on Kubernetes it is a Secret mounted into
the intake's pods alone, never an environment variable every container of the node could read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError

from services.intake.settings import IntakeSettings
from shared.keys import development_secret_problems
from shared.settings import CommonSettings

if TYPE_CHECKING:
    from pathlib import Path


def production() -> CommonSettings:
    given = {"env": "prod", "jwks_url": "https://console.example/.well-known/jwks.json"}
    return CommonSettings.model_validate(given)


def test_the_key_file_is_read_and_wins_over_the_environment(tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    path = tmp_path / "identity.key"
    path.write_text(key + "\n", encoding="utf-8")  # as `kubectl create secret --from-file` keeps it
    settings = IntakeSettings(common=production(), identity_key="", identity_key_file=path)
    assert settings.rules().identity_key == key
    assert development_secret_problems(settings) == []
    assert key not in repr(settings)  # a SecretStr, as the environment's was


def test_a_missing_or_empty_key_file_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="No such file"):
        IntakeSettings(common=production(), identity_key_file=tmp_path / "absent")
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="is empty"):
        IntakeSettings(common=production(), identity_key_file=empty)
