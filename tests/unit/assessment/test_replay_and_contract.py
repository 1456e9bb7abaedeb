"""The same history gives the same score; what goes out on the contract (Art. 30, 31).

Replay: the stored events of one application are copied into a fresh one (in memory, and a
second process's view of the same SQLite file); both score the year exactly as the first did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventsourcing.persistence import StoredEvent

from services.assessment.contract import request_id_for, translate
from shared.events import AssessmentPublished, RevisionRequested, parse_event
from shared.events.publish import Origin
from tests.unit.assessment.story import TOWN_OFFICE, UNIT, new_app, point, tell_the_year

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from services.assessment.app import AssessmentApplication

ORIGIN = Origin("/lianfang/district/assessment", "district")


def _stored(app: AssessmentApplication) -> list[StoredEvent]:
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    return [StoredEvent(n.originator_id, n.originator_version, n.topic, n.state) for n in notes]


def test_replaying_the_history_twice_gives_the_same_score(tmp_path: Path) -> None:
    env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "a.db")}
    app, clock = new_app(env)
    tell_the_year(app, clock)
    card = app.score_unit(UNIT, 2026, TOWN_OFFICE).card

    # Replay 1: a second application over the same file (as a restarted process would be).
    reopened, _ = new_app(env)
    # Replay 2: every stored event copied into an empty in-memory store.
    fresh, _ = new_app()
    fresh.recorder.insert_events(_stored(app))
    for replay in (reopened, fresh):
        assert replay.get_assessment(UNIT, 2026).card == card  # the recorded card, as it was
        again = replay.preview(UNIT, 2026)  # and scored anew from the replayed history
        assert again == card
    assert fresh.preview(UNIT, 2026) == reopened.preview(UNIT, 2026)
    reopened.close()
    app.close()


def test_a_finding_about_a_risk_point_asks_the_register_to_revise_it() -> None:
    app, clock = new_app()
    told = tell_the_year(app, clock)
    out = [e for e in (translate(d, ORIGIN) for d in _domain_events(app)) if e is not None]
    requests = [e for e in out if isinstance(e, RevisionRequested)]
    # Only the finding naming a risk point's grade; the other findings concern the unit's work.
    assert len(requests) == 1
    r = requests[0].data
    assert (r.risk_point_id, r.aspects, r.unit_code) == (point(2), ("grade",), UNIT)
    assert r.finding_id == told.findings["wrong"]
    assert r.request_id == request_id_for(told.findings["wrong"])
    assert requests[0].subject == str(point(2))
    # Survey responses, drafts and figures never leave the service.
    assert all(isinstance(e, RevisionRequested) for e in out)
    # The same stored event always makes the same public event (a re-send is equal).
    again = [translate(d, ORIGIN) for d in _domain_events(app)]
    assert [e for e in again if e is not None] == out


def test_publishing_sends_the_result_on_the_contract() -> None:
    app, clock = new_app()
    told = tell_the_year(app, clock)
    app.score_unit(UNIT, 2026, TOWN_OFFICE)
    app.publish(UNIT, 2026, TOWN_OFFICE)
    out = [e for e in (translate(d, ORIGIN) for d in _domain_events(app)) if e is not None]
    published = [e for e in out if isinstance(e, AssessmentPublished)]
    assert len(published) == 1
    data = published[0].data
    assert (data.unit_code, data.year, data.assessor_unit) == (UNIT, 2026, "QX-TH")
    assert (data.total, data.grade) == (66.83, "pass")  # the hand-checked year
    lines = {line.component: (line.points, line.evidence_count) for line in data.lines}
    assert lines["reporting"] == (10, 2)
    assert lines["commendation"] == (2, 1)
    # Each line names what it rests on (Art. 31): the other services' events by ce_id, and
    # assessment's own records (inspections, commendations...) apart, since no topic holds them.
    by = {line.component: line for line in data.lines}
    assert by["reporting"].evidence_event_ids == (told.late_breach, told.untrue_judgement)
    assert by["reporting"].evidence_record_ids == ()
    assert told.overdue in (by["overdue"].evidence_event_ids or ())
    assert {told.yellow, told.orange} <= set(by["warnings"].evidence_event_ids or ())
    assert told.in_force in (by["identification"].evidence_event_ids or ())
    assert by["commendation"].evidence_event_ids == ()
    assert len(by["commendation"].evidence_record_ids or ()) == 1
    assert by["inspection"].evidence_record_ids
    assert by["inspection"].evidence_event_ids == ()
    for line in data.lines:
        named = (line.evidence_event_ids or ()) + (line.evidence_record_ids or ())
        assert len(set(named)) == len(named) <= line.evidence_count
    # It parses back through the contract as any consumer would read it.
    assert parse_event(published[0].model_dump(mode="json")) == published[0]
    # A result published before the lines named their evidence still parses (no new version):
    # its lines name none (null), which consumers tell apart from "rests on nothing" (empty).
    older = published[0].model_dump(mode="json")
    for line in older["data"]["lines"]:
        del line["evidence_event_ids"], line["evidence_record_ids"]
    parsed = parse_event(older)
    assert isinstance(parsed, AssessmentPublished)
    assert parsed.data.schema_version == 1
    assert all(line.evidence_event_ids is None for line in parsed.data.lines)


def _domain_events(app: AssessmentApplication) -> list[DomainEventProtocol[UUID]]:
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    return [app.mapper.to_domain_event(n) for n in notes]
