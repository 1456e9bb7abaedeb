"""The warning service's in-process read model: open warnings, due actions, overdue lists (Art. 28).

Like the register's view, it follows the notification log (`shared.projection.LogFollower`):
`catch_up()` re-reads the proposals, warnings and overdue records saved since it last looked. It
runs at start and before every query, so it includes what any process sharing the store has saved.
It never writes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from services.warning.deadlines.watch import OverdueRecord
from services.warning.disposal.grades import GradeBasis, PointGrade
from services.warning.disposal.model import IssuedWarning, Proposal, ProposalKind, ProposalStatus
from services.warning.supervision.model import DisposalSupervision, SupervisionState
from services.warning.supervision.watch import ReworkOverdue
from shared.projection import LogFollower, event_topics
from shared.vocabulary import ActionHolder, ActionKind, Grade, WarningLevel

if TYPE_CHECKING:
    from collections.abc import Collection

    from eventsourcing.application import Application


@dataclass(frozen=True)
class ActionRow:
    """One action of an open warning, with its deadline (限期)."""

    warning_id: UUID
    action_id: UUID
    kind: ActionKind
    due_at: datetime
    outstanding: bool


@dataclass(frozen=True)
class WarningRow:
    """One line of the warnings list 预警台账 (Art. 28)."""

    id: UUID
    notice_number: str
    level: WarningLevel
    subject_unit: str
    disposing_unit: str
    reported_to: tuple[str, ...]
    is_open: bool
    issued_at: datetime
    next_due_at: datetime | None
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class ProposalRow:
    """One proposal awaiting or past its review meeting (专题会议审核, Art. 28)."""

    id: UUID
    subject_unit: str
    disposing_unit: str
    reported_to: tuple[str, ...]
    kind: str
    level: WarningLevel | None  # the level the grade calls for (Art. 28); decided once reviewed
    grade: Grade | None  # the point's grade that level follows (as known here, or relied on)
    suggested_grade: Grade | None  # for a re-grade proposal: the grade suggested for review
    risk_point_id: UUID | None
    source: str
    status: ProposalStatus
    opened_at: datetime


@dataclass(frozen=True)
class OverdueRow:
    """An action found overdue 逾期未整改 (Art. 28)."""

    warning_id: UUID
    action_id: UUID
    notice_number: str
    level: WarningLevel
    unit_code: str  # the warned unit
    holder: ActionHolder  # whose duty it was (Art. 28)
    holder_unit: str  # and so whose lapse it is
    action_kind: ActionKind
    due_at: datetime
    detected_at: datetime
    escalation_id: UUID | None


@dataclass(frozen=True)
class SupervisionRow:
    """Where the level above stands on one warning's disposal 分级监督 (Art. 29)."""

    warning_id: UUID
    disposing_unit: str
    state: SupervisionState
    acts: int  # how many acts so far: a new return or rework is a new to-do
    returns: int  # how many returns 退回 so far (a lapse is recorded per return)
    last_act_at: datetime
    rework_due_at: datetime | None  # while a return awaits its rework (重办期限)
    rework_overdue: bool = False  # that rework's lapse recorded (DisposalReworkOverdue)


class WarningView:
    """Proposals, warnings and overdue records by id, kept up to date from the notification log."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._proposal_log = LogFollower(app, event_topics(Proposal))
        self._warning_log = LogFollower(app, event_topics(IssuedWarning))
        self._overdue_log = LogFollower(app, event_topics(OverdueRecord))
        self._grade_log = LogFollower(app, event_topics(PointGrade))
        self._supervision_log = LogFollower(app, event_topics(DisposalSupervision))
        self._lapse_log = LogFollower(app, event_topics(ReworkOverdue))
        self._grades: dict[UUID, GradeBasis] = {}
        self._proposals: dict[UUID, ProposalRow] = {}
        self._warnings: dict[UUID, WarningRow] = {}
        self._overdue: dict[UUID, OverdueRow] = {}
        self._supervisions: dict[UUID, SupervisionRow] = {}  # by warning id
        self._lapsed_return: dict[UUID, int] = {}  # warning id -> latest return found overdue

    def catch_up(self) -> None:
        """Take in every proposal, warning and overdue record saved since the last call."""
        # One lock over reading and re-reading, so no query sees a log read but not yet applied.
        with self._lock:
            regraded: set[UUID] = set()
            for gid in self._grade_log.changed():
                known: PointGrade = self._app.repository.get(gid)
                self._grades[known.risk_point_id] = known.basis
                regraded.add(known.risk_point_id)
            stale = {
                p.id
                for p in self._proposals.values()
                if p.risk_point_id in regraded and p.status is ProposalStatus.OPEN
            }
            for pid in self._proposal_log.changed() | stale:
                proposal: Proposal = self._app.repository.get(pid)
                basis = self._grades.get(proposal.risk_point_id) if proposal.risk_point_id else None
                self._proposals[pid] = _proposal_row(proposal, basis)
            for wid in self._warning_log.changed():
                self._warnings[wid] = _warning_row(self._app.repository.get(wid))
            for oid in self._overdue_log.changed():
                row = _overdue_row(self._app.repository.get(oid))
                self._overdue[row.action_id] = row
            touched: set[UUID] = set()
            for sid in self._supervision_log.changed():
                supervision: DisposalSupervision = self._app.repository.get(sid)
                if supervision.acts:
                    self._supervisions[supervision.warning_id] = _supervision_row(supervision)
                    touched.add(supervision.warning_id)
            for lid in self._lapse_log.changed():
                lapse: ReworkOverdue = self._app.repository.get(lid)
                before = self._lapsed_return.get(lapse.warning_id, 0)
                self._lapsed_return[lapse.warning_id] = max(before, lapse.return_number)
                touched.add(lapse.warning_id)
            for wid in touched & self._supervisions.keys():
                acted = self._supervisions[wid]
                late = acted.state is SupervisionState.RETURNED and (
                    self._lapsed_return.get(wid) == acted.returns
                )  # the lapse of the return still unanswered, not an earlier one's
                self._supervisions[wid] = replace(acted, rework_overdue=late)

    def warnings(
        self,
        units: Collection[str],
        *,
        level: WarningLevel | None = None,
        open_only: bool = True,
        due_before: datetime | None = None,
    ) -> list[WarningRow]:
        """Warnings of the given units, filtered, soonest deadline first (Art. 28)."""
        self.catch_up()
        rows = [
            w
            for w in list(self._warnings.values())
            if w.subject_unit in units
            and (level is None or w.level == level)
            and (not open_only or w.is_open)
            and (due_before is None or (w.next_due_at is not None and w.next_due_at <= due_before))
        ]
        far = datetime.max.replace(tzinfo=rows[0].issued_at.tzinfo) if rows else None
        return sorted(rows, key=lambda w: (w.next_due_at or far, w.notice_number))

    def supervision(self, warning_id: UUID) -> SupervisionRow | None:
        """The supervision of a warning's disposal, once the level above or the disposing body
        acted on it (Art. 29); None while nobody has."""
        self.catch_up()
        return self._supervisions.get(warning_id)

    def supervisions(self) -> dict[UUID, SupervisionRow]:
        """Every supervision acted on, by warning id, caught up once (for a list, Art. 29)."""
        self.catch_up()
        return dict(self._supervisions)

    def rework_overdue(self, warning_id: UUID) -> bool:
        """Whether the rework owed after the latest return passed its deadline unanswered, as
        the rework watch recorded it (DisposalReworkOverdue, Art. 29)."""
        row = self.supervision(warning_id)
        return row is not None and row.rework_overdue

    def proposals(
        self, units: Collection[str], *, status: ProposalStatus | None
    ) -> list[ProposalRow]:
        """Proposals of the given units, oldest first."""
        self.catch_up()
        rows = [
            p
            for p in list(self._proposals.values())
            if p.subject_unit in units and (status is None or p.status is status)
        ]
        return sorted(rows, key=lambda p: (p.opened_at, str(p.id)))

    def due_actions(self, by: datetime | None = None) -> list[ActionRow]:
        """Outstanding actions of open warnings, soonest first: what the deadline tick checks;
        with `by`, only those due by then.

        A warning whose next deadline lies after `by` is passed over whole (its `next_due_at`
        is its soonest outstanding one), so a tick over 100,000 open actions sorts only the
        few due (issue #18)."""
        self.catch_up()
        rows = [
            a
            for w in list(self._warnings.values())
            if w.next_due_at is not None and (by is None or w.next_due_at <= by)
            for a in w.actions
            if a.outstanding and (by is None or a.due_at <= by)
        ]
        return sorted(rows, key=lambda a: a.due_at)

    def overdue(self, units: Collection[str]) -> list[OverdueRow]:
        """Lapses charged to the given units, earliest deadline first (Art. 28): the warned
        unit's own, and a disposing body's where that body is among them."""
        self.catch_up()
        rows = [o for o in list(self._overdue.values()) if o.holder_unit in units]
        return sorted(rows, key=lambda o: (o.due_at, str(o.action_id)))

    def proposals_reported_to(self, unit_code: str) -> list[ProposalRow]:
        """Proposals whose disposal is reported to `unit_code` (条块结合, Art. 27)."""
        self.catch_up()
        return [p for p in list(self._proposals.values()) if unit_code in p.reported_to]


def _proposal_row(p: Proposal, basis: GradeBasis | None) -> ProposalRow:
    level, grade = None, None
    if p.review is not None:
        level, grade = p.review.level, p.review.grade  # what the meeting relied on
    elif p.kind is ProposalKind.WARNING and basis is not None:
        level, grade = basis.level, basis.grade  # what the meeting would warn at today
    suggested = p.escalation.suggested_grade if p.escalation is not None else None
    return ProposalRow(
        p.id, p.subject_unit, p.disposing_unit, p.reported_to, p.kind.value, level, grade,
        suggested, p.risk_point_id, p.source, p.status, p.opened_at,
    )  # fmt: skip


def _warning_row(w: IssuedWarning) -> WarningRow:
    actions = tuple(
        ActionRow(w.id, a.action_id, a.kind, a.due_at, a.outstanding) for a in w.actions.values()
    )
    pending = [a.due_at for a in actions if a.outstanding]
    return WarningRow(
        w.id, w.notice_number, w.level, w.subject_unit, w.disposing_unit, w.reported_to,
        w.is_open, w.issued_at, min(pending) if pending and w.is_open else None, actions,
    )  # fmt: skip


def _supervision_row(s: DisposalSupervision) -> SupervisionRow:
    return SupervisionRow(
        s.warning_id, s.disposing_unit, s.state, len(s.acts), len(s.returns), s.acts[-1].at,
        s.rework_due_at,
    )  # fmt: skip


def _overdue_row(o: OverdueRecord) -> OverdueRow:
    return OverdueRow(
        o.warning_id, o.action_id, o.notice_number, o.level, o.unit_code, o.holder,
        o.holder_unit, o.action_kind, o.due_at, o.detected_at, o.escalation_id,
    )  # fmt: skip
