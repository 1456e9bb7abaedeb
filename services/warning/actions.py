"""The actions a warning requires and how each stands: reported, verified (Art. 28).

Plain records, rebuilt from the warning's events; no checks live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from shared.vocabulary import ActorRecord


class ActionStatus(StrEnum):
    PENDING = "pending"  # 待落实
    REPORTED = "reported"  # 已报送，待核实
    VERIFIED = "verified"  # 已核实


@dataclass(frozen=True)
class ActionReport:
    """What was done for an action: documents by reference, a talk held (when, who), a note."""

    note: str
    document_refs: tuple[str, ...]
    held_at: datetime | None
    participants: tuple[str, ...]
    by: ActorRecord
    at: datetime


@dataclass(frozen=True)
class ActionState:
    """One action of a warning with its deadline (限期) and what has happened to it (Art. 28)."""

    action_id: UUID
    kind: str
    description: str
    due_at: datetime
    status: ActionStatus = ActionStatus.PENDING
    reports: tuple[ActionReport, ...] = field(default_factory=tuple)
    verified_by: ActorRecord | None = None
    verified_at: datetime | None = None
    returned_reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def outstanding(self) -> bool:
        """Nothing (or nothing accepted) has been reported yet: the deadline still bites."""
        return self.status is ActionStatus.PENDING

    def as_event_dict(self) -> dict[str, object]:
        """The action as stored in the Issued event."""
        return {
            "action_id": self.action_id,
            "kind": self.kind,
            "description": self.description,
            "due_at": self.due_at,
        }
