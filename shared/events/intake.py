"""Events published by the intake service: risk information received on any channel (Art. 22–24)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

from shared.events.base import Actor, CloudEvent, EventData
from shared.vocabulary import Channel

SUMMARY_MAX_CHARS = 4000


class RiskReportedData(EventData):
    """A piece of risk information (廉政风险信息) was received and filed (Art. 22–24)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    information_id: UUID = Field(
        description="Id of the piece of information: the case (案件) every later event refers to."
    )
    subject_post: str | None = Field(
        description="The post (岗位) the information is about, if known."
    )
    subject_person_id: str | None = Field(
        description="Opaque staff id of the person the information is about, if any; never a "
        "petitioner (举报人)."
    )
    channel: Channel = Field(description="Channel it came through (采集渠道, Art. 22).")
    summary: str = Field(
        min_length=1,
        max_length=SUMMARY_MAX_CHARS,
        description="What was reported (信息摘要), at most 4000 characters; holds no petitioner "
        "identity.",
    )
    happened_at: AwareDatetime | None = Field(
        description="When the reported conduct happened, if known."
    )
    learned_at: AwareDatetime = Field(
        description="When the information reached the system's officers; reporting deadlines "
        "(迟报, Art. 23) run from here."
    )
    source_reference: str = Field(
        min_length=1,
        description="Reference of the source record (e.g. petition number, inspection report id); "
        "filing the same reference again does not create a new case.",
    )
    attachment_refs: tuple[str, ...] = Field(
        description="References of attachments held by intake (not their content)."
    )
    reported_by: Actor = Field(
        description="The officer (信息员) or office user who filed it. On channel officer_report "
        "they made the report, for their unit, and answer for it under Art. 23; on any other "
        "channel (a petition from the public, media, an inspection, shared data) they only typed "
        "in what no unit reported, and answer for its truth to no one."
    )
    has_protected_source: bool = Field(
        description="True if a petitioner's identity is held, encrypted, in intake; that identity "
        "never appears in any event (保护举报人)."
    )


class RiskReported(CloudEvent):
    """RiskReported v1: risk information received on a channel (Art. 22–24); public contract."""

    type: Literal["cn.gov.qingxin.lianfang.intake.RiskReported.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.RiskReported.v1",
        description="Event type (ce_type).",
    )
    data: RiskReportedData = Field(description="The information received.")


class RoutedInformationData(EventData):
    """What travels with a piece of information routed to another body (Art. 24); no identity."""

    information_id: UUID = Field(description="Id of the case at the routing node.")
    channel: Channel = Field(description="Channel it came through (采集渠道, Art. 22).")
    source_reference: str = Field(
        min_length=1, description="Reference of the source record; the receiver files it under it."
    )
    summary: str = Field(
        min_length=1,
        max_length=SUMMARY_MAX_CHARS,
        description="What was reported (信息摘要); holds no petitioner identity.",
    )
    subject_post: str | None = Field(description="The post (岗位) concerned, if known.")
    subject_person_id: str | None = Field(
        description="Opaque staff id of the person concerned, if any; never a petitioner."
    )
    happened_at: AwareDatetime | None = Field(description="When the conduct happened, if known.")
    learned_at: AwareDatetime = Field(description="When the information reached an officer.")
    attachment_refs: tuple[str, ...] = Field(description="References of attachments.")
    reported_by: Actor = Field(description="Who filed it at the routing node (Art. 23).")
    has_protected_source: bool = Field(
        description="True if a petitioner's identity is held, encrypted, at the routing node; it "
        "is never passed on (保护举报人)."
    )
    to_node_id: str = Field(
        min_length=1,
        description="The node it is addressed to (by cadre-management authority, 谁主管谁负责); "
        "or `discipline_inspection` for the discipline-inspection authority (纪检监察机关).",
    )
    reason: str = Field(min_length=1, description="Why it was routed there, in words.")


class InformationForwardedData(RoutedInformationData):
    """Information was forwarded 批转 to a lower node, with a feedback deadline (Art. 24)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    feedback_due_at: AwareDatetime = Field(
        description="By when the lower node must report how it handled it (跟踪督办 deadline)."
    )


class InformationForwarded(CloudEvent):
    """InformationForwarded v1: forwarded to a lower node for handling (Art. 24); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationForwarded.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationForwarded.v1",
        description="Event type (ce_type).",
    )
    data: InformationForwardedData = Field(description="The forwarded information.")


class InformationTransferredData(RoutedInformationData):
    """Information was transferred 移送 to a higher body or the discipline authority (Art. 24)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")


class InformationTransferred(CloudEvent):
    """InformationTransferred v1: transferred to the body in charge (Art. 24); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationTransferred.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationTransferred.v1",
        description="Event type (ce_type).",
    )
    data: InformationTransferredData = Field(description="The transferred information.")


class InformationAcknowledgedData(EventData):
    """A lower node took forwarded information in (delivery; not yet the answer, Art. 24)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    information_id: UUID = Field(description="Id of the case at the forwarding node.")
    to_node_id: str = Field(min_length=1, description="The forwarding node it answers.")
    forwarded_event_id: str = Field(
        min_length=1, description="ce_id of the InformationForwarded it acknowledges."
    )


class InformationAcknowledged(CloudEvent):
    """InformationAcknowledged v1: forwarded information was received below (Art. 24); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationAcknowledged.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationAcknowledged.v1",
        description="Event type (ce_type).",
    )
    data: InformationAcknowledgedData = Field(description="The acknowledgement.")


class InformationHandledData(EventData):
    """The lower level reports how it handled a forward 批转: the forward's answer (Art. 24).

    `unit_code` is the unit the information is about; `actor` who reported at the lower node.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    information_id: UUID = Field(description="Id of the case (the same at both nodes).")
    to_node_id: str = Field(min_length=1, description="The forwarding node it answers.")
    forwarded_event_id: str = Field(
        min_length=1, description="ce_id of the InformationForwarded it answers."
    )
    round: int = Field(
        ge=1, description="1 for the first report; n + 1 after the level above returned report n."
    )
    outcome: str = Field(
        min_length=1, max_length=4000, description="How the matter was handled (处理结果)."
    )
    measures: tuple[str, ...] = Field(
        min_length=1, description="The measures taken (处理措施), at least one."
    )
    document_refs: tuple[str, ...] = Field(
        description="References of the documents that record the handling (文书、材料), not "
        "their content."
    )


class InformationHandled(CloudEvent):
    """InformationHandled v1: a lower node's handling report on a forward (Art. 24); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationHandled.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationHandled.v1",
        description="Event type (ce_type).",
    )
    data: InformationHandledData = Field(description="The handling report.")


class InformationFeedbackOverdueData(EventData):
    """The lower level's handling report on a forward is overdue 逾期未反馈 (跟踪督办, Art. 24).

    Published by the forwarding node's intake when the deadline (`due_at`: the first deadline,
    a chase's or a return's) passed with no handling report; addressed to the lower node
    (`to_node_id`), whose intake puts it in that node's inbox. `unit_code` is the case's unit;
    `actor` the system (the forwarding node's deadline watch). Once per forward.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    information_id: UUID = Field(description="Id of the case (the same at both nodes).")
    to_node_id: str = Field(
        min_length=1, description="The lower node whose handling report is overdue."
    )
    due_at: AwareDatetime = Field(description="When the handling report was due (反馈期限).")


class InformationFeedbackOverdue(CloudEvent):
    """InformationFeedbackOverdue v1: a forward's handling report is overdue (Art. 24)."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationFeedbackOverdue.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationFeedbackOverdue.v1",
        description="Event type (ce_type).",
    )
    data: InformationFeedbackOverdueData = Field(description="The overdue forward.")


SupervisionAct = Literal["chased", "returned", "signed_off"]


class InformationSupervisedData(EventData):
    """The forwarding level chases, returns or signs off the lower level's handling (Art. 24)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    information_id: UUID = Field(description="Id of the case (the same at both nodes).")
    to_node_id: str = Field(min_length=1, description="The lower node whose inbox it goes to.")
    act: SupervisionAct = Field(
        description="chased = 催办 (the handling report is awaited; the timer's reminders too); "
        "returned = 退回 (report `round` must be reworked by `feedback_due_at`); signed_off = "
        "办结 (report `round` is accepted; tracking ends)."
    )
    reason: str = Field(
        description="What the chase asks for, why the report is returned (退回理由), or the "
        "sign-off opinion (may be empty)."
    )
    feedback_due_at: AwareDatetime | None = Field(
        description="By when the handling report is due (chased, returned); None when signed off."
    )
    round: int | None = Field(
        ge=1, description="The handling report returned or signed off; None for a chase."
    )
    handled_event_id: str | None = Field(
        description="ce_id of the InformationHandled returned or signed off; None for a chase."
    )


class InformationSupervised(CloudEvent):
    """InformationSupervised v1: 催办, 退回 or 办结 of a forward's handling (Art. 24); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.InformationSupervised.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.InformationSupervised.v1",
        description="Event type (ce_type).",
    )
    data: InformationSupervisedData = Field(description="The supervisory act.")


BreachKind = Literal["late", "missed", "concealment_candidate", "untrue", "inaccurate"]


class ReportingBreachFoundData(EventData):
    """A reporting duty was broken: 迟报 late, 漏报 missed, or a 瞒报 candidate (Art. 23)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    breach_id: UUID = Field(description="Id of the breach; derived from duty, period and kind.")
    kind: BreachKind = Field(
        description="late = 迟报 (filed after its due time); missed = 漏报 (a periodic report "
        "never came); concealment_candidate = 瞒报 candidate (information about the unit came "
        "through another channel and the unit never reported it; a person confirms or dismisses, "
        "see ReportingBreachReviewed); untrue = 不真实, inaccurate = 核心内容不准确 (the level "
        "above found the unit's periodic report so; `actor` found it, `reason` says why)."
    )
    duty_id: UUID = Field(description="The reporting duty (报告义务) broken.")
    period: str | None = Field(description="The period of a periodic duty, e.g. 2026-01.")
    due_at: AwareDatetime = Field(description="When the report was due.")
    responsible_person_id: str | None = Field(
        description="Staff id of the principal leader (主要领导), first responsible (第一责任人); "
        "for untrue or inaccurate, the person who made (submitted) the report."
    )
    evidence_event_ids: tuple[str, ...] = Field(
        description="ce_ids of the events that prove it (the filing, the duty, the other channel, "
        "the periodic report)."
    )
    information_id: UUID | None = Field(description="The case it concerns, if any.")
    reason: str | None = Field(
        default=None,
        description="Why the report was found untrue or inaccurate (核查情况); null (absent) for "
        "the breaches a timer or filing finds.",
    )


class ReportingBreachFound(CloudEvent):
    """ReportingBreachFound v1: a reporting duty was broken (Art. 23); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.ReportingBreachFound.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.ReportingBreachFound.v1",
        description="Event type (ce_type).",
    )
    data: ReportingBreachFoundData = Field(description="The breach.")


class ReportingBreachReviewedData(EventData):
    """The office confirmed or dismissed a 瞒报 candidate, with its reasons (Art. 23).

    `unit_code` is the candidate's unit; `actor` the reviewer; `occurred_at` when they decided.
    """

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    breach_id: UUID = Field(
        description="The candidate reviewed: `breach_id` of its ReportingBreachFound."
    )
    kind: Literal["concealment_candidate"] = Field(
        description="What was reviewed: a 瞒报 candidate (the only kind a person reviews)."
    )
    decision: Literal["confirmed", "dismissed"] = Field(
        description="confirmed = 瞒报 established (it counts against the unit); dismissed = the "
        "candidate is set aside (it costs the unit nothing)."
    )
    reason: str = Field(
        min_length=1,
        description="The reviewer's reasons (复核意见), in words; never a petitioner's identity.",
    )
    duty_id: UUID = Field(description="The reporting duty (报告义务) the candidate concerned.")
    information_id: UUID | None = Field(description="The case the candidate concerned, if any.")
    found_event_id: str = Field(
        min_length=1, description="ce_id of the ReportingBreachFound that recorded the candidate."
    )
    found_at: AwareDatetime = Field(
        description="When the candidate was found; assessment counts the review in that year."
    )


class ReportingBreachReviewed(CloudEvent):
    """ReportingBreachReviewed v1: a 瞒报 candidate confirmed or dismissed (Art. 23); internal."""

    type: Literal["cn.gov.qingxin.lianfang.intake.ReportingBreachReviewed.v1"] = Field(
        default="cn.gov.qingxin.lianfang.intake.ReportingBreachReviewed.v1",
        description="Event type (ce_type).",
    )
    data: ReportingBreachReviewedData = Field(description="The review.")
