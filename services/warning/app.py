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
from services.warning.timeline import TimelineEntry, timeline
from shared.application import Rejected, ServiceApplication
from shared.errors import NotFound
from shared.events import JudgementMade, RiskGraded
from shared.vocabulary import GradeSource, Verdict

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.warning.disposal.handlers import ReviewRecord
    from services.warning.read_model import OverdueRow, ProposalRow, WarningRow
    from services.warning.supervision.model import DisposalSupervision
    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory
    from shared.vocabulary import ActionKind, WarningLevel


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

    def review(self, proposal_id: UUID, record: ReviewRecord, by: Principal) -> UUID:
        """Record the review meeting's decision 专题会议审核 (Art. 28); returns the meeting id."""
        return handlers.review(self, proposal_id, record, by)

    def issue_warning(
        self,
        proposal_id: UUID,
        by: Principal,
        *,
        subject_person_id: str | None = None,
        deadlines: Mapping[ActionKind, datetime] | None = None,
    ) -> IssuedWarning:
        """Issue the notice 预警通知书 the meeting decided, numbered from the store (Art. 28)."""
        return handlers.issue_warning(
            self, proposal_id, by, subject_person_id=subject_person_id, deadlines=deadlines
        )

    def transfer_case(self, proposal_id: UUID, to_body: str, reference: str, by: Principal) -> None:
        """Transfer a violation to the competent body 移送相关部门 (Art. 28(4))."""
        handlers.transfer_case(self, proposal_id, to_body, reference, by)

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
        handlers.report_action(
            self, warning_id, action_id, by, note=note, document_refs=document_refs,
            held_at=held_at, participants=participants,
        )  # fmt: skip

    def verify_action(
        self, warning_id: UUID, action_id: UUID, by: Principal, *, accepted: bool, reason: str = ""
    ) -> bool:
        """The office verifies 核实 (or returns 退回) a report; True when the warning closed."""
        return handlers.verify_action(
            self, warning_id, action_id, by, accepted=accepted, reason=reason
        )

    def supervise(
        self, warning_id: UUID, act: str, text: str, by: Principal
    ) -> DisposalSupervision:
        """Chase 督办, return 退回 or sign off 办结 a disposal from the level above (Art. 29)."""
        return supervision.supervise(self, warning_id, act, text, by)

    def report_rework(
        self, warning_id: UUID, note: str, document_refs: list[str], by: Principal
    ) -> DisposalSupervision:
        """The disposing body reports its rework of a returned disposal (Art. 29)."""
        return supervision.resubmit(self, warning_id, note, document_refs, by)

    def check_deadlines(self) -> int:
        """Record reminders and overdue actions now due, and escalations (规定时限, Art. 28)."""
        return watch.check_deadlines(self)

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
        found = self.find(proposal_id, Proposal)
        if found is None:
            raise NotFound(f"no proposal {proposal_id}")
        return found

    def get_warning(self, warning_id: UUID) -> IssuedWarning:
        """An issued warning; NotFound if there is none."""
        found = self.find(warning_id, IssuedWarning)
        if found is None:
            raise NotFound(f"no warning {warning_id}")
        return found

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
        level: WarningLevel | None = None,
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
        counts = {f"{level.value}_actions": 0 for level in LEVELS}
        for row in self.view.warnings(self.org.codes(), level=None, open_only=True):
            late = [a for a in row.actions if a.outstanding and a.due_at <= now]
            counts[f"{row.level.value}_actions"] += len(late)
        return counts

    def warning_timeline(self, warning_id: UUID) -> list[TimelineEntry]:
        """Every step of a warning from its proposal on (Art. 27–29)."""
        return timeline(self, self.get_warning(warning_id).proposal_id)

    def inbox(self, unit_code: str) -> list[TimelineEntry]:
        """Disposal steps reported to a unit 条块结合 (Art. 27)."""
        self.unit(unit_code, "unit_code")
        entries = [
            e for pid in self.view.chains_reported_to(unit_code) for e in timeline(self, pid)
        ]
        return sorted(entries, key=lambda e: e.at, reverse=True)
