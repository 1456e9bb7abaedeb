"""Doing a warning's actions and verifying them (报送、核实、办结, Art. 28)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.app_base import WarningBase
from shared.application import actor_of

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from shared.auth import Principal


class ActionCommands(WarningBase):
    """Report what was done for an action; the office verifies it; all verified closes (Art. 28)."""

    def report_action(
        self,
        warning_id: UUID,
        action_id: UUID,
        by: Principal,
        *,
        note: str = "",
        document_refs: list[str] | None = None,
        held_at: datetime | None = None,
        participants: list[str] | None = None,
    ) -> None:
        """Submit documents, a talk held, or measures done for one action (Art. 28)."""
        warning = self.get_warning(warning_id)
        self.ensure_within(by, warning.subject_unit)
        warning.report(
            action_id,
            note=note,
            document_refs=document_refs or [],
            held_at=held_at,
            participants=participants or [],
            by=actor_of(by),
            at=self.clock.now(),
        )
        self.save(warning)

    def verify_action(
        self, warning_id: UUID, action_id: UUID, by: Principal, *, accepted: bool, reason: str = ""
    ) -> bool:
        """The office verifies 核实 (or returns 退回) a report; True when the warning closed."""
        warning = self.get_warning(warning_id)
        self.ensure_within(by, warning.disposing_unit)
        closed = warning.verify(
            action_id, accepted=accepted, reason=reason, by=actor_of(by), at=self.clock.now()
        )
        self.save(warning)
        return closed
