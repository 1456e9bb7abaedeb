"""Information and judgement told as a story, on every store we support (Art. 21, 23, 25).

An information officer 信息员 reports that at 太和镇 one person both audits and pays expense claims.
The judgement group 研判小组 verifies 核实 what was reported, then judges: an incipient tendency
苗头性倾向性问题 re-grades the town's risk point and recommends a warning; a violation opens a new
risk point and goes for transfer; an untrue report binds the officer who made it and the officer's
unit, while a petition from the public binds nobody (Art. 23).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.register.app import RegisterApplication
from services.register.contract import translate
from services.register.judgement.handlers import JudgementDraft, NewRiskPoint
from services.register.judgement.model import InformationStatus, ReportFinding, judgement_id_of
from services.register.risk_points.handlers import RiskPointDraft
from services.register.risk_points.model import RiskStatus
from services.warning.app import WarningApplication
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.events import Actor, JudgementMade, RiskGraded, parse_event
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade, GradeSource, Verdict, WarningLevel
from tests.support.directory import grant_test_posts
from tests.support.events import role_revoked, take_in
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.judging import feed, information_id, report
from tests.unit.register.stories import OFFICE, ORDINARY, SERIOUS, RegisterStoryBase

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

    from shared.events import CloudEvent

JUDGE = Principal("u-th-judge", frozenset({Role.JUDGE}), "QX-TH", "太和镇研判小组")
DISTRICT_JUDGE = Principal("u-qx-judge", frozenset({Role.JUDGE}), "QX")
NEIGHBOUR_JUDGE = Principal("u-tp-judge", frozenset({Role.JUDGE}), "QX-TP")
ORIGIN = Origin("/lianfang/district/register", "district")
CHECKED = ["调取2025年报销凭证", "询问财政所会计、出纳"]
TOWN_MEMBERS = [
    Principal(f"u-th-judge{n}", frozenset({Role.JUDGE}), "QX-TH") for n in ("2", "3", "4", "5")
]
DISTRICT_MEMBERS = [Principal(f"u-qx-judge{n}", frozenset({Role.JUDGE}), "QX") for n in ("2", "3")]
DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX")


def published(app: RegisterApplication, aggregate_id: UUID) -> list[CloudEvent]:
    """What the relay would publish from one aggregate's stored events."""
    stored = list(app.events.get(aggregate_id))
    return [e for e in (translate(s, ORIGIN) for s in stored) if e is not None]


class JudgementStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration.

    太和镇's 研判小组 has five members (JUDGE and TOWN_MEMBERS), so a judgement needs three
    sign-offs; the district's has three (DISTRICT_JUDGE and DISTRICT_MEMBERS).
    """

    @pytest.fixture
    def app(self, env: dict[str, str], clock: ManualClock) -> Iterator[RegisterApplication]:
        app = RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
        grant_test_posts(app)  # the judges hold the judge grant in the directory (Art. 25)
        for member in (JUDGE, *TOWN_MEMBERS):
            app.appoint_group_member("QX-TH", member.user_id, "", "太和党发〔2026〕3号", OFFICE)
        for member in (DISTRICT_JUDGE, *DISTRICT_MEMBERS):
            app.appoint_group_member(
                "QX", member.user_id, "", "清新纪发〔2026〕1号", DISTRICT_OFFICE
            )
        yield app
        app.close()

    def _judged(
        self, app: RegisterApplication, info_id: UUID, draft: JudgementDraft,
        by: Principal = JUDGE, others: list[Principal] = TOWN_MEMBERS,
    ) -> UUID:  # fmt: skip
        """Proposed by `by`, signed by two more of the group: three sign-offs make it (Art. 25)."""
        progress = app.judge_information(info_id, draft, by)
        for member in others[:2]:
            progress = app.sign_off_judgement(info_id, member)
        assert progress.made
        return progress.judgement_id

    def _reported(self, app: RegisterApplication, clock: ManualClock, unit: str = "QX-TH") -> UUID:
        return information_id(report(app, clock.now(), unit))

    def _verified(self, app: RegisterApplication, clock: ManualClock) -> UUID:
        info_id = self._reported(app, clock)
        app.verify_information(info_id, checked=CHECKED, findings="报销审核与支付均由出纳一人完成",
                               by=JUDGE)  # fmt: skip
        return info_id

    def _graded_point(self, app: RegisterApplication) -> UUID:
        draft = RiskPointDraft(
            unit_code="QX-TH", post="出纳", category="post_duty",
            description="报销审核与支付由一人完成", manifestations=["虚报冒领"],
        )  # fmt: skip
        point_id = app.identify_risk_point(draft, OFFICE)
        app.grade_risk_point(
            point_id, ORDINARY, reason="初次评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
        )
        return point_id

    # -- Art. 21: the database of reported information ---------------------------------------

    def test_art_21_reported_information_awaits_judgement_listed_by_subtree(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        here = self._reported(app, clock)
        there = self._reported(app, clock, unit="QX-TP")
        awaiting = InformationStatus.AWAITING_JUDGEMENT
        assert [r.id for r in app.list_information("QX-TH", awaiting)] == [here]
        assert {r.id for r in app.list_information("QX", awaiting)} == {here, there}
        info = app.get_information(here)
        assert info.status is awaiting
        assert info.subject_post == "出纳"
        assert (info.verifications, info.judgement) == ([], None)

    # -- Art. 21, 25: verification 核实 ----------------------------------------------------------

    def test_art_21_verification_records_who_when_and_what_was_checked(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        info_id = self._reported(app, clock)
        earlier = clock.now() - timedelta(hours=2)
        number = app.verify_information(
            info_id, checked=CHECKED, findings="属实", by=JUDGE,
            verifiers=["u-th-judge", "u-th-judge2"], verified_at=earlier,
        )  # fmt: skip
        assert number == 1
        [v] = app.get_information(info_id).verifications
        assert (v.verifiers, v.verified_at, v.checked) == (
            ("u-th-judge", "u-th-judge2"), earlier, tuple(CHECKED)
        )  # fmt: skip
        assert v.recorded_by == {"user_id": "u-th-judge", "role": "judge", "unit_code": "QX-TH"}
        assert app.list_information("QX-TH")[0].verifications == 1
        for field, changes in [
            ("checked", {"checked": [" "]}),
            ("findings", {"findings": ""}),
            ("verified_at", {"verified_at": clock.now() + timedelta(minutes=1)}),
            ("verified_at", {"verified_at": clock.now() - timedelta(days=30)}),
        ]:
            kwargs: dict[str, Any] = {"checked": CHECKED, "findings": "x"} | changes
            with pytest.raises(Invalid) as caught:
                app.verify_information(info_id, by=JUDGE, **kwargs)
            assert caught.value.field == field

    # -- Art. 14, 25: an incipient tendency re-grades the linked risk point ----------------------

    def test_art_25_an_incipient_tendency_regrades_the_point_and_tells_the_warning_service(
        self, app: RegisterApplication, clock: ManualClock, env: dict[str, str]
    ) -> None:
        point_id = self._graded_point(app)
        info_id = self._verified(app, clock)
        # The judges leave the level to the grade: serious factors grade the point 高, so red.
        draft = JudgementDraft(
            verdict="incipient_tendency", reasoning="岗位未分离，属苗头性问题",
            risk_point_id=point_id, factors=SERIOUS,
        )  # fmt: skip
        judgement_id = self._judged(app, info_id, draft)
        assert judgement_id == judgement_id_of(info_id)
        info = app.get_information(info_id)
        assert info.status is InformationStatus.JUDGED
        assert info.judgement is not None
        assert info.judgement.verdict is Verdict.INCIPIENT_TENDENCY
        assert info.judgement.recommended_level is WarningLevel.RED
        point = app.get_risk_point(point_id)
        assert point.grade is Grade.HIGH
        assert point.grading is not None
        assert point.grading.source == "judgement"
        assert point.grading.responsible_leader_id == "u-taihe-mayor"  # kept from before
        assert point.status is RiskStatus.GRADED  # a changed grade goes back to the team
        assert app.list_information("QX-TH", InformationStatus.AWAITING_JUDGEMENT) == []

        # Both public events parse as the contract says and carry the ids warning needs.
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert parse_event(made.model_dump(mode="json")) == made
        assert (made.data.judgement_id, made.data.information_id) == (judgement_id, info_id)
        assert made.data.risk_point_id == point_id
        assert made.data.recommended_level is WarningLevel.RED
        assert made.data.reporting_breach is None
        assert made.data.actor.role == "judge"
        graded = published(app, point_id)[-1]
        assert isinstance(graded, RiskGraded)
        assert parse_event(graded.model_dump(mode="json")) == graded
        assert graded.data.source is GradeSource.JUDGEMENT
        assert (graded.data.information_id, graded.data.judgement_id) == (info_id, judgement_id)
        assert graded.data.recommended_level is WarningLevel.RED
        assert (graded.data.grade, graded.data.previous_grade) == (Grade.HIGH, Grade.MEDIUM)
        assert published(app, info_id) == [made]  # a re-send carries the same ce_id

        # The warning service takes both in and opens one proposal for the judgement, at the
        # level the point's new grade calls for (高 → red, Art. 28).
        warning_env = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
        warning = WarningApplication(warning_env, clock=clock, org=app.org)
        try:
            feed(warning, made, "lianfang.register")
            feed(warning, graded, "lianfang.register")
            [row] = warning.list_proposals("QX-TH")
            assert (row.grade, row.level) == ("high", "red")
            proposal = warning.get_proposal(row.id)
            assert proposal.source == "judgement"
            assert (proposal.judgement_id, proposal.information_id) == (judgement_id, info_id)
            assert proposal.risk_point_id == point_id
        finally:
            warning.close()

    # -- Art. 25, 28: a violation opens a new risk point and goes for transfer ------------------

    def test_art_25_a_violation_opens_a_risk_point_from_the_information(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        info_id = self._verified(app, clock)
        draft = JudgementDraft(
            verdict="violation", reasoning="已查实虚报冒领，移送纪检监察机关",
            new_risk_point=NewRiskPoint("post_duty", "出纳兼任报销审核"),
        )  # fmt: skip
        self._judged(app, info_id, draft)
        judgement = app.get_information(info_id).judgement
        assert judgement is not None
        assert judgement.risk_point_opened
        assert judgement.risk_point_id is not None
        point = app.get_risk_point(judgement.risk_point_id)
        assert (point.unit_code, point.post, point.status) == ("QX-TH", "出纳", RiskStatus.DRAFT)
        assert point.focus.past_violation
        assert point.manifestations == (app.get_information(info_id).summary,)
        assert point.identified_by["role"] == "judge"
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert made.data.verdict is Verdict.VIOLATION
        assert made.data.recommended_level is None
        assert made.data.risk_point_id == point.id
        assert published(app, point.id) == []  # identified, not graded: no RiskGraded
        assert [r.id for r in app.list_risk_points("QX-TH")] == [point.id]

    # -- Art. 23: an untrue report binds the unit and person that made it ----------------------

    def test_art_23_an_untrue_report_is_found_against_the_unit_and_person_that_made_it(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十三条: 对信息报送内容不真实，核心内容不准确…的，严肃追究有关责任人责任 — the finding
        binds who made the report (the officer and the officer's unit), not the subject unit."""
        # 太和镇's information officer reports on the town's 财政所.
        town_officer = Actor(user_id="u-th-officer", role="officer", unit_code="QX-TH")
        event = report(app, clock.now(), "QX-TH-CZS", reported_by=town_officer)
        info_id = information_id(event)
        app.verify_information(info_id, checked=CHECKED, findings="报销审核与支付分设两岗",
                               by=JUDGE)  # fmt: skip
        draft = JudgementDraft(verdict="unfounded", reasoning="经核实不存在所反映问题",
                               report_finding="untrue")  # fmt: skip
        judgement_id = self._judged(app, info_id, draft)
        judgement = app.get_information(info_id).judgement
        assert judgement is not None
        assert judgement.risk_point_id is None
        assert judgement.breach is not None
        assert judgement.breach.kind is ReportFinding.UNTRUE
        assert (judgement.breach.responsible_person_id, judgement.breach.reporting_unit) == (
            "u-th-officer", "QX-TH"
        )  # fmt: skip
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert made.data.authority == "Art. 23, 25"
        assert made.data.unit_code == "QX-TH-CZS"  # what the information was about
        breach = made.data.reporting_breach
        assert breach is not None
        assert (breach.kind, breach.responsible_person_id) == ("untrue", "u-th-officer")
        assert breach.reporting_unit == "QX-TH"  # who answers for it (Art. 23)
        assert breach.reported_event_id == event.id
        assert breach.reported_at == event.data.occurred_at
        assert breach.breach_id == judgement.breach.breach_id
        assert made.data.judgement_id == judgement_id
        assert parse_event(made.model_dump(mode="json")) == made

    def test_art_23_an_untrue_petition_is_unfounded_and_binds_no_one(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十三条 holds units to their 信息报送; a petition from the public 信访举报 is no
        unit's report, and the office clerk who typed it in did not make it."""
        clerk = Actor(user_id="u-qx-clerk", role="office", unit_code="QX")
        event = report(app, clock.now(), "QX-TH", channel="petition", reported_by=clerk)
        info_id = information_id(event)
        app.verify_information(info_id, checked=CHECKED, findings="反映问题不存在", by=JUDGE)
        for finding in ("untrue", "inaccurate"):
            draft = JudgementDraft(verdict="unfounded", reasoning="经核实，举报不属实",
                                   report_finding=finding)  # fmt: skip
            refused = (
                r"^Art\. 23: 经信访举报（petition）渠道收到的信息不是单位的信息报送.* "
                r"\(information received by 信访举报 \(petition\) is not a unit's"
            )
            with pytest.raises(Conflict, match=refused):
                app.judge_information(info_id, draft, JUDGE)
            info = app.get_information(info_id)
            assert (info.status, info.judgement) == (InformationStatus.AWAITING_JUDGEMENT, None)
            assert published(app, info_id) == []  # a refused command records nothing
        # Judged unfounded, with no reporting breach against anyone.
        self._judged(
            app, info_id, JudgementDraft(verdict="unfounded", reasoning="经核实，举报不属实")
        )
        judgement = app.get_information(info_id).judgement
        assert judgement is not None
        assert (judgement.verdict, judgement.breach) == (Verdict.UNFOUNDED, None)
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert (made.data.reporting_breach, made.data.authority) == (None, "Art. 25")
        assert "u-qx-clerk" not in made.model_dump_json(include={"data": {"reporting_breach"}})

    # -- Art. 25: once, by the judgement group, within its jurisdiction -------------------------

    def test_art_25_a_judgement_is_made_once_by_judges_within_jurisdiction(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        unverified = self._reported(app, clock)
        unfounded = JudgementDraft(verdict="unfounded", reasoning="不属实")
        with pytest.raises(Conflict):
            app.judge_information(unverified, unfounded, JUDGE)  # verify first
        info_id = self._verified(app, clock)
        for who, refusal in ((OFFICE, Forbidden), (NEIGHBOUR_JUDGE, NotFound)):  # as if unknown
            with pytest.raises(refusal):
                app.judge_information(info_id, unfounded, who)
            with pytest.raises(refusal):
                app.verify_information(info_id, checked=CHECKED, findings="x", by=who)
        # The town has its own group: the district's judges are not its members (Art. 25).
        with pytest.raises(
            Forbidden,
            match=r"^Art\. 25: u-qx-judge 不是 QX-TH 研判小组的成员.* \(u-qx-judge is not a",
        ):
            app.judge_information(info_id, unfounded, DISTRICT_JUDGE)
        # Appointed once is not enough: a member whose judge grant was revoked since judges not.
        take_in(app, role_revoked("u-th-judge5", "judge", "QX-TH", clock.now()))
        gone = Principal("u-th-judge5", frozenset({Role.JUDGE}), "QX-TH")
        with pytest.raises(Forbidden, match=r"^Art\. 25: u-th-judge5 holds no judge grant"):
            app.judge_information(info_id, unfounded, gone)
        self._judged(app, info_id, unfounded)
        with pytest.raises(Conflict):
            app.judge_information(info_id, unfounded, JUDGE)
        with pytest.raises(Conflict):
            app.verify_information(info_id, checked=CHECKED, findings="补充", by=JUDGE)
        assert len(published(app, info_id)) == 1

    # -- Art. 25: the judgement group is a group ---------------------------------------------

    def test_art_25_a_judgement_is_made_only_with_enough_members_sign_offs(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十五条: 各级廉政风险防控机构和各部门(单位)要成立廉政风险研判小组，及时核查、分析和
        评估廉政风险信息 — the verdict is the group's: a member proposes it, and it is made only
        when a majority of the group, and at least three, signed it, each with who and when."""
        point_id = self._graded_point(app)
        info_id = self._verified(app, clock)
        before = published(app, point_id)
        draft = JudgementDraft(
            verdict="incipient_tendency", reasoning="岗位未分离，属苗头性问题",
            risk_point_id=point_id, factors=SERIOUS,
        )  # fmt: skip
        proposed = app.judge_information(info_id, draft, JUDGE)
        assert (proposed.group_unit, proposed.needed, proposed.made) == ("QX-TH", 3, False)
        assert [s.member["user_id"] for s in proposed.signed_by] == ["u-th-judge"]
        assert app.get_information(info_id).judgement is None
        assert published(app, info_id) == []  # no JudgementMade before the group signed
        assert published(app, point_id) == before  # nor the point's RiskGraded

        # A member's second sign-off changes nothing (409); a non-member is refused (403).
        with pytest.raises(
            Conflict,
            match=r"^Art\. 25: u-th-judge 已于 2026-01-05 17:00（北京时间）会签该研判意见，"
            r"每名成员只会签一次 \(u-th-judge signed this judgement already "
            r"\(2026-01-05T09:00:00\+00:00\)",
        ):
            app.sign_off_judgement(info_id, JUDGE)
        stranger = Principal("u-th-clerk", frozenset({Role.JUDGE}), "QX-TH")
        for outsider in (stranger, DISTRICT_JUDGE):
            with pytest.raises(Forbidden, match=r"^Art\. 25: .* is not a member of the 研判小组"):
                app.sign_off_judgement(info_id, outsider)
        with pytest.raises(Forbidden, match=r"^Art\. 25"):
            app.judge_information(info_id, draft, stranger)
        clock.advance(timedelta(hours=1))
        second = app.sign_off_judgement(info_id, TOWN_MEMBERS[0])
        assert (len(second.signed_by), second.made) == (2, False)
        with pytest.raises(Conflict, match=r"^Art\. 25: u-th-judge2 已于 .* signed this judgement"):
            app.sign_off_judgement(info_id, TOWN_MEMBERS[0])
        assert published(app, info_id) == []

        # The third sign-off makes it: JudgementMade and RiskGraded, with who signed and when.
        clock.advance(timedelta(hours=1))
        third = app.sign_off_judgement(info_id, TOWN_MEMBERS[1])
        assert third.made
        judgement = app.get_information(info_id).judgement
        assert judgement is not None
        assert judgement.judged_by["user_id"] == "u-th-judge"  # the proposer
        assert [s.member["user_id"] for s in judgement.signed_by] == [
            "u-th-judge", "u-th-judge2", "u-th-judge3"
        ]  # fmt: skip
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert parse_event(made.model_dump(mode="json")) == made
        assert made.data.signed_by is not None
        assert [(s.user_id, s.role) for s in made.data.signed_by] == [
            ("u-th-judge", "judge"), ("u-th-judge2", "judge"), ("u-th-judge3", "judge")
        ]  # fmt: skip
        signed_at = [s.signed_at for s in made.data.signed_by]
        assert signed_at == sorted(signed_at)
        assert signed_at[0] < signed_at[-1]
        assert made.data.occurred_at == signed_at[-1]  # made by the last sign-off needed
        graded = published(app, point_id)[-1]
        assert isinstance(graded, RiskGraded)
        assert graded.data.judgement_id == made.data.judgement_id
        with pytest.raises(Conflict):  # made once
            app.sign_off_judgement(info_id, TOWN_MEMBERS[2])

    def test_art_25_the_proposer_withdraws_a_proposal_before_the_group_has_made_it(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十五条: 研判小组…及时核查、分析和评估廉政风险信息 — the verdict is the group's once
        enough members signed it; until then the member who proposed it may withdraw it, saying
        why. Who and when are recorded, the sign-offs it had lapse, nothing is published, and a
        member may propose afresh; a judgement made stands."""
        point_id = self._graded_point(app)
        info_id = self._verified(app, clock)
        before = published(app, point_id)
        draft = JudgementDraft(
            verdict="incipient_tendency", reasoning="岗位未分离，属苗头性问题",
            risk_point_id=point_id, factors=SERIOUS,
        )  # fmt: skip
        app.judge_information(info_id, draft, JUDGE)
        clock.advance(timedelta(hours=1))
        app.sign_off_judgement(info_id, TOWN_MEMBERS[0])

        # Refused, changing nothing: another member, no reason, a stranger to the group.
        version = app.get_information(info_id).version
        with pytest.raises(
            Forbidden,
            match=r"^Art\. 25: 该研判意见由 u-th-judge 提出，只能由提出人撤回.* "
            r"\(the judgement was proposed by u-th-judge;",
        ):
            app.withdraw_judgement_proposal(info_id, "我不同意", TOWN_MEMBERS[0])
        with pytest.raises(Invalid) as caught:
            app.withdraw_judgement_proposal(info_id, "  ", JUDGE)
        assert caught.value.field == "reason"
        with pytest.raises(NotFound):  # outside its subtree: as if unknown (issue #17)
            app.withdraw_judgement_proposal(info_id, "撤回", NEIGHBOUR_JUDGE)
        info = app.get_information(info_id)
        assert info.version == version
        assert info.proposal is not None

        clock.advance(timedelta(hours=1))
        app.withdraw_judgement_proposal(info_id, "核实材料不足，补充核实后再议", JUDGE)
        info = app.get_information(info_id)
        assert (info.proposal, info.judgement, info.status) == (
            None, None, InformationStatus.AWAITING_JUDGEMENT
        )  # fmt: skip
        [withdrawn] = info.withdrawn
        assert withdrawn.reason == "核实材料不足，补充核实后再议"
        assert (withdrawn.withdrawn_by["user_id"], withdrawn.withdrawn_at) == (
            "u-th-judge", clock.now()
        )  # fmt: skip
        assert [s.member["user_id"] for s in withdrawn.proposal.signoffs] == [
            "u-th-judge", "u-th-judge2"
        ]  # fmt: skip
        assert published(app, info_id) == []  # nothing was judged
        assert published(app, point_id) == before  # nor the point re-graded
        with pytest.raises(Conflict, match=r"no judgement of information .* is proposed yet"):
            app.sign_off_judgement(info_id, TOWN_MEMBERS[1])  # the lapsed proposal
        with pytest.raises(Conflict, match=r"nothing to withdraw"):
            app.withdraw_judgement_proposal(info_id, "再次撤回", JUDGE)

        # A member proposes afresh; the lapsed sign-offs count for nothing.
        unfounded = JudgementDraft(verdict="unfounded", reasoning="经补充核实，反映问题不属实")
        fresh = app.judge_information(info_id, unfounded, TOWN_MEMBERS[0])
        assert [s.member["user_id"] for s in fresh.signed_by] == ["u-th-judge2"]
        app.sign_off_judgement(info_id, JUDGE)
        assert app.sign_off_judgement(info_id, TOWN_MEMBERS[1]).made
        with pytest.raises(
            Conflict,
            match=r"（北京时间）研判为“不属实” \(information .* was already judged \(unfounded",
        ):
            app.withdraw_judgement_proposal(info_id, "撤回", TOWN_MEMBERS[0])
        [made] = published(app, info_id)
        assert isinstance(made, JudgementMade)
        assert made.data.verdict is Verdict.UNFOUNDED
        assert made.data.signed_by is not None
        assert [s.user_id for s in made.data.signed_by] == [
            "u-th-judge2",
            "u-th-judge",
            "u-th-judge3",
        ]
        assert len(app.get_information(info_id).withdrawn) == 1  # the withdrawal stays on record

    def test_art_25_the_group_s_members_are_appointed_and_removed_on_an_authority(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十五条: 各级…和各部门(单位)要成立廉政风险研判小组 — each unit's group is recorded,
        member by member, by an office over the unit, with who, when and on what authority; the
        group of the nearest unit that has one judges (a department without one: its town's)."""
        group = app.judgement_group("QX-TH")
        assert group is not None
        member = group.members["u-th-judge"]
        assert (member.authority, member.appointed_by["user_id"]) == (
            "太和党发〔2026〕3号", "u-th-office"
        )  # fmt: skip
        for who in (JUDGE, NEIGHBOUR_JUDGE):  # only an office appoints
            with pytest.raises(Forbidden, match=r"^Art\. 25"):
                app.appoint_group_member("QX-TH", "u-x", "", "文件", who)
        neighbour_office = Principal("u-tp-office", frozenset({Role.OFFICE}), "QX-TP")
        with pytest.raises(Forbidden):  # outside its subtree
            app.appoint_group_member("QX-TH", "u-x", "", "文件", neighbour_office)
        with pytest.raises(Conflict):
            app.appoint_group_member("QX-TH", "u-th-judge", "", "文件", OFFICE)
        with pytest.raises(Invalid) as caught:
            app.appoint_group_member("QX-TH", "u-x", "", " ", OFFICE)
        assert caught.value.field == "authority"
        # A member is an account holding the directory's judge grant for the unit, not a name.
        with pytest.raises(Invalid) as stranger:
            app.appoint_group_member("QX-TH", "u-x", "", "文件", OFFICE)
        assert stranger.value.field == "user_id"
        assert "u-x holds no judge grant (研判小组成员) for QX-TH" in str(stranger.value)
        with pytest.raises(Invalid):  # a district judge's grant is not the town's
            app.appoint_group_member("QX-TH", "u-qx-judge3", "", "文件", OFFICE)

        # A department of the town without a group of its own is judged by the town's group.
        event = report(app, clock.now(), "QX-TH-CZS")
        dept_info = information_id(event)
        app.verify_information(dept_info, checked=CHECKED, findings="属实", by=JUDGE)
        unfounded = JudgementDraft(verdict="unfounded", reasoning="不属实")
        assert app.judge_information(dept_info, unfounded, JUDGE).group_unit == "QX-TH"

        # A removed member no longer signs; the group then has four: three still needed.
        app.remove_group_member("QX-TH", "u-th-judge5", "调离", "太和党发〔2026〕9号", OFFICE)
        with pytest.raises(
            Forbidden, match=r"^Art\. 25: u-th-judge5 不是 .*u-th-judge5 is not a member"
        ):
            app.sign_off_judgement(dept_info, TOWN_MEMBERS[3])
        with pytest.raises(Conflict):
            app.remove_group_member("QX-TH", "u-th-judge5", "调离", "文件", OFFICE)
        group = app.judgement_group("QX-TH")
        assert group is not None
        assert "u-th-judge5" not in group.members
        removals = [e for e in app.events.get(group.id) if type(e).__name__ == "MemberRemoved"]
        assert len(removals) == 1  # kept as an event, who and when with it

        # 太平镇 has no group: the district's (three members) judges; a group too small to reach
        # three sign-offs cannot judge at all.
        there = information_id(report(app, clock.now(), "QX-TP"))
        app.verify_information(there, checked=CHECKED, findings="属实", by=DISTRICT_JUDGE)
        app.remove_group_member("QX", "u-qx-judge3", "调离", "清新纪发〔2026〕2号", DISTRICT_OFFICE)
        with pytest.raises(
            Conflict,
            match=r"^Art\. 25: QX 的研判小组现有 2 名成员.* \(the 研判小组 of QX has 2 members",
        ):
            app.judge_information(there, unfounded, DISTRICT_JUDGE)
        assert app.get_information(there).proposal is None  # a refusal records nothing
        app.appoint_group_member("QX", "u-qx-judge3", "", "清新纪发〔2026〕3号", DISTRICT_OFFICE)
        self._judged(app, there, unfounded, DISTRICT_JUDGE, DISTRICT_MEMBERS)

    def test_art_28_the_recommended_level_is_the_one_the_grade_calls_for(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """第二十八条: 按照风险等级，由低到高分别实行黄色、橙色、红色三个等级预警."""
        point_id = self._graded_point(app)
        info_id = self._verified(app, clock)
        before = len(published(app, point_id))
        # Ordinary factors grade the point 中, which is warned orange: yellow is refused, with
        # the rule and the article, and nothing is recorded.
        yellow = JudgementDraft(
            verdict="incipient_tendency", reasoning="苗头性问题", recommended_level="yellow",
            risk_point_id=point_id, factors=ORDINARY,
        )  # fmt: skip
        refused = (
            r"^Art\. 28: 按所填因素，该风险点评定为“中”等级，应实行橙色预警.* "
            r"\(these factors grade the point 中, which is warned orange"
        )
        with pytest.raises(Conflict, match=refused):
            app.judge_information(info_id, yellow, JUDGE)
        assert app.get_information(info_id).judgement is None
        assert len(published(app, point_id)) == before
        # Left out, the level is the grade's.
        derived = JudgementDraft(**{**vars(yellow), "recommended_level": None})
        self._judged(app, info_id, derived)
        judgement = app.get_information(info_id).judgement
        assert judgement is not None
        assert judgement.recommended_level is WarningLevel.ORANGE
        graded = published(app, point_id)[-1]
        assert isinstance(graded, RiskGraded)
        assert (graded.data.grade, graded.data.recommended_level) == (Grade.MEDIUM, "orange")

    def test_art_25_bad_verdict_level_and_link_combinations_name_the_field(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        info_id = self._verified(app, clock)
        point_id = self._graded_point(app)
        elsewhere = app.identify_risk_point(
            RiskPointDraft("QX-TP", "出纳", "post_duty", "d", ["m"]), OFFICE
        )
        base: dict[str, Any] = {
            "verdict": "incipient_tendency", "reasoning": "苗头性问题",
            "recommended_level": "orange", "risk_point_id": point_id, "factors": ORDINARY,
        }  # fmt: skip
        new = NewRiskPoint("post_duty", "d")
        for field, changes in [
            ("verdict", {"verdict": "dismissed"}),
            ("reasoning", {"reasoning": " "}),
            ("recommended_level", {"recommended_level": "purple"}),
            ("recommended_level", {"verdict": "unfounded", "factors": None}),
            ("recommended_level", {"verdict": "violation", "factors": None}),
            ("factors", {"factors": None}),
            ("factors", {"verdict": "unfounded", "recommended_level": None}),
            ("factors.harm", {"factors": ORDINARY | {"harm": 6}}),
            ("risk_point_id", {"risk_point_id": None}),
            ("risk_point_id", {"risk_point_id": elsewhere}),
            ("risk_point_id", {"risk_point_id": info_id}),  # not a risk point
            ("new_risk_point", {"new_risk_point": new}),
            ("new_risk_point.category", {"risk_point_id": None,
                                         "new_risk_point": NewRiskPoint("political", "d")}),
            ("new_risk_point.description", {"risk_point_id": None,
                                            "new_risk_point": NewRiskPoint("post_duty", " ")}),
            ("responsible_leader_id", {"responsible_leader_id": "u-qx-secretary"}),
            ("responsible_leader_id", {"risk_point_id": None, "new_risk_point": new,
                                       "responsible_leader_id": "u-qx-secretary"}),
            ("report_finding", {"report_finding": "rude"}),
            ("report_finding", {"report_finding": "untrue"}),  # untrue, yet incipient
        ]:  # fmt: skip
            with pytest.raises(Invalid) as caught:
                app.judge_information(info_id, JudgementDraft(**(base | changes)), JUDGE)
            assert caught.value.field == field, changes
        info = app.get_information(info_id)
        assert (info.status, info.judgement) == (InformationStatus.AWAITING_JUDGEMENT, None)
        assert len(app.get_risk_point(point_id).gradings) == 1  # nothing was half-saved
        assert info.proposal is None  # every refusal came at the proposal, before any sign-off
        assert [r.id for r in app.list_risk_points("QX-TH")] == [point_id]


class TestJudgementInMemory(InMemory, JudgementStory):
    pass


class TestJudgementSQLite(OnSQLite, JudgementStory):
    def test_judged_information_is_listed_again_after_a_restart(
        self, env: dict[str, str], app: RegisterApplication, clock: ManualClock
    ) -> None:
        info_id = self._verified(app, clock)
        waiting = self._reported(app, clock)
        draft = JudgementDraft(verdict="unfounded", reasoning="不属实", report_finding="inaccurate")
        self._judged(app, info_id, draft)
        again = RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
        try:
            rows = {r.id: r for r in again.list_information("QX-TH")}
            assert (rows[info_id].status, rows[info_id].verdict) == ("judged", Verdict.UNFOUNDED)
            assert rows[waiting].status is InformationStatus.AWAITING_JUDGEMENT
            judgement = again.get_information(info_id).judgement
            assert judgement is not None
            assert judgement.breach is not None
            assert judgement.breach.kind is ReportFinding.INACCURATE
        finally:
            again.close()
