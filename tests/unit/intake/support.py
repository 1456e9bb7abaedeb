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

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX", "区预防腐败室")
TAIHE_OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
OFFICER = Principal("u-li", frozenset({Role.OFFICER}), "QX-TH", "李信息员")
CUSTODIAN = Principal("u-keeper", frozenset({Role.CUSTODIAN}), "QX", "保管员")
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


class StoreStory:
    """A story re-told per store by subclasses that provide `env`."""

    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        raise NotImplementedError

    @pytest.fixture
    def clock(self) -> ManualClock:
        return ManualClock(START)

    @pytest.fixture
    def app(self, env: dict[str, str], clock: ManualClock) -> Iterator[IntakeApplication]:
        app = make_app(env, clock)
        yield app
        app.close()


def memory_env(tmp_path: Path, name: str = "intake") -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.popo"}


def sqlite_env(tmp_path: Path, name: str = "intake") -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / name)}
