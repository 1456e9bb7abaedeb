"""Measures not done by their due dates cost the unit; verified ones are named (Art. 14, 15, 31).

第十五条: "根据不同类型风险点，制定和实施有针对性的预防措施，防止廉政风险发生。"
第三十一条 makes the results of supervision "年终考评的分值". 太和镇's 财政所 (QX-TH-CZS) let
one measure pass its due date and had another verified done by someone other than its owner: the
overdue component loses the scheme's `measure_overdue_deduction` for the first and names the
second, each by its event.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from services.assessment.scoring.rules import ScoringScheme
from shared.events import (
    Actor,
    MeasureOverdue,
    MeasureOverdueData,
    MeasureVerified,
    MeasureVerifiedData,
)
from shared.vocabulary import Grade, RiskCategory
from tests.support.stores import sqlite_env
from tests.unit.assessment import upstream as up
from tests.unit.assessment.story import DISTRICT_OFFICE, TOWN_OFFICE, UNIT, new_app

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

AT = datetime(2026, 4, 1, 16, 0, tzinfo=UTC)  # 2026-04-02 00:00 Beijing: the day after 04-01
REGISTER = "/lianfang/district/register"


def _common(actor: Actor) -> dict[str, object]:
    return {"schema_version": 1, "unit_code": UNIT, "node_id": "district", "actor": actor,
            "authority": "Art. 14, 15", "occurred_at": AT}  # fmt: skip


def overdue(point: UUID, code: str = "post_duty.1") -> MeasureOverdue:
    system = Actor(user_id="system", role="system", unit_code=UNIT)
    data = MeasureOverdueData(
        **_common(system), risk_point_id=point, grade=Grade.HIGH, measure_code=code,
        measure_category=RiskCategory.POST_DUTY, owner_id="u-czs-head",
        due_date=date(2026, 4, 1), detected_at=AT,
    )  # fmt: skip
    return MeasureOverdue.create(data=data, subject=str(point), source=REGISTER, clock_now=AT)


def verified(point: UUID, code: str = "business_process.3") -> MeasureVerified:
    verifier = Actor(user_id="u-th-discipline", role="leader", unit_code="QX-TH")
    data = MeasureVerifiedData(
        **_common(verifier), risk_point_id=point, measure_code=code,
        measure_category=RiskCategory.BUSINESS_PROCESS, owner_id="u-czs-cashier",
        due_date=date(2026, 4, 1), reported_by="u-czs-cashier",
        reported_at=AT - timedelta(days=3), on_time=True, note="抽查凭证",
    )  # fmt: skip
    return MeasureVerified.create(data=data, subject=str(point), source=REGISTER, clock_now=AT)


@pytest.mark.parametrize("store", ["memory", "sqlite"])
def test_a_lapsed_measure_costs_the_overdue_component_and_a_verified_one_is_named(
    store: str, tmp_path: Path
) -> None:
    app, _ = new_app(sqlite_env(tmp_path / "a.db") if store == "sqlite" else None)
    try:
        point = uuid4()
        late, done = overdue(point), verified(point)
        up.feed(app, late)
        up.feed(app, done)
        up.feed(app, late)  # the relay re-sends it: counted once

        live = app.live_figures(UNIT, 2026)
        assert (live["measures_overdue"], live["measures_verified"]) == (1, 1)
        card = app.score_unit(UNIT, 2026, TOWN_OFFICE).card
        [item] = [i for i in card["items"] if i["component"] == "overdue"]
        assert item["points"] == 10 - 1.0
        assert item["formula"] == "max(0, 10 - 1) = 9"
        assert [(e["ref"], e["effect"]) for e in item["evidence"]] == [
            (late.id, -1.0),
            (done.id, 0),
        ]
        what = [e["what"] for e in item["evidence"]]
        assert what[0] == (
            "MeasureOverdue post_duty.1 due 2026-04-01, owner u-czs-head: "
            "a prevention measure of this unit"
        )
        assert what[1] == (
            "MeasureVerified business_process.3 due 2026-04-01, owner u-czs-cashier, "
            "verified by u-th-discipline, on time"
        )
    finally:
        app.close()


def test_the_deduction_is_the_schemes() -> None:
    assert ScoringScheme().measure_overdue_deduction == 1.0
    app, _ = new_app()
    try:
        up.feed(app, overdue(uuid4()))
        up.feed(app, overdue(uuid4(), "system_mechanism.2"))
        app.set_scheme(2026, ScoringScheme(measure_overdue_deduction=3.0), DISTRICT_OFFICE)
        card = app.score_unit(UNIT, 2026, TOWN_OFFICE).card
        [item] = [i for i in card["items"] if i["component"] == "overdue"]
        assert item["points"] == 10 - 2 * 3.0
    finally:
        app.close()
