"""The supervision of a disposal, translated into the public contract (Art. 29).

Every act — a chase 督办, a return 退回, the disposing body's rework, the sign-off 办结 — goes
out as DisposalSupervised, so the audit trail and assessment can cite it; a return's rework not
reported by its deadline as DisposalReworkOverdue, the disposing body's lapse.
"""

from __future__ import annotations

from services.warning.supervision.model import DisposalSupervision, supervision_id
from services.warning.supervision.watch import ReworkOverdue
from shared.events import (
    Actor,
    DisposalReworkOverdue,
    DisposalReworkOverdueData,
    DisposalSupervised,
    DisposalSupervisedData,
)
from shared.events.publish import Origin, Translations, public_envelope

translate = Translations()
"""A supervisory act becomes DisposalSupervised; the rest stays internal (Art. 29)."""


@translate.of(DisposalSupervision.Act)
def _act(e: DisposalSupervision.Act, origin: Origin) -> DisposalSupervised:
    data = DisposalSupervisedData(
        **origin.stamp(e.subject_unit, Actor(**e.by), "Art. 29", e.at),
        warning_id=e.warning_id,
        notice_number=e.notice_number,
        disposing_unit=e.disposing_unit,
        act=e.act,
        text=e.text,
        document_refs=tuple(e.document_refs),
        due_at=e.due_at,
    )
    return public_envelope(DisposalSupervised, e, origin, data=data)


@translate.of(ReworkOverdue.Recorded)
def _rework_overdue(e: ReworkOverdue.Recorded, origin: Origin) -> DisposalReworkOverdue:
    """The disposing body's lapse: its `unit_code`, so it is charged to the body (Art. 29)."""
    system = origin.system(e.disposing_unit)
    data = DisposalReworkOverdueData(
        **origin.stamp(e.disposing_unit, system, "Art. 29", e.detected_at),
        warning_id=e.warning_id,
        notice_number=e.notice_number,
        warned_unit=e.subject_unit,
        return_number=e.return_number,
        returned_at=e.returned_at,
        due_at=e.due_at,
        detected_at=e.detected_at,
    )
    # Keyed by the supervision, so it keeps its place after the return on the topic.
    subject = str(supervision_id(e.warning_id))
    return public_envelope(DisposalReworkOverdue, e, origin, data=data, subject=subject)
