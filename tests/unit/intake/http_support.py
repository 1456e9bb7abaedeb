"""Intake over HTTP in one process: a runtime on the in-memory store, a client, tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from services.intake.main import SPEC
from services.intake.settings import IntakeSettings
from shared.auth import Role
from shared.clock import ManualClock
from tests.support.http_api import ApiClient

if TYPE_CHECKING:
    from collections.abc import Iterator

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Api(ApiClient):
    @property
    def office(self) -> dict[str, str]:
        return self.as_("u-th-office", Role.OFFICE)


def filing(ref: str, unit: str = "QX-TH", **kw: Any) -> dict[str, Any]:
    return {
        "channel": "officer_report",
        "source_reference": ref,
        "unit_code": unit,
        "summary": "村集体资金由一人审批支付",
        "learned_at": (NOW - timedelta(hours=2)).isoformat(),
        "subject_post": "出纳",
    } | kw


def serve_in_process() -> Iterator[Api]:
    """Intake of the district node on the in-memory store, its clock stopped at NOW."""
    yield from Api.serve(SPEC, IntakeSettings, ManualClock(NOW))
