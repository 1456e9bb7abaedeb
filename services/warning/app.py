"""The warning application (Art. 26–29): proposals from judgements, review, warnings, deadlines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.action_commands import ActionCommands
from services.warning.deadline_watch import DeadlineWatch
from services.warning.disposal_commands import DisposalCommands
from services.warning.proposal import Proposal, ProposalKind, ProposalStatus, proposal_id
from services.warning.rules import LEVELS
from services.warning.timeline import TimelineEntry, timeline
from shared.application import Rejected
from shared.events import JudgementMade, RiskGraded
from shared.vocabulary import GradeSource, Verdict

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.warning.read_model import OverdueRow, ProposalRow, WarningRow
    from shared.events import CloudEvent


class WarningApplication(DisposalCommands, ActionCommands, DeadlineWatch):
    """Commands, queries and reactions of the warning service; plain types in and out."""

    name = "warning"

    # -- proposals from the register (Art. 25, 27) ----------------------------------------------

    def concerns(self, upstream: CloudEvent) -> bool:
        """Judgements and judgement-sourced gradings: what may call for a disposal (Art. 27)."""
        return isinstance(upstream, JudgementMade | RiskGraded)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        if isinstance(upstream, JudgementMade):
            d = upstream.data
            if d.verdict is Verdict.VIOLATION:
                kind, level = ProposalKind.TRANSFER, None
            elif d.verdict is Verdict.INCIPIENT_TENDENCY and d.recommended_level is not None:
                kind, level = ProposalKind.WARNING, d.recommended_level.value
            else:
                return  # unfounded, or no warning recommended: nothing to dispose of
            self._propose(
                processing_event, d.unit_code, kind, level, "judgement", d.judgement_id,
                d.information_id, d.risk_point_id, d.reasoning,
            )  # fmt: skip
        elif isinstance(upstream, RiskGraded):
            g = upstream.data
            if g.source is not GradeSource.JUDGEMENT or g.recommended_level is None:
                return
            if g.judgement_id is None:
                raise Rejected("a grading from a judgement names no judgement_id")
            self._propose(
                processing_event, g.unit_code, ProposalKind.WARNING, g.recommended_level.value,
                "grading", g.judgement_id, g.information_id, g.risk_point_id, g.reason,
            )  # fmt: skip

    def _propose(
        self,
        processing_event: ProcessingEvent[UUID],
        unit_code: str,
        kind: ProposalKind,
        level: str | None,
        source: str,
        judgement_id: UUID,
        information_id: UUID | None,
        risk_point_id: UUID | None,
        reasoning: str,
    ) -> None:
        """Open a proposal for the body with cadre-management authority (Art. 27), once."""
        if unit_code not in self.org:
            raise Rejected(f"unknown unit {unit_code!r}")
        key = f"judgement:{judgement_id}"
        if proposal_id(key) in self.repository:
            return  # the judgement and its grading both propose: the first one counts
        processing_event.collect_events(
            Proposal(
                key=key,
                subject_unit=unit_code,
                disposing_unit=self.disposing_unit(unit_code),
                reported_to=self.reported_to(unit_code),
                kind=kind.value,
                level=level,
                source=source,
                judgement_id=judgement_id,
                information_id=information_id,
                risk_point_id=risk_point_id,
                escalated_from=None,
                reasoning=reasoning,
                opened_at=self.clock.now(),
            )
        )

    # -- queries (Art. 27–29) -------------------------------------------------------------------

    def _units(self, within: str) -> set[str]:
        return {u.code for u in self.org.subtree(self.unit(within, "within").code)}

    def list_proposals(
        self, within: str, status: ProposalStatus | None = None
    ) -> list[ProposalRow]:
        """Proposals about units of the subtree of `within`, oldest first (Art. 28)."""
        return self.view.proposals(self._units(within), status=status)

    def list_warnings(
        self,
        within: str,
        *,
        level: str | None = None,
        open_only: bool = True,
        due_before: datetime | None = None,
    ) -> list[WarningRow]:
        """Warnings of the subtree of `within` by level and deadline (预警台账, Art. 28)."""
        return self.view.warnings(
            self._units(within), level=level, open_only=open_only, due_before=due_before
        )

    def list_overdue(self, within: str) -> list[OverdueRow]:
        """Actions found overdue in the subtree of `within` (逾期未整改, Art. 28)."""
        return self.view.overdue(self._units(within))

    def overdue_counts(self) -> dict[str, int]:
        """Outstanding actions of open warnings past their deadline, by level, for the
        `lianfang_overdue{kind}` gauge (shared.metrics.ReportsOverdue; Art. 28, 29)."""
        now = self.clock.now()
        counts = {f"{level}_actions": 0 for level in LEVELS}
        for row in self.view.warnings(self.org.codes(), level=None, open_only=True):
            late = [a for a in row.actions if a.outstanding and a.due_at <= now]
            counts[f"{row.level}_actions"] += len(late)
        return counts

    def warning_timeline(self, warning_id: UUID) -> list[TimelineEntry]:
        """Every step of a warning from its proposal on (Art. 27–29)."""
        return timeline(self, self.get_warning(warning_id).proposal_id)

    def proposal_timeline(self, proposal_id: UUID) -> list[TimelineEntry]:
        self.get_proposal(proposal_id)
        return timeline(self, proposal_id)

    def inbox(self, unit_code: str) -> list[TimelineEntry]:
        """Disposal steps reported to a unit 条块结合 (Art. 27)."""
        self.unit(unit_code, "unit_code")
        entries = [
            e for pid in self.view.chains_reported_to(unit_code) for e in timeline(self, pid)
        ]
        return sorted(entries, key=lambda e: e.at, reverse=True)
