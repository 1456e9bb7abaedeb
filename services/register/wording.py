"""How the register words a moment in its refusals to officials (issue #16).

The Chinese part of a refusal gives Beijing time to the minute, as the district reads it on
notices; the English kept after it keeps the stored ISO time that integrators and tests read.
"""

from __future__ import annotations

from datetime import datetime

from shared.clock import BEIJING


def beijing_minute(moment: datetime) -> str:
    """A moment as officials read it: 2026-12-05 17:00（北京时间）."""
    return f"{moment.astimezone(BEIJING):%Y-%m-%d %H:%M}（北京时间）"
