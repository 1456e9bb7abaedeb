"""A case's cross-service timeline from the events the real services publish (Art. 23–29).

Intake's report, the register's judgement and the warning service's notice, overdue and the
rest are produced by the real applications (in memory, on a manual clock); the timeline must
follow the ids from the case to its judgement to its warning, leave other cases out, show a
re-sent event once, and name every event id as evidence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from services.warning.app import WarningApplication
from services.warning.contract import translate
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision, ProposalStatus
from services.warning.main import SPEC
from shared.audit.case_timeline import case_timeline, render_markdown
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.events import CloudEvent, JudgementMade
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade
from tests.support.events import risk_reported
from tests.unit.assessment import upstream as up
from tests.unit.warning.upstream import feed, graded, judgement

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
ORIGIN = Origin("/lianfang/district/warning", "district")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


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
