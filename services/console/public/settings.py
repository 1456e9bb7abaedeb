"""Settings of the public pages (`LIANFANG_CONSOLE_PUBLIC_*`): how often they may be called."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class PublicSettings(BaseSettings):
    """Rate limits of the public pages (429 with Retry-After beyond them; docs/public-pages.md)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_CONSOLE_PUBLIC_", extra="ignore")

    enabled: bool = Field(True, description="Serve the public pages (网上举报, 社会评议问卷).")
    reports_per_client: int = Field(
        5, ge=1, description="Reports filed from one address within the reports window."
    )
    reports_overall: int = Field(300, ge=1, description="Reports filed by everybody in the window.")
    reports_window_seconds: float = Field(3600, gt=0, description="The reports' window (s).")
    lookups_per_client: int = Field(
        30, ge=1, description="Other public calls (status, answers, questionnaires) per address."
    )
    lookups_overall: int = Field(1200, ge=1, description="Other public calls by everybody.")
    lookups_window_seconds: float = Field(60, gt=0, description="The other calls' window (s).")
    token_ttl_seconds: int = Field(
        120, ge=30, le=600, description="Life of the console's own public token to the services."
    )
