"""What the intake stories share: people, a clock, an application per store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.intake.app import InformationDraft, IntakeApplication
from services.intake.routing.rules import RoutingRules
from services.intake.settings import IntakeRules
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import Story

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX", "区预防腐败室")
TAIHE_OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
OFFICER = Principal("u-li", frozenset({Role.OFFICER}), "QX-TH", "李信息员")
CUSTODIAN = Principal(
    "u-keeper", frozenset({Role.CUSTODIAN}), "QX", "保管员", amr=frozenset({"pwd", "otp"})
)
"""A custodian signed in with the TOTP code; the directory's grant is the story's to give."""
JUDGE = Principal("u-judge", frozenset({Role.JUDGE}), "QX")


def draft(ref: str, unit: str = "QX-TH", **kw: Any) -> InformationDraft:
    fields: dict[str, Any] = {
        "channel": "officer_report",
        "source_reference": ref,
        "unit_code": unit,
        "summary": "村集体资金由一人审批支付",
        "learned_at": START - timedelta(hours=1),
        "subject_post": "出纳",
    }
    return InformationDraft(**(fields | kw))


def make_app(
    env: dict[str, str], clock: ManualClock, node_id: str = "district"
) -> IntakeApplication:
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return IntakeApplication(
        env, clock=clock, org=org, rules=IntakeRules(routing=RoutingRules(node_id=node_id))
    )


class StoreStory(Story[IntakeApplication]):
    """A story re-told per store by subclasses that provide `env` (tests/support/stores.py)."""

    start = START
    grants_posts = False  # the stories that check a post grant the directory's posts themselves

    def make_app(self, env: dict[str, str], clock: ManualClock) -> IntakeApplication:
        return make_app(env, clock)


class TwoNodeStory(StoreStory):
    """The district's store (`app`) and 太和镇's beside it (`town`), a store per node."""

    @pytest.fixture
    def town_env(self, env: dict[str, str], tmp_path: Path) -> dict[str, str]:
        """太和镇's own store beside the district's (a store per node)."""
        town_env = dict(env)
        if "SQLITE_DBNAME" in env:
            town_env["SQLITE_DBNAME"] = str(tmp_path / "town.sqlite")
        return town_env

    @pytest.fixture
    def town(self, town_env: dict[str, str], clock: ManualClock) -> Iterator[IntakeApplication]:
        app = make_app(town_env, clock, node_id="town-taihe")
        yield app
        app.close()
