"""No silent development secrets (issue #14 item 4): outside dev mode a serving process refuses
to start without the issuer's public keys or on a built-in development secret, each refusal
naming its setting; `lianfang token` works only in dev mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet

from services.intake.identity.cipher import DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION
from services.intake.settings import IntakeSettings
from services.warning.settings import WarningSettings
from shared.auth import KeyConfigurationError
from shared.clock import ManualClock
from shared.keys import dev_issuer, development_secret_problems, key_source
from shared.settings import CommonSettings
from tests.support.tokens import TEST_JWKS_FILE

if TYPE_CHECKING:
    from pathlib import Path


def production(**settings: object) -> CommonSettings:
    """Settings outside dev mode whatever the test process's environment says."""
    given = {"env": "prod", "jwks_file": None, "jwks_url": None, **settings}
    return CommonSettings.model_validate(given)


def test_production_without_a_jwks_source_has_no_keys() -> None:
    with pytest.raises(KeyConfigurationError, match="LIANFANG_JWKS_URL"):
        key_source(production(), ManualClock())
    problems = development_secret_problems(WarningSettings(common=production()))
    assert len(problems) == 1
    assert "LIANFANG_JWKS_URL (or LIANFANG_JWKS_FILE) is not set" in problems[0]


def test_production_refuses_the_built_in_identity_key_and_a_missing_one() -> None:
    common = production(jwks_url="https://console.example/.well-known/jwks.json")
    for key, why in ((DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION, "is the built-in development key"),
                     ("", "is not set")):  # fmt: skip
        (problem,) = development_secret_problems(IntakeSettings(common=common, identity_key=key))
        assert problem.startswith(f"LIANFANG_INTAKE_IDENTITY_KEY {why}")
    own = IntakeSettings(common=common, identity_key=Fernet.generate_key().decode())
    assert development_secret_problems(own) == []


def test_production_refuses_the_built_in_database_password() -> None:
    common = production(store="postgres", jwks_file=TEST_JWKS_FILE)
    (problem,) = development_secret_problems(WarningSettings(common=common))
    assert problem.startswith("LIANFANG_POSTGRES_PASSWORD is the built-in development password")
    own = production(store="postgres", jwks_file=TEST_JWKS_FILE, postgres_password="s3cret-own")
    assert development_secret_problems(WarningSettings(common=own)) == []


def test_dev_mode_allows_them_and_creates_its_key_on_first_use(tmp_path: Path) -> None:
    common = production(env="dev", dev_key_file=tmp_path / "var" / "dev-signing-key.pem")
    assert development_secret_problems(IntakeSettings(common=common)) == []
    keys = key_source(common, ManualClock())
    assert (tmp_path / "var" / "dev-signing-key.pem").exists()
    assert (tmp_path / "var" / "dev-signing-key.jwks.json").exists()
    issuer = dev_issuer(common, ManualClock())
    assert list(keys.keys()) == [issuer.key.kid]
    assert dev_issuer(common, ManualClock()).key.kid == issuer.key.kid  # the same key again
    with pytest.raises(KeyConfigurationError, match="only in dev mode"):
        dev_issuer(production(), ManualClock())
