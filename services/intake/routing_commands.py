"""Taking routed information in, closing forwards, and chasing feedback (Art. 24, 跟踪督办)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.intake.domain import RiskInformation
from services.intake.filing import FilingCommands, InformationDraft
from services.intake.routing import DISCIPLINE_INSPECTION
from shared.application import Rejected, actor_of
from shared.auth import Role
from shared.errors import Forbidden, Invalid
from shared.events import InformationAcknowledged, InformationForwarded, InformationTransferred
from shared.orgtree import UnknownUnit

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from shared.auth import Principal
    from shared.events import CloudEvent


class RoutingCommands(FilingCommands):
    """What intake does with routed information addressed to this node (Art. 24)."""

    def concerns(self, upstream: CloudEvent) -> bool:
        """Only routed information addressed to this node (not this node's own events)."""
        routed = (InformationForwarded, InformationTransferred, InformationAcknowledged)
        return isinstance(upstream, routed) and upstream.data.to_node_id == self.node_id

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Accept what is forwarded or transferred here; close forwards acknowledged to us."""
        if isinstance(upstream, InformationAcknowledged):
            self._take_acknowledgement(upstream, processing_event)
        elif isinstance(upstream, InformationForwarded | InformationTransferred):
            self._take_routed(upstream, processing_event)

    def _take_routed(
        self,
        routed: InformationForwarded | InformationTransferred,
        processing_event: ProcessingEvent[UUID],
    ) -> None:
        """File routed information here as received (接收批转/移送), and answer a forward."""
        data = routed.data
        try:
            self.org.get(data.unit_code)
        except UnknownUnit as exc:
            raise Rejected(str(exc)) from exc
        information_id = RiskInformation.create_id(str(data.channel), data.source_reference)
        is_forward = isinstance(routed, InformationForwarded)
        if information_id in self.repository:
            case: RiskInformation = self.repository.get(information_id)
        else:
            draft = InformationDraft(
                channel=str(data.channel),
                source_reference=data.source_reference,
                unit_code=data.unit_code,
                summary=data.summary,
                learned_at=data.learned_at,
                happened_at=data.happened_at,
                subject_post=data.subject_post,
                subject_person_id=data.subject_person_id,
                attachment_refs=list(data.attachment_refs),
                has_protected_source=data.has_protected_source,
            )
            received_from = {
                "node_id": data.node_id,
                "event_id": routed.id,
                "information_id": str(data.information_id),
                "kind": "forward" if is_forward else "transfer",
            }
            pending = self.build_filing(draft, data.actor.model_dump(), False, received_from)
            case = pending[0]  # type: ignore[assignment]
            processing_event.collect_events(*pending)
        if is_forward:
            case.send_acknowledgement(data.node_id, routed.id, self.clock.now())
            processing_event.collect_events(case)

    def _take_acknowledgement(
        self, ack: InformationAcknowledged, processing_event: ProcessingEvent[UUID]
    ) -> None:
        """The lower node took our forward in: tracking ends (Art. 24)."""
        case_id = ack.data.information_id
        if case_id not in self.repository:
            raise Rejected(f"no forwarded information {case_id} at node {self.node_id}")
        case: RiskInformation = self.repository.get(case_id)
        if case.acknowledge(ack.data.node_id, ack.id, self.clock.now()):
            processing_event.collect_events(case)

    def transfer_to_discipline(
        self, information_id: UUID, reason: str, by: Principal
    ) -> RiskInformation:
        """Transfer a case to the discipline authority 纪检监察机关 (移送, Art. 24).

        A person decides, not the screening: the office 预防腐败室 or the judgement group 研判小组
        of a unit above the case, with reasons; the decision is an event and goes out as
        InformationTransferred addressed to `discipline_inspection`.
        """
        if not by.has_any((Role.OFFICE, Role.JUDGE)):
            raise Forbidden(
                "only the prevention office (预防腐败室) or the judgement group (研判小组) "
                "transfers information to the discipline authority"
            )
        if not reason.strip():
            raise Invalid("reason", "a transfer to the discipline authority needs its reasons")
        case = self._get(information_id, RiskInformation, "risk information")
        if not self.org.is_within(case.unit_code, by.unit_code):
            raise Forbidden(f"unit {case.unit_code} is outside your jurisdiction")
        case.transfer_to_discipline(
            DISCIPLINE_INSPECTION, actor_of(by, prefer="office"), reason.strip(), self.clock.now()
        )
        self.save(case)
        return case

    def chase_feedback(self) -> int:
        """Remind before the feedback deadline, record it overdue after (督办, Art. 24)."""
        now = self.clock.now()
        remind_from = timedelta(days=self.rules.reminder_days)
        changed = 0
        for row in self.view.cases():
            if not row.awaiting_feedback or row.overdue_at is not None:
                continue
            due = row.feedback_due_at
            assert due is not None
            case: RiskInformation = self.repository.get(row.id)
            if now >= due and case.overdue_at is None:
                case.record_overdue(now)
            elif now >= due - remind_from and case.reminded_at is None and now < due:
                case.remind(now)
            else:
                continue
            try:
                self.save(case)
            except IntegrityError:
                continue  # another worker recorded it first
            changed += 1
        return changed
