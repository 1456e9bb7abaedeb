"""A warning issued after review 预警通知书 and the disposal of its actions (Art. 27, 28).

Commands check the rules and trigger one event; event methods only change state, so replaying the
stored events rebuilds the warning without checking again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.warning.actions import ActionReport, ActionState, ActionStatus
from services.warning.rules import DOCUMENT_KINDS, MEETING_KINDS
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActorRecord


def warning_id_for(proposal_id: UUID) -> UUID:
    """One warning per reviewed proposal: its id follows from the proposal's."""
    return uuid5(proposal_id, "warning")


def action_id_for(warning_id: UUID, kind: str) -> UUID:
    return uuid5(warning_id, f"action:{kind}")


class IssuedWarning(Aggregate):
    """A yellow, orange or red warning and its due actions (黄色/橙色/红色预警, Art. 28)."""

    @staticmethod
    def create_id(proposal_id: UUID, **_: Any) -> UUID:
        return warning_id_for(proposal_id)

    @event("Issued")
    def __init__(
        self,
        *,
        proposal_id: UUID,
        notice_number: str,
        level: str,
        subject_unit: str,
        subject_person_id: str | None,
        disposing_unit: str,
        reported_to: list[str],
        risk_point_id: UUID | None,
        judgement_id: UUID | None,
        information_id: UUID | None,
        meeting_id: UUID,
        minutes_ref: str,
        reasons: str,
        actions: list[dict[str, Any]],
        issued_by: ActorRecord,
        issued_at: datetime,
    ) -> None:
        self.proposal_id = proposal_id
        self.notice_number = notice_number
        self.level = level
        self.subject_unit = subject_unit
        self.subject_person_id = subject_person_id
        self.disposing_unit = disposing_unit
        self.reported_to = tuple(reported_to)
        self.risk_point_id = risk_point_id
        self.judgement_id = judgement_id
        self.information_id = information_id
        self.meeting_id = meeting_id
        self.minutes_ref = minutes_ref
        self.reasons = reasons
        self.actions: dict[UUID, ActionState] = {
            a["action_id"]: ActionState(a["action_id"], a["kind"], a["description"], a["due_at"])
            for a in actions
        }
        self.issued_by = dict(issued_by)
        self.issued_at = issued_at
        self.closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def action(self, action_id: UUID) -> ActionState:
        """One action of this warning; Invalid naming `action_id` if it has none such."""
        try:
            return self.actions[action_id]
        except KeyError:
            raise Invalid(
                "action_id", f"warning {self.notice_number} has no action {action_id}"
            ) from None

    # -- doing the actions (Art. 28) ------------------------------------------------------------

    def report(
        self,
        action_id: UUID,
        *,
        note: str,
        document_refs: list[str],
        held_at: datetime | None,
        participants: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Report what was done for an action: documents, a talk held, measures done (Art. 28)."""
        self._open_only()
        action = self.action(action_id)
        if action.status is not ActionStatus.PENDING:
            raise Conflict(f"{action.kind} is already {action.status.value}")
        refs = [r.strip() for r in document_refs if r.strip()]
        people = [p.strip() for p in participants if p.strip()]
        if action.kind in MEETING_KINDS:
            if held_at is None:
                raise Invalid("held_at", "say when the talk or inquiry was held")
            if not people:
                raise Invalid("participants", "say who took part")
        elif action.kind in DOCUMENT_KINDS and not refs:
            raise Invalid("document_refs", "give the reference of the document (材料)")
        elif action.kind not in MEETING_KINDS | DOCUMENT_KINDS and not note.strip():
            raise Invalid("note", "say what was done (整改/处理情况)")
        if held_at is not None and held_at > at:
            raise Invalid("held_at", "cannot lie in the future")
        self._reported(
            action_id=action_id, note=note.strip(), document_refs=refs, held_at=held_at,
            participants=people, by=by, at=at,
        )  # fmt: skip

    @event("ActionReported")
    def _reported(
        self,
        *,
        action_id: UUID,
        note: str,
        document_refs: list[str],
        held_at: datetime | None,
        participants: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        report = ActionReport(
            note, tuple(document_refs), held_at, tuple(participants), dict(by), at
        )
        action = self.actions[action_id]
        self.actions[action_id] = replace(
            action, status=ActionStatus.REPORTED, reports=(*action.reports, report)
        )

    def verify(
        self, action_id: UUID, *, accepted: bool, reason: str, by: ActorRecord, at: datetime
    ) -> bool:
        """Verify 核实 or return 退回 a report; True if the warning closed (Art. 28)."""
        self._open_only()
        action = self.action(action_id)
        if action.status is not ActionStatus.REPORTED:
            raise Conflict(f"{action.kind} is {action.status.value}: nothing to verify")
        if action.reports[-1].by["user_id"] == by["user_id"]:
            raise Forbidden("nobody verifies their own submission")
        if not accepted:
            if not reason.strip():
                raise Invalid("reason", "say why the report is returned (退回理由)")
            self._returned(action_id=action_id, reason=reason.strip(), by=by, at=at)
            return False
        self._verified(action_id=action_id, by=by, at=at)
        if all(a.status is ActionStatus.VERIFIED for a in self.actions.values()):
            self._closed(
                unit_code=self.subject_unit, notice_number=self.notice_number, level=self.level,
                actions_verified=len(self.actions), by=by, at=at,
            )  # fmt: skip
            return True
        return False

    @event("ActionVerified")
    def _verified(self, *, action_id: UUID, by: ActorRecord, at: datetime) -> None:
        self.actions[action_id] = replace(
            self.actions[action_id],
            status=ActionStatus.VERIFIED,
            verified_by=dict(by),
            verified_at=at,
        )

    @event("ActionReturned")
    def _returned(self, *, action_id: UUID, reason: str, by: ActorRecord, at: datetime) -> None:
        action = self.actions[action_id]
        self.actions[action_id] = replace(
            action, status=ActionStatus.PENDING, returned_reasons=(*action.returned_reasons, reason)
        )

    @event("Closed")
    def _closed(  # the facts ride along so the closure can be published on its own
        self,
        *,
        unit_code: str,
        notice_number: str,
        level: str,
        actions_verified: int,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        self.closed_at = at

    def _open_only(self) -> None:
        if not self.is_open:
            raise Conflict(f"warning {self.notice_number} is closed")
