"""The deadline watch's stored event that becomes a public one, charged to its holder (Art. 28).

The warned unit's lapse is RectificationOverdue; the disposing body's (a talk, the 建议书, …) is
DisposalOverdue, with the body as `unit_code`. Reminders stay internal: they go to whoever must
act and the bodies following the disposal, not onto Kafka.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.warning.deadlines.watch import SYSTEM_ACTOR, OverdueRecord
from shared.events import (
    Actor,
    DisposalOverdue,
    DisposalOverdueData,
    RectificationOverdue,
    RectificationOverdueData,
)
from shared.events.publish import Origin, Translations, public_envelope
from shared.vocabulary import ActionHolder

if TYPE_CHECKING:
    from shared.events import CloudEvent


translate = Translations()
"""An overdue action becomes RectificationOverdue or DisposalOverdue by its holder (Art. 28)."""


@translate.of(OverdueRecord.Recorded)
def _overdue(e: OverdueRecord.Recorded, origin: Origin) -> CloudEvent:
    """Charged to the holder's unit: the warned unit's, or the disposing body's own lapse."""
    by = Actor(**SYSTEM_ACTOR, unit_code=e.holder_unit)
    facts: dict[str, Any] = {
        **origin.stamp(e.holder_unit, by, "Art. 28", e.detected_at),
        "warning_id": e.warning_id,
        "notice_number": e.notice_number,
        "level": e.level,
        "action_id": e.action_id,
        "action_kind": e.action_kind,
        "due_at": e.due_at,
        "detected_at": e.detected_at,
    }
    # Keyed by the warning, so a warning's events stay in order on the topic.
    key = str(e.warning_id)
    if ActionHolder(e.holder) is ActionHolder.DISPOSING_BODY:
        body = DisposalOverdueData(**facts, warned_unit=e.unit_code)
        return public_envelope(DisposalOverdue, e, origin, data=body, subject=key)
    own = RectificationOverdueData(**facts)
    return public_envelope(RectificationOverdue, e, origin, data=own, subject=key)
