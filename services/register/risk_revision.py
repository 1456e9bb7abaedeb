"""How a risk point is revised 动态修正 after an inspection finds it wrong (Art. 30).

第三十条: the content, grade and measures of a risk point are revised as inspections find them
wanting. Reopening sends the point back to its unit; content and measures change, the grade is
re-assessed, and the leadership team approves again as the first time (Art. 14). Nothing is
overwritten: earlier content, gradings and every request stay in the history.

The `RiskPoint` aggregate inherits these events (and those of publication, `risk_publication`);
its own module holds the rest of its life.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import event

from services.register.risk_publication import PublishableRiskPoint
from services.register.risk_records import (
    Content,
    Focus,
    Revision,
    RiskStatus,
    Vote,
)
from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord, Grade, RiskCategory


class RevisableRiskPoint(PublishableRiskPoint):
    """The revision part of a risk point's life (Art. 30); see `RiskPoint` for the rest."""

    # State the rest of the risk point keeps, declared here for the revision events.
    category: RiskCategory
    description: str
    manifestations: tuple[str, ...]
    focus: Focus
    status: RiskStatus
    round: int
    votes: dict[str, Vote]
    approved_at: datetime | None
    revisions: list[Revision]
    earlier_content: list[Content]

    @property
    def grade(self) -> Grade | None:
        raise NotImplementedError

    @property
    def open_revisions(self) -> list[Revision]:
        """Revisions asked for and not yet approved again (Art. 30)."""
        return [r for r in self.revisions if r.closed_at is None]

    def reopen(
        self,
        *,
        request_id: UUID,
        aspects: list[str],
        finding: str,
        inspection_id: UUID,
        finding_id: UUID,
        revise_by: datetime | None,
        requested_by: ActorRecord,
        at: datetime,
    ) -> bool:
        """Reopen the point for a revision an inspection asked for; False if already asked."""
        if any(r.request_id == request_id for r in self.revisions):
            return False  # the same request again (another copy or a re-send): nothing changes
        self._reopened(
            request_id=request_id, aspects=aspects, finding=finding, inspection_id=inspection_id,
            finding_id=finding_id, revise_by=revise_by, requested_by=requested_by, at=at,
        )  # fmt: skip
        return True

    @event("Reopened")
    def _reopened(
        self,
        *,
        request_id: UUID,
        aspects: list[str],
        finding: str,
        inspection_id: UUID,
        finding_id: UUID,
        revise_by: datetime | None,
        requested_by: ActorRecord,
        at: datetime,
    ) -> None:
        self.revisions.append(
            Revision(
                request_id, tuple(aspects), finding, inspection_id, finding_id, revise_by,
                dict(requested_by), at,
            )
        )  # fmt: skip
        # Back to the unit: what was approved no longer stands until the team approves again.
        self.status = RiskStatus.DRAFT
        self.votes = {}
        self.approved_at = None
        self.publication = None
        self.in_force_since = None

    def revise_content(
        self,
        *,
        category: str,
        description: str,
        manifestations: list[str],
        focus: Focus,
        reason: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Change what the point says, while it awaits grading or approval (Art. 10, 13, 30)."""
        if self.status not in (RiskStatus.DRAFT, RiskStatus.GRADED):
            raise Conflict(
                f"the risk point is {self.status.value}: its content changes only after it is "
                "reopened for revision (动态修正, Art. 30)"
            )
        if not reason.strip():
            raise Invalid("reason", "say why the content changes (修正理由)")
        self._content_revised(
            category=category, description=description, manifestations=manifestations,
            focus=focus.as_dict(), reason=reason, revised_by=by, revised_at=at,
        )  # fmt: skip

    @event("ContentRevised")
    def _content_revised(
        self,
        *,
        category: str,
        description: str,
        manifestations: list[str],
        focus: dict[str, bool],
        reason: str,
        revised_by: ActorRecord,
        revised_at: datetime,
    ) -> None:
        self.earlier_content.append(
            Content(
                self.category.value, self.description, self.manifestations,
                self.focus.as_dict(), dict(revised_by), revised_at, reason,
            )
        )  # fmt: skip
        self.category = RiskCategory(category)
        self.description = description
        self.manifestations = tuple(manifestations)
        self.focus = Focus(**focus)
        self.status = RiskStatus.DRAFT  # re-graded or resubmitted, then approved afresh

    def resubmit(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        """Send a revised point, its grade kept, to the team again 重新审定 (Art. 14, 30)."""
        if self.status is not RiskStatus.DRAFT or self.grade is None:
            raise Conflict("only a graded risk point sent back to the unit can be resubmitted")
        if not self.open_revisions:
            raise Conflict("no revision is open; grade the point instead")
        if not reason.strip():
            raise Invalid("reason", "say what was revised")
        self._resubmitted(reason=reason, by=by, at=at)

    @event("Resubmitted")
    def _resubmitted(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        self.status = RiskStatus.GRADED
        self.round += 1
        self.votes = {}
