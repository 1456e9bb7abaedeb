"""Risk information as intake receives, screens and routes it (Art. 21, 22, 24).

`RiskInformation` is the case: filed on one channel, screened at once (the decision 分流 is part of
the filing), and afterwards tracked or transferred (Art. 24; see `services/intake/routing/`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict, DomainError
from shared.vocabulary import ActorRecord, Channel, RoutingOutcome

if TYPE_CHECKING:
    from services.intake.identity.model import PetitionerIdentity

INFORMATION_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:information")
IDEMPOTENCY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:idempotency")
CHANNELS = tuple(c.value for c in Channel)


class ContentTooLarge(DomainError):
    """Content over the size limit (answered as 413, Art. 22)."""

    status_code = 413


@dataclass(frozen=True)
class InformationDraft:
    """What a filer says about a piece of risk information (Art. 22)."""

    channel: str
    source_reference: str
    unit_code: str
    summary: str
    learned_at: datetime
    happened_at: datetime | None = None
    subject_post: str | None = None
    subject_person_id: str | None = None
    attachment_refs: list[str] = field(default_factory=list)
    has_protected_source: bool = False
    petitioner: PetitionerIdentity | None = field(default=None, repr=False)

    def fingerprint_fields(self) -> dict[str, Any]:
        """Everything the request said, for recognising a resubmission under the same key."""
        out = {k: v for k, v in vars(self).items() if k != "petitioner"}
        who = self.petitioner
        out["petitioner"] = [who.name, who.contact, who.id_number] if who else None
        return out


@dataclass(frozen=True)
class Filing:
    """The case a filing landed in; `created` is False for a source filed before (Art. 22)."""

    information_id: UUID
    created: bool
    routing: RoutingOutcome = RoutingOutcome.ACCEPTED
    routed_to: str = ""
    replayed: bool = False

    def as_answer(self) -> dict[str, Any]:
        """The filing as remembered under an `Idempotency-Key` (JSON-ready)."""
        return {
            "information_id": str(self.information_id),
            "created": self.created,
            "routing": self.routing.value,
            "routed_to": self.routed_to,
            "replayed": self.replayed,
        }

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> Filing:
        """The filing a remembered answer stands for (a replay)."""
        return cls(
            information_id=UUID(str(answer["information_id"])),
            created=bool(answer["created"]),
            routing=RoutingOutcome(answer["routing"]),
            routed_to=str(answer["routed_to"]),
            replayed=bool(answer["replayed"]),
        )


class IdempotentAnswer(Aggregate):
    """The first answer to one caller's request under one `Idempotency-Key` (幂等, Art. 22)."""

    @staticmethod
    def create_id(user_id: str, key: str, **_: Any) -> UUID:
        return uuid5(IDEMPOTENCY_NAMESPACE, f"{user_id}:{key}")

    @event("Recorded")
    def __init__(self, *, user_id: str, key: str, fingerprint: str, answer: dict[str, Any]) -> None:
        self.user_id = user_id
        self.key = key
        self.fingerprint = fingerprint
        self.answer = dict(answer)


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
        filed_by: ActorRecord
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
        filed_by: ActorRecord,
        filed_at: datetime,
        authority: str,
        routing: str,
        routed_to: str,
        routing_reason: str,
        feedback_due_at: datetime | None,
        reported_by_unit: bool,
        received_from: dict[str, str] | None,
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
        # Stored as its plain value; the state holds the vocabulary's member.
        self.routing = RoutingOutcome(routing)
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
        return self.routing == RoutingOutcome.FORWARDED and self.acknowledged is None

    @property
    def tracking_state(self) -> str:
        """A forward's tracking 督办: awaiting, reminded, overdue or acknowledged (Art. 24)."""
        if self.acknowledged is not None:
            return "acknowledged"
        if self.overdue_at is not None:
            return "overdue"
        return "reminded" if self.reminded_at is not None else "awaiting"

    class FeedbackReminded(Aggregate.Event):
        """The lower node was reminded that feedback is due soon (督办, Art. 24)."""

        at: datetime

    def remind(self, at: datetime) -> None:
        """Remind the lower node that feedback is due soon (督办, Art. 24)."""
        if not self.awaiting_feedback or self.reminded_at is not None:
            raise Conflict("nothing to remind: no open forward, or reminded already")
        self._remind(at=at)

    @event(FeedbackReminded)
    def _remind(self, at: datetime) -> None:
        self.reminded_at = at

    class FeedbackOverdue(Aggregate.Event):
        """The lower node's feedback is overdue (逾期未反馈, Art. 24)."""

        at: datetime
        due_at: datetime

    def record_overdue(self, at: datetime) -> None:
        """Record that the lower node's feedback is overdue (逾期未反馈, Art. 24)."""
        if not self.awaiting_feedback or self.overdue_at is not None:
            raise Conflict("nothing overdue: no open forward, or recorded already")
        assert self.feedback_due_at is not None
        self._overdue(at=at, due_at=self.feedback_due_at)

    @event(FeedbackOverdue)
    def _overdue(self, at: datetime, due_at: datetime) -> None:
        self.overdue_at = at

    class Acknowledged(Aggregate.Event):
        """The lower node took this node's forward in: tracking ends (反馈, Art. 24)."""

        node_id: str
        event_id: str
        at: datetime

    def acknowledge(self, node_id: str, event_id: str, at: datetime) -> bool:
        """Close tracking: the lower node took the forward in (反馈, Art. 24); False if closed."""
        if self.routing != RoutingOutcome.FORWARDED or self.acknowledged is not None:
            return False
        self._acknowledged(node_id=node_id, event_id=event_id, at=at)
        return True

    @event(Acknowledged)
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

        by: ActorRecord
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
        reported_by: ActorRecord
        has_protected_source: bool

    def transfer_to_discipline(
        self, to_body: str, by: ActorRecord, reason: str, at: datetime
    ) -> None:
        """Transfer a case handled here to the discipline authority, with who and why (Art. 24).

        Only a case this node handles (accepted) can go: a forward is the lower node's to move.
        """
        if self.discipline_transfer is not None:
            raise Conflict(f"already transferred to {to_body} on {self.discipline_transfer['at']}")
        if self.routing != RoutingOutcome.ACCEPTED:
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
        by: ActorRecord,
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
        reported_by: ActorRecord,
        has_protected_source: bool,
    ) -> None:
        self.discipline_transfer = {"by": by, "reason": reason, "at": at, "to": to_body}
        self.routing = RoutingOutcome.TRANSFERRED
        self.routed_to = to_body
        self.routing_reason = reason
