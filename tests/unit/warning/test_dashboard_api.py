"""The warning service's figures for the district dashboard 区级驾驶舱 equal its own lists
(Art. 28): open warnings by level and town, actions found overdue, warnings issued per month.

On 太和镇's node a 低-graded point is warned yellow and a 中-graded one orange; the deadline of the
orange one passes. After each step the summary is compared with the warnings board and the
overdue list it clicks through to, and with the application's own aggregates.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.dashboard import month_of
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.unit.warning.test_warning_api import MEETING, Api

if TYPE_CHECKING:
    from collections.abc import Iterator

    from services.warning.app import WarningApplication


@pytest.fixture
def api() -> Iterator[Api]:
    """太和镇's node, where the district's auditors may read (as in test_warning_api)."""
    town = CommonSettings(
        store="memory", node_id="town-taihe", node_root_unit="QX-TH", admit_district_auditors=True
    )
    yield from Api.serve(SPEC, WarningSettings, common=town)


def _issue(api: Api, grade: Grade) -> str:
    proposal = api.proposal(grade)
    assert api.post(f"/proposals/{proposal}/review", MEETING, api.town_office).status_code == 201
    issued = api.post(f"/proposals/{proposal}/warning", {}, api.town_office)
    assert issued.status_code == 201, issued.text
    return str(issued.json()["id"])


def _from_the_store(app: WarningApplication) -> dict[str, Any]:
    warnings = [app.get_warning(row.id) for row in app.list_warnings("QX-TH", open_only=False)]
    grid: dict[str, dict[str, int]] = {}
    for w in warnings:
        if w.is_open:
            # Every unit of this node lies in 太和镇.
            grid.setdefault(w.level.value, {})
            grid[w.level.value]["QX-TH"] = grid[w.level.value].get("QX-TH", 0) + 1
    return {"grid": grid, "issued": len(warnings)}


def _agree(api: Api) -> dict[str, Any]:
    who = api.as_("u-qx-auditor", Role.AUDITOR, "QX")
    shown = api.client.get("/dashboard", headers=who)
    assert shown.status_code == 200, shown.text
    figures = shown.json()
    stored = _from_the_store(api.runtime.app)  # type: ignore[arg-type]
    assert figures["open_by_level_and_town"] == stored["grid"]
    assert sum(figures["issued_by_month"].values()) == stored["issued"]
    board = api.client.get("/warnings", headers=who).json()
    by_level: dict[str, int] = {}
    for w in board:
        by_level[w["level"]] = by_level.get(w["level"], 0) + 1
    assert by_level == {k: sum(v.values()) for k, v in figures["open_by_level_and_town"].items()}
    overdue = api.client.get("/warnings/overdue", headers=who).json()
    assert len(overdue) == figures["overdue_actions"]
    # A month of the trend clicks through to the warnings issued that (Beijing) month.
    every = api.client.get("/warnings?include_closed=true", headers=who).json()
    months = Counter(month_of(datetime.fromisoformat(w["issued_at"])) for w in every)
    assert months == {m: n for m, n in figures["issued_by_month"].items() if n}
    return figures


def test_the_figures_follow_the_warnings_and_equal_the_lists(api: Api) -> None:
    app, clock = api.runtime.app, api.runtime.clock
    assert isinstance(clock, ManualClock)
    assert _agree(api)["open_by_level_and_town"] == {}
    _issue(api, Grade.LOW)
    _issue(api, Grade.MEDIUM)
    figures = _agree(api)
    assert figures["open_by_level_and_town"] == {"yellow": {"QX-TH": 1}, "orange": {"QX-TH": 1}}
    assert figures["overdue_actions"] == 0
    assert len(figures["issued_by_month"]) == 12

    clock.advance(timedelta(days=40))  # every default deadline has passed
    app.check_deadlines()  # type: ignore[attr-defined]
    figures = _agree(api)
    assert figures["overdue_actions"] > 0


def test_who_reads_the_figures(api: Api) -> None:
    officer = api.as_("u-li", Role.OFFICER, "QX-TH")
    assert api.client.get("/dashboard", headers=officer).status_code == 403
    unknown = api.client.get("/dashboard?within=QX-NOWHERE", headers=api.town_office)
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["query", "within"]


def test_the_deadlines_per_level_are_shown_read_only(api: Api) -> None:
    admin = api.as_("u-admin", Role.ADMIN, "QX-TH")
    rules = api.client.get("/deadline-rules", headers=admin)
    assert rules.status_code == 200, rules.text
    body = rules.json()
    assert set(body["plans"]) == {"yellow", "orange", "red"}
    rectification = {r["kind"]: r["days"] for r in body["plans"]["yellow"]}["rectification"]
    assert rectification == 30
    assert body["rework_days"] == 10
    assert api.client.get("/deadline-rules", headers=api.as_("u-j", Role.JUDGE)).status_code == 403
