"""The scoring scheme told with one hand-checked year (docs/assessment-scoring.md, Art. 31).

太和镇 (QX-TH) assesses its 财政所 (QX-TH-CZS) for 2026 under the default scheme. What happened
that year is in `story.tell_the_year`; here every component is worked out by hand first, then
compared with what the service computes and with the evidence it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from services.assessment.app import AssessmentApplication
from services.assessment.recognition.model import RecognitionKind
from services.assessment.scoring.model import Scorecard, ScoreItem
from services.assessment.scoring.rules import ScoringScheme
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import WarningLevel
from tests.support.stores import InMemory, OnSQLite
from tests.unit.assessment import upstream as up
from tests.unit.assessment.story import (
    DISTRICT_OFFICE,
    TOWN_OFFICE,
    UNIT,
    UNIT_OFFICE,
    new_app,
    tell_the_year,
)


def test_the_hand_checked_year() -> None:
    app, clock = new_app()
    told = tell_the_year(app, clock)

    # The hand-checked arithmetic (default weights 20/15/15/15/10/15/10; the 财政所 manages no
    # unit, so the scheme's managed_share (Art. 31 逐级) adds nothing to its card):
    #   identification  four quarters of 20, 5 points each (docs/assessment-scoring.md):
    #     powers        catalogued 2 + charted 1, half a power each: 1.5 of target 3
    #                                                          5 * 1.5 / 3            =  2.5
    #     graded        3 distinct points (point 1 twice), target 3:  5 * 3 / 3     =  5
    #     approved      point 1 re-graded after approval (awaits it again), 2 and 3
    #                   approved: 2 of 3                       5 * 2 / 3              =  3.3333
    #     published     point 2 in force (1), point 3 being published (0.5), point 1
    #                   not (0): 1.5 of 3                      5 * 1.5 / 3            =  2.5
    #                                        2.5 + 5 + 3.3333 + 2.5 = 13.3333      -> 13.33
    #   reporting       one late (-1), one untrue (-4):        15 - 1 - 4             = 10
    #   warnings        yellow (-2), orange (-4):              15 - 2 - 4             =  9
    #   rectification   1 of 2 warnings without overdue:       15 * 1 / 2             =  7.5
    #   overdue         one action overdue (-2.5):             10 - 2.5               =  7.5
    #   inspection      internal: closed in time -1, open -3;
    #                   self: closed late -2 * 0.5 = -1:       15 - 1 - 3 - 1         = 10
    #   social          responses (5,4) -> (4.5-1)/4 = 0.875,
    #                   (3,4) -> (3.5-1)/4 = 0.625; mean 0.75: 10 * 0.75             =  7.5
    #   commendation    one, +2 (cap 5):                                              = +2
    #   accountability  none:                                                         =  0
    #   total 13.33 + 10 + 9 + 7.5 + 7.5 + 10 + 7.5 + 2 = 66.83 -> 合格 (60 <= 66.83 < 80)
    expected = {"identification": 13.33, "reporting": 10, "warnings": 9, "rectification": 7.5,
                "overdue": 7.5, "inspection": 10, "social": 7.5, "commendation": 2,
                "accountability": 0}  # fmt: skip

    assessment = app.score_unit(UNIT, 2026, TOWN_OFFICE)
    card = assessment.card
    points = {i["component"]: i["points"] for i in card["items"]}
    assert points == expected
    assert (card["total"], card["grade"]) == (66.83, "pass")
    assert assessment.assessor_unit == "QX-TH"

    # Every point traces to the events behind it.
    items = {i["component"]: i for i in card["items"]}
    reporting = [(e["ref"], e["effect"]) for e in items["reporting"]["evidence"]]
    assert reporting == [(told.late_breach, -1.0), (told.untrue_judgement, -4.0)]
    assert [e["ref"] for e in items["overdue"]["evidence"]] == [told.overdue]
    third, sixth = round(5 / 3, 4), round(5 / 6, 4)
    assert [(e["ref"], e["effect"]) for e in items["identification"]["evidence"]] == [
        *[(ref, sixth) for ref in told.powers],  # half a power each: 5 * 0.5 / 3
        *[(ref, third) for ref in told.graded[:3]],  # one of three graded: 5 / 3
        (told.approved["p2"], third), (told.in_force, third),  # 5 / 3 each of 3 points
        (told.approved["p3"], third), (told.published, sixth),  # being published: half
    ]  # fmt: skip
    assert items["identification"]["formula"] == (
        "20 * (0.25 * min(1.5, 3) / 3 + 0.25 * min(3, 3) / 3 + 0.25 * 2/3 + 0.25 * 1.5/3) = 13.33"
    )
    rect = {e["ref"]: e["effect"] for e in items["rectification"]["evidence"]}
    assert rect == {told.yellow: 7.5, told.orange: 0.0}
    assert {e["ref"] for e in items["inspection"]["evidence"]} == {
        str(f) for f in told.findings.values()
    }
    assert [e["ref"] for e in items["social"]["evidence"]] == [str(r) for r in told.responses]
    assert [e["ref"] for e in items["commendation"]["evidence"]] == [told.commendation]
    # Where nothing was floored, the evidence adds up to the points exactly.
    for name in ("reporting", "warnings", "overdue", "inspection"):
        item = items[name]
        assert item["max_points"] + sum(e["effect"] for e in item["evidence"]) == item["points"]
    for name in ("identification", "rectification", "social"):
        item = items[name]
        # (each piece is shown to 4 decimals: 3 * 1.6667 = 5.0001)
        assert sum(e["effect"] for e in item["evidence"]) == pytest.approx(item["points"], abs=0.01)


def test_art_28_a_lapse_is_charged_to_whoever_held_the_action() -> None:
    """第二十八条: 要求预警对象…限期…整改；对涉及的党员干部进行预警谈话 — the warned unit owes the
    rectification, the disposing body the talk; each lapse is its holder's."""
    app, _ = new_app()
    warning = up.issued(WarningLevel.YELLOW)  # to 太和镇财政所, disposed of by 太和镇
    up.feed(app, warning)
    # The town misses the talk it had to hold: the town's figure moves, the unit's does not.
    missed_talk = up.disposal_overdue(warning, body="QX-TH")
    up.feed(app, missed_talk)
    unit_card = app.preview(UNIT, 2026)
    unit_items = {i["component"]: i for i in unit_card["items"]}
    assert unit_items["overdue"]["points"] == 10  # nothing off the warned unit
    assert unit_items["rectification"]["points"] == 15  # its warning is still on time
    town = app.preview("QX-TH", 2026)
    town_overdue = next(i for i in town["items"] if i["component"] == "overdue")
    assert town_overdue["points"] == 7.5  # 10 - 2.5, the town's own lapse
    [proof] = town_overdue["evidence"]
    assert proof["ref"] == missed_talk.id
    assert "held by this unit as the disposing body" in proof["what"]
    assert "warning_talk" in proof["what"]
    assert "QX-TH-CZS" in proof["what"]
    # The unit's own lapse is its own, and says so.
    own = up.overdue(warning)
    up.feed(app, own)
    unit_overdue = next(i for i in app.preview(UNIT, 2026)["items"] if i["component"] == "overdue")
    [own_proof] = unit_overdue["evidence"]
    assert (unit_overdue["points"], own_proof["ref"]) == (7.5, own.id)
    assert "held by this unit as the warned unit" in own_proof["what"]


def test_art_29_a_returned_disposal_s_overdue_rework_is_the_disposing_body_s() -> None:
    """“廉政风险预警处置情况的监督，按照干部管理权限分级进行” (Art. 29): the rework of a disposal
    the level above returned is the disposing body's to report; its lapse costs the body (the
    town), not the unit it warned, and the explanation names the event."""
    app, _ = new_app()
    warning = up.issued(WarningLevel.YELLOW)  # to 太和镇财政所, disposed of by 太和镇
    up.feed(app, warning)
    lapse = up.rework_overdue(warning, body="QX-TH")
    up.feed(app, lapse)
    unit_overdue = next(i for i in app.preview(UNIT, 2026)["items"] if i["component"] == "overdue")
    assert (unit_overdue["points"], unit_overdue["evidence"]) == (10, [])
    town = next(i for i in app.preview("QX-TH", 2026)["items"] if i["component"] == "overdue")
    [proof] = town["evidence"]
    assert (town["points"], proof["ref"], proof["effect"]) == (7.5, lapse.id, -2.5)
    assert "DisposalReworkOverdue" in proof["what"]
    assert "as the disposing body" in proof["what"]


class ReportingStory:
    """Art. 23 in the score, re-told per store (PostgreSQL in tests/integration)."""

    @pytest.fixture
    def env(self) -> dict[str, str]:
        raise NotImplementedError

    @pytest.fixture
    def told(self, env: dict[str, str]) -> Iterator[tuple[AssessmentApplication, ManualClock]]:
        app, clock = new_app(env)
        yield app, clock
        app.close()

    def test_art_23_an_untrue_report_counts_against_the_unit_that_made_it(
        self, told: tuple[AssessmentApplication, ManualClock]
    ) -> None:
        """第二十三条: 对信息报送内容不真实，核心内容不准确…的，严肃追究有关责任人责任 — the
        unit that made the report answers for it, not the unit the report was about."""
        app, _ = told
        # 太和镇's officer reported on the town's 财政所; the judges found the report untrue.
        judged = up.untrue_report_judged(unit=UNIT, reporting_unit="QX-TH")
        up.feed(app, judged)
        unit_reporting = next(i for i in app.preview(UNIT, 2026)["items"]
                              if i["component"] == "reporting")  # fmt: skip
        assert (unit_reporting["points"], unit_reporting["evidence"]) == (15, [])
        assert app.figures(UNIT, 2026) == {}
        town = next(i for i in app.preview("QX-TH", 2026)["items"] if i["component"] == "reporting")
        [proof] = town["evidence"]
        assert (town["points"], proof["ref"], proof["effect"]) == (11, judged.id, -4.0)
        assert proof["what"] == "reporting breach: untrue (a report this unit made)"
        assert app.figures("QX-TH", 2026) == {"reporting_breach": 1}
        # A finding that names no reporting unit (made before the register kept it) counts
        # against no one: the subject unit did not make the report.
        up.feed(app, up.untrue_report_judged(unit=UNIT, reporting_unit=None))
        assert app.figures(UNIT, 2026) == {}
        assert app.figures("QX-TH", 2026) == {"reporting_breach": 1}
        # The town office found the 财政所's own periodic report inaccurate: the 财政所 made it.
        periodic = up.breach("inaccurate")
        up.feed(app, periodic)
        unit_reporting = next(i for i in app.preview(UNIT, 2026)["items"]
                              if i["component"] == "reporting")  # fmt: skip
        assert [(e["ref"], e["effect"]) for e in unit_reporting["evidence"]] == [
            (periodic.id, -2.0)
        ]  # fmt: skip

    def test_art_23_concealment_counts_once_confirmed_and_a_dismissal_is_shown_beside_it(
        self, told: tuple[AssessmentApplication, ManualClock]
    ) -> None:
        """第二十三条: 出现漏报、瞒报、迟报等行为的，严肃追究有关责任人责任 — 瞒报 is a finding the
        office makes; a candidate it dismissed (or has not reviewed) costs the unit nothing."""
        app, clock = told
        first, second = up.breach("concealment_candidate"), up.breach("concealment_candidate")
        up.feed(app, first)
        up.feed(app, second)

        def reporting(card: Scorecard) -> ScoreItem:
            return next(i for i in card["items"] if i["component"] == "reporting")

        # Two candidates, neither reviewed: each shown, neither deducted.
        item = reporting(app.score_unit(UNIT, 2026, TOWN_OFFICE).scorecard)
        assert item["points"] == 15
        assert [(e["ref"], e["effect"]) for e in item["evidence"]] == [
            (first.id, 0.0), (second.id, 0.0)
        ]  # fmt: skip
        # The office confirms the first: 瞒报, 3 points off on the next scoring.
        confirmed = up.reviewed(first, "confirmed")
        up.feed(app, confirmed)
        item = reporting(app.preview(UNIT, 2026))
        assert item["points"] == 12
        # It dismisses the second after the card was scored, early the next year: the dismissal
        # counts in the candidate's year, and a re-score shows both facts with their event ids.
        dismissed = up.reviewed(second, "dismissed", at=datetime(2027, 1, 10, tzinfo=UTC))
        up.feed(app, dismissed)
        clock.set(datetime(2027, 1, 11, tzinfo=UTC))
        card = app.score_unit(UNIT, 2026, TOWN_OFFICE).scorecard
        item = reporting(card)
        assert item["points"] == 12  # 15 - 3: the confirmed one only
        shown = [(e["ref"], e["effect"], e["what"]) for e in item["evidence"]]
        assert shown == [
            (
                first.id,
                -3.0,
                f"reporting breach: concealment candidate, confirmed by {confirmed.id}",
            ),
            (confirmed.id, 0.0, f"ReportingBreachReviewed: candidate {first.id} confirmed"),
            (
                second.id,
                0.0,
                f"reporting breach: concealment candidate, dismissed by {dismissed.id}",
            ),
            (dismissed.id, 0.0, f"ReportingBreachReviewed: candidate {second.id} dismissed"),
        ]
        assert app.figures(UNIT, 2027) == {}


class TestReportingInMemory(InMemory, ReportingStory):
    pass


class TestReportingSQLite(OnSQLite, ReportingStory):
    pass


def test_accountability_and_a_worse_year_lower_the_grade() -> None:
    app, clock = new_app()
    tell_the_year(app, clock)
    # A red warning: warnings 15 - 2 - 4 - 8 = 1; it has no overdue action (yet), so
    # rectification is 2 of 3 warnings on time: 15 * 2 / 3 = 10.
    up.feed(app, up.issued(WarningLevel.RED))
    # 13.33 + 10 + 1 + 10 + 7.5 + 10 + 7.5 + 2 = 61.33 -> still 合格
    card = app.preview(UNIT, 2026)
    assert (card["total"], card["grade"]) == (61.33, "pass")
    # Weak control let a risk happen, twice (Art. 8): 2 * -5 -> 51.33 -> 不合格 (below 60).
    for ref in ("太和纪〔2026〕2号", "太和纪〔2026〕5号"):
        app.recognise(RecognitionKind.ACCOUNTABILITY, UNIT, "内控缺失致套取资金", ref,
                      TOWN_OFFICE, 2026)  # fmt: skip
    card = app.preview(UNIT, 2026)
    assert (card["total"], card["grade"]) == (51.33, "fail")
    accountability = next(i for i in card["items"] if i["component"] == "accountability")
    assert accountability["formula"] == "-2 * 5 = -10"


def test_deductions_floor_at_zero_and_the_total_stays_within_0_to_100() -> None:
    app, _ = new_app()
    for _ in range(3):
        up.feed(app, up.issued(WarningLevel.RED))  # 3 * 8 = 24 > 15
    card = app.preview(UNIT, 2026)
    warnings = next(i for i in card["items"] if i["component"] == "warnings")
    assert warnings["points"] == 0
    assert warnings["formula"] == "max(0, 15 - 24) = 0"


def test_a_second_copy_of_an_upstream_event_counts_once() -> None:
    app, _ = new_app()
    event = up.breach("missed")
    up.feed(app, event)
    up.feed(app, event)  # the relay re-sent it: a new offset, the same ce_id
    reporting = next(i for i in app.preview(UNIT, 2026)["items"] if i["component"] == "reporting")
    assert reporting["points"] == 13  # 15 - 2, once


def test_weights_that_do_not_sum_to_100_are_refused_and_nothing_changes() -> None:
    app, _ = new_app()
    bad = ScoringScheme(weights={**ScoringScheme().weights, "social": 5})
    with pytest.raises(Invalid) as refused:
        app.set_scheme(2026, bad, DISTRICT_OFFICE)
    assert refused.value.field == "weights"
    assert "95" in refused.value.reason
    assert app.scheme_for(2026) == ScoringScheme()
    # A coherent scheme is taken and used: social weighs 15, identification 15.
    weights = {**ScoringScheme().weights, "social": 15, "identification": 15}
    app.set_scheme(2026, ScoringScheme(weights=weights), DISTRICT_OFFICE)
    assert app.scheme_for(2026).weights["social"] == 15
    # Only the top of the node sets it.
    with pytest.raises(Forbidden):
        app.set_scheme(2026, ScoringScheme(), TOWN_OFFICE)


def test_level_by_level_and_a_published_result_is_final() -> None:
    app, clock = new_app()
    tell_the_year(app, clock)
    # The district does not assess a town's unit; the unit does not assess itself; a sibling
    # town is outside.
    with pytest.raises(Invalid, match="assessed by QX-TH"):
        app.score_unit(UNIT, 2026, DISTRICT_OFFICE)
    with pytest.raises(Invalid):
        app.score_unit(UNIT, 2026, UNIT_OFFICE)
    with pytest.raises(Forbidden):
        app.score_unit(UNIT, 2026, Principal("u-tp", frozenset({Role.OFFICE}), "QX-TP"))
    app.score_unit("QX-TH", 2026, DISTRICT_OFFICE)  # the district assesses the town
    with pytest.raises(Invalid, match="top of the tree"):
        app.score_unit("QX", 2026, DISTRICT_OFFICE)
    app.score_unit(UNIT, 2026, TOWN_OFFICE)
    app.publish(UNIT, 2026, TOWN_OFFICE)
    with pytest.raises(Conflict):
        app.score_unit(UNIT, 2026, TOWN_OFFICE)
    with pytest.raises(Conflict):
        app.publish(UNIT, 2026, TOWN_OFFICE)
    # Once a result is out, the year's scheme no longer changes.
    with pytest.raises(Conflict):
        app.set_scheme(2026, ScoringScheme(), DISTRICT_OFFICE)


def test_a_town_node_assesses_its_units_but_not_itself() -> None:
    town_node = AssessmentApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock=ManualClock(),
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED), node_root="QX-TH",
    )  # fmt: skip
    assert town_node.score_unit(UNIT, 2026, TOWN_OFFICE).assessor_unit == "QX-TH"
    with pytest.raises(Invalid, match="outside this node"):
        town_node.score_unit("QX-TH", 2026, DISTRICT_OFFICE)


def test_identification_counts_each_milestone_once_and_caps_the_powers() -> None:
    app, _ = new_app()
    p = [up.uuid4() for _ in range(4)]
    # Four powers catalogued and charted (4 of target 3: capped), one charted twice (once).
    for power in p:
        up.feed(app, up.catalogued(power))
        up.feed(app, up.charted(power))
    up.feed(app, up.charted(p[0], version=2))
    # Point a was approved last year and is published and in force this year; point b is
    # graded, approved and re-graded to the same grade, which keeps its approval (the register
    # asks again only for a new grade).
    a, b = up.uuid4(), up.uuid4()
    in_force = up.in_force(a)
    for event in (up.published(a), in_force, in_force, up.graded(b), up.approved(b)):
        up.feed(app, event)  # in_force twice: the relay re-sent it, it counts once
    up.feed(app, up.graded(b))
    card = app.preview(UNIT, 2026)
    item = next(i for i in card["items"] if i["component"] == "identification")
    # powers 5 * min(4, 3)/3 = 5; graded (b) 5 * 1/3 = 1.6667; approved (a, b) 5 * 2/2 = 5;
    # in force (a) 5 * 1/2 = 2.5: 14.1667 -> 14.17
    assert item["points"] == 14.17
    powers = [e for e in item["evidence"] if e["what"].startswith("Power")]
    assert len(powers) == 8  # the second chart of p[0] adds nothing
    assert sum(e["effect"] for e in powers) == pytest.approx(5, abs=0.001)
    assert [e["effect"] for e in powers[6:]] == [0.0, 0.0]  # the fourth power is over target
    last = [(e["what"], e["effect"]) for e in item["evidence"][-3:]]
    assert last == [
        ("approved earlier", 2.5),
        ("RiskPointInForce", 2.5),
        ("RiskPointApproved", 2.5),
    ]
    assert sum(e["effect"] for e in item["evidence"]) == pytest.approx(14.17, abs=0.01)


def test_art_30_a_reopened_point_counts_as_approved_and_in_force_again_only_once_approved() -> None:
    """“动态修正” (Art. 30): a point in force that an inspection reopens goes back to its unit;
    its grade stays, but its approval and force no longer stand (the register publishes the
    reopening), so identification counts it graded only, until the team approves it again."""
    app, _ = new_app()
    a = up.uuid4()
    for event in (up.graded(a), up.approved(a), up.published(a), up.in_force(a)):
        up.feed(app, event)

    def identification() -> ScoreItem:
        card = app.preview(UNIT, 2026)
        return next(i for i in card["items"] if i["component"] == "identification")

    # graded 5 * 1/3 = 1.6667, approved 5 * 1/1, in force 5 * 1/1: 11.67
    assert identification()["points"] == 11.67
    reopened = up.reopened(a)
    up.feed(app, reopened)
    after = identification()
    assert after["points"] == 1.67  # graded only: the approval and force lapsed
    assert "RiskPointInForce" not in [e["what"] for e in after["evidence"]]
    assert app.figures(UNIT, 2026)["risk_reopened"] == 1
    approved_again = up.approved(a)
    up.feed(app, approved_again)
    again = identification()
    assert again["points"] == 6.67  # approved again, not yet published
    assert (approved_again.id, "RiskPointApproved") in [
        (e["ref"], e["what"]) for e in again["evidence"]
    ]


def test_identification_parts_must_sum_to_one_and_are_used() -> None:
    app, _ = new_app()
    bad = ScoringScheme(identification_parts={"powers": 0.5, "graded": 0.5, "approved": 0.5,
                                              "published": 0})  # fmt: skip
    with pytest.raises(Invalid) as refused:
        app.set_scheme(2026, bad, DISTRICT_OFFICE)
    assert (refused.value.field, "1.5" in refused.value.reason) == ("identification_parts", True)
    with pytest.raises(Invalid, match="missing"):
        app.set_scheme(2026, ScoringScheme(identification_parts={"graded": 1}), DISTRICT_OFFICE)
    # Graded points only, as before the register published its milestones: 20 * 1/3.
    only_graded = {"powers": 0, "graded": 1, "approved": 0, "published": 0}
    app.set_scheme(2026, ScoringScheme(identification_parts=only_graded), DISTRICT_OFFICE)
    up.feed(app, up.graded(up.uuid4()))
    card = app.preview(UNIT, 2026)
    assert next(i for i in card["items"] if i["component"] == "identification")["points"] == 6.67
