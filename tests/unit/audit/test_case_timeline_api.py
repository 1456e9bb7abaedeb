"""The auditors' case-timeline routes: who may read a case, what each entry says (Art. 23–31).

The events reach assessment's application as its worker hands them in (the topics are not read:
the route serves the index the worker keeps, review H3); the case's own unit decides who reads,
not the unit of its risk point's earlier steps. A long case comes a page at a time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from services.assessment.main import SPEC
from services.assessment.settings import AssessmentSettings
from services.register.main import SPEC as REGISTER
from services.register.settings import RegisterSettings
from shared.auth import Role
from shared.paging import MAX_PAGE
from tests.support.events import risk_reported
from tests.support.http_api import ApiClient, served
from tests.unit.assessment import upstream as up
from tests.unit.warning.upstream import judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

    from shared.events import CloudEvent


@pytest.fixture
def api() -> Iterator[ApiClient]:
    yield from ApiClient.serve(SPEC, AssessmentSettings)


def _topics(api: ApiClient, events: list[CloudEvent]) -> None:
    """The events as assessment's worker takes them in from the topics, in this order."""
    for event in events:
        up.feed(api.runtime.app, event)


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


def test_the_case_s_unit_decides_who_reads_it(api: ApiClient) -> None:
    case, events = _case(point_unit="QX-TP")  # the point's steps come first, in another town
    _topics(api, events)
    path = f"/audit/cases/{case}/timeline"
    town = api.as_("u-th-auditor", Role.AUDITOR, "QX-TH")
    shown = api.get(path, town)
    assert shown.status_code == 200
    assert "X-Next-Cursor" not in shown.headers
    entries = shown.json()
    assert [e["via"] for e in entries] == ["risk_point", "risk_point", "case", "case"]
    assert [e["event_id"] for e in entries] == [e.id for e in events]
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


def test_a_long_case_comes_a_page_at_a_time_and_no_page_is_over_the_maximum(
    api: ApiClient,
) -> None:
    case, events = _case(point_unit="QX-TH-CZS")
    point = events[0].data.risk_point_id  # type: ignore[attr-defined]
    # The point published again and again: a long story (one entry each).
    later = events[-1].data.occurred_at
    verified = [up.published(point, "QX-TH-CZS", at=later + timedelta(minutes=n)) for n in range(7)]
    _topics(api, [*events, *verified])
    town = api.as_("u-th-auditor", Role.AUDITOR, "QX-TH")
    path = f"/audit/cases/{case}/timeline"
    whole: list[str] = []
    cursor = ""
    pages = 0
    while True:
        answer = api.get(f"{path}?limit=3{cursor}", town)
        assert answer.status_code == 200
        assert len(answer.json()) <= 3
        whole += [e["event_id"] for e in answer.json()]
        pages += 1
        if "X-Next-Cursor" not in answer.headers:
            break
        cursor = f"&cursor={answer.headers['X-Next-Cursor']}"
    assert pages == 4
    assert whole == [e.id for e in [*events, *verified]]
    # Over the maximum, or a cursor that is not ours: 422 naming the parameter.
    over = api.get(f"{path}?limit={MAX_PAGE + 1}", town)
    assert over.status_code == 422
    assert over.json()["detail"][0]["loc"] == ["query", "limit"]
    forged = api.get(f"{path}?cursor=bm90LWEtY3Vyc29y", town)
    assert forged.status_code == 422
    assert forged.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_only_the_service_that_keeps_the_index_serves_timelines() -> None:
    """The register reads no topic it does not consume: it has no timeline route (review H3)."""
    with served(REGISTER, RegisterSettings) as (runtime, client):
        register = ApiClient(runtime, client)
        answer = register.get(
            f"/audit/cases/{uuid4()}/timeline", register.as_("u-auditor", Role.AUDITOR, "QX")
        )
    assert answer.status_code == 404
    assert answer.json()["detail"] == "Not Found"


def test_the_raw_event_behind_an_entry(api: ApiClient) -> None:
    """Each timeline entry links to its event as published, read from the case's shelves of the
    index; another town's case, or an event of another case, is an unknown one."""
    case, events = _case(point_unit="QX-TH")
    _topics(api, events)
    town = api.as_("u-th-auditor", Role.AUDITOR, "QX-TH")
    entries = api.get(f"/audit/cases/{case}/timeline", town).json()
    reported = next(e for e in entries if e["event_type"] == "RiskReported")
    path = f"/audit/cases/{case}/events/{reported['event_id']}"
    raw = api.get(path, town)
    assert raw.status_code == 200, raw.text
    assert raw.json()["id"] == reported["event_id"]
    assert raw.json()["data"]["information_id"] == str(case)
    sibling = api.as_("u-tp-auditor", Role.AUDITOR, "QX-TP")
    refused = api.get(path, sibling)
    unknown = api.get(f"/audit/cases/{case}/events/{uuid4()}", town)
    assert refused.status_code == unknown.status_code == 404
    judge = api.as_("u-judge", Role.JUDGE, "QX-TH")
    assert api.get(path, judge).status_code == 403
