"""Settings of sign-in (`LIANFANG_CONSOLE_*`): the 等保 2.0 rules' figures, the token lifetime,
the signing key and the key that seals TOTP secrets (GB/T 22239-2019 8.1.4.1)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.console.signin.factors import PasswordHashing, SecretSealer
from services.console.signin.handlers import SignInKit
from services.console.signin.model import SignInRules
from shared.auth import Role, SigningKey
from shared.keys import dev_signing_key
from shared.settings import CommonSettings

DEV_TOTP_KEY_FILE = "dev-totp-key"
"""Beside the development signing key (shared/keys.py), in dev mode only."""


class MissingSecret(RuntimeError):
    """A serving console without a key it must not make up outside dev mode."""


class SignInSettings(BaseSettings):
    """The district's sign-in rules and keys; the defaults are GB/T 22239-2019 level 3's."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_CONSOLE_", extra="ignore")

    min_password_length: int = Field(12, ge=8, le=64, description="口令最短长度.")
    min_character_classes: int = Field(
        3, ge=2, le=4, description="Of lower case, upper case, digits, others."
    )
    max_failures: int = Field(5, ge=1, description="Failures within the window that lock out.")
    failure_window_minutes: float = Field(15, gt=0, description="The window failures count in.")
    lockout_minutes: float = Field(15, gt=0, description="How long a lock-out lasts.")
    idle_timeout_minutes: float = Field(15, gt=0, description="An idle session ends after this.")
    second_factor_roles: frozenset[Role] = Field(
        frozenset({Role.CUSTODIAN, Role.ADMIN, Role.OFFICE}),
        description="Roles that need a TOTP second factor.",
    )
    token_ttl_minutes: float = Field(
        10, gt=0, le=480, description="Lifetime of the token a session holds; renewed while the "
        "session is in use (at most 8 h, the services' cap).",
    )  # fmt: skip
    signing_key_file: Path | None = Field(
        None, description="PEM file of the Ed25519 key that signs tokens (the dev key in dev mode)."
    )
    signing_key_id: str | None = Field(None, description="Key id (kid) of the signing key.")
    previous_signing_key_files: list[Path] = Field(
        default_factory=list,
        description="PEM files of keys that no longer sign but stay published in the JWKS until "
        "the tokens they signed have expired (key rotation).",
    )
    totp_key: SecretStr | None = Field(
        None, description="Fernet key sealing the TOTP secrets in the store (required outside dev; "
        "in dev a key file under the data folder).",
    )  # fmt: skip

    def signing_key(self, common: CommonSettings) -> SigningKey:
        """The Ed25519 key tokens are signed with: the PEM file of `signing_key_file`; in dev
        mode without one, the node's development key (shared/keys.py), whose JWKS the services
        check with; MissingSecret otherwise."""
        path = self.signing_key_file
        if path is None:
            if not common.dev_mode:
                raise MissingSecret(
                    "LIANFANG_CONSOLE_SIGNING_KEY_FILE is not set: the console signs tokens only "
                    "with a key it is given outside dev mode (docs/runbook.md, keys)"
                )
            return dev_signing_key(common.dev_key_file)
        return _key_of(path, self.signing_key_id)

    def published_keys(self) -> list[SigningKey]:
        """Keys no longer signing but still published in the JWKS (rotation, docs/runbook.md)."""
        return [_key_of(path, None) for path in self.previous_signing_key_files]

    def rules(self) -> SignInRules:
        return SignInRules(
            min_password_length=self.min_password_length,
            min_character_classes=self.min_character_classes,
            max_failures=self.max_failures,
            failure_window=timedelta(minutes=self.failure_window_minutes),
            lockout=timedelta(minutes=self.lockout_minutes),
            idle_timeout=timedelta(minutes=self.idle_timeout_minutes),
            second_factor_roles=frozenset(self.second_factor_roles),
        )

    def kit(self, common: CommonSettings) -> SignInKit:
        """The rules, an argon2id hasher and the TOTP sealer (with no key outside dev mode when
        none is set: `require_keys` then refuses to serve)."""
        return SignInKit(self.rules(), PasswordHashing(), SecretSealer(self.totp_key_(common)))

    def require_keys(self, common: CommonSettings) -> SigningKey:
        """The signing key, after checking the TOTP key: MissingSecret names what is missing."""
        if self.totp_key_(common) is None:
            raise MissingSecret(
                "LIANFANG_CONSOLE_TOTP_KEY is not set: the console will not make up the key "
                "that seals TOTP secrets outside dev mode (a Fernet key: "
                "python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')"
            )
        return self.signing_key(common)

    def totp_key_(self, common: CommonSettings) -> str | None:
        if self.totp_key is not None:
            return self.totp_key.get_secret_value()
        if not common.dev_mode:
            return None
        path = common.dev_key_file.with_name(DEV_TOTP_KEY_FILE)
        if not path.exists():
            _write_private(path, SecretSealer.generate_key())
        return path.read_text().strip()


def _key_of(path: Path, kid: str | None) -> SigningKey:
    """The key of a PEM file; its kid as given, else its thumbprint."""
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise MissingSecret(f"cannot read the signing key {path}: {exc}") from exc
    if kid:
        return SigningKey.from_pem(pem, kid)
    # The kid `lianfang keys new` printed: the key's RFC 7638 thumbprint.
    return SigningKey.from_pem(pem, SigningKey.from_pem(pem, "pending").thumbprint())


def _write_private(path: Path, text: str) -> None:
    """Write a dev secret readable by its owner only; a second process racing keeps the first's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as out:
        out.write(text)
