"""The supervision of a disposal, translated into the public contract (Art. 29).

Every act — a chase 督办, a return 退回, the disposing body's rework, the sign-off 办结 — goes
out as DisposalSupervised, so the audit trail and assessment can cite it.
"""

from __future__ import annotations

from services.warning.supervision.model import DisposalSupervision
from shared.events import Actor, DisposalSupervised, DisposalSupervisedData
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
    )
    return public_envelope(DisposalSupervised, e, origin, data=data)
