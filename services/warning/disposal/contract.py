"""The disposal's stored events that become public ones: issue, closure, transfer, re-grade.

WarningIssued is public; WarningClosed, CaseTransferred and RegradeProposed are published for the
services themselves (Art. 14, 28). Proposals, reviews, reports and verifications stay internal.
"""

from __future__ import annotations

from services.warning.disposal.model import IssuedWarning, Proposal
from shared.events import (
    Actor,
    CaseTransferred,
    CaseTransferredData,
    DueAction,
    RegradeProposed,
    RegradeProposedData,
    WarningClosed,
    WarningClosedData,
    WarningIssued,
    WarningIssuedData,
)
from shared.events.publish import Origin, Translations, public_envelope

translate = Translations()
"""Issue, closure and transfer become public events; the rest stays internal (Art. 28)."""


@translate.of(IssuedWarning.Issued)
def _issued(e: IssuedWarning.Issued, origin: Origin) -> WarningIssued:
    by = Actor(**e.issued_by)
    data = WarningIssuedData(
        **origin.stamp(e.subject_unit, by, f"Art. 28; {e.minutes_ref}", e.issued_at),
        warning_id=e.originator_id,
        notice_number=e.notice_number,
        level=e.level,
        subject_person_id=e.subject_person_id,
        risk_point_id=e.risk_point_id,
        judgement_id=e.judgement_id,
        meeting_id=e.meeting_id,
        grade=e.grade,
        actions=tuple(
            DueAction(
                action_id=a.action_id,
                kind=a.kind,
                description=a.description,
                due_at=a.due_at,
                holder=a.holder,
            )
            for a in e.due_actions()
        ),
    )
    return public_envelope(WarningIssued, e, origin, data=data, subject=str(e.originator_id))


@translate.of(IssuedWarning.Closed)
def _closed(e: IssuedWarning.Closed, origin: Origin) -> WarningClosed:
    data = WarningClosedData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 28", e.at),
        warning_id=e.originator_id,
        notice_number=e.notice_number,
        level=e.level,
        actions_verified=e.actions_verified,
    )
    return public_envelope(WarningClosed, e, origin, data=data)


@translate.of(Proposal.Transferred)
def _transferred(e: Proposal.Transferred, origin: Origin) -> CaseTransferred:
    data = CaseTransferredData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 28(4)", e.at),
        transfer_id=e.originator_id,
        to_body=e.to_body,
        reference=e.reference,
        reasons=e.reasons,
        meeting_id=e.meeting_id,
        judgement_id=e.judgement_id,
        information_id=e.information_id,
        risk_point_id=e.risk_point_id,
    )
    return public_envelope(CaseTransferred, e, origin, data=data)


@translate.of(Proposal.Referred)
def _referred(e: Proposal.Referred, origin: Origin) -> RegradeProposed:
    data = RegradeProposedData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 14, 28", e.at),
        proposal_id=e.originator_id,
        risk_point_id=e.risk_point_id,
        warning_id=e.warning_id,
        notice_number=e.notice_number,
        current_grade=e.current_grade,
        suggested_grade=e.suggested_grade,
        overdue_action_ids=tuple(e.overdue_action_ids),
        meeting_id=e.meeting_id,
        reasons=e.reasons,
    )
    # Keyed by the risk point, the register's own key for what it will re-grade.
    return public_envelope(RegradeProposed, e, origin, data=data, subject=str(e.risk_point_id))
