"""Settings of the register service (`LIANFANG_REGISTER_*`, on top of the shared `LIANFANG_*`)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class RegisterSettings(ServiceSettings):
    """Where the register service listens."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_REGISTER_", extra="ignore")

    port: int = 8102
