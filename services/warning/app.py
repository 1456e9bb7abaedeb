"""The warning application (Art. 26–29): proposals from judgements, review, warnings, deadlines.

The one Application of the service: it reacts to the register's judgements, delegates each command
in one line to its feature's handlers (`disposal/handlers.py`, `deadlines/watch.py`), and answers
the lookups and listings the routes need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.deadlines import watch
from services.warning.deadlines.rules import LEVELS, WarningRules
from services.warning.disposal import handlers
from services.warning.disposal.model import IssuedWarning, Proposal, ProposalKind, ProposalStatus
from services.warning.read_model import WarningView
from services.warning.supervision import handlers as supervision
from services.warning.supervision import watch as rework_watch
from services.warning.timeline import ReportedStep, TimelineEntry, reported_steps, timeline
from shared.application import Rejected, ServiceApplication
from shared.events import JudgementMade, RiskGraded
from shared.vocabulary import GradeSource, Verdict

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.warning.read_model import OverdueRow, ProposalRow, WarningRow
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory
    from shared.vocabulary import WarningLevel


class WarningApplication(ServiceApplication):
    """Commands, queries and reactions of the warning service; plain types in and out."""

    name = "warning"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: WarningRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or WarningRules()
        self.view = WarningView(self)
        self.view.catch_up()

    # -- proposals from the register (Art. 25, 27) ----------------------------------------------

    def concerns(self, upstream: CloudEvent) -> bool:
        """Judgements, and every grading: the level of a warning follows the grade (Art. 28)."""
        return isinstance(upstream, JudgementMade | RiskGraded)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Keep each point's grade; a judgement of incipient tendency or violation proposes a
        disposal (Art. 25, 27, 28)."""
        if isinstance(upstream, JudgementMade):
            d = upstream.data
            if d.verdict is Verdict.VIOLATION:
                kind = ProposalKind.TRANSFER
            elif d.verdict is Verdict.INCIPIENT_TENDENCY:
                if d.risk_point_id is None:
                    raise Rejected("an incipient tendency names no risk point to grade the level")
                kind = ProposalKind.WARNING
            else:
                return  # unfounded: nothing to dispose of
            handlers.propose(
                self, processing_event, unit_code=d.unit_code, kind=kind, source="judgement",
                judgement_id=d.judgement_id, information_id=d.information_id,
                risk_point_id=d.risk_point_id, reasoning=d.reasoning,
            )  # fmt: skip
        elif isinstance(upstream, RiskGraded):
            g = upstream.data
            handlers.learn_grade(
                self, processing_event, risk_point_id=g.risk_point_id, grade=g.grade,
                graded_event_id=upstream.id, graded_at=g.occurred_at,
            )  # fmt: skip
            if g.source is not GradeSource.JUDGEMENT:
                return
            if g.judgement_id is None:
                raise Rejected("a grading from a judgement names no judgement_id")
            handlers.propose(
                self, processing_event, unit_code=g.unit_code, kind=ProposalKind.WARNING,
                source="grading", judgement_id=g.judgement_id, information_id=g.information_id,
                risk_point_id=g.risk_point_id, reasoning=g.reason,
            )  # fmt: skip

    # -- commands (Art. 28), each delegated to its feature's handler ----------------------------

    review = handlers.review
    issue_warning = handlers.issue_warning
    transfer_case = handlers.transfer_case
    report_action = handlers.report_action
    verify_action = handlers.verify_action
    supervise = supervision.supervise
    report_rework = supervision.resubmit
    check_rework_deadlines = rework_watch.check_rework_deadlines
    check_deadlines = watch.check_deadlines

    # -- the organisation (Art. 27, 29) ---------------------------------------------------------

    def disposing_unit(self, subject_unit: str) -> str:
        """The body with cadre-management authority 干部管理权限 over a unit: its parent (Art. 27).

        Towns and district departments are managed by the district, a town's units by the town;
        the district, at the top of the tree, disposes of its own.
        """
        unit = self.org.get(subject_unit)
        return unit.parent_code or unit.code

    def reported_to(self, subject_unit: str) -> list[str]:
        """Who follows the disposal 条块结合 (Art. 27): business line, then same-level office.

        The business line is the unit's superior business department in the org tree, unless
        the warning settings map the unit to another one.
        """
        same_level = self.disposing_unit(subject_unit)
        business = self.rules.business_lines.get(subject_unit)
        if business is None:
            business = self.org.get(subject_unit).business_department
        return [business, same_level] if business and business != same_level else [same_level]

    # -- lookups and queries (Art. 27–29) -------------------------------------------------------

    def get_proposal(self, proposal_id: UUID) -> Proposal:
        """A disposal proposal; NotFound if there is none."""
        return self.load(proposal_id, Proposal, "proposal")

    def get_warning(self, warning_id: UUID) -> IssuedWarning:
        """An issued warning; NotFound if there is none."""
        return self.load(warning_id, IssuedWarning, "warning")

    def list_proposals(
        self, within: str, status: ProposalStatus | None = None
    ) -> list[ProposalRow]:
        """Proposals about units of the subtree of `within`, oldest first (Art. 28)."""
        return self.view.proposals(self.units_within(within), status=status)

    def list_warnings(
        self,
        within: str,
        *,
        level: WarningLevel | None = None,
        open_only: bool = True,
        due_before: datetime | None = None,
    ) -> list[WarningRow]:
        """Warnings of the subtree of `within` by level and deadline (预警台账, Art. 28)."""
        return self.view.warnings(
            self.units_within(within), level=level, open_only=open_only, due_before=due_before
        )

    def list_overdue(self, within: str) -> list[OverdueRow]:
        """Actions found overdue in the subtree of `within` (逾期未整改, Art. 28)."""
        return self.view.overdue(self.units_within(within))

    def overdue_counts(self) -> dict[str, int]:
        """Outstanding actions of open warnings past their deadline, by level, for the
        `lianfang_overdue{kind}` gauge (shared.metrics.ReportsOverdue; Art. 28, 29)."""
        now = self.clock.now()
        counts = {f"{level.value}_actions": 0 for level in LEVELS}
        for row in self.view.warnings(self.org.codes(), level=None, open_only=True):
            late = [a for a in row.actions if a.outstanding and a.due_at <= now]
            counts[f"{row.level.value}_actions"] += len(late)
        return counts

    def warning_timeline(self, warning_id: UUID) -> list[TimelineEntry]:
        """Every step of a warning from its proposal on (Art. 27–29)."""
        return timeline(self, self.get_warning(warning_id).proposal_id)

    def inbox(self, unit_code: str, before: datetime | None = None) -> list[ReportedStep]:
        """Disposal steps reported to a unit 条块结合 (Art. 27), the newest first; with `before`,
        only those that happened before it (where a reader's previous page ended)."""
        self.unit(unit_code, "unit_code")
        steps = [
            step
            for row in self.view.proposals_reported_to(unit_code)
            for step in reported_steps(self, row.id, row.subject_unit)
            if before is None or step.entry.at < before
        ]
        return sorted(steps, key=lambda s: s.entry.at, reverse=True)
