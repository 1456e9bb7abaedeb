"""The auditors' case-timeline routes: who may read a case, what each entry says (Art. 23–31).

The topics are replaced by a list of events (`read_published` is what the route calls); the
jurisdiction rule is unchanged: the case's own unit decides, not the unit of its risk point's
earlier steps.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.audit import api as audit_api
from shared.audit.published import Published
from shared.auth import Role
from tests.support.events import risk_reported
from tests.support.http_api import ApiClient
from tests.unit.assessment import upstream as up
from tests.unit.warning.upstream import judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

    from shared.events import CloudEvent


@pytest.fixture
def api() -> Iterator[ApiClient]:
    yield from ApiClient.serve(SPEC, WarningSettings)


def _topics(monkeypatch: pytest.MonkeyPatch, events: list[CloudEvent]) -> None:
    async def read(bootstrap: str, prefix: str = "lianfang") -> Published:
        return Published(events=list(events))

    monkeypatch.setattr(audit_api, "read_published", read)


def _case(point_unit: str) -> tuple[UUID, list[CloudEvent]]:
    """A case about 太和镇财政所 whose judgement names a point of `point_unit`, graded earlier."""
    point = uuid4()
    made = judgement(risk_point_id=point)
    reported = risk_reported(unit_code="QX-TH-CZS", at=made.data.occurred_at - timedelta(days=2))
    case = reported.data.information_id
    made = made.model_copy(update={"data": made.data.model_copy(update={"information_id": case})})
    earlier = reported.data.occurred_at - timedelta(days=30)
    return case, [
        up.graded(point, unit=point_unit, at=earlier),
        up.approved(point, unit=point_unit, at=earlier),
        reported,
        made,
    ]


def test_the_case_s_unit_decides_who_reads_it(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    case, events = _case(point_unit="QX-TP")  # the point's steps come first, in another town
    _topics(monkeypatch, events)
    path = f"/audit/cases/{case}/timeline"
    town = api.as_("u-th-auditor", Role.AUDITOR, "QX-TH")
    shown = api.get(path, town)
    assert shown.status_code == 200
    assert [e["via"] for e in shown.json()] == ["risk_point", "risk_point", "case", "case"]
    assert [e["event_id"] for e in shown.json()] == [e.id for e in events]
    sibling = api.as_("u-tp-auditor", Role.AUDITOR, "QX-TP")
    # Another town's case is answered as an unknown one: the same 404, the same words.
    refused = api.get(path, sibling)
    unknown = api.get(f"/audit/cases/{uuid4()}/timeline", sibling)
    assert refused.status_code == unknown.status_code == 404
    assert refused.json()["detail"].replace(str(case), "?") == unknown.json()["detail"].replace(
        unknown.url.path.split("/")[3], "?"
    )
    assert api.get(f"{path}.md", sibling).status_code == 404
    admin = api.as_("u-qx-admin", Role.ADMIN, "QX")
    assert api.get(path, admin).status_code == 403  # admins read no case
    document = api.get(f"{path}.md", town).text
    assert "| 关联 |" in document
    assert document.count("| 所涉风险点 |") == 2
    assert api.get(f"/audit/cases/{uuid4()}/timeline", town).status_code == 404


def test_the_raw_event_behind_an_entry(api: ApiClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each timeline entry links to its event as published; another town's is an unknown one."""
    case, events = _case(point_unit="QX-TH")
    _topics(monkeypatch, events)
    town = api.as_("u-th-auditor", Role.AUDITOR, "QX-TH")
    body = api.get(f"/audit/cases/{case}/timeline", town).json()
    entries = body["items"] if isinstance(body, dict) else body  # cursor-paged (PAGING.md) or not
    reported = next(e for e in entries if e["event_type"] == "RiskReported")
    raw = api.get(f"/audit/events/{reported['event_id']}", town)
    assert raw.status_code == 200, raw.text
    assert raw.json()["id"] == reported["event_id"]
    assert raw.json()["data"]["information_id"] == str(case)
    sibling = api.as_("u-tp-auditor", Role.AUDITOR, "QX-TP")
    refused = api.get(f"/audit/events/{reported['event_id']}", sibling)
    unknown = api.get(f"/audit/events/{uuid4()}", sibling)
    assert refused.status_code == unknown.status_code == 404
    judge = api.as_("u-judge", Role.JUDGE, "QX-TH")
    assert api.get(f"/audit/events/{reported['event_id']}", judge).status_code == 403
