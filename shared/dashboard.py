"""What the services' dashboard summaries share (区级驾驶舱): the twelve months a trend covers, on
Beijing's calendar (Art. 31 counts a year in Beijing time, so a month too), and a unit's town."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.clock import BEIJING
from shared.deps import ensure_jurisdiction
from shared.errors import Invalid

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from shared.auth import Principal
    from shared.runtime import Runtime


def month_of(moment: datetime) -> str:
    """ "2026-12": the Beijing month a moment falls in."""
    return moment.astimezone(BEIJING).strftime("%Y-%m")


def last_twelve_months(now: datetime) -> list[str]:
    """The current Beijing month and the eleven before it, oldest first."""
    here = now.astimezone(BEIJING)
    year, month = here.year, here.month
    months: list[str] = []
    for _ in range(12):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def by_month(moments: Iterable[datetime], now: datetime) -> dict[str, int]:
    """How many of `moments` fall in each of the last twelve months (zeros included)."""
    counts = dict.fromkeys(last_twelve_months(now), 0)
    for moment in moments:
        key = month_of(moment)
        if key in counts:
            counts[key] += 1
    return counts


def town_of(ancestors: Iterable[tuple[str, str]]) -> str | None:
    """The town (镇街) a unit lies in, from its (code, kind) chain up to the root; None for a
    unit of the district itself (区直机关, 驻区单位...)."""
    for code, kind in ancestors:
        if kind == "town":
            return code
    return None


def subtree_root(runtime: Runtime, who: Principal, within: str | None) -> str:
    """The subtree a summary covers: the caller's own unit unless a unit within it is asked for;
    422 naming the `within` query parameter for a unit nobody knows, 403 outside the caller's."""
    root = within or who.unit_code
    if root not in runtime.org:
        raise Invalid("within", f"没有单位代码为 {root!r} 的单位 (unknown unit {root!r})", "query")
    ensure_jurisdiction(runtime, who, root)
    return root
