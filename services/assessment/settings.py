"""Settings of the assessment service (`LIANFANG_ASSESSMENT_*`, over `LIANFANG_*`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.assessment.scoring.rules import ScoringScheme
from shared.settings import ServiceSettings


class AssessmentSettings(ServiceSettings):
    """Where the assessment service listens, and the default scoring scheme (Art. 31)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_ASSESSMENT_", extra="ignore")

    port: int = 8104
    scheme: ScoringScheme = Field(
        default_factory=ScoringScheme,
        description="Default scoring scheme 计分办法 as JSON (LIANFANG_ASSESSMENT_SCHEME); a "
        "year's own scheme, set over the API, takes precedence. See docs/assessment-scoring.md.",
    )
