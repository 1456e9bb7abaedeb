"""One year of 太和镇财政所 (QX-TH-CZS), told to the assessment service (Art. 8, 23, 28, 30, 31).

Used by the scoring narrative, the replay test and the API tests: the same history each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from services.assessment.app import AssessmentApplication
from services.assessment.inspections.handlers import NewFinding, NewInspection
from services.assessment.inspections.model import InspectionKind
from services.assessment.recognition.model import RecognitionKind
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade, WarningLevel
from tests.support.events import risk_reported
from tests.support.stores import Story
from tests.unit.assessment import upstream as up

UNIT = "QX-TH-CZS"
TOWN_OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
UNIT_OFFICE = Principal("u-czs-office", frozenset({Role.OFFICE}), UNIT)
DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def point(n: int) -> UUID:
    return uuid5(NAMESPACE_URL, f"urn:test:risk-point:{n}")


def power(n: int) -> UUID:
    return uuid5(NAMESPACE_URL, f"urn:test:power:{n}")


def make_app(env: dict[str, str], clock: ManualClock) -> AssessmentApplication:
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return AssessmentApplication(env, clock=clock, org=org, node_root="QX")


def new_app(env: dict[str, str] | None = None) -> tuple[AssessmentApplication, ManualClock]:
    clock = ManualClock(START)
    return make_app(env or {"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock), clock


class AssessmentStory(Story[AssessmentApplication]):
    """A story re-told per store by subclasses that provide `env` (tests/support/stores.py)."""

    start = START

    def make_app(self, env: dict[str, str], clock: ManualClock) -> AssessmentApplication:
        return make_app(env, clock)


@dataclass
class Told:
    """The ids a test checks the explanation against."""

    powers: list[str] = field(default_factory=list)
    graded: list[str] = field(default_factory=list)
    approved: dict[str, str] = field(default_factory=dict)
    in_force: str = ""
    published: str = ""
    late_breach: str = ""
    untrue_judgement: str = ""
    yellow: str = ""
    orange: str = ""
    overdue: str = ""
    findings: dict[str, UUID] = field(default_factory=dict)
    responses: list[UUID] = field(default_factory=list)
    commendation: str = ""


def tell_the_year(app: AssessmentApplication, clock: ManualClock) -> Told:
    """The year as the hand-checked example in the scoring narrative describes it."""
    told = Told()
    # Register: two powers catalogued, one of them charted.
    catalogue = [up.catalogued(power(1)), up.charted(power(1)), up.catalogued(power(2))]
    # Three risk points graded. Point 1 is approved, then re-graded higher (it counts once as
    # graded, but the new grade awaits approval again); point 2 is approved, published and in
    # force; point 3 is approved and being published.
    gradings = [up.graded(point(1)), up.graded(point(2)), up.graded(point(3))]
    milestones = [up.approved(point(1)), up.approved(point(2)), up.published(point(2)),
                  up.in_force(point(2))]  # fmt: skip
    regrade = up.graded(point(1), Grade.HIGH)
    later = [up.approved(point(3)), up.published(point(3))]
    for event in [*catalogue, *gradings, *milestones, regrade, *later]:
        up.feed(app, event)
    told.powers = [e.id for e in catalogue]
    told.graded = [e.id for e in [*gradings, regrade]]
    told.approved = {"p2": milestones[1].id, "p3": later[0].id}
    told.in_force, told.published = milestones[3].id, later[1].id
    # Intake: four reports, one of them late; the judgement group finds another untrue.
    for n in range(4):
        up.feed(app, risk_reported(UNIT, at=up.AT + timedelta(days=n)))
    late, untrue = up.breach("late"), up.untrue_report_judged()
    up.feed(app, late)
    up.feed(app, untrue)
    told.late_breach, told.untrue_judgement = late.id, untrue.id
    # Warning: a yellow warning closed in time; an orange one whose rectification ran over.
    yellow, orange = up.issued(WarningLevel.YELLOW), up.issued(WarningLevel.ORANGE)
    overdue = up.overdue(orange)
    for event in (yellow, up.closed(yellow), orange, overdue):
        up.feed(app, event)
    told.yellow, told.orange, told.overdue = yellow.id, orange.id, overdue.id

    # The town's internal inspection: one finding rectified in time, one still open.
    internal = app.open_inspection(
        NewInspection(InspectionKind.INTERNAL, UNIT, "2026年上半年廉政风险防控检查", 2026),
        TOWN_OFFICE,
    )
    fixed = app.record_finding(
        internal.id, NewFinding("票据审核记录不全", rectify_by=date(2026, 5, 31)), TOWN_OFFICE
    )
    wrong = app.record_finding(
        internal.id,
        NewFinding("资金支付风险等级评定偏低", risk_point_id=point(2), aspects=("grade",)),
        TOWN_OFFICE,
    )
    clock.advance(timedelta(days=100))  # mid-April
    app.close_finding(internal.id, fixed, "已补齐审核记录", TOWN_OFFICE)
    app.complete_inspection(internal.id, "发现问题2项", TOWN_OFFICE)
    # The unit's annual self-inspection: one finding, rectified after its deadline; completed.
    own = app.open_inspection(
        NewInspection(InspectionKind.SELF, UNIT, "2026年度自查", 2026, trigger="annual"),
        UNIT_OFFICE,
    )
    late_fix = app.record_finding(
        own.id, NewFinding("岗位职责说明未更新", rectify_by=date(2026, 4, 20)), UNIT_OFFICE
    )
    clock.advance(timedelta(days=30))  # mid-May: after 20 April
    app.close_finding(own.id, late_fix, "已更新", UNIT_OFFICE)
    app.complete_inspection(own.id, "自查完成", UNIT_OFFICE)
    told.findings = {"fixed": fixed, "wrong": wrong, "late_fix": late_fix}

    # Social evaluation: a closed round with two responses; an open round does not count yet.
    questions = [("q1", "办事是否公开透明"), ("q2", "工作人员是否廉洁")]
    survey = app.open_survey(UNIT, "2026年度社会评议", questions, TOWN_OFFICE, 2026)
    told.responses.append(
        app.respond(survey.id, "token-aaaa-0001", {"q1": 5, "q2": 4}, TOWN_OFFICE)
    )
    told.responses.append(
        app.respond(survey.id, "token-bbbb-0002", {"q1": 3, "q2": 4}, TOWN_OFFICE)
    )
    app.close_survey(survey.id, TOWN_OFFICE)
    still_open = app.open_survey(UNIT, "2026年度补充评议", questions, TOWN_OFFICE, 2026)
    app.respond(still_open.id, "token-cccc-0003", {"q1": 1, "q2": 1}, TOWN_OFFICE)
    # The town commends the unit's new review procedure.
    told.commendation = str(
        app.recognise(RecognitionKind.COMMENDATION, UNIT, "创新报销双人复核机制",
                      "太和委〔2026〕8号", TOWN_OFFICE, 2026).id
    )  # fmt: skip
    return told
