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

from shared.errors import Conflict, DomainError, Invalid
from shared.vocabulary import ActorRecord, Channel, RoutingOutcome

if TYPE_CHECKING:
    from services.intake.identity.model import PetitionerIdentity

INFORMATION_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:information")
"""Of the ids cases had before they were random: a case filed then keeps its id (`legacy_id`)."""
REFERENCE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:source-reference")
IDEMPOTENCY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:idempotency")
CHANNELS = tuple(c.value for c in Channel)
# What the level above does to a forward (Art. 24), in the refusals' Chinese.
_FORWARD_ACTS_ZH = {"chased": "催办", "returned": "退回", "signed off": "办结"}


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


class SourceReference(Aggregate):
    """The index of a source's reference: which case a channel's reference about a unit is
    (Art. 22, filed once). Its id is the unique key, so two filings of one reference cannot
    both create a case (the second save fails); it never leaves the store.

    Scoped by the unit the information is about: a caller files only about units within their
    jurisdiction, so a reference another unit holds is never found (no oracle, issue #17 item 3).
    """

    @staticmethod
    def create_id(channel: str, source_reference: str, unit_code: str, **_: Any) -> UUID:
        return uuid5(REFERENCE_NAMESPACE, f"{channel}\n{source_reference}\n{unit_code}")

    @event("Claimed")
    def __init__(
        self, channel: str, source_reference: str, unit_code: str, information_id: UUID
    ) -> None:
        self.channel = channel
        self.source_reference = source_reference
        self.unit_code = unit_code
        self.information_id = information_id


class RiskInformation(Aggregate):
    """One piece of risk information 廉政风险信息, received on one channel (Art. 22).

    Its id is random (`uuid4`), so nobody computes a case's id from a petition's reference
    (信访件编号 run in sequence; review M2, issue #17 item 3); a forwarded case keeps the id the
    forwarding node gave it, so their acknowledgements name the same case. Filing the same
    source again finds the first filing through its `SourceReference`. The screening decision
    分流 (Art. 24) is part of the filing: who decided, where it went and why.
    """

    @staticmethod
    def legacy_id(channel: str, source_reference: str) -> UUID:
        """The id a case filed before ids were random has: found by its reference still."""
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
        # Tracking a forward until handled (跟踪督办, Art. 24): at the forwarding node, the
        # lower level's handling reports and this level's chases, returns and sign-off; at the
        # receiving node, its own reports and the supervision received from above.
        self.handling_reports: list[dict[str, Any]] = []
        self.chases: list[dict[str, Any]] = []
        self.returns: list[dict[str, Any]] = []
        self.signed_off: dict[str, Any] | None = None
        self.supervision: list[dict[str, Any]] = []
        # The node's own 研判小组 judged the case it handles (Art. 25): its handling here ends.
        self.judgement: dict[str, Any] | None = None

    @property
    def awaiting_feedback(self) -> bool:
        """A forward 批转 whose handling the lower level has yet to report (跟踪督办, Art. 24).

        Answered by a handling report, not by the lower node's receipt; a returned report
        (退回) is awaited again, a signed-off forward (办结) is answered for good.
        """
        if self.routing != RoutingOutcome.FORWARDED or self.signed_off is not None:
            return False
        return len(self.handling_reports) <= len(self.returns)

    @property
    def awaiting_review(self) -> bool:
        """A forward whose latest handling report awaits this level: sign off or return it."""
        if self.routing != RoutingOutcome.FORWARDED or self.signed_off is not None:
            return False
        return len(self.handling_reports) > len(self.returns)

    @property
    def tracking_state(self) -> str:
        """A forward's tracking 督办 (Art. 24).

        signed_off 办结 · reported 已报处理情况 · overdue · reminded · returned 退回重办 ·
        delivered (received below, not yet handled) · awaiting.
        """
        if self.signed_off is not None:
            return "signed_off"
        if self.awaiting_review:
            return "reported"
        if self.overdue_at is not None:
            return "overdue"
        if self.reminded_at is not None:
            return "reminded"
        if self.returns:
            return "returned"
        return "delivered" if self.acknowledged is not None else "awaiting"

    class FeedbackReminded(Aggregate.Event):
        """The lower node was reminded that feedback is due soon (督办, Art. 24).

        Kept for the events stored before reminders were delivered; new reminders are `Chased`.
        """

        at: datetime

    @event(FeedbackReminded)
    def _remind(self, at: datetime) -> None:
        self.reminded_at = at

    class FeedbackOverdue(Aggregate.Event):
        """The lower node's feedback is overdue (逾期未反馈, Art. 24).

        `unit_code` and `to_node_id` were kept from when it was published to the lower node
        (InformationFeedbackOverdue); older records lack them (None) and stay internal.
        """

        at: datetime
        due_at: datetime
        unit_code: str | None = None
        to_node_id: str | None = None

    def record_overdue(self, at: datetime) -> None:
        """Record that the lower node's handling report is overdue (逾期未反馈, Art. 24)."""
        if not self.awaiting_feedback or self.overdue_at is not None:
            raise Conflict("nothing overdue: no open forward, or recorded already")
        assert self.feedback_due_at is not None
        self._overdue(
            at=at, due_at=self.feedback_due_at, unit_code=self.unit_code, to_node_id=self.routed_to
        )

    @event(FeedbackOverdue)
    def _overdue(
        self,
        at: datetime,
        due_at: datetime,
        unit_code: str | None = None,
        to_node_id: str | None = None,
    ) -> None:
        self.overdue_at = at

    class Acknowledged(Aggregate.Event):
        """The lower node took this node's forward in: delivered, not yet answered (Art. 24)."""

        node_id: str
        event_id: str
        at: datetime

    def acknowledge(self, node_id: str, event_id: str, at: datetime) -> bool:
        """Record delivery: the lower node took the forward in (Art. 24); False if recorded.

        A receipt is a fact about delivery, not the answer: tracking goes on until the lower
        level reports how it handled the matter (`take_handling_report`).
        """
        if self.routing != RoutingOutcome.FORWARDED:
            return False
        self._from_the_routed_node(node_id, "an acknowledgement")
        if self.acknowledged is not None:
            return False
        self._acknowledged(node_id=node_id, event_id=event_id, at=at)
        return True

    def _from_the_routed_node(self, node_id: str, what: str) -> None:
        """Only the node the case was forwarded to answers for it (Art. 24; issue #17 item 2):
        another node, even one serving the unit, may not acknowledge or report on it."""
        if node_id != self.routed_to:
            raise Conflict(
                f"Art. 24: {self.id} was forwarded to node {self.routed_to}; {what} from node "
                f"{node_id} is not its answer"
            )

    @event(Acknowledged)
    def _acknowledged(self, node_id: str, event_id: str, at: datetime) -> None:
        self.acknowledged = {"node_id": node_id, "event_id": event_id, "at": at}

    class AcknowledgementSent(Aggregate.Event):
        """This node took a forward in and tells the forwarding node (receipt, Art. 24)."""

        unit_code: str
        to_node_id: str
        forwarded_event_id: str
        at: datetime

    def send_acknowledgement(self, to_node_id: str, forwarded_event_id: str, at: datetime) -> None:
        """Tell the forwarding node that this node took the forward in (receipt, Art. 24)."""
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
            at = self.discipline_transfer["at"]
            raise Conflict(
                f"该案件已于 {at} 移送纪检监察机关（{to_body}），不能重复移送 "
                f"(already transferred to {to_body} on {at})"
            )
        if self.routing != RoutingOutcome.ACCEPTED:
            raise Conflict(
                f"该案件已分流为“{self.routing.label_zh}”（{self.routed_to}），只有本级直接处理的"
                f"信息才能由本级移送 (the case was {self.routing} to {self.routed_to}; only "
                "information this node handles itself can be transferred from here)"
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

    # -- judged where it is handled (研判, Art. 25) ---------------------------------------------

    class Judged(Aggregate.Event):
        """The node's 研判小组 judged this case (Art. 25; the register's JudgementMade)."""

        judgement_id: UUID
        event_id: str
        verdict: str
        judged_at: datetime
        at: datetime

    def take_judgement(
        self, *, judgement_id: UUID, event_id: str, verdict: str, judged_at: datetime, at: datetime
    ) -> bool:
        """The judgement of a case this node handles (受理) ends its handling here (Art. 25);
        False when it is known already or the case is not this node's to handle (a forward is
        answered by the lower level's handling report and this level's sign-off, Art. 24)."""
        if self.routing != RoutingOutcome.ACCEPTED or self.judgement is not None:
            return False
        self._judged(
            judgement_id=judgement_id, event_id=event_id, verdict=verdict, judged_at=judged_at,
            at=at,
        )  # fmt: skip
        return True

    @event(Judged)
    def _judged(
        self, judgement_id: UUID, event_id: str, verdict: str, judged_at: datetime, at: datetime
    ) -> None:
        self.judgement = {
            "judgement_id": judgement_id, "event_id": event_id, "verdict": verdict,
            "judged_at": judged_at, "at": at,
        }  # fmt: skip

    # -- tracking a forward until handled (跟踪督办, Art. 24) ------------------------------------
    # At the forwarding node: chases 催办 (the timer's reminders too), the lower level's handling
    # reports, returns 退回 and the sign-off 办结. At the receiving node: its handling reports
    # and the supervision received. Each act that concerns the other node is published to it.

    class Chased(Aggregate.Event):
        """The level above chased 催办 the lower level for its handling report (Art. 24)."""

        unit_code: str
        to_node_id: str
        by: ActorRecord
        note: str
        due_at: datetime | None
        automatic: bool
        at: datetime

    def chase(self, by: ActorRecord, note: str, at: datetime, automatic: bool = False) -> None:
        """Chase 催办 the lower level for its handling report; delivered to its inbox (Art. 24)."""
        self._forward_only("chased")
        if self.awaiting_review:
            raise Conflict(
                "Art. 24: 下级已报告处理结果，请审核该报告（办结或退回），无需催办 (the lower "
                "level has reported how it handled the matter; review the report (sign it off or "
                "return it) instead of chasing)"
            )
        if not note.strip():
            raise Invalid("note", "Art. 24: 请写明催办事项 (say what the chase 催办 asks for)")
        self._chased(
            unit_code=self.unit_code, to_node_id=self.routed_to, by=dict(by), note=note.strip(),
            due_at=self.feedback_due_at, automatic=automatic, at=at,
        )  # fmt: skip

    def remind(self, at: datetime) -> None:
        """The timer's reminder before the feedback deadline: a chase by the system (Art. 24)."""
        if not self.awaiting_feedback or self.reminded_at is not None:
            raise Conflict("nothing to remind: no open forward, or reminded already")
        system = {"user_id": "system:chase-feedback", "role": "system", "unit_code": self.unit_code}
        note = "处理情况反馈期限将至，请按期报告处理结果（跟踪督办）"
        self.chase(system, note, at, automatic=True)

    @event(Chased)
    def _chased(
        self,
        unit_code: str,
        to_node_id: str,
        by: ActorRecord,
        note: str,
        due_at: datetime | None,
        automatic: bool,
        at: datetime,
    ) -> None:
        self.chases.append({"by": by, "note": note, "due_at": due_at, "automatic": automatic,
                            "at": at})  # fmt: skip
        if automatic:
            self.reminded_at = at

    class HandlingReportReceived(Aggregate.Event):
        """The lower level reported how it handled the forward (处理情况反馈, Art. 24)."""

        node_id: str
        event_id: str
        round: int
        outcome: str
        measures: list[str]
        document_refs: list[str]
        reported_by: ActorRecord
        reported_at: datetime
        at: datetime

    def take_handling_report(
        self,
        *,
        node_id: str,
        event_id: str,
        round: int,
        outcome: str,
        measures: list[str],
        document_refs: list[str],
        reported_by: ActorRecord,
        reported_at: datetime,
        at: datetime,
    ) -> bool:
        """The lower level's handling report: the forward's answer (Art. 24); False if known."""
        if self.routing != RoutingOutcome.FORWARDED:
            raise Conflict(f"Art. 24: {self.id} was not forwarded from here; no report is owed")
        self._from_the_routed_node(node_id, "a handling report")
        if any(r["round"] == round for r in self.handling_reports) or not self.awaiting_feedback:
            return False  # the same report again, or one this level no longer awaits
        self._report_received(
            node_id=node_id, event_id=event_id, round=round, outcome=outcome,
            measures=list(measures), document_refs=list(document_refs),
            reported_by=dict(reported_by), reported_at=reported_at, at=at,
        )  # fmt: skip
        return True

    @event(HandlingReportReceived)
    def _report_received(
        self,
        node_id: str,
        event_id: str,
        round: int,
        outcome: str,
        measures: list[str],
        document_refs: list[str],
        reported_by: ActorRecord,
        reported_at: datetime,
        at: datetime,
    ) -> None:
        self.handling_reports.append({
            "node_id": node_id, "event_id": event_id, "round": round, "outcome": outcome,
            "measures": list(measures), "document_refs": list(document_refs),
            "reported_by": dict(reported_by), "reported_at": reported_at, "received_at": at,
        })  # fmt: skip

    class HandlingReturned(Aggregate.Event):
        """The level above returned 退回 a handling report for rework, with reasons (Art. 24)."""

        unit_code: str
        to_node_id: str
        round: int
        handled_event_id: str
        reason: str
        by: ActorRecord
        due_at: datetime
        at: datetime

    def return_report(self, by: ActorRecord, reason: str, due_at: datetime, at: datetime) -> None:
        """Return the latest handling report for rework by `due_at`, with reasons (Art. 24)."""
        report = self._report_under_review("returned")
        if not reason.strip():
            raise Invalid(
                "reason",
                "Art. 24: 请写明退回理由 (say why the handling report is returned (退回理由))",
            )
        self._returned(
            unit_code=self.unit_code, to_node_id=self.routed_to, round=report["round"],
            handled_event_id=report["event_id"], reason=reason.strip(), by=dict(by),
            due_at=due_at, at=at,
        )  # fmt: skip

    @event(HandlingReturned)
    def _returned(
        self,
        unit_code: str,
        to_node_id: str,
        round: int,
        handled_event_id: str,
        reason: str,
        by: ActorRecord,
        due_at: datetime,
        at: datetime,
    ) -> None:
        self.returns.append({"round": round, "reason": reason, "by": by, "at": at})
        # The rework has its own deadline, reminded and recorded overdue afresh.
        self.feedback_due_at = due_at
        self.reminded_at = None
        self.overdue_at = None

    class SignedOff(Aggregate.Event):
        """The level above signed the handling off 办结: the forward is answered (Art. 24)."""

        unit_code: str
        to_node_id: str
        round: int
        handled_event_id: str
        opinion: str
        by: ActorRecord
        at: datetime

    def sign_off(self, by: ActorRecord, opinion: str, at: datetime) -> None:
        """Sign the latest handling report off 办结; tracking ends (Art. 24)."""
        report = self._report_under_review("signed off")
        self._signed_off(
            unit_code=self.unit_code, to_node_id=self.routed_to, round=report["round"],
            handled_event_id=report["event_id"], opinion=opinion.strip(), by=dict(by), at=at,
        )  # fmt: skip

    @event(SignedOff)
    def _signed_off(
        self,
        unit_code: str,
        to_node_id: str,
        round: int,
        handled_event_id: str,
        opinion: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        self.signed_off = {"round": round, "opinion": opinion, "by": by, "at": at}

    def _forward_only(self, act: str) -> None:
        act_zh = _FORWARD_ACTS_ZH[act]
        if self.routing != RoutingOutcome.FORWARDED:
            raise Conflict(
                f"Art. 24: 只有批转下级的信息才能{act_zh}；本案件的分流结果为“"
                f"{self.routing.label_zh}” (only a forward 批转 to a lower level is {act}; this "
                f"case was {self.routing.value})"
            )
        if self.signed_off is not None:
            signed_on = f"{self.signed_off['at']:%Y-%m-%d}"
            raise Conflict(
                f"Art. 24: 该批转已于 {signed_on} 办结，不能再{act_zh} (the forward was signed "
                f"off 办结 on {signed_on}; nothing more is {act})"
            )

    def _report_under_review(self, act: str) -> dict[str, Any]:
        self._forward_only(act)
        if not self.awaiting_review:
            raise Conflict(
                "Art. 24: 下级尚未报告处理结果，请先催办 (the lower level has not reported how "
                "it handled the matter yet; chase it (催办) instead)"
            )
        return self.handling_reports[-1]

    # At the receiving node.

    @property
    def forwarded_in(self) -> bool:
        """Information forwarded 批转 here from the level above, owing it a handling report."""
        return self.received_from is not None and self.received_from.get("kind") == "forward"

    @property
    def handled(self) -> list[dict[str, Any]]:
        """The handling reports this node sent up, oldest first (Art. 24)."""
        return [s for s in self.supervision if s["act"] == "reported"]

    def _received(self, act: str) -> list[dict[str, Any]]:
        return [s for s in self.supervision if s["act"] == act]

    @property
    def handling_state(self) -> str | None:
        """Where this node's answer to a forward stands; None unless forwarded in (Art. 24).

        to_report 待报告 · reported 待上级审核 · returned 退回重办 · signed_off 办结.
        """
        if not self.forwarded_in:
            return None
        if self._received("signed_off"):
            return "signed_off"
        reported, returned = len(self.handled), len(self._received("returned"))
        if reported > returned:
            return "reported"
        return "returned" if returned else "to_report"

    class HandlingReported(Aggregate.Event):
        """This node reports to the level above how it handled a forward (Art. 24)."""

        unit_code: str
        to_node_id: str
        forwarded_event_id: str
        round: int
        outcome: str
        measures: list[str]
        document_refs: list[str]
        by: ActorRecord
        at: datetime

    def report_handling(
        self,
        *,
        outcome: str,
        measures: list[str],
        document_refs: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Report how this node handled a forward: outcome, measures, documents (Art. 24)."""
        state = self.handling_state
        if state is None:
            raise Conflict(
                "Art. 24: 只有上级批转的信息才需报告处理结果；本案件由本级自行处理 (only "
                "information forwarded 批转 from the level above is reported back; this case is "
                "handled here on its own)"
            )
        if state == "signed_off":
            raise Conflict(
                "Art. 24: 上级已对该批转办结，无需再报告 (the level above signed this forward "
                "off 办结)"
            )
        if state == "reported":
            raise Conflict(
                f"Art. 24: 第 {len(self.handled)} 次处理结果报告正待上级审核，被退回后方可再次"
                f"报告 (report {len(self.handled)} awaits the level above's review; report again "
                "only if it is returned 退回)"
            )
        if not outcome.strip():
            raise Invalid(
                "outcome", "Art. 24: 请写明处理结果 (say how the matter was handled (处理结果))"
            )
        kept = [m.strip() for m in measures if m.strip()]
        if not kept:
            raise Invalid(
                "measures",
                "Art. 24: 请至少填写一项处理措施 (name at least one measure taken (处理措施))",
            )
        assert self.received_from is not None
        self._handling_reported(
            unit_code=self.unit_code, to_node_id=self.received_from["node_id"],
            forwarded_event_id=self.received_from["event_id"], round=len(self.handled) + 1,
            outcome=outcome.strip(), measures=kept,
            document_refs=[d.strip() for d in document_refs if d.strip()], by=dict(by), at=at,
        )  # fmt: skip

    @event(HandlingReported)
    def _handling_reported(
        self,
        unit_code: str,
        to_node_id: str,
        forwarded_event_id: str,
        round: int,
        outcome: str,
        measures: list[str],
        document_refs: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        self.supervision.append({
            "act": "reported", "round": round, "outcome": outcome, "measures": list(measures),
            "document_refs": list(document_refs), "by": by, "at": at, "reason": "",
            "due_at": None, "event_id": None,
        })  # fmt: skip

    class SupervisionReceived(Aggregate.Event):
        """The level above chased, returned or signed off this node's handling (Art. 24)."""

        act: str
        reason: str
        by: ActorRecord
        due_at: datetime | None
        event_id: str
        at: datetime

    def take_supervision(
        self,
        *,
        act: str,
        reason: str,
        by: ActorRecord,
        due_at: datetime | None,
        event_id: str,
        at: datetime,
    ) -> bool:
        """Put the level above's chase, return or sign-off in this node's inbox (Art. 24)."""
        if not self.forwarded_in:
            raise Conflict(f"Art. 24: {self.id} was not forwarded here; nothing to supervise")
        if any(s["event_id"] == event_id for s in self.supervision):
            return False
        self._supervised(act=act, reason=reason, by=dict(by), due_at=due_at, event_id=event_id,
                         at=at)  # fmt: skip
        return True

    @event(SupervisionReceived)
    def _supervised(
        self,
        act: str,
        reason: str,
        by: ActorRecord,
        due_at: datetime | None,
        event_id: str,
        at: datetime,
    ) -> None:
        self.supervision.append({"act": act, "reason": reason, "by": by, "due_at": due_at,
                                 "event_id": event_id, "at": at})  # fmt: skip
