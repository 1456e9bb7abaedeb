"""One realistic event of every type, as the producing services would raise them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import UUID

from shared.events import (
    ActionKind,
    Actor,
    Channel,
    CloudEvent,
    DisposalSupervised,
    DisposalSupervisedData,
    DueAction,
    Grade,
    GradeSource,
    GradingFactors,
    InformationHandled,
    InformationHandledData,
    InformationSupervised,
    InformationSupervisedData,
    JudgementMade,
    JudgementMadeData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
    RectificationOverdue,
    RectificationOverdueData,
    RiskCategory,
    RiskGraded,
    RiskGradedData,
    RiskReported,
    RiskReportedData,
    UnitKind,
    Verdict,
    WarningIssued,
    WarningIssuedData,
    WarningLevel,
)

CST = timezone(timedelta(hours=8), "CST")
MORNING = datetime(2026, 3, 2, 9, 30, tzinfo=CST)
UNIT = "QX-TH-CZS"  # 太和镇财政所
INFORMATION_ID = UUID("0c6a3b1e-6d1f-4a53-9a3e-2b1f7e9c0a11")
RISK_POINT_ID = UUID("5b1d2f34-7a8e-4c61-8d3b-9e0f1a2b3c4d")
JUDGEMENT_ID = UUID("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
WARNING_ID = UUID("11111111-2222-4333-8444-555555555555")
MEETING_ID = UUID("66666666-7777-4888-9999-aaaaaaaaaaaa")
ACTION_ID = UUID("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff")

OFFICER = Actor(user_id="u-officer-07", role="officer", unit_code=UNIT)
JUDGE = Actor(user_id="u-judge-02", role="judge", unit_code="QX-TH")
LEADER = Actor(user_id="u-leader-01", role="leader", unit_code="QX-TH")


def common(actor: Actor, authority: str, at: datetime = MORNING) -> dict[str, object]:
    """The fields every event's data carries."""
    return {
        "unit_code": UNIT,
        "node_id": "town-taihe",
        "actor": actor,
        "authority": authority,
        "occurred_at": at,
    }


def risk_reported() -> RiskReported:
    data = RiskReportedData(
        **common(OFFICER, "Art. 22"),
        information_id=INFORMATION_ID,
        subject_post="出纳",
        subject_person_id="staff-4711",
        channel=Channel.PETITION,
        summary="群众来信反映：报销单据多次由同一人审核并支付。",
        happened_at=None,
        learned_at=MORNING - timedelta(hours=2),
        source_reference="信访-2026-0315",
        attachment_refs=["att-1", "att-2"],
        reported_by=OFFICER,
        has_protected_source=True,
    )
    return RiskReported.create(
        data=data,
        subject=str(INFORMATION_ID),
        source="/lianfang/town-taihe/intake",
        clock_now=MORNING,
        event_id="4d3c2b1a-0f9e-4d8c-b7a6-958473625140",
    )


def risk_graded() -> RiskGraded:
    data = RiskGradedData(
        **common(LEADER, "Art. 14; 班子会议纪要 2026-03"),
        risk_point_id=RISK_POINT_ID,
        category=RiskCategory.BUSINESS_PROCESS,
        factors=GradingFactors(importance=4, discretion=3, probability=3, harm=4),
        grade=Grade.HIGH,
        previous_grade=Grade.MEDIUM,
        source=GradeSource.JUDGEMENT,
        reason="审核与支付未分离，已有群众举报。",
        information_id=INFORMATION_ID,
        judgement_id=JUDGEMENT_ID,
        recommended_level=WarningLevel.RED,
    )
    return RiskGraded.create(
        data=data,
        subject=str(RISK_POINT_ID),
        source="/lianfang/town-taihe/register",
        clock_now=MORNING,
    )


def judgement_made() -> JudgementMade:
    data = JudgementMadeData(
        **common(JUDGE, "Art. 25"),
        judgement_id=JUDGEMENT_ID,
        information_id=INFORMATION_ID,
        risk_point_id=RISK_POINT_ID,
        verdict=Verdict.INCIPIENT_TENDENCY,
        recommended_level=WarningLevel.RED,
        reasoning="属苗头性、倾向性问题，建议红色预警。",
    )
    return JudgementMade.create(
        data=data,
        subject=str(INFORMATION_ID),
        source="/lianfang/town-taihe/register",
        clock_now=MORNING,
    )


def warning_issued() -> WarningIssued:
    due = MORNING + timedelta(days=10)
    data = WarningIssuedData(
        **common(LEADER, "Art. 28; 专题会议纪要 2026-04"),
        warning_id=WARNING_ID,
        notice_number="清新廉预〔2026〕红-0003",
        level=WarningLevel.RED,
        subject_person_id="staff-4711",
        risk_point_id=RISK_POINT_ID,
        judgement_id=JUDGEMENT_ID,
        meeting_id=MEETING_ID,
        actions=[
            DueAction(
                action_id=ACTION_ID,
                kind=ActionKind.DEEP_ANALYSIS,
                description="深刻分析原因，写出剖析材料",
                due_at=due,
            ),
        ],
    )
    return WarningIssued.create(
        data=data, subject=str(WARNING_ID), source="/lianfang/district/warning", clock_now=MORNING
    )


def rectification_overdue() -> RectificationOverdue:
    due = MORNING + timedelta(days=10)
    data = RectificationOverdueData(
        **common(Actor(user_id="system", role="system", unit_code="QX"), "Art. 28", due),
        warning_id=WARNING_ID,
        notice_number="清新廉预〔2026〕红-0003",
        level=WarningLevel.RED,
        action_id=ACTION_ID,
        action_kind=ActionKind.DEEP_ANALYSIS,
        due_at=due,
        detected_at=due + timedelta(minutes=1),
    )
    return RectificationOverdue.create(
        data=data, subject=str(WARNING_ID), source="/lianfang/district/warning", clock_now=due
    )


def org_unit_registered() -> OrgUnitRegistered:
    data = OrgUnitRegisteredData(
        **common(Actor(user_id="u-admin", role="admin", unit_code="QX"), "Art. 5–7"),
        code=UNIT,
        name="太和镇财政所",
        kind=UnitKind.TOWN_UNIT,
        parent_code="QX-TH",
        managing_node_id="town-taihe",
        principal_leader_id="staff-0001",
        leadership_team_ids=["staff-0001", "staff-0002"],
    )
    return OrgUnitRegistered.create(
        data=data, subject=UNIT, source="/lianfang/district/register", clock_now=MORNING
    )


def information_handled() -> InformationHandled:
    data = InformationHandledData(
        **common(OFFICER, "Art. 24", MORNING + timedelta(days=5)),
        information_id=INFORMATION_ID,
        to_node_id="district",
        forwarded_event_id="3b9a6c1e-0d2f-4e5a-8b7c-9d0e1f2a3b4c",
        round=1,
        outcome="已责令村委会重新履行民主程序",
        measures=("约谈村主任", "资产出租合同重新公示"),
        document_refs=("太和纪〔2026〕12号",),
    )
    return InformationHandled.create(
        data=data, subject=str(INFORMATION_ID), source="/lianfang/town-taihe/intake",
        clock_now=MORNING + timedelta(days=5),
    )  # fmt: skip


def information_supervised() -> InformationSupervised:
    district = Actor(user_id="u-qx-office", role="office", unit_code="QX")
    data = InformationSupervisedData(
        **common(district, "Art. 24", MORNING + timedelta(days=6)) | {"node_id": "district"},
        information_id=INFORMATION_ID,
        to_node_id="town-taihe",
        act="returned",
        reason="未说明资产出租是否经村民代表会议表决",
        feedback_due_at=MORNING + timedelta(days=16),
        round=1,
        handled_event_id="5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
    )
    return InformationSupervised.create(
        data=data, subject=str(INFORMATION_ID), source="/lianfang/district/intake",
        clock_now=MORNING + timedelta(days=6),
    )  # fmt: skip


def disposal_supervised() -> DisposalSupervised:
    district = Actor(user_id="u-qx-office", role="office", unit_code="QX")
    data = DisposalSupervisedData(
        **common(district, "Art. 29", MORNING + timedelta(days=40)),
        warning_id=WARNING_ID,
        notice_number="清新廉预〔2026〕黄-0007",
        disposing_unit="QX-TH",
        act="signed_off",
        text="处置到位，予以办结",
        document_refs=(),
    )
    return DisposalSupervised.create(
        data=data, subject=str(WARNING_ID), source="/lianfang/district/warning",
        clock_now=MORNING + timedelta(days=40),
    )  # fmt: skip


def every_event() -> list[CloudEvent]:
    """One of each type the contract knows."""
    return [
        risk_reported(),
        risk_graded(),
        warning_issued(),
        rectification_overdue(),
        judgement_made(),
        org_unit_registered(),
        information_handled(),
        information_supervised(),
        disposal_supervised(),
    ]
