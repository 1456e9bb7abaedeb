"""Settings of the console's external sign-in (`LIANFANG_CONSOLE_OIDC_*`, docs/sign-in.md).

Off unless a discovery URL is set. The client secret is read from a file (a mounted secret),
never from the environment, so it is in no process listing and no environment dump.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OidcSettings(BaseSettings):
    """The trusted issuer, this console's client there, and how its people map to accounts."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_CONSOLE_OIDC_", extra="ignore")

    discovery_url: str | None = Field(
        None,
        description="The issuer's /.well-known/openid-configuration; unset: no external sign-in.",
    )
    client_id: str = Field("", description="This console's client id at the issuer.")
    client_secret_file: Path | None = Field(
        None, description="A file holding the client secret (confidential client)."
    )
    redirect_url: str = Field(
        "",
        description="This console's callback as the browser reaches it, registered at the "
        "issuer: https://<console>/api/session/oidc/callback.",
    )
    user_claim: str = Field(
        "preferred_username",
        description="The id_token claim holding our user id (用户名); the account must exist.",
    )
    mfa_amr_values: list[str] = Field(
        default_factory=lambda: ["mfa", "otp", "hwk", "swk", "sms"],
        description="amr values (RFC 8176) that show the issuer verified a second factor.",
    )
    mfa_acr_values: list[str] = Field(
        default_factory=list,
        description="acr values that show it (the issuer's level of assurance for MFA).",
    )
    timeout_seconds: float = Field(10.0, gt=0, description="For each call to the issuer.")

    @property
    def enabled(self) -> bool:
        return bool(self.discovery_url)

    def client_secret(self) -> str:
        """The client secret from its file (empty: a public client, PKCE alone)."""
        if self.client_secret_file is None:
            return ""
        return self.client_secret_file.read_text(encoding="utf-8").strip()
