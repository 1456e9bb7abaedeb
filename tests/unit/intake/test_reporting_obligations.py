"""Art. 23 as a story: duties to report, and 迟报 late, 漏报 missed, 瞒报 concealment found.

清新区自然资源局 (QX-ZRZY) must send a monthly risk-information report ten days after each month
and report any matter within five days of learning of it. The clock moves; a late report, a
missing one and a matter that reached the office by petition but never from the bureau itself
are each recorded with the evidence, the due time and the principal leader responsible.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake.contract import translate
from services.intake.duties.handlers import find_breaches, new_breach, save_breach
from services.intake.duties.model import ReportingBreach
from services.intake.identity.model import PetitionerIdentity
from shared.auth import Principal, Role
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid
from shared.events import ReportingBreachFound, ReportingBreachReviewed, parse_event
from shared.events.publish import Origin, public_event_id
from tests.support.events import role_revoked, take_in
from tests.support.stores import InMemory, OnSQLite, sqlite_env
from tests.unit.intake.support import (
    DISTRICT_OFFICE,
    StoreStory,
    draft,
    make_app,
)

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock

BUREAU = Principal("u-zrzy-office", frozenset({Role.OFFICE}), "QX-ZRZY", "自然资源局预防腐败室")
ORIGIN = Origin("/lianfang/district/intake", "district")
FEB = datetime(2026, 2, 1, tzinfo=BEIJING)


def monthly(app: IntakeApplication) -> UUID:
    duty = app.define_duty(
        "QX-ZRZY", "月度廉政风险信息报告", "periodic", "monthly", 10, FEB, BUREAU
    )
    return duty.id


def within_five_days(app: IntakeApplication) -> UUID:
    duty = app.define_duty("QX-ZRZY", "重大事项五日内报告", "event", None, 5, FEB, BUREAU)
    return duty.id


def breaches(app: IntakeApplication, kind: str) -> list[ReportingBreach]:
    return [b for b in app.view.breaches() if b.kind == kind]


class Obligations(StoreStory):
    grants_posts = True  # the officers and leaders hold their posts (Art. 22, 23)

    def test_a_late_periodic_report_and_a_missed_one(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        duty_id = monthly(app)
        assert find_breaches(app) == 0  # February's report is due on 11 March
        clock.set(datetime(2026, 3, 12, 9, 0, tzinfo=BEIJING))
        report = app.submit_periodic_report(duty_id, "2026-02", "本月无新增风险信息", BUREAU)
        assert report.late
        [late] = breaches(app, "late")
        assert late.due_at == datetime(2026, 3, 11, tzinfo=BEIJING)
        assert late.responsible_person_id == "u-zrzy-head"
        with pytest.raises(Conflict):
            app.submit_periodic_report(duty_id, "2026-02", "again", BUREAU)
        with pytest.raises(Invalid, match="period"):
            app.submit_periodic_report(duty_id, "2026-13", "x", BUREAU)

        # March's report never comes: once its due time passes the tick records it missed.
        clock.set(datetime(2026, 4, 10, 23, 0, tzinfo=BEIJING))
        assert find_breaches(app) == 0
        clock.set(datetime(2026, 4, 11, 0, 0, tzinfo=BEIJING))
        assert find_breaches(app) == 1
        assert find_breaches(app) == 0  # recorded once
        [missed] = breaches(app, "missed")
        assert (missed.period, missed.due_at) == ("2026-03", datetime(2026, 4, 11, tzinfo=BEIJING))
        figures = app.compliance("QX-ZRZY", "2026-03")
        assert (figures.missed, figures.late, figures.periodic_reports) == (1, 0, 0)
        assert app.compliance("QX-ZRZY", "2026-02").late == 1

        # The public event names the kind, the due time, the responsible leader and evidence.
        found = [translate(e, ORIGIN) for e in app.repository.event_store.get(missed.id)]
        [event] = found
        assert isinstance(event, ReportingBreachFound)
        assert event.data.kind == "missed"
        assert event.data.responsible_person_id == "u-zrzy-head"
        duty_created = next(iter(app.repository.event_store.get(duty_id)))
        assert event.data.evidence_event_ids == (public_event_id(ORIGIN.source, duty_created),)

    def test_the_principal_leader_answers_only_while_holding_the_leader_grant(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """Art. 23: the principal leader first responsible is who held the directory's leader
        grant for the unit when the report fell due; one who had left answers for nothing."""
        monthly(app)
        left_at = datetime(2026, 4, 1, 9, 0, tzinfo=BEIJING)
        take_in(app, role_revoked("u-zrzy-head", "leader", "QX-ZRZY", left_at))
        clock.set(datetime(2026, 5, 11, 0, 0, tzinfo=BEIJING))
        assert find_breaches(app) == 3  # February, March, April missed
        named = {b.period: b.responsible_person_id for b in breaches(app, "missed")}
        # Due 11 March: still the leader. Due 11 April and 11 May: gone since 1 April.
        assert named == {"2026-02": "u-zrzy-head", "2026-03": None, "2026-04": None}

    def test_a_matter_reported_after_five_days_is_late(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        within_five_days(app)
        on_time = draft("ZR-1", unit="QX-ZRZY", learned_at=clock.now() - timedelta(days=4))
        app.file_information(on_time, BUREAU)
        assert breaches(app, "late") == []
        late = draft("ZR-2", unit="QX-ZRZY", learned_at=clock.now() - timedelta(days=6))
        filing = app.file_information(late, BUREAU)
        [breach] = breaches(app, "late")
        assert breach.information_id == filing.information_id
        assert breach.due_at == late.learned_at + timedelta(days=5)
        timeline = app.timeline(filing.information_id)
        assert timeline[-1].what == "breach_late"
        # The case's timeline says by when the unit had to report it.
        [due] = timeline[0].detail["reporting_due"]
        assert due["due_at"] == (late.learned_at + timedelta(days=5)).isoformat()

    def test_a_matter_only_others_reported_is_a_concealment_candidate(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        within_five_days(app)
        # A petition about the bureau's 审批科 reaches the district office.
        petition = draft("XF-7", unit="QX-ZRZY", channel="petition", subject_post="审批科科长")
        hidden = app.file_information(petition, DISTRICT_OFFICE)
        # Another petition, about a post the bureau did report on itself.
        app.file_information(
            draft("XF-8", unit="QX-ZRZY", channel="petition", subject_post="出纳"),
            DISTRICT_OFFICE,
        )
        app.file_information(draft("ZR-3", unit="QX-ZRZY", subject_post="出纳"), BUREAU)
        clock.advance(timedelta(days=4))
        assert find_breaches(app) == 0  # the bureau still has time
        clock.advance(timedelta(days=1))
        assert find_breaches(app) == 1
        [candidate] = breaches(app, "concealment_candidate")
        assert candidate.information_id == hidden.information_id
        assert candidate.status == "to_review"
        assert app.compliance("QX-ZRZY", "2026-03").concealment_candidates == 1

        # A person decides, with reasons; a decision stands.
        with pytest.raises(Invalid, match="reason"):
            app.review_breach(candidate.id, True, " ", DISTRICT_OFFICE)
        reviewed = app.review_breach(candidate.id, True, "经核实，该局知情未报", DISTRICT_OFFICE)
        assert reviewed.status == "confirmed"
        with pytest.raises(Conflict, match="already confirmed"):
            app.review_breach(candidate.id, False, "改判", DISTRICT_OFFICE)
        assert app.compliance("QX-ZRZY", "2026-03").concealment_confirmed == 1

    def test_art_23_the_review_of_a_concealment_candidate_is_published(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """第二十三条: 出现…瞒报…等行为的，严肃追究有关责任人责任 — whether a candidate is 瞒报 is
        the office's decision; it goes out with who, when, why, and the candidate it decided."""
        within_five_days(app)
        petitioner = PetitionerIdentity(name="张三", contact="13800000000")
        petition = draft("XF-9", unit="QX-ZRZY", channel="petition", subject_post="审批科科长",
                         petitioner=petitioner)  # fmt: skip
        app.file_information(petition, DISTRICT_OFFICE)
        clock.advance(timedelta(days=5))
        assert find_breaches(app) == 1
        [candidate] = breaches(app, "concealment_candidate")
        clock.advance(timedelta(days=2))
        app.review_breach(candidate.id, False, "该局已在期限内口头报告，补录在案", DISTRICT_OFFICE)
        assert app.view.breaches()[0].status == "dismissed"

        stored = list(app.repository.event_store.get(candidate.id))
        found, reviewed = (translate(e, ORIGIN) for e in stored)
        assert isinstance(found, ReportingBreachFound)
        assert isinstance(reviewed, ReportingBreachReviewed)
        assert parse_event(reviewed.model_dump(mode="json")) == reviewed
        d = reviewed.data
        assert (d.breach_id, d.kind, d.decision) == (candidate.id, "concealment_candidate",
                                                     "dismissed")  # fmt: skip
        assert d.reason == "该局已在期限内口头报告，补录在案"
        assert (d.actor.user_id, d.actor.role, d.actor.unit_code) == ("u-qx-office", "office", "QX")
        assert (d.unit_code, d.occurred_at, d.authority) == ("QX-ZRZY", clock.now(), "Art. 23")
        assert (d.found_event_id, d.found_at) == (found.id, found.data.occurred_at)
        assert (d.duty_id, d.information_id) == (candidate.duty_id, candidate.information_id)
        # The petitioner stays sealed: nothing of them is on either event.
        for event in (found, reviewed):
            text = event.model_dump_json()
            assert "张三" not in text
            assert "13800000000" not in text

    def test_art_23_an_untrue_periodic_report_binds_the_unit_and_person_that_made_it(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """第二十三条: 对信息报送内容不真实，核心内容不准确…的，严肃追究有关责任人责任 — the
        level above 落实对下属部门…报送工作的监管, and its finding binds who made the report."""
        duty_id = monthly(app)
        report = app.submit_periodic_report(duty_id, "2026-02", "本月无新增风险信息", BUREAU)
        assert not report.late
        # The bureau cannot judge its own report; nothing is recorded.
        with pytest.raises(
            Invalid, match=r"Art\. 23: 信息报送由上级监管.*\(the level above supervises"
        ):
            app.find_report_wanting(duty_id, "2026-02", "untrue", "自查", BUREAU)
        with pytest.raises(Invalid) as caught:
            app.find_report_wanting(duty_id, "2026-02", "rude", "x", DISTRICT_OFFICE)
        assert caught.value.field == "kind"
        assert len(list(app.repository.event_store.get(report.id))) == 1
        # The district office finds it untrue: the February report left out a known matter.
        found = app.find_report_wanting(
            duty_id,
            "2026-02",
            "untrue",
            "经核查，该局2月已发生审批违规事项而报告称无",
            DISTRICT_OFFICE,
        )
        assert found.finding is not None
        assert found.finding["kind"] == "untrue"
        with pytest.raises(
            Conflict,
            match=r"^Art\. 23: 2026-02 的报告已被认定为内容不真实.*"
            r"\(the 2026-02 report was already found",
        ):
            app.find_report_wanting(duty_id, "2026-02", "inaccurate", "again", DISTRICT_OFFICE)

        submitted, wanting = (
            translate(e, ORIGIN) for e in app.repository.event_store.get(report.id)
        )
        assert submitted is None  # a periodic report itself stays in intake
        assert isinstance(wanting, ReportingBreachFound)
        assert parse_event(wanting.model_dump(mode="json")) == wanting
        d = wanting.data
        assert (d.kind, d.unit_code, d.period) == ("untrue", "QX-ZRZY", "2026-02")
        assert d.responsible_person_id == "u-zrzy-office"  # who submitted it
        assert (d.actor.user_id, d.actor.unit_code) == ("u-qx-office", "QX")  # who found it
        assert d.reason == "经核查，该局2月已发生审批违规事项而报告称无"
        first = next(iter(app.repository.event_store.get(report.id)))
        assert d.evidence_event_ids == (public_event_id(ORIGIN.source, first),)


def test_two_workers_record_a_breach_once(tmp_path: Path, clock: ManualClock) -> None:
    """The tick's ids are derived, so a second worker's save of the same breach fails."""
    env = sqlite_env(tmp_path / "shared.sqlite")
    first, second = make_app(env, clock), make_app(env, clock)
    try:
        duty_id = monthly(first)
        clock.set(datetime(2026, 3, 12, tzinfo=BEIJING))
        duty = second.get_duty(duty_id)
        racing = new_breach(second, duty, "2026-02", "missed", [])  # built before the first saves
        assert first.find_missed_reports() == 1
        assert save_breach(second, racing) == 0  # IntegrityError: the other worker won
        assert second.find_missed_reports() == 0
        assert len(second.view.breaches()) == 1
    finally:
        first.close()
        second.close()


@pytest.fixture
def clock() -> ManualClock:
    from shared.clock import ManualClock
    from tests.unit.intake.support import START

    return ManualClock(START)


class TestObligationsInMemory(InMemory, Obligations):
    pass


class TestObligationsSQLite(OnSQLite, Obligations):
    pass
