"""A case's cross-service timeline from the events the real services publish (Art. 23–29).

Intake's report, the register's judgement and the warning service's notice, overdue and the
rest are produced by the real applications (in memory, on a manual clock); the timeline must
follow the ids from the case to its judgement to its warning and to the risk point the
judgement names (the register's own events: grading, approval, publication, force, measures,
revision), leave other cases and other points out, link annual results by unit and year only,
show a re-sent event once, and name every event id as evidence.

Every test runs twice: on the list of events, as `case_timeline` reads it, and through the index
a worker keeps (shared/audit/case_index.py: each event fed to an application at its own
position, the timeline built from the case's shelves alone). Both must tell the same story.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from uuid import UUID, uuid4

import pytest

from services.register.app import RegisterApplication
from services.register.catalogue.handlers import PowerDraft
from services.register.contract import translate as register_translate
from services.register.risk_points.handlers import RiskPointDraft
from services.register.risk_points.watch import check_measure_deadlines
from services.warning.app import WarningApplication
from services.warning.contract import translate
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision, ProposalStatus
from services.warning.main import SPEC
from shared.audit import case_timeline as replayed
from shared.audit.case_index import gather
from shared.audit.case_timeline import TimelineEntry, case_timeline, case_unit, render_markdown
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.events import (
    Actor,
    AssessmentPublished,
    AssessmentPublishedData,
    CloudEvent,
    JudgementMade,
    PowerCatalogued,
    PowerCharted,
    RiskGraded,
    RiskPointReopened,
    ScoreLine,
    WarningIssued,
    parse_event,
)
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade, GradeSource
from tests.support.directory import grant_test_posts
from tests.support.events import risk_reported
from tests.unit.assessment import upstream as up
from tests.unit.audit.indexing import IndexingApplication
from tests.unit.register.judging import feed as register_feed
from tests.unit.register.revising import revision_requested
from tests.unit.warning.upstream import feed, graded, judgement

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
ORIGIN = Origin("/lianfang/district/warning", "district")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _through_the_index(case: UUID, events: Iterable[CloudEvent]) -> list[TimelineEntry]:
    """The timeline as the route builds it: from the shelves a worker filed the events on."""
    app = IndexingApplication.in_memory()
    for event in events:
        app.take(event)
    try:
        return replayed.case_timeline(case, gather(app, case))
    finally:
        app.close()


@pytest.fixture(autouse=True, params=["replayed", "indexed"])
def timeline_source(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test on the events as a list, then through the worker's index."""
    if request.param == "indexed":
        monkeypatch.setattr(sys.modules[__name__], "case_timeline", _through_the_index)
    return str(request.param)


def judged(case: object) -> JudgementMade:
    made = judgement()
    return made.model_copy(update={"data": made.data.model_copy(update={"information_id": case})})


def warning_events(made: JudgementMade, other: JudgementMade) -> list[CloudEvent]:
    """What the real warning service publishes for two judgements, one deadline missed each."""
    clock = ManualClock(START)
    app = WarningApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=clock,
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    for upstream in (made, other):
        feed(app, upstream)
        assert upstream.data.risk_point_id is not None
        feed(app, graded(upstream.data.risk_point_id, Grade.LOW))  # a 低 point: yellow
        proposal = app.list_proposals("QX", ProposalStatus.OPEN)[-1].id
        meeting = ReviewRecord(date(2026, 1, 5), ["镇党委书记"], Decision.ISSUE, "太和纪要3号")
        app.review(proposal, meeting, OFFICE)
        app.issue_warning(proposal, OFFICE)
    clock.advance(timedelta(days=40))
    assert SPEC.ticks[0].run(app) > 0
    found = app.recorder.select_notifications(start=None, limit=10_000)
    published = [translate(app.mapper.to_domain_event(n), ORIGIN) for n in found]
    app.close()
    return [e for e in published if e is not None]


def test_the_timeline_follows_the_case_through_judgement_to_warning_and_overdue() -> None:
    case, other_case = uuid4(), uuid4()
    reported = risk_reported("QX-TH-CZS", information_id=case, at=START - timedelta(days=2))
    made, other = judged(case), judged(other_case)
    warned = warning_events(made, other)
    events = [
        reported,
        reported,  # a relay's re-send: same ce_id
        risk_reported(information_id=other_case),
        made,
        other,
        *warned,
    ]

    entries = case_timeline(case, events)

    kinds = [e.event_type for e in entries]
    assert kinds[:3] == ["RiskReported", "JudgementMade", "WarningIssued"]
    assert kinds.count("RiskReported") == 1
    overdue = [e for e in entries if e.event_type.endswith("Overdue")]
    assert len(overdue) == 4  # yellow's four actions, all missed
    # Three were the warned unit's; the talk was the town's own (Art. 28).
    assert [e.event_type for e in overdue].count("DisposalOverdue") == 1
    assert set(kinds) == {
        "RiskReported", "JudgementMade", "WarningIssued", "RectificationOverdue", "DisposalOverdue"
    }  # fmt: skip
    # Nothing of the other case, and every entry cites an event of the input as evidence.
    ids = {e.id for e in events}
    assert {e.event_id for e in entries} <= ids
    assert other.id not in {e.event_id for e in entries}
    assert [e.occurred_at for e in entries] == sorted(e.occurred_at for e in entries)
    issued = entries[2]
    assert issued.what.startswith("发出黄色预警通知书 清新廉预〔2026〕黄-")
    assert issued.due_at is not None
    assert all(o.due_at is not None and o.due_at <= o.occurred_at for o in overdue)
    assert entries[0].actor == "u-officer（officer，QX-TH-CZS）"

    document = render_markdown(case, entries)
    assert document.count("\n| 20") == len(entries)
    assert "逾期未落实：限期整改" in document
    # Times read in Beijing: the report at 09:00 UTC on 3 January is 17:00 there.
    assert "2026-01-03 17:00" in document
    assert all(e.event_id in document for e in entries)


def test_another_source_s_event_with_the_same_id_is_no_copy() -> None:
    """An id is unique only within its source: a judgement published under the report's id
    (another service, another principal) is its own entry, not a re-send dropped as one."""
    case = uuid4()
    reported = risk_reported("QX-TH-CZS", information_id=case, at=START - timedelta(days=2))
    made = judged(case).model_copy(update={"id": reported.id})
    entries = case_timeline(case, [reported, made, reported])
    assert [e.event_type for e in entries] == ["RiskReported", "JudgementMade"]


def test_a_case_nobody_reported_has_an_empty_timeline() -> None:
    entries = case_timeline(uuid4(), [risk_reported()])
    assert entries == []
    assert "没有与该案件有关的事件" in render_markdown(uuid4(), entries)


def test_the_office_s_review_of_a_concealment_candidate_is_on_the_case() -> None:
    """第二十三条: a 瞒报 candidate and the office's dismissal of it, each with its event id."""
    reported = risk_reported(at=START)
    case = reported.data.information_id
    found = up.breach("concealment_candidate", at=START + timedelta(days=6))
    found = found.model_copy(
        update={"data": found.data.model_copy(update={"information_id": case})}
    )
    dismissed = up.reviewed(found, "dismissed", at=START + timedelta(days=8))
    entries = case_timeline(case, [dismissed, found, reported])
    assert [e.event_id for e in entries] == [reported.id, found.id, dismissed.id]
    assert entries[2].what == "预防腐败室复核：排除瞒报嫌疑（经核实，该单位已按时报告）"
    assert entries[2].actor == "u-qx-office（office，QX）"


# -- The risk point the judgement names, and what follows the warning (Art. 10, 14, 15, 23,
#    28–31). The register and the warning service are the real applications; the case's report,
#    the inspection's revision request, the breach and the annual results are their contract
#    events as intake and assessment publish them.

E = TypeVar("E", bound=CloudEvent)
REG_ORIGIN = Origin("/lianfang/district/register", "district")
TOWN_OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX")
CZS_HEAD = Principal("u-taihe-czs-head", frozenset({Role.LEADER}), "QX-TH-CZS")
MINOR = {"importance": 2, "discretion": 2, "probability": 2, "harm": 2}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}


def _with(event: E, **data: object) -> E:
    """The same event (same ce_id) with some of its data set otherwise."""
    return event.model_copy(update={"data": event.data.model_copy(update=data)})


def _register_published(app: RegisterApplication) -> list[CloudEvent]:
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    out = [register_translate(app.mapper.to_domain_event(n), REG_ORIGIN) for n in notes]
    return [e for e in out if e is not None]


def _warning_published(app: WarningApplication) -> list[CloudEvent]:
    found = app.recorder.select_notifications(start=None, limit=10_000)
    out = [translate(app.mapper.to_domain_event(n), ORIGIN) for n in found]
    return [e for e in out if e is not None]


def _identified(app: RegisterApplication, description: str) -> UUID:
    """A point of 太和镇财政所, graded 低, approved, published, with one measure due 3 January."""
    point = app.identify_risk_point(
        RiskPointDraft("QX-TH-CZS", "出纳岗", "business_process", description, ["虚报冒领"]),
        TOWN_OFFICE,
    )
    app.grade_risk_point(
        point, MINOR, reason="初次评定", responsible_leader_id="u-taihe-czs-head", by=TOWN_OFFICE
    )
    app.vote(point, True, "同意", CZS_HEAD)  # a team of one: one vote carries it
    app.choose_measure(
        point, "business_process.1", detail="审核与支付分设", owner_id="u-czs-cashier",
        due_date=date(2026, 1, 3), by=TOWN_OFFICE,
    )  # fmt: skip
    app.publish(point, TOWN_OFFICE, days=1)
    return point


def _result(
    unit: str, year: int, at: datetime, by: str = "QX-TH", rests_on: tuple[str, ...] | None = None
) -> AssessmentPublished:
    """A published result; `rests_on` the ce_ids its line names (None: published before the
    lines named them)."""
    line = ScoreLine(component="overdue", points=-4, max_points=0, evidence_count=4,
                     evidence_event_ids=rests_on, evidence_record_ids=rests_on and ())  # fmt: skip
    data = AssessmentPublishedData(
        schema_version=1, unit_code=unit, node_id="district",
        actor=Actor(user_id="u-qx-office", role="office", unit_code="QX"), authority="Art. 31",
        occurred_at=at, assessment_id=uuid4(), year=year, assessor_unit=by, total=82.5,
        grade="good", scheme_digest="sha256:demo", lines=(line,),
    )  # fmt: skip
    return AssessmentPublished.create(
        data=data, subject=str(data.assessment_id), source="/lianfang/district/assessment",
        clock_now=at,
    )  # fmt: skip


def test_the_timeline_follows_the_risk_point_and_what_follows_the_warning() -> None:
    """“按照风险等级，由低到高分别实行黄色、橙色、红色预警” (Art. 28) and "动态修正" (Art. 30):
    the case's point is graded, approved, published and in force; its measure falls overdue and
    is verified; the judgement names it; the warning's deadlines pass; the meeting asks for a
    re-grade and the level above chases the disposal; an inspection reopens the point, which is
    re-graded and approved again; the office dismisses a 瞒报 candidate; the annual results of
    the units and year concerned are published. Another case on the same point stays out."""
    case, other_case = uuid4(), uuid4()
    clock = ManualClock(datetime(2026, 1, 1, 1, 0, tzinfo=UTC))
    register = RegisterApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=clock,
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    grant_test_posts(register)  # the leaders hold the leader grant (Art. 14)
    point = _identified(register, "报销审核与支付由同一人完成")
    elsewhere = _identified(register, "票据保管无人复核")  # another point: none of the case's
    clock.advance(timedelta(days=3))
    for p in (point, elsewhere):
        register.bring_into_force(p, TOWN_OFFICE)
    assert check_measure_deadlines(register) == 2  # overdue after 3 January (Beijing)
    register.update_measure(point, "business_process.1", "done", "已分设", TOWN_OFFICE)
    register.verify_measure(point, "business_process.1", True, "抽查三宗", CZS_HEAD)
    [graded_once] = [
        e for e in _register_published(register)
        if isinstance(e, RiskGraded) and e.data.risk_point_id == point
    ]  # fmt: skip

    # The judgement names the point; the warning service warns on the register's own grading.
    made = _with(judged(case), risk_point_id=point)
    other = _with(judged(other_case), risk_point_id=point)  # a second case on the same point
    warning_clock = ManualClock(START)
    warning = WarningApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=warning_clock,
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    feed(warning, graded_once)
    for upstream in (made, other):
        feed(warning, upstream)
        proposal = warning.list_proposals("QX", ProposalStatus.OPEN)[-1].id
        meeting = ReviewRecord(date(2026, 1, 5), ["镇党委书记"], Decision.ISSUE, "太和纪要3号")
        warning.review(proposal, meeting, OFFICE)
        warning.issue_warning(proposal, OFFICE)
    warning_clock.advance(timedelta(days=40))
    assert warning.check_deadlines() > 0
    for escalation in [p for p in warning.list_proposals("QX") if p.source == "escalation"]:
        refer = ReviewRecord(date(2026, 2, 14), ["镇党委书记"], Decision.REGRADE, "太和纪要9号",
                             reasons="逾期未作说明")  # fmt: skip
        warning.review(escalation.id, refer, OFFICE)
    [mine] = [
        e.data.warning_id for e in _warning_published(warning)
        if isinstance(e, WarningIssued) and e.data.judgement_id == made.data.judgement_id
    ]  # fmt: skip
    warning.supervise(mine, "chased", "请按期落实", DISTRICT_OFFICE)
    warned = _warning_published(warning)
    warning.close()

    # An inspection finds the point wanting; the register reopens it, it is re-graded, approved.
    clock.set(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    request = revision_requested(point, clock.now(), aspects=("grade",), unit_code="QX-TH-CZS")
    register_feed(register, request, "lianfang.assessment")
    register.grade_risk_point(
        point, SERIOUS, reason="检查发现风险被低估", responsible_leader_id="u-taihe-czs-head",
        by=TOWN_OFFICE,
    )  # fmt: skip
    register.vote(point, True, "同意", CZS_HEAD)
    registered = _register_published(register)
    register.close()

    # Intake's report and a 瞒报 candidate about it, dismissed (the review names only the breach).
    reported = risk_reported(information_id=case, at=START - timedelta(days=2))
    found = _with(up.breach("concealment_candidate", at=START + timedelta(days=6)),
                  information_id=case)  # fmt: skip
    dismissed = _with(
        up.reviewed(found, "dismissed", START + timedelta(days=8)), information_id=None
    )
    # Another case's grading of the same point, and the annual results.
    foreign_grading = graded(point, Grade.MEDIUM, unit="QX-TH-CZS", source=GradeSource.JUDGEMENT,
                             judgement_id=other.data.judgement_id)  # fmt: skip
    results_at = datetime(2027, 1, 20, 2, 0, tzinfo=UTC)
    card = _result("QX-TH-CZS", 2026, results_at)
    town_card = _result("QX-TH", 2026, results_at, by="QX")  # the town missed a talk it owed
    unrelated = [_result("QX-TH-CZS", 2025, results_at), _result("QX-TH-GHB", 2026, results_at)]
    events = [reported, made, other, request, found, dismissed, foreign_grading, card, town_card,
              *unrelated, *registered, *warned]  # fmt: skip

    entries = case_timeline(case, events)
    by_type: dict[str, list[TimelineEntry]] = {}
    for e in entries:
        by_type.setdefault(e.event_type, []).append(e)

    # The point's own story, each step on it (and none of the other point's).
    point_steps = [e for e in entries if e.via == "risk_point"]
    assert {e.event_type for e in point_steps} == {
        "RiskGraded", "RiskPointApproved", "RiskPointPublished", "RiskPointInForce",
        "MeasureOverdue", "MeasureVerified", "RevisionRequested", "RiskPointReopened",
    }  # fmt: skip
    point_ids = {str(e.data.risk_point_id) for e in registered if hasattr(e.data, "risk_point_id")}
    assert point_ids == {str(point), str(elsewhere)}
    assert all(f"风险点 {str(point)[:8]}" in e.what for e in point_steps)
    kinds = [e.event_type for e in point_steps]
    assert kinds[:3] == ["RiskGraded", "RiskPointApproved", "RiskPointPublished"]
    assert kinds[-4:] == ["RevisionRequested", "RiskPointReopened", "RiskGraded",
                          "RiskPointApproved"]  # fmt: skip
    first, again = by_type["RiskGraded"]
    assert "风险排查评定" in first.what
    assert ("动态修正" in again.what, "原为低" in again.what) == (True, True)
    rounds = [e.what for e in by_type["RiskPointApproved"]]
    assert ["第1轮" in rounds[0], "第2轮" in rounds[1]] == [True, True]
    assert by_type["RiskPointPublished"][0].due_at is not None  # the end of publication
    assert "逾期未完成" in by_type["MeasureOverdue"][0].what
    assert "逾期；责任人 u-czs-cashier" in by_type["MeasureVerified"][0].what
    assert "风险等级" in by_type["RevisionRequested"][0].what
    assert by_type["RevisionRequested"][0].event_id == request.id
    # The register's reopening, published (Art. 30): what it stood at, and who asked.
    [reopened] = by_type["RiskPointReopened"]
    assert "退回所在单位动态修正（风险等级；原为生效，现风险等级低）" in reopened.what
    assert reopened.actor == "u-qx-inspector（auditor，QX）"
    assert reopened.authority == "Art. 30"

    # What follows the warning: overdue of both holders, this warning's re-grade, the chase.
    [regrade] = by_type["RegradeProposed"]
    assert "逾期未作说明" in regrade.what
    [chase] = by_type["DisposalSupervised"]
    assert "经上级督办" in chase.what
    assert len(by_type["RectificationOverdue"]) == 3
    assert len(by_type["DisposalOverdue"]) == 1
    # The office's dismissal, linked by the breach it reviews.
    [review] = by_type["ReportingBreachReviewed"]
    assert (review.event_id, review.via) == (dismissed.id, "case")
    assert "排除瞒报嫌疑" in review.what

    # The annual results of the units and year the case's facts fall in, and only those.
    results = by_type["AssessmentPublished"]
    assert {e.event_id for e in results} == {card.id, town_card.id}
    assert all(e.via == "unit_year" and "按单位与年度关联" in e.what for e in results)

    # Nothing of the other case: its judgement, warning, re-grade, grading of the point.
    others = {other.id, foreign_grading.id}
    others |= {
        e.id for e in warned
        if getattr(e.data, "judgement_id", None) == other.data.judgement_id
        or getattr(e.data, "warning_id", None) not in (None, mine)
    }  # fmt: skip
    assert len(others) > 5
    shown = {e.event_id for e in entries}
    assert not shown & others
    assert not shown & {e.id for e in unrelated}
    assert shown <= {e.id for e in events}
    assert [e.occurred_at for e in entries] == sorted(e.occurred_at for e in entries)
    # The case's own unit decides who reads it, whatever the point's steps came first.
    assert entries[0].via == "risk_point"
    assert case_unit(entries) == reported.data.unit_code

    document = render_markdown(case, entries)
    assert document.count("\n| 20") == len(entries)
    assert "| 所涉风险点 |" in document
    assert "| 单位年度 |" in document
    assert all(e.event_id in document for e in entries)


CHART = [
    {"key": "check", "name": "审核报销凭证", "post": "出纳岗", "time_limit_days": 2,
     "discretion": True, "checks": ["两人审核"]},
]  # fmt: skip


def test_the_timeline_follows_the_point_to_its_power_and_its_reopening() -> None:
    """“编制职权目录…绘制权力运行流程图” (Art. 11) and “动态修正” (Art. 30): the case's point lies
    in a catalogued power, charted twice; the timeline shows the power's cataloguing and both
    versions of its chart (and nothing of another power), and, after an inspection's request,
    the register's published reopening of the point, citing the request."""
    case = uuid4()
    clock = ManualClock(datetime(2026, 1, 1, 1, 0, tzinfo=UTC))
    register = RegisterApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=clock,
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    grant_test_posts(register)  # the leaders hold the leader grant (Art. 14)
    draft = PowerDraft("QX-TH-CZS", "财政资金支付审核", "other", "《预算法》第五十七条", ["出纳岗"])
    power = register.catalogue_power(draft, TOWN_OFFICE)
    register.draw_flowchart(power, CHART, TOWN_OFFICE)
    register.draw_flowchart(power, [*CHART, {**CHART[0], "key": "pay", "name": "支付"}],
                            TOWN_OFFICE)  # fmt: skip
    other_power = register.catalogue_power(
        PowerDraft("QX-TH-CZS", "票据管理", "other", "《会计法》", ["出纳岗"]), TOWN_OFFICE
    )
    point = register.identify_risk_point(
        RiskPointDraft("QX-TH-CZS", "出纳岗", "business_process", "审核与支付由同一人完成",
                       ["虚报冒领"], power_id=power, step_key="check"),
        TOWN_OFFICE,
    )  # fmt: skip
    register.grade_risk_point(
        point, MINOR, reason="初次评定", responsible_leader_id="u-taihe-czs-head", by=TOWN_OFFICE
    )
    register.vote(point, True, "同意", CZS_HEAD)
    clock.advance(timedelta(days=30))
    request = revision_requested(point, clock.now(), aspects=("content",), unit_code="QX-TH-CZS")
    register_feed(register, request, "lianfang.assessment")
    register_feed(register, request, "lianfang.assessment")  # a re-send reopens nothing more
    registered = _register_published(register)
    register.close()

    [graded_event] = [e for e in registered if isinstance(e, RiskGraded)]
    assert graded_event.data.power_id == power  # the grading names the point's power (Art. 11)
    [reopened] = [e for e in registered if isinstance(e, RiskPointReopened)]
    assert (reopened.data.request_event_id, reopened.data.status_before) == (
        request.id, "approved"
    )  # fmt: skip
    assert (reopened.data.unit_code, reopened.data.aspects) == ("QX-TH-CZS", ("content",))

    made = _with(judged(case), risk_point_id=point)
    reported = risk_reported("QX-TH-CZS", information_id=case, at=START)
    entries = case_timeline(case, [reported, made, request, *registered])

    powers = [e for e in entries if e.via == "power"]
    assert [e.event_type for e in powers] == ["PowerCatalogued", "PowerCharted", "PowerCharted"]
    assert "列入职权目录：财政资金支付审核" in powers[0].what
    assert ["第1版" in powers[1].what, "第2版" in powers[2].what] == [True, True]
    other_ids = {
        e.id for e in registered
        if isinstance(e, PowerCatalogued | PowerCharted) and e.data.power_id == other_power
    }  # fmt: skip
    assert len(other_ids) == 1
    assert not other_ids & {e.event_id for e in entries}
    [shown] = [e for e in entries if e.event_type == "RiskPointReopened"]
    assert (shown.event_id, shown.via) == (reopened.id, "risk_point")
    assert "原为审定通过" in shown.what
    assert "| 所涉职权 |" in render_markdown(case, entries)


def test_a_grading_published_before_it_named_the_power_shows_no_power() -> None:
    """A RiskGraded without `power_id` (published before it was carried, still schema 1) parses,
    and the timeline, which cannot tell the point's power, shows none rather than guess."""
    case = uuid4()
    made = judged(case)
    assert made.data.risk_point_id is not None
    old = graded(made.data.risk_point_id, Grade.LOW)
    payload = old.model_dump(mode="json")
    del payload["data"]["power_id"]
    parsed = parse_event(payload)
    assert isinstance(parsed, RiskGraded)
    assert (parsed.data.power_id, parsed.data.schema_version) == (None, 1)
    catalogued = [e for e in _catalogue_events() if isinstance(e, PowerCatalogued)]
    entries = case_timeline(case, [made, parsed, *catalogued])
    assert [e.via for e in entries] == ["case", "risk_point"]


def _catalogue_events() -> list[CloudEvent]:
    register = RegisterApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=ManualClock(START),
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    grant_test_posts(register)  # the leaders hold the leader grant (Art. 14)
    draft = PowerDraft("QX-TH-CZS", "财政资金支付审核", "other", "《预算法》", ["出纳岗"])
    register.catalogue_power(draft, TOWN_OFFICE)
    found = _register_published(register)
    register.close()
    return found


def test_a_result_that_names_its_evidence_is_linked_by_an_event_of_the_case() -> None:
    """“考核结果作为…干部考评的重要依据” (Art. 31): a published result names, line by line, the
    events it rests on; it is on the case's timeline when one of them is the case's (via
    `evidence`), and not merely because it is of the same unit and year. A result that names no
    events (published before the lines carried them) is still linked by unit and year."""
    reported = risk_reported(at=START)
    case = reported.data.information_id
    found = _with(up.breach("late", at=START + timedelta(days=6)), information_id=case)
    at = datetime(2027, 1, 20, 2, 0, tzinfo=UTC)
    unit, year = found.data.unit_code, 2026
    resting = _result(unit, year, at, rests_on=("some-other-event", found.id))
    elsewhere = _result(unit, year, at, rests_on=("some-other-event",))  # same unit and year
    older = _result(unit, year, at)  # names no events: unit and year
    entries = case_timeline(case, [reported, found, resting, elsewhere, older])
    results = {e.event_id: e for e in entries if e.event_type == "AssessmentPublished"}
    assert set(results) == {resting.id, older.id}
    assert results[resting.id].via == "evidence"
    assert "各项列明所据事件编号，其中含本时间线所列事实" in results[resting.id].what
    assert results[older.id].via == "unit_year"
    assert "| 考核依据 |" in render_markdown(case, entries)


def test_a_summary_adds_nothing_to_the_printed_document() -> None:
    """Review L4: what a reporter typed is shown as typed — no image, link, HTML or extra row."""
    case = uuid4()
    reported = risk_reported("QX-TH-CZS", information_id=case)
    typed = "见附件 ![t](http://x.example/p.png)\n| 伪造 | 一行 |\n<img src=x> **急**"
    reported = reported.model_copy(
        update={"data": reported.data.model_copy(update={"summary": typed})}
    )
    document = render_markdown(case, case_timeline(case, [reported]))
    rows = [line for line in document.splitlines() if line.startswith("| 20")]
    assert len(rows) == 1  # the summary's line breaks and pipes made no row of their own
    assert "![" not in document
    assert "<img" not in document.replace("\\<", "")  # only escaped
    assert "\\!\\[t\\](http://x.example/p.png)" in rows[0]
    assert "\\| 伪造 \\| 一行 \\|" in rows[0]
    assert "\\<img src=x\\> \\*\\*急\\*\\*" in rows[0]
