"""Settings of the warning service (`LIANFANG_WARNING_*`, on top of the shared `LIANFANG_*`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.warning.deadlines.rules import DEFAULT_NOTICE_PATTERN, WarningRules
from shared.settings import ServiceSettings


class WarningSettings(ServiceSettings):
    """Where the warning service listens, and the configurable parts of its rules (Art. 27, 28)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_WARNING_", extra="ignore")

    port: int = 8103
    notice_pattern: str = Field(
        DEFAULT_NOTICE_PATTERN,
        description="Notice number pattern 预警通知书文号: {year}, {level_char}, {level}, {seq}.",
    )
    remind_days_before: int = Field(3, description="Days before a deadline to remind (临期提醒).")
    rework_days: int = Field(
        10, description="Days to report the rework of a returned disposal (重办期限, Art. 29)."
    )
    business_lines: dict[str, str] = Field(
        default_factory=dict,
        description="Unit code -> its superior business department 上级业务主管部门 (Art. 27).",
    )

    def rules(self) -> WarningRules:
        """The rules these settings configure; default action plans and escalation."""
        return WarningRules(
            remind_days_before=self.remind_days_before,
            rework_days=self.rework_days,
            notice_pattern=self.notice_pattern,
            business_lines=dict(self.business_lines),
        )
