"""Art. 24 as a story: 谁主管、谁负责 — accept, forward 批转 and track, or transfer 移送.

Two nodes, the district and 太和镇 (town-taihe), each with its own store. The district gets
information about a village 太和镇 manages: it forwards it with a feedback deadline; the town
takes it in, handles it (RiskReported from there) and sends a receipt; the district records the
delivery and keeps tracking until the town reports how it handled the matter (the whole exchange
is in test_tracking_until_handled.py). A forward nobody answers is reminded, then recorded
overdue. The town sends what the district manages up by transfer. Events addressed to other
nodes change nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from eventsourcing.persistence import Tracking

from services.intake.contract import translate
from shared.application import Rejected
from shared.events import (
    InformationAcknowledged,
    InformationForwarded,
    InformationTransferred,
    RiskReported,
)
from shared.events.publish import Origin
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    DISTRICT_OFFICE,
    JUDGE,
    TAIHE_OFFICE,
    TwoNodeStory,
    draft,
)

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock
    from shared.events import CloudEvent

DISTRICT = Origin("/lianfang/district/intake", "district")
TAIHE = Origin("/lianfang/town-taihe/intake", "town-taihe")


def published(app: IntakeApplication, origin: Origin, after: int = 0) -> list[CloudEvent]:
    """The public events the outbox relay would send, after a notification id."""
    found = []
    for n in app.recorder.select_notifications(start=after + 1, limit=10_000):
        event = translate(app.mapper.to_domain_event(n), origin)
        if event is not None:
            found.append(event)
    return found


class Hand:
    """Hands public events to a node as its Inbox would, one offset after another."""

    def __init__(self) -> None:
        self.offset = 0

    def over(self, app: IntakeApplication, event: CloudEvent) -> None:
        self.offset += 1
        app.process_event(event, Tracking("lianfang.intake.events-0", self.offset))  # type: ignore[arg-type]


class Routing(TwoNodeStory):
    def test_own_unit_is_accepted_here(self, app: IntakeApplication) -> None:
        filing = app.file_information(draft("R-1", unit="QX-ZRZY"), DISTRICT_OFFICE)
        assert filing.routing == "accepted"
        [event] = published(app, DISTRICT)
        assert isinstance(event, RiskReported)

    def test_a_forward_is_taken_in_below_and_receipted(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        hand = Hand()
        filing = app.file_information(draft("R-2", unit="QX-TH-V1"), DISTRICT_OFFICE)
        assert (filing.routing, filing.routed_to) == ("forwarded", "town-taihe")
        [forwarded] = published(app, DISTRICT)
        assert isinstance(forwarded, InformationForwarded)
        assert forwarded.data.to_node_id == "town-taihe"
        assert "批转" in forwarded.data.reason
        assert forwarded.data.feedback_due_at == app.clock.now() + timedelta(days=10)
        assert [c.id for c in app.open_forwards()] == [filing.information_id]

        # The district's own event comes back on its topic: not addressed to it, nothing happens.
        before = app.get_information(filing.information_id).version
        hand.over(app, forwarded)
        assert app.get_information(filing.information_id).version == before

        # The town takes it in: its case, RiskReported from the town, and an acknowledgement.
        hand.over(town, forwarded)
        case = town.get_information(filing.information_id)
        assert case.routing == "accepted"
        assert case.received_from is not None
        assert case.received_from["kind"] == "forward"
        reported, ack = published(town, TAIHE)
        assert isinstance(reported, RiskReported)
        assert reported.data.node_id == "town-taihe"
        assert isinstance(ack, InformationAcknowledged)
        assert (ack.data.to_node_id, ack.data.forwarded_event_id) == ("district", forwarded.id)

        # The district takes the receipt: delivered, but not answered; tracking goes on.
        hand.over(app, ack)
        case = app.get_information(filing.information_id)
        assert case.acknowledged is not None
        assert case.tracking_state == "delivered"
        assert [c.id for c in app.open_forwards()] == [filing.information_id]
        whats = [t.what for t in app.timeline(filing.information_id)]
        assert whats == ["filed", "forwarded", "acknowledged"]

    def test_an_unanswered_forward_is_reminded_then_overdue(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        filing = app.file_information(draft("R-3", unit="QX-TH-V1"), DISTRICT_OFFICE)
        assert app.chase_feedback() == 0  # nothing due yet
        clock.advance(timedelta(days=8, hours=1))  # within two days of the deadline
        assert app.chase_feedback() == 1
        assert app.chase_feedback() == 0  # reminded once
        clock.advance(timedelta(days=2))
        assert app.chase_feedback() == 1
        assert app.chase_feedback() == 0
        case = app.get_information(filing.information_id)
        assert case.reminded_at is not None
        assert case.overdue_at == clock.now()
        whats = [t.what for t in app.timeline(filing.information_id)]
        assert whats == ["filed", "forwarded", "feedback_reminded", "feedback_overdue"]

    def test_what_the_district_manages_goes_up_by_transfer(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        filing = town.file_information(draft("R-4", unit="QX-TH"), TAIHE_OFFICE)
        assert (filing.routing, filing.routed_to) == ("transferred", "district")
        [transferred] = published(town, TAIHE)
        assert isinstance(transferred, InformationTransferred)
        assert "移送" in transferred.data.reason
        Hand().over(app, transferred)
        [reported] = published(app, DISTRICT)
        assert isinstance(reported, RiskReported)
        assert reported.data.information_id == filing.information_id

    def test_a_judge_transfers_a_case_to_the_discipline_authority(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        filing = app.file_information(draft("R-6", unit="QX-TH"), DISTRICT_OFFICE)
        seen = app.recorder.max_notification_id() or 0
        app.transfer_to_discipline(filing.information_id, "涉嫌违纪，移送纪委监委", JUDGE)
        [moved] = published(app, DISTRICT, after=seen)
        assert isinstance(moved, InformationTransferred)
        assert (moved.data.to_node_id, moved.data.reason) == (
            "discipline_inspection",
            "涉嫌违纪，移送纪委监委",
        )
        assert (moved.data.actor.user_id, moved.data.actor.role) == ("u-judge", "judge")
        assert moved.data.reported_by.user_id == DISTRICT_OFFICE.user_id
        assert moved.data.information_id == filing.information_id
        # Addressed to no node: neither the town nor the district itself files it again.
        Hand().over(town, moved)
        assert town.view.cases() == []
        assert app.get_information(filing.information_id).routed_to == "discipline_inspection"

    def test_a_forward_about_a_unit_unknown_below_is_refused_not_dropped(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        app.file_information(draft("R-7", unit="QX-TH-V1"), DISTRICT_OFFICE)
        [forward] = published(app, DISTRICT)
        assert isinstance(forward, InformationForwarded)
        unknown = forward.model_copy(
            update={"data": forward.data.model_copy(update={"unit_code": "QX-TH-V9"})}
        )
        # Refused loudly (the inbox sends it to the dead letters), never silently skipped.
        with pytest.raises(Rejected, match="QX-TH-V9"):
            Hand().over(town, unknown)
        assert town.view.cases() == []
        assert app.open_forwards() != []  # still tracked at the district

    def test_events_for_other_nodes_change_nothing(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        app.file_information(draft("R-5", unit="QX-TP-V1"), DISTRICT_OFFICE)
        [to_taiping] = published(app, DISTRICT)
        Hand().over(town, to_taiping)
        assert published(town, TAIHE) == []
        assert town.view.cases() == []


class TestRoutingInMemory(InMemory, Routing):
    pass


class TestRoutingSQLite(OnSQLite, Routing):
    pass
