"""What the warning stories share: the people of 太和镇's case, its review meeting, and the
application on the story's store with a manual clock from 5 January 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from services.warning.app import WarningApplication
from services.warning.deadlines.rules import WarningRules
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision
from shared.auth import Principal, Role
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import Story

if TYPE_CHECKING:
    from shared.clock import ManualClock

TOWN_OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
TOWN_CLERK = Principal("u-th-clerk", frozenset({Role.OFFICE}), "QX-TH")
UNIT_HEAD = Principal("u-taihe-czs-head", frozenset({Role.LEADER}), "QX-TH-CZS")
SIBLING_OFFICE = Principal("u-tp-office", frozenset({Role.OFFICE}), "QX-TP")
ORIGIN = Origin("/lianfang/district/warning", "district")
MEETING = ReviewRecord(
    date(2026, 1, 5), ["镇党委书记", "镇纪委书记"], Decision.ISSUE, "太和纪要〔2026〕3号"
)


class WarningStoryBase(Story[WarningApplication]):
    """A warning story, re-told per store by subclasses that provide `env` (tests/support)."""

    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    rules = WarningRules()

    def make_app(self, env: dict[str, str], clock: ManualClock) -> WarningApplication:
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        return WarningApplication(env, clock=clock, org=org, rules=self.rules)
