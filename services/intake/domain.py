"""Risk information as intake receives, screens and routes it (Art. 21, 22, 24)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict

INFORMATION_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:information")

ACCEPTED = "accepted"  # 本级直接处理
FORWARDED = "forwarded"  # 批转下级
TRANSFERRED = "transferred"  # 移送上级或纪检监察机关


class RiskInformation(Aggregate):
    """One piece of risk information 廉政风险信息, received on one channel (Art. 22).

    Its identity comes from the channel and the source's own reference, so filing the same
    source twice finds the first filing instead of creating a second case. The screening
    decision 分流 (Art. 24) is part of the filing: who decided, where it went and why.
    """

    @staticmethod
    def create_id(channel: str, source_reference: str, **_: Any) -> UUID:
        return uuid5(INFORMATION_NAMESPACE, f"{channel}:{source_reference}")

    class Filed(Aggregate.Created):
        """Information was filed and screened: what, about whom, when, by whom, routed where."""

        channel: str
        source_reference: str
        unit_code: str
        subject_post: str | None
        subject_person_id: str | None
        summary: str
        happened_at: datetime | None
        learned_at: datetime
        attachment_refs: list[str]
        has_protected_source: bool
        filed_by: dict[str, str]
        filed_at: datetime
        authority: str
        routing: str
        routed_to: str
        routing_reason: str
        feedback_due_at: datetime | None
        reported_by_unit: bool
        received_from: dict[str, str] | None

    @event(Filed)
    def __init__(
        self,
        *,
        channel: str,
        source_reference: str,
        unit_code: str,
        subject_post: str | None,
        subject_person_id: str | None,
        summary: str,
        happened_at: datetime | None,
        learned_at: datetime,
        attachment_refs: list[str],
        has_protected_source: bool,
        filed_by: dict[str, str],
        filed_at: datetime,
        authority: str,
        routing: str = ACCEPTED,
        routed_to: str = "",
        routing_reason: str = "",
        feedback_due_at: datetime | None = None,
        reported_by_unit: bool = False,
        received_from: dict[str, str] | None = None,
    ) -> None:
        self.channel = channel
        self.source_reference = source_reference
        self.unit_code = unit_code
        self.subject_post = subject_post
        self.subject_person_id = subject_person_id
        self.summary = summary
        self.happened_at = happened_at
        self.learned_at = learned_at
        self.attachment_refs = list(attachment_refs)
        self.has_protected_source = has_protected_source
        self.filed_by = dict(filed_by)
        self.filed_at = filed_at
        self.authority = authority
        self.routing = routing
        self.routed_to = routed_to
        self.routing_reason = routing_reason
        self.feedback_due_at = feedback_due_at
        self.reported_by_unit = reported_by_unit
        self.received_from = dict(received_from) if received_from else None
        self.reminded_at: datetime | None = None
        self.overdue_at: datetime | None = None
        self.acknowledged: dict[str, Any] | None = None
        self.discipline_transfer: dict[str, Any] | None = None

    @property
    def awaiting_feedback(self) -> bool:
        """A forward 批转 not yet acknowledged by the lower node (跟踪督办, Art. 24)."""
        return self.routing == FORWARDED and self.acknowledged is None

    def remind(self, at: datetime) -> None:
        """Remind the lower node that feedback is due soon (督办, Art. 24)."""
        if not self.awaiting_feedback or self.reminded_at is not None:
            raise Conflict("nothing to remind: no open forward, or reminded already")
        self._remind(at=at)

    @event("FeedbackReminded")
    def _remind(self, at: datetime) -> None:
        self.reminded_at = at

    def record_overdue(self, at: datetime) -> None:
        """Record that the lower node's feedback is overdue (逾期未反馈, Art. 24)."""
        if not self.awaiting_feedback or self.overdue_at is not None:
            raise Conflict("nothing overdue: no open forward, or recorded already")
        assert self.feedback_due_at is not None
        self._overdue(at=at, due_at=self.feedback_due_at)

    @event("FeedbackOverdue")
    def _overdue(self, at: datetime, due_at: datetime) -> None:
        self.overdue_at = at

    def acknowledge(self, node_id: str, event_id: str, at: datetime) -> bool:
        """Close tracking: the lower node took the forward in (反馈, Art. 24); False if closed."""
        if self.routing != FORWARDED or self.acknowledged is not None:
            return False
        self._acknowledged(node_id=node_id, event_id=event_id, at=at)
        return True

    @event("Acknowledged")
    def _acknowledged(self, node_id: str, event_id: str, at: datetime) -> None:
        self.acknowledged = {"node_id": node_id, "event_id": event_id, "at": at}

    class AcknowledgementSent(Aggregate.Event):
        """This node took a forward in and answers the forwarding node (反馈, Art. 24)."""

        unit_code: str
        to_node_id: str
        forwarded_event_id: str
        at: datetime

    def send_acknowledgement(self, to_node_id: str, forwarded_event_id: str, at: datetime) -> None:
        """Answer the forwarding node that this node took the forward in (反馈, Art. 24)."""
        self._answered(
            unit_code=self.unit_code,
            to_node_id=to_node_id,
            forwarded_event_id=forwarded_event_id,
            at=at,
        )

    @event(AcknowledgementSent)
    def _answered(
        self, unit_code: str, to_node_id: str, forwarded_event_id: str, at: datetime
    ) -> None:
        pass

    class TransferredToDiscipline(Aggregate.Event):
        """Someone decided to transfer this case to the discipline authority 纪检监察机关 (Art. 24).

        It carries what the authority receives (no petitioner identity), so the public
        InformationTransferred can be told from this event alone.
        """

        by: dict[str, str]
        reason: str
        at: datetime
        to_body: str
        unit_code: str
        channel: str
        source_reference: str
        summary: str
        subject_post: str | None
        subject_person_id: str | None
        happened_at: datetime | None
        learned_at: datetime
        attachment_refs: list[str]
        reported_by: dict[str, str]
        has_protected_source: bool

    def transfer_to_discipline(
        self, to_body: str, by: dict[str, str], reason: str, at: datetime
    ) -> None:
        """Transfer a case handled here to the discipline authority, with who and why (Art. 24).

        Only a case this node handles (accepted) can go: a forward is the lower node's to move.
        """
        if self.discipline_transfer is not None:
            raise Conflict(f"already transferred to {to_body} on {self.discipline_transfer['at']}")
        if self.routing != ACCEPTED:
            raise Conflict(
                f"the case was {self.routing} to {self.routed_to}; only information this node "
                "handles itself can be transferred from here"
            )
        self._to_discipline(
            by=dict(by),
            reason=reason,
            at=at,
            to_body=to_body,
            unit_code=self.unit_code,
            channel=self.channel,
            source_reference=self.source_reference,
            summary=self.summary,
            subject_post=self.subject_post,
            subject_person_id=self.subject_person_id,
            happened_at=self.happened_at,
            learned_at=self.learned_at,
            attachment_refs=list(self.attachment_refs),
            reported_by=dict(self.filed_by),
            has_protected_source=self.has_protected_source,
        )

    @event(TransferredToDiscipline)
    def _to_discipline(
        self,
        by: dict[str, str],
        reason: str,
        at: datetime,
        to_body: str,
        unit_code: str,
        channel: str,
        source_reference: str,
        summary: str,
        subject_post: str | None,
        subject_person_id: str | None,
        happened_at: datetime | None,
        learned_at: datetime,
        attachment_refs: list[str],
        reported_by: dict[str, str],
        has_protected_source: bool,
    ) -> None:
        self.discipline_transfer = {"by": by, "reason": reason, "at": at, "to": to_body}
        self.routing = TRANSFERRED
        self.routed_to = to_body
        self.routing_reason = reason
