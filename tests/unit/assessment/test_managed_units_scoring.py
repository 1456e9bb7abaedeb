"""A town's card answers for the units it manages, level by level (逐级, Art. 31).

第三十一条: "廉政风险防控工作考评以分级管理、逐级实施的模式,多方位、多渠道进行。由各级各部门对当年
本地、本部门廉政风险防控工作开展情况,进行全面、系统的考核评价" — each level assesses the work of its
own locality or department for the year, and 太和镇's locality is its units and village committees
too. So the reporting breaches, warnings and lapses of the units a town (or district department)
manages directly count on its own card at the scheme's `managed_share` (default ½), each named by
its event and its unit; its managed units' own cards are unchanged, and the district's card sees
the towns, not the towns' units (docs/assessment-managed-units.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pydantic
import pytest

from services.assessment.app import AssessmentApplication
from services.assessment.scoring.model import Scorecard, ScoreItem
from services.assessment.scoring.rules import WEIGHT_TOTAL, ScoringScheme
from shared.vocabulary import WarningLevel
from tests.support.stores import InMemory, OnSQLite
from tests.unit.assessment import upstream as up
from tests.unit.assessment.story import DISTRICT_OFFICE, TOWN_OFFICE, AssessmentStory, new_app
from tests.unit.assessment.test_measures_scoring import overdue as measure_overdue

TOWN, CZS, VILLAGE = "QX-TH", "QX-TH-CZS", "QX-TH-V1"


def items(card: Scorecard) -> dict[str, ScoreItem]:
    return {i["component"]: i for i in card["items"]}


def shown(item: ScoreItem) -> list[tuple[str, float]]:
    return [(e["ref"], e["effect"]) for e in item["evidence"]]


class ManagedUnitsStory(AssessmentStory):
    """Art. 31 逐级 in the score, re-told per store (PostgreSQL in tests/integration)."""

    def test_art_31_a_towns_card_counts_its_units_facts_at_the_managed_share(
        self, app: AssessmentApplication
    ) -> None:
        """第三十一条: 分级管理、逐级实施 … 由各级各部门对当年本地、本部门廉政风险防控工作开展情况,
        进行全面、系统的考核评价 — the town answers for what happens in the units it manages."""
        # 太和镇 itself: a yellow warning from the district.
        own = up.issued(WarningLevel.YELLOW, unit=TOWN)
        # Its 财政所: a late report, a red warning left overdue, a prevention measure lapsed.
        late = up.breach("late", unit=CZS)
        red = up.issued(WarningLevel.RED, unit=CZS)
        red_overdue = up.overdue(red)
        lapsed = measure_overdue(uuid4())  # a measure of a 财政所 risk point
        # Its village committee: an orange warning and a 瞒报 the office confirmed.
        orange = up.issued(WarningLevel.ORANGE, unit=VILLAGE)
        hidden = up.breach("concealment_candidate", unit=VILLAGE)
        confirmed = up.reviewed(hidden, "confirmed")
        for event in (own, late, red, red_overdue, lapsed, orange, hidden, confirmed):
            up.feed(app, event)

        # By hand, default scheme (managed_share ½; unit deductions late 1, red 8, orange 4,
        # overdue 2.5, measure 1, confirmed 瞒报 3):
        #   reporting      15 - ½ × 1 (财政所 late) - ½ × 3 (village 瞒报)         = 13
        #   warnings       15 - 2 (own yellow) - ½ × 8 (财政所 red) - ½ × 4 (orange) =  7
        #   overdue        10 - ½ × 2.5 (财政所 rectification) - ½ × 1 (measure)   =  8.25
        #   rectification  the town's own warnings only: 1 of 1 on time          = 15
        card = app.score_unit(TOWN, 2026, DISTRICT_OFFICE).scorecard
        town = items(card)
        got = {c: town[c]["points"] for c in ("reporting", "warnings", "overdue", "rectification")}
        assert got == {"reporting": 13, "warnings": 7, "overdue": 8.25, "rectification": 15}
        assert town["warnings"]["formula"] == "max(0, 15 - 8) = 7"

        # Each point off names its event and the unit it happened in (units by code).
        assert shown(town["warnings"]) == [(own.id, -2.0), (red.id, -4.0), (orange.id, -2.0)]
        assert shown(town["reporting"]) == [
            (late.id, -0.5), (hidden.id, -1.5), (confirmed.id, 0.0)
        ]  # fmt: skip
        assert shown(town["overdue"]) == [(red_overdue.id, -1.25), (lapsed.id, -0.5)]
        whats = [e["what"] for e in town["warnings"]["evidence"]]
        assert whats == [
            "WarningIssued yellow",
            "managed unit QX-TH-CZS: WarningIssued red (x 0.5)",
            "managed unit QX-TH-V1: WarningIssued orange (x 0.5)",
        ]
        assert town["overdue"]["evidence"][0]["what"] == (
            "managed unit QX-TH-CZS: RectificationOverdue red: held by QX-TH-CZS as the warned "
            "unit (x 0.5)"
        )

        # The 财政所's own card is its own, in full.
        unit = items(app.preview(CZS, 2026))
        unit_points = {c: unit[c]["points"] for c in ("reporting", "warnings", "overdue")}
        assert unit_points == {"reporting": 14, "warnings": 7, "overdue": 6.5}

        # One level at a time: the district's card sees the town's own warning at ½, and none
        # of the town's units' facts (those are the town's to answer for).
        district = items(app.preview("QX", 2026))
        assert shown(district["warnings"]) == [(own.id, -1.0)]
        assert (district["reporting"]["evidence"], district["overdue"]["evidence"]) == ([], [])

    def test_art_31_the_share_is_the_schemes_and_the_weights_still_sum_to_100(
        self, app: AssessmentApplication
    ) -> None:
        """第三十一条: 分级管理、逐级实施 — how much a unit's record weighs on the level above is
        the district's to set; the facts are shown whatever the share."""
        red = up.issued(WarningLevel.RED, unit=CZS)
        up.feed(app, red)
        default = ScoringScheme()
        assert default.managed_share == 0.5
        assert sum(default.checked().weights.values()) == WEIGHT_TOTAL
        assert items(app.preview(TOWN, 2026))["warnings"]["points"] == 11

        app.set_scheme(2026, ScoringScheme(managed_share=0.0), DISTRICT_OFFICE)
        warnings = items(app.preview(TOWN, 2026))["warnings"]
        assert (warnings["points"], shown(warnings)) == (15, [(red.id, 0.0)])
        app.set_scheme(2026, ScoringScheme(managed_share=1.0), DISTRICT_OFFICE)
        assert items(app.preview(TOWN, 2026))["warnings"]["points"] == 7


class TestManagedUnitsInMemory(InMemory, ManagedUnitsStory):
    pass


class TestManagedUnitsSQLite(OnSQLite, ManagedUnitsStory):
    pass


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_a_share_outside_0_to_1_is_refused(share: float) -> None:
    with pytest.raises(pydantic.ValidationError, match="managed_share"):
        ScoringScheme(managed_share=share)


def test_a_leaf_units_card_is_unchanged_and_a_later_unit_fact_moves_the_towns_preview() -> None:
    """A unit with nothing under it scores as before; the town's recorded card stays as scored
    until it is scored again, while its preview follows its units' facts."""
    app, _ = new_app()
    try:
        before = app.score_unit(TOWN, 2026, DISTRICT_OFFICE).scorecard
        up.feed(app, up.issued(WarningLevel.ORANGE, unit=CZS, at=datetime(2026, 6, 1, tzinfo=UTC)))
        assert app.get_assessment(TOWN, 2026).card == before
        assert app.preview(TOWN, 2026)["total"] == before["total"] - 2
        assert items(app.score_unit(CZS, 2026, TOWN_OFFICE).scorecard)["warnings"]["points"] == 11
    finally:
        app.close()
