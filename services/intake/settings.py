"""Settings of the intake service (`LIANFANG_INTAKE_*`, on top of the shared `LIANFANG_*`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from services.intake.filing.rules import FilingRules
from services.intake.identity.cipher import DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION
from services.intake.routing.rules import RoutingRules
from shared.settings import ServiceSettings


@dataclass(frozen=True)
class IntakeRules:
    """The rules of each intake feature, as the district sets them (Art. 22–24)."""

    routing: RoutingRules = field(default_factory=RoutingRules)
    filing: FilingRules = field(default_factory=FilingRules)
    identity_key: str = DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION
    identity_previous_keys: tuple[str, ...] = ()


class IntakeSettings(ServiceSettings):
    """Where the intake service listens, its identity key and its limits (Art. 22–24)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_INTAKE_", extra="ignore")

    port: int = 8101
    identity_key: SecretStr = Field(
        SecretStr(DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION),
        description="Master key (Fernet format) from which HKDF derives the key sealing "
        "petitioners' identities (保护举报人) and the fingerprint key; set in production.",
    )
    identity_previous_keys: SecretStr = Field(
        SecretStr(""),
        description="Earlier identity keys, comma-separated: they still open what they sealed "
        "(key rotation; docs/runbook.md).",
    )
    identity_key_file: Path | None = Field(
        None,
        description="A file holding the identity key (a Secret mounted into the intake's pods "
        "alone, issue #17): read at start, it overrides LIANFANG_INTAKE_IDENTITY_KEY.",
    )
    max_summary_chars: int = Field(4000, description="Longest summary accepted (413 beyond).")
    max_filing_bytes: int = Field(64_000, description="Largest single filing body (413 beyond).")
    max_import_bytes: int = Field(2_000_000, description="Largest bulk import body (413 beyond).")
    feedback_days: int = Field(
        10,
        description="Days a lower node has to report how it handled a forward (and a returned "
        "report's rework).",
    )
    reminder_days: int = Field(2, description="Days before the handling report is due to remind.")

    @model_validator(mode="after")
    def _key_from_file(self) -> IntakeSettings:
        """The identity key from its file, when one is named (never kept in the environment)."""
        if self.identity_key_file is not None:
            try:
                key = self.identity_key_file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ValueError(f"LIANFANG_INTAKE_IDENTITY_KEY_FILE: {exc}") from exc
            if not key:
                raise ValueError(
                    f"LIANFANG_INTAKE_IDENTITY_KEY_FILE {self.identity_key_file} is empty"
                )
            self.identity_key = SecretStr(key)
        return self

    def development_secrets(self) -> list[str]:
        """The identity key must be the deployment's own outside dev mode (Art. 22)."""
        key = self.identity_key.get_secret_value()
        if key and key != DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION:
            return []
        what = "is not set" if not key else "is the built-in development key"
        return [
            f"LIANFANG_INTAKE_IDENTITY_KEY {what}: petitioners' identities would be sealed with "
            "a key anyone can read; make one with `python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())'`"
        ]

    def rules(self) -> IntakeRules:
        """The application's rules from these settings."""
        return IntakeRules(
            routing=RoutingRules(
                node_id=self.common.node_id,
                feedback_days=self.feedback_days,
                reminder_days=self.reminder_days,
            ),
            filing=FilingRules(
                max_summary_chars=self.max_summary_chars,
                max_filing_bytes=self.max_filing_bytes,
                max_import_bytes=self.max_import_bytes,
            ),
            identity_key=self.identity_key.get_secret_value(),
            identity_previous_keys=tuple(
                k.strip()
                for k in self.identity_previous_keys.get_secret_value().split(",")
                if k.strip()
            ),
        )
