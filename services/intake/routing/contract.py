"""Routing decisions after filing, translated into the public contract (Art. 24).

A received forward is receipted with InformationAcknowledged (delivery) and answered with
InformationHandled, the lower level's handling report; the forwarding level's chases 催办, returns
退回 and sign-off 办结 go down as InformationSupervised, and a handling report not made by its
deadline as InformationFeedbackOverdue. A person's transfer to the discipline
authority 纪检监察机关 goes out as InformationTransferred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.intake.filing.model import RiskInformation
from shared.events import (
    Actor,
    InformationAcknowledged,
    InformationAcknowledgedData,
    InformationFeedbackOverdue,
    InformationFeedbackOverdueData,
    InformationHandled,
    InformationHandledData,
    InformationSupervised,
    InformationSupervisedData,
    InformationTransferred,
    InformationTransferredData,
)
from shared.events.publish import Origin, public_envelope
from shared.vocabulary import ActorRecord, Channel

if TYPE_CHECKING:
    from shared.events import CloudEvent


def translate_acknowledgement(e: RiskInformation.AcknowledgementSent, origin: Origin) -> CloudEvent:
    """This node took a forward in: the receipt to the forwarding node (delivery, Art. 24)."""
    data = InformationAcknowledgedData(
        **origin.stamp(e.unit_code, origin.system(e.unit_code), "Art. 24", e.at),
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        forwarded_event_id=e.forwarded_event_id,
    )
    return public_envelope(InformationAcknowledged, e, origin, data=data)


def translate_discipline_transfer(
    e: RiskInformation.TransferredToDiscipline, origin: Origin
) -> CloudEvent:
    """A person's decision to transfer 移送 a case to the discipline authority (Art. 24)."""
    data = InformationTransferredData(
        **origin.stamp(e.unit_code, Actor.model_validate(e.by), "Art. 24", e.at),
        information_id=e.originator_id,
        channel=Channel(e.channel),
        source_reference=e.source_reference,
        summary=e.summary,
        subject_post=e.subject_post,
        subject_person_id=e.subject_person_id,
        happened_at=e.happened_at,
        learned_at=e.learned_at,
        attachment_refs=tuple(e.attachment_refs),
        reported_by=Actor.model_validate(e.reported_by),
        has_protected_source=e.has_protected_source,
        to_node_id=e.to_body,
        reason=e.reason,
    )
    return public_envelope(InformationTransferred, e, origin, data=data)


def translate_handling_report(e: RiskInformation.HandlingReported, origin: Origin) -> CloudEvent:
    """How this node handled a forward: the answer to the forwarding node (反馈, Art. 24)."""
    data = InformationHandledData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 24", e.at),
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        forwarded_event_id=e.forwarded_event_id,
        round=e.round,
        outcome=e.outcome,
        measures=tuple(e.measures),
        document_refs=tuple(e.document_refs),
    )
    return public_envelope(InformationHandled, e, origin, data=data)


def translate_feedback_overdue(
    e: RiskInformation.FeedbackOverdue, origin: Origin
) -> CloudEvent | None:
    """The lower node's handling report is overdue: to its inbox (逾期未反馈, Art. 24).

    An overdue recorded before it was published did not keep the case's unit and the lower node;
    it stays internal rather than name them wrongly.
    """
    if e.unit_code is None or e.to_node_id is None:
        return None
    data = InformationFeedbackOverdueData(
        **origin.stamp(e.unit_code, origin.system(e.unit_code), "Art. 24", e.at),
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        due_at=e.due_at,
    )
    return public_envelope(InformationFeedbackOverdue, e, origin, data=data)


def translate_chase(e: RiskInformation.Chased, origin: Origin) -> CloudEvent:
    """A chase 催办 (a person's, or the timer's reminder), to the lower node's inbox (Art. 24)."""
    return _supervised(e, origin, e.by, act="chased", reason=e.note, feedback_due_at=e.due_at)


def translate_return(e: RiskInformation.HandlingReturned, origin: Origin) -> CloudEvent:
    """A handling report returned 退回 for rework, with reasons and a new deadline (Art. 24)."""
    return _supervised(e, origin, e.by, act="returned", reason=e.reason,
                       feedback_due_at=e.due_at, round=e.round,
                       handled_event_id=e.handled_event_id)  # fmt: skip


def translate_sign_off(e: RiskInformation.SignedOff, origin: Origin) -> CloudEvent:
    """A handling report signed off 办结: the forward is answered (Art. 24)."""
    return _supervised(e, origin, e.by, act="signed_off", reason=e.opinion,
                       feedback_due_at=None, round=e.round,
                       handled_event_id=e.handled_event_id)  # fmt: skip


def _supervised(
    e: RiskInformation.Chased | RiskInformation.HandlingReturned | RiskInformation.SignedOff,
    origin: Origin,
    by: ActorRecord,
    **act: Any,
) -> CloudEvent:
    data = InformationSupervisedData(
        **origin.stamp(e.unit_code, Actor(**by), "Art. 24", e.at),
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        **({"round": None, "handled_event_id": None} | act),
    )
    return public_envelope(InformationSupervised, e, origin, data=data)
