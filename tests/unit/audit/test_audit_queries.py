"""Auditors read and change nothing; each of their requests is recorded first (Art. 23, 29).

Through the warning service's real HTTP API (in-memory store): an auditor's reads, and a write
refused to them, are in the record with who, what and when; other roles' requests are not; the
record is shown to auditors only, each the part of their own subtree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.tokens import token_for
from tests.unit.warning.upstream import feed, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def runtime() -> Iterator[Runtime]:
    runtime = Runtime(SPEC, WarningSettings(common=CommonSettings(store="memory")), ManualClock())
    yield runtime
    runtime.close()


def as_(runtime: Runtime, user: str, role: Role, unit: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(runtime, user, [role], unit)}"}


def test_every_auditor_request_is_recorded_and_shown_to_auditors_only(runtime: Runtime) -> None:
    feed(runtime.app, judgement(unit="QX-TH"))  # the town itself: the district node disposes
    client = TestClient(create_api(runtime))
    district_auditor = as_(runtime, "u-qx-auditor", Role.AUDITOR, "QX")
    town_auditor = as_(runtime, "u-th-auditor", Role.AUDITOR, "QX-TH")
    office = as_(runtime, "u-th-office", Role.OFFICE, "QX-TH")

    assert client.get("/proposals?within=QX", headers=district_auditor).status_code == 200
    assert client.get("/proposals", headers=office).status_code == 200  # not an auditor
    [proposal] = client.get("/proposals", headers=town_auditor).json()
    # Read-only: a review by an auditor is refused, and the attempt is on the record.
    meeting = {"held_on": "2026-01-05", "attendees": ["甲"], "decision": "issue",
               "minutes_ref": "纪要"}  # fmt: skip
    refused = client.post(f"/proposals/{proposal['id']}/review", json=meeting,
                          headers=town_auditor)  # fmt: skip
    assert refused.status_code == 403

    seen = client.get("/audit/queries", headers=district_auditor).json()
    assert [(q["user_id"], q["method"], q["target"]) for q in seen[1:]] == [
        ("u-th-auditor", "POST", f"/proposals/{proposal['id']}/review"),
        ("u-th-auditor", "GET", "/proposals"),
        ("u-qx-auditor", "GET", "/proposals?within=QX"),
    ]
    # The listing itself is an audit query, recorded like any other (newest first).
    assert (seen[0]["user_id"], seen[0]["target"]) == ("u-qx-auditor", "/audit/queries")
    assert {q["at"] for q in seen} == {"2026-01-05T09:00:00Z"}
    assert all(q["unit_code"] != "QX-TH" or q["user_id"] == "u-th-auditor" for q in seen)

    # A town's auditor sees the town's auditors' requests, not the district's.
    town_view = client.get("/audit/queries", headers=town_auditor).json()
    assert {q["user_id"] for q in town_view} == {"u-th-auditor"}
    assert client.get("/audit/queries", headers=office).status_code == 403


def test_the_record_lists_the_latest_requests_newest_first(runtime: Runtime) -> None:
    from shared.audit.queries import record_query, recorded_queries
    from shared.auth import Principal

    auditor = Principal(user_id="u-qx-auditor", roles=frozenset({Role.AUDITOR}), unit_code="QX")
    at = runtime.clock.now()
    for n in range(5):
        record_query(runtime.app, auditor, "GET", f"/cases/{n}", at, trace=f"t{n}")
    assert [q.target for q in recorded_queries(runtime.app, limit=2)] == ["/cases/4", "/cases/3"]
    assert len(recorded_queries(runtime.app)) == 5
