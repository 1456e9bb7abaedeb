"""Settings of the assessment service (`LIANFANG_ASSESSMENT_*`, over `LIANFANG_*`)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class AssessmentSettings(ServiceSettings):
    """Where the assessment service listens."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_ASSESSMENT_", extra="ignore")

    port: int = 8104
