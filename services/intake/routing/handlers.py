"""Routing 分流 beyond the screening of a filing (Art. 24).

Taking in what another node forwards 批转 or transfers 移送 here and receipting a forward; at the
receiving node, reporting how it was handled and taking in the supervision from above; at the
forwarding node, taking in receipts and handling reports, chasing 催办 (a person, or the worker's
timer before the deadline), returning 退回 and signing off 办结 (跟踪督办); a person's transfer to
the discipline authority, and the case's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError

from services.intake.duties.handlers import reporting_due
from services.intake.filing.handlers import build_filing, find_reference
from services.intake.filing.model import InformationDraft, RiskInformation
from services.intake.routing.rules import DISCIPLINE_INSPECTION, Chase, chase
from shared.application import Rejected, actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import InformationForwarded
from shared.orgtree import UnknownUnit
from shared.vocabulary import RoutingOutcome

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent
    from eventsourcing.domain import DomainEventProtocol

    from services.intake.app import IntakeApplication
    from shared.auth import Principal
    from shared.events import (
        InformationAcknowledged,
        InformationFeedbackOverdue,
        InformationHandled,
        InformationSupervised,
        InformationTransferred,
        JudgementMade,
    )


@dataclass(frozen=True)
class TimelineEntry:
    """One moment in a case's life: what happened, when, who, when it was due, where it went."""

    at: datetime
    what: str
    by: dict[str, str] | None
    detail: dict[str, Any]


def take_routed(
    app: IntakeApplication,
    routed: InformationForwarded | InformationTransferred,
    processing_event: ProcessingEvent[UUID],
) -> None:
    """File routed information here as received (接收批转/移送), and answer a forward (Art. 24)."""
    data = routed.data
    try:
        app.org.get(data.unit_code)
    except UnknownUnit as exc:
        raise Rejected(str(exc)) from exc
    is_forward = isinstance(routed, InformationForwarded)
    # The case keeps the forwarding node's id: the acknowledgement names it (issue #17 item 3).
    case = app.find(data.information_id, RiskInformation)
    if case is None:
        draft = InformationDraft(
            channel=str(data.channel),
            source_reference=data.source_reference,
            unit_code=data.unit_code,
            summary=data.summary,
            learned_at=data.learned_at,
            happened_at=data.happened_at,
            subject_post=data.subject_post,
            subject_person_id=data.subject_person_id,
            attachment_refs=list(data.attachment_refs),
            has_protected_source=data.has_protected_source,
        )
        received_from = {
            "node_id": data.node_id,
            "event_id": routed.id,
            "information_id": str(data.information_id),
            "kind": "forward" if is_forward else "transfer",
        }
        held = find_reference(app, draft.channel, draft.source_reference, draft.unit_code)
        case, *rest = build_filing(
            app,
            draft,
            data.actor.model_dump(),
            False,
            received_from,
            information_id=data.information_id,
            claim_reference=held is None,  # this node's own filing of it keeps the reference
        )
        processing_event.collect_events(case, *rest)
    if is_forward:
        case.send_acknowledgement(data.node_id, routed.id, app.clock.now())
        processing_event.collect_events(case)


def take_acknowledgement(
    app: IntakeApplication, ack: InformationAcknowledged, processing_event: ProcessingEvent[UUID]
) -> None:
    """The lower node took our forward in: delivered; tracking goes on until handled (Art. 24)."""
    case = app.find(ack.data.information_id, RiskInformation)
    if case is None:
        raise Rejected(f"no forwarded information {ack.data.information_id} at node {app.node_id}")
    try:
        taken = case.acknowledge(ack.data.node_id, ack.id, app.clock.now())
    except Conflict as exc:  # not from the node it was routed to: a dead letter with the reason
        raise Rejected(str(exc)) from exc
    if taken:
        processing_event.collect_events(case)


def take_handling_report(
    app: IntakeApplication, handled: InformationHandled, processing_event: ProcessingEvent[UUID]
) -> None:
    """The lower level reports how it handled our forward: the answer (反馈, Art. 24)."""
    d = handled.data
    case = app.find(d.information_id, RiskInformation)
    if case is None:
        raise Rejected(f"no forwarded information {d.information_id} at node {app.node_id}")
    try:
        taken = case.take_handling_report(
            node_id=d.node_id, event_id=handled.id, round=d.round, outcome=d.outcome,
            measures=list(d.measures), document_refs=list(d.document_refs),
            reported_by=d.actor.model_dump(), reported_at=d.occurred_at, at=app.clock.now(),
        )  # fmt: skip
    except Conflict as exc:
        raise Rejected(str(exc)) from exc
    if taken:
        processing_event.collect_events(case)


def take_judgement(
    app: IntakeApplication, judged: JudgementMade, processing_event: ProcessingEvent[UUID]
) -> None:
    """The node's 研判小组 judged a case this node handles: its handling here ends (Art. 25), and
    the petitioner's receipt code shows it concluded 已办结 (Art. 22, docs/public-pages.md).

    A judgement of information this intake does not hold (the register's own 排查 findings, or
    a case another node's intake took in) is not this intake's to record, and is no error."""
    d = judged.data
    case = app.find(d.information_id, RiskInformation)
    if case is None:
        return
    taken = case.take_judgement(
        judgement_id=d.judgement_id, event_id=judged.id, verdict=str(d.verdict),
        judged_at=d.occurred_at, at=app.clock.now(),
    )  # fmt: skip
    if taken:
        processing_event.collect_events(case)


def take_supervision(
    app: IntakeApplication, act: InformationSupervised, processing_event: ProcessingEvent[UUID]
) -> None:
    """The level above chased, returned or signed off our handling: into the inbox (Art. 24)."""
    d = act.data
    case = app.find(d.information_id, RiskInformation)
    if case is None:
        raise Rejected(f"no forwarded information {d.information_id} at node {app.node_id}")
    try:
        taken = case.take_supervision(
            act=d.act, reason=d.reason, by=d.actor.model_dump(), due_at=d.feedback_due_at,
            event_id=act.id, at=app.clock.now(),
        )  # fmt: skip
    except Conflict as exc:
        raise Rejected(str(exc)) from exc
    if taken:
        processing_event.collect_events(case)


def take_feedback_overdue(
    app: IntakeApplication,
    overdue: InformationFeedbackOverdue,
    processing_event: ProcessingEvent[UUID],
) -> None:
    """The level above recorded our handling report overdue 逾期未反馈: into the inbox, beside
    its chases (跟踪督办, Art. 24); the report is still owed."""
    d = overdue.data
    case = app.find(d.information_id, RiskInformation)
    if case is None:
        raise Rejected(f"no forwarded information {d.information_id} at node {app.node_id}")
    reason = f"处理情况逾期未报告（期限 {d.due_at.isoformat()}），请尽快报告处理结果"
    try:
        taken = case.take_supervision(
            act="recorded_overdue", reason=reason, by=d.actor.model_dump(), due_at=d.due_at,
            event_id=overdue.id, at=app.clock.now(),
        )  # fmt: skip
    except Conflict as exc:
        raise Rejected(str(exc)) from exc
    if taken:
        processing_event.collect_events(case)


def report_handling(
    app: IntakeApplication,
    information_id: UUID,
    outcome: str,
    measures: list[str],
    document_refs: list[str],
    by: Principal,
) -> RiskInformation:
    """Report to the level above how a forward was handled: outcome, measures, documents.

    跟踪督办 (Art. 24) ends with the lower level's account of what it did, not its receipt; the
    report goes up as InformationHandled.
    """
    case = _case_of(app, information_id, by)
    case.report_handling(outcome=outcome, measures=measures, document_refs=document_refs,
                         by=actor_of(by, prefer="office"), at=app.clock.now())  # fmt: skip
    app.save(case)
    return case


def chase_forward(
    app: IntakeApplication, information_id: UUID, note: str, by: Principal
) -> RiskInformation:
    """Chase 催办 the lower level for its handling report; recorded and sent to its inbox."""
    case = _forwarded_case(app, information_id, by)
    case.chase(actor_of(by, prefer="office"), note, app.clock.now())
    app.save(case)
    return case


def return_report(
    app: IntakeApplication, information_id: UUID, reason: str, by: Principal
) -> RiskInformation:
    """Return 退回 the lower level's handling report for rework, with reasons (Art. 24).

    The rework has a fresh feedback deadline, watched like the first.
    """
    case = _forwarded_case(app, information_id, by)
    now = app.clock.now()
    due = app.rules.routing.rework_due(now)
    case.return_report(actor_of(by, prefer="office"), reason, due, now)
    app.save(case)
    return case


def sign_off(
    app: IntakeApplication, information_id: UUID, opinion: str, by: Principal
) -> RiskInformation:
    """Sign off 办结 the lower level's handling report: the forward is answered (Art. 24)."""
    case = _forwarded_case(app, information_id, by)
    case.sign_off(actor_of(by, prefer="office"), opinion, app.clock.now())
    app.save(case)
    return case


def _forwarded_case(app: IntakeApplication, information_id: UUID, by: Principal) -> RiskInformation:
    """The case, if `by` is of the level that forwarded it, above the lower level (Art. 24).

    The lower level is the body whose node manages the case's unit: the parent of the topmost
    unit that node manages on the way up (太和镇 for its villages). It does not chase, return
    or sign off its own handling.
    """
    case = _case_of(app, information_id, by)
    if case.routing == RoutingOutcome.FORWARDED:
        chain = list(app.org.ancestors(case.unit_code))
        managed = [u for u in chain if u.managing_node_id == case.routed_to]
        lower = managed[-1].parent_code if managed else None
        if lower is not None and app.org.is_within(by.unit_code, lower):
            raise Forbidden(
                f"Art. 24: {lower} 是承办该批转的下级，催办、退回和办结由其上级进行 ({lower} is "
                "the lower level that handles this forward; the level above it chases, returns "
                "and signs off)"
            )
    return case


def _case_of(app: IntakeApplication, information_id: UUID, by: Principal) -> RiskInformation:
    """The case, if `by` is the office or a leader of a unit above it (Art. 24)."""
    if not by.has_any((Role.OFFICE, Role.LEADER)):
        raise Forbidden(
            "批转事项的督办由预防腐败室或领导班子成员办理（第二十四条） (the prevention office "
            "(预防腐败室) or a leader acts on a forward (Art. 24))"
        )
    case = app.case_within(by, information_id)  # outside the subtree: as if unknown
    return case


def transfer_to_discipline(
    app: IntakeApplication, information_id: UUID, reason: str, by: Principal
) -> RiskInformation:
    """Transfer a case to the discipline authority 纪检监察机关 (移送, Art. 24).

    A person decides, not the screening: the office 预防腐败室 or the judgement group 研判小组
    of a unit above the case, with reasons; the decision is an event and goes out as
    InformationTransferred addressed to `discipline_inspection`.
    """
    if not by.has_any((Role.OFFICE, Role.JUDGE)):
        raise Forbidden(
            "只有预防腐败室或研判小组可将信息移送纪检监察机关 (only the prevention office "
            "(预防腐败室) or the judgement group (研判小组) transfers information to the "
            "discipline authority)"
        )
    if not reason.strip():
        raise Invalid(
            "reason",
            "移送纪检监察机关须写明理由 (a transfer to the discipline authority needs its reasons)",
        )
    case = app.case_within(by, information_id)  # outside the subtree: as if unknown
    case.transfer_to_discipline(
        DISCIPLINE_INSPECTION, actor_of(by, prefer="office"), reason.strip(), app.clock.now()
    )
    app.save(case)
    return case


def chase_feedback(app: IntakeApplication) -> int:
    """The timer's work: remind before the handling report is due, record it overdue after.

    Watches the lower level's handling report (Art. 24), not its receipt; the reminder is a chase
    催办 delivered to the lower node's inbox, and a returned report is watched again.

    Safe in two workers at once: a reminder is the case's next version, so the second save
    fails with IntegrityError and counts as done by the other.
    """
    now = app.clock.now()
    changed = 0
    for row in app.view.cases():
        if not row.awaiting_feedback or row.overdue_at is not None:
            continue
        case = app.get_information(row.id)
        if not case.awaiting_feedback:
            continue  # reported or signed off since the view was read
        due = case.feedback_due_at
        assert due is not None
        step = chase(app.rules.routing, due, case.reminded_at, case.overdue_at, now)
        if step is Chase.RECORD_OVERDUE:
            case.record_overdue(now)
        elif step is Chase.REMIND:
            case.remind(now)
        else:
            continue
        try:
            app.save(case)
        except IntegrityError:
            continue  # another worker recorded it first
        changed += 1
    return changed


def open_forwards(app: IntakeApplication) -> list[RiskInformation]:
    """Forwards still waiting for the lower level's handling report (跟踪督办, Art. 24)."""
    return [
        c for c in app.view.cases() if c.routing == RoutingOutcome.FORWARDED and c.awaiting_feedback
    ]


def forwards(app: IntakeApplication, within: str) -> list[RiskInformation]:
    """Every forward 批转 about the subtree of `within`, the earliest deadline first (Art. 24)."""
    app.unit(within, "unit_code")
    found = [
        c
        for c in app.view.cases()
        if c.routing == RoutingOutcome.FORWARDED and app.org.is_within(c.unit_code, within)
    ]
    return sorted(found, key=lambda c: (c.feedback_due_at or c.filed_at, str(c.id)))


def received_forwards(app: IntakeApplication, within: str) -> list[RiskInformation]:
    """Forwards received here from above, about the subtree of `within`, and how each stands.

    The lower level's inbox of tracking (Art. 24): what it owes a handling report on, what was
    chased, returned or signed off.
    """
    app.unit(within, "unit_code")
    found = [
        c for c in app.view.cases() if c.forwarded_in and app.org.is_within(c.unit_code, within)
    ]
    return sorted(found, key=lambda c: (c.filed_at, str(c.id)))


def timeline(app: IntakeApplication, information_id: UUID) -> list[TimelineEntry]:
    """Who reported what when, when it was due, where it was routed (Art. 23, 24)."""
    case = app.get_information(information_id)
    entries: list[TimelineEntry] = []
    for e in app.repository.event_store.get(case.id):
        entries.extend(_moments(app, e))
    for breach in app.view.breaches():
        if breach.information_id == case.id:
            detail = {
                "due_at": breach.due_at.isoformat(),
                "responsible_person_id": breach.responsible_person_id,
                "status": breach.status,
            }
            entries.append(TimelineEntry(breach.detected_at, f"breach_{breach.kind}", None, detail))
    return sorted(entries, key=lambda t: t.at)


def _moments(app: IntakeApplication, e: DomainEventProtocol[UUID]) -> list[TimelineEntry]:
    """The timeline entries of one stored event of a case."""
    if isinstance(e, RiskInformation.Filed):
        filed = {
            "channel": e.channel,
            "learned_at": e.learned_at.isoformat(),
            "received_from": e.received_from,
            "reporting_due": reporting_due(app, e.unit_code, e.learned_at),
        }
        due = e.feedback_due_at.isoformat() if e.feedback_due_at else None
        routed = {"to_node": e.routed_to, "reason": e.routing_reason, "feedback_due_at": due}
        return [
            TimelineEntry(e.filed_at, "filed", e.filed_by, filed),
            TimelineEntry(e.filed_at, str(e.routing), e.filed_by, routed),
        ]
    if isinstance(e, RiskInformation.TransferredToDiscipline):
        detail = {"to_node": e.to_body, "reason": e.reason}
        return [TimelineEntry(e.at, "transferred_to_discipline", e.by, detail)]
    if isinstance(e, RiskInformation.FeedbackReminded):
        return [TimelineEntry(e.at, "feedback_reminded", None, {})]
    if isinstance(e, RiskInformation.FeedbackOverdue):
        return [TimelineEntry(e.at, "feedback_overdue", None, {"due_at": e.due_at.isoformat()})]
    if isinstance(e, RiskInformation.Chased):
        what = "feedback_reminded" if e.automatic else "chased"
        due = e.due_at.isoformat() if e.due_at else None
        chaser = None if e.automatic else e.by
        return [TimelineEntry(e.at, what, chaser, {"note": e.note, "due_at": due})]
    if isinstance(e, RiskInformation.HandlingReportReceived):
        info: dict[str, Any] = {
            "round": e.round,
            "outcome": e.outcome,
            "measures": e.measures,
            "document_refs": e.document_refs,
            "node_id": e.node_id,
            "event_id": e.event_id,
        }
        return [TimelineEntry(e.at, "handling_reported", e.reported_by, info)]
    if isinstance(e, RiskInformation.HandlingReturned):
        info = {"round": e.round, "reason": e.reason, "due_at": e.due_at.isoformat()}
        return [TimelineEntry(e.at, "handling_returned", e.by, info)]
    if isinstance(e, RiskInformation.SignedOff):
        info = {"round": e.round, "opinion": e.opinion}
        return [TimelineEntry(e.at, "signed_off", e.by, info)]
    if isinstance(e, RiskInformation.HandlingReported):
        info = {
            "round": e.round,
            "outcome": e.outcome,
            "measures": e.measures,
            "document_refs": e.document_refs,
            "to_node_id": e.to_node_id,
        }
        return [TimelineEntry(e.at, "handling_report_sent", e.by, info)]
    if isinstance(e, RiskInformation.SupervisionReceived):
        due = e.due_at.isoformat() if e.due_at else None
        info = {"reason": e.reason, "due_at": due, "event_id": e.event_id}
        return [TimelineEntry(e.at, f"{e.act}_by_level_above", e.by, info)]
    if isinstance(e, RiskInformation.Judged):
        detail = {"judgement_id": str(e.judgement_id), "verdict": e.verdict,
                  "event_id": e.event_id}  # fmt: skip
        return [TimelineEntry(e.at, "judged", None, detail)]
    if isinstance(e, RiskInformation.Acknowledged):
        detail = {"node_id": e.node_id, "event_id": e.event_id}
        return [TimelineEntry(e.at, "acknowledged", None, detail)]
    if isinstance(e, RiskInformation.AcknowledgementSent):
        detail = {
            "unit_code": e.unit_code,
            "to_node_id": e.to_node_id,
            "forwarded_event_id": e.forwarded_event_id,
        }
        return [TimelineEntry(e.at, "acknowledgement_sent", None, detail)]
    return []
