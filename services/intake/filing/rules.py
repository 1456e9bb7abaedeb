"""What intake accepts as a filing: channels, content limits, dates, who may carry an identity.

The limits are the district's to set (`LIANFANG_INTAKE_MAX_*`); beyond them: 413 (Art. 22).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.intake.filing.model import CHANNELS, ContentTooLarge
from shared.errors import Invalid

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from services.intake.filing.model import InformationDraft


@dataclass(frozen=True)
class FilingRules:
    """The size limits of a filing, its summary and a bulk import (Art. 22)."""

    max_summary_chars: int = 4000
    max_filing_bytes: int = 64_000
    max_import_bytes: int = 2_000_000

    def check(
        self, draft: InformationDraft, now: datetime, known_unit: Callable[[str], object]
    ) -> None:
        """Refuse bad input with the field and the reason (Art. 22).

        `known_unit` refuses a unit the tree does not know (422 naming `unit_code`).
        """
        if draft.channel not in CHANNELS:
            raise Invalid(
                "channel",
                f"信息来源渠道须为 {'、'.join(CHANNELS)} 之一 "
                f"(must be one of {', '.join(CHANNELS)})",
            )
        if not draft.unit_code.strip():
            raise Invalid("unit_code", "未选择被反映单位 (the subject unit is missing)")
        known_unit(draft.unit_code)
        if not draft.summary.strip():
            raise Invalid("summary", "不能为空 (is empty)")
        if len(draft.summary) > self.max_summary_chars:
            raise ContentTooLarge(
                f"反映的问题共 {len(draft.summary)} 字，超过 {self.max_summary_chars} 字的上限 "
                f"(summary has {len(draft.summary)} characters; at most "
                f"{self.max_summary_chars} are accepted)"
            )
        if draft.learned_at > now:
            raise Invalid("learned_at", "不能晚于当前时间 (lies in the future)")
        if draft.happened_at is not None:
            if draft.happened_at > now:
                raise Invalid("happened_at", "不能晚于当前时间 (lies in the future)")
            if draft.happened_at > draft.learned_at:
                raise Invalid("happened_at", "不能晚于获知时间 (is after learned_at)")
        if draft.petitioner and draft.channel != "petition":
            raise Invalid(
                "petitioner",
                "只有信访举报渠道的信息才记录举报人身份 (only a petition 信访举报 carries a "
                "petitioner's identity)",
            )
