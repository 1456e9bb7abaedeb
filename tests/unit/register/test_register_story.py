"""The register told as a story per article, on every store we support (Art. 10–20).

太和镇 (QX-TH) sorts out its powers: it catalogues the approval of rural building permits,
draws the flowchart, finds where the risk lies, grades it, has the leadership team approve it,
publishes it, hears objections, puts it in force and chooses measures against it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.register.app import RegisterApplication
from services.register.catalogue.handlers import PowerDraft
from services.register.contract import translate
from services.register.risk_points.handlers import RiskPointDraft
from services.register.risk_points.model import Focus, RiskStatus
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import RiskGraded, parse_event
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade, GradeSource, RiskCategory
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.stories import RegisterStoryBase

if TYPE_CHECKING:
    from uuid import UUID

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
SECRETARY = Principal("u-taihe-secretary", frozenset({Role.LEADER}), "QX-TH")
MAYOR = Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
DISCIPLINE = Principal("u-taihe-discipline", frozenset({Role.LEADER}), "QX-TH")
OUTSIDER = Principal("u-qx-deputy1", frozenset({Role.LEADER}), "QX")  # district, not the town
ORIGIN = Origin("/lianfang/district/register", "district")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}

STEPS: list[dict[str, Any]] = [
    {"key": "accept", "name": "受理", "post": "窗口受理岗", "time_limit_days": 1,
     "discretion": False, "checks": ["材料清单公开"]},
    {"key": "survey", "name": "现场踏勘", "post": "规划建设办审核岗", "time_limit_days": 5,
     "discretion": True, "checks": ["两人以上踏勘", "分管领导复核"]},
    {"key": "approve", "name": "审批", "post": "分管领导", "time_limit_days": 3,
     "discretion": True},
]  # fmt: skip


class RegisterStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def _power(self, app: RegisterApplication, unit: str = "QX-TH") -> UUID:
        draft = PowerDraft(
            unit, "农村村民住宅建设审批", "licensing", "《中华人民共和国土地管理法》第六十二条",
            ["规划建设办审核岗", "窗口受理岗"],
        )  # fmt: skip
        power_id = app.catalogue_power(draft, OFFICE)
        app.draw_flowchart(power_id, STEPS, OFFICE)
        return power_id

    def _point(self, app: RegisterApplication, power_id: UUID | None = None, **kw: Any) -> UUID:
        fields: dict[str, Any] = {
            "unit_code": "QX-TH",
            "post": "规划建设办审核岗",
            "category": "business_process",
            "description": "现场踏勘由一人完成，结论无人复核",
            "manifestations": ["收受好处后出具虚假踏勘意见", "对不符合条件的申请放行"],
            "power_id": power_id,
            "step_key": "survey" if power_id else None,
            "focus": Focus(key_post_or_link=True, many_complaints=True),
        } | kw
        return app.identify_risk_point(RiskPointDraft(**fields), OFFICE)

    def _graded(self, app: RegisterApplication, factors: dict[str, int] = ORDINARY) -> UUID:
        point_id = self._point(app, self._power(app))
        app.grade_risk_point(
            point_id, factors, reason="初次评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        return point_id

    def _approved(self, app: RegisterApplication) -> UUID:
        point_id = self._graded(app)
        app.vote(point_id, True, "同意", SECRETARY)
        app.vote(point_id, True, "同意", MAYOR)
        return point_id

    # -- Art. 11: the power catalogue and its flowcharts ------------------------------------

    def test_art_11_a_power_is_catalogued_with_a_versioned_flowchart(
        self, app: RegisterApplication
    ) -> None:
        power_id = self._power(app)
        # Redrawing adds version 2 and keeps version 1.
        assert app.draw_flowchart(power_id, STEPS[:2], OFFICE) == 2
        power = app.get_power(power_id)
        assert [len(c.steps) for c in power.flowcharts] == [3, 2]
        mermaid = app.flowchart_mermaid(power_id, version=1)
        assert mermaid.startswith("flowchart TD")
        assert "现场踏勘" in mermaid
        assert "时限: 5日" in mermaid
        assert "class s2 discretion" in mermaid
        assert "class s1 discretion" not in mermaid
        assert "s1 -->|材料清单公开| s2" in mermaid
        assert "s2 -->|两人以上踏勘、分管领导复核| s3" in mermaid
        current = app.flowchart_mermaid(power_id)  # version 2 stops after the survey
        assert "s3" not in current
        assert "s2 -->|两人以上踏勘、分管领导复核| finish" in current
        # The catalogue lists the town's powers for the town and the district, not for a sibling.
        assert [p.id for p in app.list_powers("QX")] == [power_id]
        assert app.list_powers("QX-TP") == []

    def test_art_11_bad_powers_and_flowcharts_name_the_field(
        self, app: RegisterApplication
    ) -> None:
        good = PowerDraft("QX-TH", "名称", "licensing", "依据", ["岗位"])
        for field, draft in [
            ("kind", PowerDraft("QX-TH", "名称", "permission", "依据", ["岗位"])),
            ("unit_code", PowerDraft("QX-NOWHERE", "名称", "licensing", "依据", ["岗位"])),
            ("posts", PowerDraft("QX-TH", "名称", "licensing", "依据", [" "])),
        ]:
            with pytest.raises(Invalid) as caught:
                app.catalogue_power(draft, OFFICE)
            assert caught.value.field == field
        power_id = app.catalogue_power(good, OFFICE)
        with pytest.raises(Invalid) as caught:
            app.draw_flowchart(power_id, [STEPS[0], STEPS[0]], OFFICE)
        assert caught.value.field == "steps.1.key"
        with pytest.raises(Invalid) as caught:
            app.draw_flowchart(power_id, [], OFFICE)
        assert caught.value.field == "steps"
        assert app.get_power(power_id).flowcharts == []

    # -- Art. 10, 12, 13: risk points linked to post, power and step ------------------------

    def test_art_10_to_13_a_risk_point_is_linked_and_checked(
        self, app: RegisterApplication
    ) -> None:
        power_id = self._power(app)
        point = app.get_risk_point(self._point(app, power_id))
        assert point.status is RiskStatus.DRAFT
        assert point.category is RiskCategory.BUSINESS_PROCESS
        assert point.flowchart_version == 1
        assert point.step_key == "survey"
        assert point.focus.key_post_or_link
        assert not point.focus.past_violation
        other_power = self._power(app, unit="QX-TP")
        for field, changes in [
            ("unit_code", {"unit_code": "QX-NOWHERE"}),
            ("step_key", {"step_key": "sign-off"}),
            ("power_id", {"other_power": other_power}),
            ("post", {"post": "财务岗"}),
            ("category", {"category": "political"}),
            ("manifestations", {"manifestations": []}),
        ]:
            with pytest.raises(Invalid) as caught:
                self._point(app, changes.pop("other_power", power_id), **changes)
            assert caught.value.field == field
        with pytest.raises(Invalid) as caught:
            self._point(app, None, step_key="survey")
        assert caught.value.field == "step_key"
        # 思想道德 risks need no power.
        assert self._point(app, None, category="ideology_morality", post="全体干部")

    # -- Art. 14: grading and the public RiskGraded -----------------------------------------

    def test_art_14_grading_records_factors_who_and_why_and_is_published_as_risk_graded(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        point_id = self._point(app, self._power(app))
        first = app.grade_risk_point(
            point_id, ORDINARY, reason="初次评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        clock.advance(timedelta(days=30))
        second = app.grade_risk_point(
            point_id, SERIOUS, reason="群众反映增多", responsible_leader_id="u-taihe-secretary",
            by=OFFICE,
        )  # fmt: skip
        assert (first, second) == (Grade.MEDIUM, Grade.HIGH)
        point = app.get_risk_point(point_id)
        assert [g.previous_grade for g in point.gradings] == [None, Grade.MEDIUM]
        assert [g.source for g in point.gradings] == ["identification", "revision"]
        assert point.grading is not None
        assert point.grading.responsible_leader_id == "u-taihe-secretary"
        assert point.grading.rule["weights"] == {
            "importance": 2, "discretion": 2, "probability": 3, "harm": 3
        }  # fmt: skip

        # Each grading leaves the register as a public RiskGraded, with a stable event id.
        stored = list(app.events.get(point_id))
        published = [e for e in (translate(s, ORIGIN) for s in stored) if e is not None]
        assert len(published) == 2
        assert all(isinstance(e, RiskGraded) for e in published)
        regrade = published[1]
        assert isinstance(regrade, RiskGraded)
        assert regrade.data.grade is Grade.HIGH
        assert regrade.data.previous_grade is Grade.MEDIUM
        assert regrade.data.source is GradeSource.REVISION
        assert regrade.data.authority == "Art. 30"
        assert regrade.data.factors.harm == 4
        assert regrade.data.reason == "群众反映增多"
        assert regrade.data.actor.user_id == "u-th-office"
        assert regrade.data.actor.role == "office"
        assert regrade.data.unit_code == "QX-TH"
        assert regrade.subject == str(point_id)
        assert translate(stored[2], ORIGIN) == regrade  # a re-send carries the same ce_id
        assert parse_event(regrade.model_dump(mode="json")) == regrade

    def test_art_14_bad_factors_and_leaders_name_the_field(self, app: RegisterApplication) -> None:
        point_id = self._point(app, self._power(app))
        for field, factors, leader in [
            ("factors.harm", ORDINARY | {"harm": 0}, "u-taihe-mayor"),
            ("factors", {"importance": 3}, "u-taihe-mayor"),
            ("responsible_leader_id", ORDINARY, "u-qx-secretary"),
        ]:
            with pytest.raises(Invalid) as caught:
                app.grade_risk_point(
                    point_id, factors, reason="x", responsible_leader_id=leader, by=OFFICE
                )
            assert caught.value.field == field
        assert app.get_risk_point(point_id).gradings == []

    # -- Art. 14: collective approval by the leadership team --------------------------------

    def test_art_14_the_leadership_team_approves_by_majority(
        self, app: RegisterApplication
    ) -> None:
        point_id = self._graded(app)
        with pytest.raises(Forbidden):
            app.vote(point_id, True, "", OUTSIDER)
        assert app.vote(point_id, True, "同意", SECRETARY) is True
        # The same member approving again is not a second vote.
        assert app.vote(point_id, True, "同意", SECRETARY) is False
        point = app.get_risk_point(point_id)
        assert point.status is RiskStatus.GRADED
        assert list(point.votes) == ["u-taihe-secretary"]
        with pytest.raises(Conflict):
            app.vote(point_id, False, "改主意", SECRETARY)  # a vote once cast stands
        with pytest.raises(Conflict):
            app.publish(point_id, OFFICE)  # 1 of 3 is not a majority
        assert app.vote(point_id, True, "同意", MAYOR) is True
        assert app.get_risk_point(point_id).status is RiskStatus.APPROVED
        assert app.vote(point_id, True, "同意", MAYOR) is False  # still idempotent after approval
        with pytest.raises(Conflict):
            app.vote(point_id, True, "", DISCIPLINE)  # nothing awaits approval any more

    def test_art_14_a_changed_grade_goes_back_for_approval_the_same_grade_does_not(
        self, app: RegisterApplication
    ) -> None:
        point_id = self._approved(app)
        same = ORDINARY | {"importance": 4}  # still medium
        app.grade_risk_point(
            point_id, same, reason="微调", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        assert app.get_risk_point(point_id).status is RiskStatus.APPROVED
        app.grade_risk_point(
            point_id, SERIOUS, reason="升级", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        point = app.get_risk_point(point_id)
        assert point.status is RiskStatus.GRADED
        assert point.votes == {}
        assert point.round == 2
        with pytest.raises(Conflict):
            app.publish(point_id, OFFICE)
        # The earlier votes do not count in the new round: both must vote again.
        assert app.vote(point_id, True, "同意", SECRETARY) is True
        assert app.get_risk_point(point_id).status is RiskStatus.GRADED

    def test_art_14_a_rejected_grading_returns_to_draft(self, app: RegisterApplication) -> None:
        point_id = self._graded(app)
        app.vote(point_id, False, "等级偏低", SECRETARY)
        app.vote(point_id, False, "等级偏低", MAYOR)
        assert app.get_risk_point(point_id).status is RiskStatus.DRAFT
        app.grade_risk_point(
            point_id, SERIOUS, reason="重新评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        assert app.get_risk_point(point_id).status is RiskStatus.GRADED

    # -- Art. 10: publication 公示, objections, force ----------------------------------------

    def test_art_10_publication_objections_and_force(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        draft_id = self._graded(app)
        with pytest.raises(Conflict):
            app.publish(draft_id, OFFICE)  # not approved yet
        point_id = self._approved(app)
        ends_at = app.publish(point_id, OFFICE)
        assert ends_at == clock.now() + timedelta(days=5)
        with pytest.raises(Conflict):
            app.bring_into_force(point_id, OFFICE)  # the period runs
        assert app.record_objection(point_id, "村民张某", "踏勘岗不止一人", OFFICE) == 1
        clock.advance(timedelta(days=5))
        with pytest.raises(Conflict):
            app.bring_into_force(point_id, OFFICE)  # an objection is unanswered
        with pytest.raises(Invalid) as caught:
            app.answer_objection(point_id, 2, "?", OFFICE)
        assert caught.value.field == "number"
        app.answer_objection(point_id, 1, "已核实：现场踏勘实行两人制", OFFICE)
        clock.advance(timedelta(seconds=1))
        with pytest.raises(Conflict):
            app.record_objection(point_id, "村民李某", "太迟了", OFFICE)  # the period is over
        due = clock.now().date() + timedelta(days=60)
        for code in ("business_process.1", "post_duty.1"):  # 中: two categories (Art. 14)
            app.choose_measure(
                point_id, code, detail="", owner_id="u-taihe-mayor", due_date=due, by=OFFICE
            )
        app.bring_into_force(point_id, OFFICE)
        point = app.get_risk_point(point_id)
        assert point.status is RiskStatus.IN_FORCE
        assert point.in_force_since == clock.now()
        assert point.publication is not None
        assert point.publication.objections[0].answer

    # -- Art. 15-20: prevention measures ------------------------------------------------------

    def test_art_15_to_20_measures_are_chosen_and_followed(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        point_id = self._graded(app)
        due = clock.now().date() + timedelta(days=30)
        app.choose_measure(
            point_id, "business_process.1", detail="踏勘与审批分离", owner_id="u-taihe-mayor",
            due_date=due, by=OFFICE,
        )  # fmt: skip
        app.update_measure(point_id, "business_process.1", "in_progress", "已拟定制度", OFFICE)
        chosen = app.get_risk_point(point_id).measures["business_process.1"]
        assert (chosen.owner_id, chosen.due_date, chosen.status) == (
            "u-taihe-mayor", due.isoformat(), "in_progress"
        )  # fmt: skip
        for field, code, when in [
            ("measure_code", "business_process.9", due),
            ("due_date", "post_duty.1", date(2020, 1, 1)),
        ]:
            with pytest.raises(Invalid) as caught:
                app.choose_measure(
                    point_id, code, detail="", owner_id="u", due_date=when, by=OFFICE
                )
            assert caught.value.field == field
        with pytest.raises(Conflict):
            app.choose_measure(
                point_id, "business_process.1", detail="", owner_id="u", due_date=due, by=OFFICE
            )
        with pytest.raises(Invalid) as caught:
            app.update_measure(point_id, "post_duty.1", "done", "", OFFICE)
        assert caught.value.field == "measure_code"

    # -- Queries: the register and its heat map -----------------------------------------------

    def test_the_register_lists_and_maps_risk_points_by_subtree(
        self, app: RegisterApplication
    ) -> None:
        high = self._graded(app, SERIOUS)
        medium = self._graded(app, ORDINARY)
        draft = self._point(app, None, category="ideology_morality", post="全体干部")
        elsewhere = self._point(app, None, unit_code="QX-TP", category="post_duty", post="所长")
        assert {r.id for r in app.list_risk_points("QX-TH")} == {high, medium, draft}
        assert {r.id for r in app.list_risk_points("QX")} == {high, medium, draft, elsewhere}
        assert [r.id for r in app.list_risk_points("QX", grade=Grade.HIGH)] == [high]
        assert [r.id for r in app.list_risk_points("QX", status=RiskStatus.DRAFT)] == sorted(
            [draft, elsewhere], key=lambda i: ("QX-TH" if i == draft else "QX-TP", str(i))
        )
        by_category = app.list_risk_points("QX", category=RiskCategory.BUSINESS_PROCESS)
        assert {r.id for r in by_category} == {high, medium}
        heat = app.heat_map("QX")
        assert heat.counts[("QX-TH", RiskCategory.BUSINESS_PROCESS)] == {
            "high": 1, "medium": 1, "low": 0, "ungraded": 0
        }  # fmt: skip
        assert heat.counts[("QX-TH", RiskCategory.IDEOLOGY_MORALITY)]["ungraded"] == 1
        assert heat.counts[("QX-TP", RiskCategory.POST_DUTY)]["ungraded"] == 1
        assert sum(sum(c.values()) for c in heat.counts.values()) == 4
        assert "QX-TP" not in app.heat_map("QX-TH").units


class TestRegisterInMemory(InMemory, RegisterStory):
    pass


class TestRegisterSQLite(OnSQLite, RegisterStory):
    def test_the_read_model_is_rebuilt_from_the_log_after_a_restart(
        self, env: dict[str, str], app: RegisterApplication, clock: ManualClock
    ) -> None:
        point_id = self._approved(app)
        again = RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
        try:
            rows = again.list_risk_points("QX-TH")
            assert [(r.id, r.status, r.grade) for r in rows] == [
                (point_id, RiskStatus.APPROVED, Grade.MEDIUM)
            ]
            assert again.view.position == app.recorder.max_notification_id()
        finally:
            again.close()
