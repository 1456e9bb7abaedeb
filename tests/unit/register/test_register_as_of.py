"""The register as it stood at any past moment 历史状态 (Art. 10, 30: history is kept forever).

Each step of 太和镇's work on its register is followed by a look at the listing; afterwards,
asking for the register `as_of` each of those moments gives back exactly what was shown then.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.register import app as register_app
from services.register import read_model
from services.register.app import RegisterApplication
from services.register.main import SPEC
from services.register.read_model import RiskPointRow
from services.register.risk_points.as_of import risk_point_at
from services.register.risk_points.handlers import RevisedContent, RiskPointDraft
from services.register.settings import RegisterSettings
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Invalid
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.support.directory import grant_test_posts
from tests.support.stores import InMemory, OnSQLite
from tests.support.tokens import bearer
from tests.unit.register.judging import feed
from tests.unit.register.revising import revision_requested
from tests.unit.register.stories import RegisterStoryBase

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
SECRETARY = Principal("u-taihe-secretary", frozenset({Role.LEADER}), "QX-TH")
MAYOR = Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
HOUR = timedelta(hours=1)


def _point(app: RegisterApplication, post: str, category: str = "post_duty") -> UUID:
    draft = RiskPointDraft(
        unit_code="QX-TH", post=post, category=category, description=f"{post}一人说了算",
        manifestations=["暗箱操作"],
    )  # fmt: skip
    return app.identify_risk_point(draft, OFFICE)


def _grade(app: RegisterApplication, point_id: UUID, factors: dict[str, int]) -> None:
    app.grade_risk_point(
        point_id, factors, reason="评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
    )


class AsOfStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def test_the_register_as_of_each_moment_is_what_it_showed_then(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        shown: list[tuple[datetime, list[RiskPointRow]]] = []

        def look() -> None:
            shown.append((clock.now(), app.list_risk_points("QX")))
            clock.advance(HOUR)

        before = clock.now()
        clock.advance(HOUR)
        cashier = _point(app, "出纳")
        look()  # one draft
        _grade(app, cashier, ORDINARY)
        survey = _point(app, "踏勘岗", "business_process")
        look()  # one graded medium, one draft
        app.vote(cashier, True, "同意", SECRETARY)
        app.vote(cashier, True, "同意", MAYOR)
        app.choose_measure(
            cashier, "post_duty.1", detail="分岗", owner_id="u-th-office",
            due_date=date(2026, 6, 1), by=OFFICE,
        )  # fmt: skip
        _grade(app, survey, SERIOUS)
        look()  # approved medium, graded high
        feed(app, revision_requested(cashier, clock.now()), "lianfang.assessment")
        app.revise_content(
            cashier,
            RevisedContent("system_mechanism", "制度缺失", ["无制度约束"], "检查发现"),
            OFFICE,
        )
        look()  # the cashier point reopened and rewritten
        _grade(app, cashier, SERIOUS)
        app.vote(cashier, True, "同意", SECRETARY)
        app.vote(cashier, True, "同意", MAYOR)
        look()  # approved again, high

        assert app.list_risk_points("QX", as_of=before) == []
        assert len({tuple(rows) for _, rows in shown}) == len(shown)  # every look differed
        for moment, rows in shown:
            assert app.list_risk_points("QX", as_of=moment) == rows
            # Between two looks nothing changed the register of that moment.
            assert app.list_risk_points("QX-TH", as_of=moment + HOUR / 2) == rows
        moment, rows = shown[2]
        assert [r.id for r in app.list_risk_points("QX", as_of=moment, grade=Grade.HIGH)] == [
            survey
        ]
        [reopened] = [r for r in shown[3][1] if r.id == cashier]
        assert (reopened.under_revision, reopened.category.value) == (True, "system_mechanism")
        assert app.list_risk_points("QX-TP", as_of=moment) == []

    def test_a_moment_without_zone_or_in_the_future_is_refused_naming_as_of(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        for moment in (clock.now().replace(tzinfo=None), clock.now() + HOUR):
            with pytest.raises(Invalid) as caught:
                app.list_risk_points("QX", as_of=moment)
            assert caught.value.field == "as_of"


class TestAsOfInMemory(InMemory, AsOfStory):
    pass


class TestAsOfSQLite(OnSQLite, AsOfStory):
    pass


def test_as_of_over_http() -> None:
    clock = ManualClock()
    runtime = Runtime(SPEC, RegisterSettings(common=CommonSettings(store="memory")), clock=clock)
    office = bearer(runtime, "u-qx-office", [Role.OFFICE], "QX")
    grant_test_posts(runtime.app)  # the leaders hold the leader grant (Art. 14)
    try:
        with TestClient(create_api(runtime)) as client:
            before = clock.now()
            clock.advance(HOUR)
            assert isinstance(runtime.app, RegisterApplication)
            point_id = _point(runtime.app, "出纳")
            clock.advance(HOUR)
            _grade(runtime.app, point_id, ORDINARY)

            def listed(moment: str) -> tuple[int, object]:
                got = client.get("/risk-points", params={"as_of": moment}, headers=office)
                return got.status_code, got.json()

            assert listed(before.isoformat()) == (200, [])
            code, rows = listed((before + HOUR).isoformat())
            assert code == 200
            assert isinstance(rows, list)
            assert [(r["id"], r["status"], r["grade"]) for r in rows] == [
                (str(point_id), "draft", None)
            ]
            code, rows = listed(clock.now().isoformat())
            assert isinstance(rows, list)
            assert [(r["status"], r["grade"]) for r in rows] == [("graded", "medium")]
            code, body = listed("2026-01-05T09:00:00")
            assert code == 422
            assert isinstance(body, dict)
            assert body["detail"][0]["loc"] == ["query", "as_of"]
            assert listed("yesterday")[0] == 422
    finally:
        runtime.close()


def test_the_power_catalogue_as_of_a_moment_over_http() -> None:
    """The audit screen's 职权目录 of a day (Art. 11, 30): a power appears from the moment it
    was catalogued, with the flowchart version current then."""
    clock = ManualClock()
    runtime = Runtime(SPEC, RegisterSettings(common=CommonSettings(store="memory")), clock=clock)
    office = bearer(runtime, "u-qx-office", [Role.OFFICE], "QX")
    power = {"unit_code": "QX", "name": "政府采购审批", "kind": "licensing",
             "legal_basis": "政府采购法第二十条", "posts": ["采购岗"]}  # fmt: skip
    step = {"key": "apply", "name": "受理", "post": "采购岗", "time_limit_days": 3,
            "discretion": False}  # fmt: skip
    try:
        with TestClient(create_api(runtime)) as client:
            before = clock.now()
            clock.advance(HOUR)
            made = client.post("/powers", json=power, headers=office)
            assert made.status_code == 201, made.text
            power_id = made.json()["id"]
            clock.advance(HOUR)
            charted = clock.now()
            for _ in range(2):
                drawn = client.post(f"/powers/{power_id}/flowcharts", json={"steps": [step]},
                                    headers=office)  # fmt: skip
                assert drawn.status_code == 201, drawn.text
                clock.advance(HOUR)

            def listed(moment: str) -> tuple[int, object]:
                got = client.get("/powers", params={"as_of": moment}, headers=office)
                return got.status_code, got.json()

            def versions(moment: datetime) -> list[tuple[str, int | None]]:
                code, rows = listed(moment.isoformat())
                assert code == 200
                assert isinstance(rows, list)
                return [(r["id"], r["flowchart_version"]) for r in rows]

            assert listed(before.isoformat()) == (200, [])
            assert versions(before + HOUR) == [(power_id, None)]
            assert versions(charted) == [(power_id, 1)]
            assert versions(clock.now()) == [(power_id, 2)]
            now = client.get("/powers", headers=office).json()
            assert [(r["id"], r["flowchart_version"]) for r in now] == [(power_id, 2)]
            for bad in ("2026-01-05T09:00:00", (clock.now() + HOUR).isoformat()):
                code, body = listed(bad)
                assert code == 422
                assert isinstance(body, dict)
                assert body["detail"][0]["loc"] == ["query", "as_of"]
    finally:
        runtime.close()


def test_as_of_pages_replay_only_their_points_and_are_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`?as_of=` replays a point only for the page that shows it (keyset paging by unit and
    id): walking seven points two at a time replays each once, never the whole register per
    page; and one request replays at most `AS_OF_BUDGET` points, a filter that matches little
    giving a short page whose cursor goes on (issue #17, review M8)."""
    clock = ManualClock()
    runtime = Runtime(SPEC, RegisterSettings(common=CommonSettings(store="memory")), clock=clock)
    office = bearer(runtime, "u-qx-office", [Role.OFFICE], "QX")
    replayed: list[UUID] = []

    def counted(app: RegisterApplication, point_id: UUID, as_of: datetime) -> object:
        replayed.append(point_id)  # the real replay, observed
        return risk_point_at(app, point_id, as_of)

    monkeypatch.setattr(read_model, "risk_point_at", counted)
    try:
        with TestClient(create_api(runtime)) as client:
            assert isinstance(runtime.app, RegisterApplication)
            grant_test_posts(runtime.app)  # the leaders hold the leader grant (Art. 14)
            points = [_point(runtime.app, f"岗位{n}") for n in range(7)]
            clock.advance(HOUR)
            _grade(runtime.app, points[3], SERIOUS)
            moment = clock.now().isoformat()

            def walk(**query: str) -> tuple[list[list[str]], list[int]]:
                pages, costs, cursor = [], [], None
                while True:
                    before = len(replayed)
                    params = {"as_of": moment, **query} | ({"cursor": cursor} if cursor else {})
                    got = client.get("/risk-points", params=params, headers=office)
                    assert got.status_code == 200, got.text
                    pages.append([r["id"] for r in got.json()])
                    costs.append(len(replayed) - before)
                    cursor = got.headers.get("X-Next-Cursor")
                    if cursor is None:
                        return pages, costs

            pages, costs = walk(limit="2")
            assert [len(p) for p in pages] == [2, 2, 2, 1]
            assert sorted(i for p in pages for i in p) == sorted(map(str, points))
            assert costs == [2, 2, 2, 1]  # each point replayed once, for its own page
            # A filter matching one point of seven, with a budget of three replays a request.
            monkeypatch.setattr(register_app, "AS_OF_BUDGET", 3)
            pages, costs = walk(grade="high")
            assert [i for p in pages for i in p] == [str(points[3])]
            assert max(costs) <= 3
            assert sum(costs) == 7
            assert [] in pages  # a page came short, its cursor going on
            # A cursor of another listing is refused, naming it.
            foreign = client.get("/risk-points", params={"as_of": moment, "cursor": "WzJd"},
                                 headers=office)  # fmt: skip
            assert foreign.status_code == 422
            assert foreign.json()["detail"][0]["loc"] == ["query", "cursor"]
    finally:
        runtime.close()
