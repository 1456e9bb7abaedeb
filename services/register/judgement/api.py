"""The risk-information routes: list, read, verify, judge 信息库与研判 (Art. 21, 23, 25)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.register.api_deps import RegisterApp, within_of
from services.register.judgement import handlers
from services.register.judgement.handlers import JudgementDraft, JudgementProgress, NewRiskPoint
from services.register.judgement.model import (
    InformationStatus,
    ReportedInformation,
    SignOff,
    judgement_id_of,
)
from services.register.read_model import InformationRow
from shared.auth import Principal, Role
from shared.bounds import Code, ItemList, Line, Paragraphs, SingleLine
from shared.deps import RuntimeDep, require_roles
from shared.events import GradingFactors
from shared.paging import PageWindow, paged
from shared.vocabulary import RiskCategory, Verdict, WarningLevel


class VerificationIn(BaseModel):
    """A verification 核实 by the judgement group: who, when, what was checked (Art. 21, 25)."""

    model_config = ConfigDict(extra="forbid")

    checked: ItemList[Line] = Field(
        min_length=1, description="What was checked (核实内容), e.g. 调取报销凭证, 询问当事人."
    )
    findings: Paragraphs = Field(
        min_length=1, max_length=4000, description="What was found (核实情况)."
    )
    verifiers: ItemList[Code] | None = Field(
        None, description="Staff ids of who verified (核实人); default the caller."
    )
    verified_at: AwareDatetime | None = Field(
        None, description="When it was verified (核实时间); default now, never in the future."
    )


class NewRiskPointIn(BaseModel):
    """A risk point opened from the information 新发现的风险点 (Art. 10, 13, 25)."""

    model_config = ConfigDict(extra="forbid")

    category: RiskCategory = Field(description="Risk category (风险类别, Art. 13).")
    description: Paragraphs = Field(
        min_length=1, max_length=2000, description="The risk (风险描述)."
    )
    post: Annotated[SingleLine, Field(max_length=100)] | None = Field(
        None, description="The post (岗位); default the post the information names."
    )
    manifestations: ItemList[Line] = Field(
        default_factory=list, description="How it shows (风险表现形式); default the summary."
    )


class JudgementIn(BaseModel):
    """The judgement group's verdict 研判结论 on one piece of information (Art. 23, 25, 28)."""

    model_config = ConfigDict(extra="forbid")

    verdict: Verdict = Field(
        description="unfounded 不属实 · incipient_tendency 苗头性、倾向性问题 · violation "
        "已构成违纪违法 (transfer, Art. 28)."
    )
    reasoning: Paragraphs = Field(
        min_length=1, max_length=4000, description="Reasoning and recommendations (研判意见)."
    )
    recommended_level: WarningLevel | None = Field(
        None, description="Warning level (预警等级), for an incipient tendency only. It follows "
        "the grade the factors give (低 yellow, 中 orange, 高 red, Art. 28): leave it out to "
        "have it derived; another level is refused (409).",
    )  # fmt: skip
    risk_point_id: UUID | None = Field(
        None, description="An existing risk point of the unit the information bears on."
    )
    new_risk_point: NewRiskPointIn | None = Field(
        None, description="Or a risk point opened from the information. One of the two is "
        "required unless the verdict is unfounded.",
    )  # fmt: skip
    factors: GradingFactors | None = Field(
        None, description="The four factors (Art. 14) to grade the risk point by; only and always "
        "for an incipient tendency.",
    )  # fmt: skip
    responsible_leader_id: Code | None = Field(
        None, description="Responsible leader (责任领导) of the grading; default the current one."
    )
    report_finding: Literal["untrue", "inaccurate"] | None = Field(
        None, description="The report itself was untrue 不真实 (only with unfounded) or inaccurate "
        "in its core content 核心内容不准确: a reporting breach of the unit and person that made "
        "the report (Art. 23). Only an officer's report (officer_report) is a unit's report; on "
        "any other channel (a petition from the public, ...) it is refused with 409.",
    )  # fmt: skip


class NumberOut(BaseModel):
    number: int = Field(description="Number of the verification for this information.")


class SignOffOut(BaseModel):
    user_id: str = Field(description="The member who signed (签署人).")
    role: str
    unit_code: str
    signed_at: datetime = Field(description="When (签署时间).")


class JudgementProgressOut(BaseModel):
    """A proposed judgement and its sign-offs by the 研判小组 (Art. 25)."""

    judgement_id: UUID = Field(description="Id of the judgement; JudgementMade carries it.")
    group_unit: str = Field(description="The unit whose 研判小组 judges (Art. 25).")
    needed: int = Field(
        description="Members' sign-offs the judgement needs (the proposer's counts)."
    )
    signed_by: list[SignOffOut] = Field(description="Who signed, and when, the proposer first.")
    made: bool = Field(description="True once enough signed: the judgement is the group's verdict.")


class VerificationOut(BaseModel):
    number: int
    verifiers: list[str] = Field(description="Who verified (核实人).")
    verified_at: datetime = Field(description="When (核实时间).")
    checked: list[str] = Field(description="What was checked (核实内容).")
    findings: str = Field(description="What was found (核实情况).")
    recorded_by: dict[str, str]
    recorded_at: datetime


class ReportingBreachOut(BaseModel):
    breach_id: UUID
    kind: Literal["untrue", "inaccurate"] = Field(description="不真实 · 核心内容不准确 (Art. 23).")
    responsible_person_id: str = Field(description="Who made the report (报送人, Art. 23).")
    reporting_unit: str | None = Field(description="The unit that made it (报送单位, Art. 23).")
    reported_event_id: str
    reported_at: datetime


class JudgementOut(BaseModel):
    judgement_id: UUID
    verdict: Verdict
    recommended_level: WarningLevel | None
    reasoning: str
    risk_point_id: UUID | None
    risk_point_opened: bool = Field(description="True if the risk point was opened by it.")
    factors: dict[str, int] | None
    reporting_breach: ReportingBreachOut | None = Field(description="Art. 23 finding, if any.")
    judged_by: dict[str, str] = Field(description="Who proposed it (a member of the 研判小组).")
    judged_at: datetime = Field(description="When it was made: the last sign-off needed.")
    signed_by: list[SignOffOut] = Field(
        description="The members who signed it (Art. 25); empty for judgements made before."
    )


class InformationRowOut(BaseModel):
    information_id: UUID
    unit_code: str
    channel: str
    summary: str
    learned_at: datetime
    status: InformationStatus = Field(description="awaiting_judgement 待研判 · judged 已研判.")
    verifications: int = Field(description="How many verifications are recorded (核实).")
    verdict: Verdict | None


class WithdrawalIn(BaseModel):
    """Why the proposer withdraws the proposed judgement 撤回研判意见 (Art. 25)."""

    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(
        min_length=1, max_length=2000, description="Why it is withdrawn (撤回理由)."
    )


class WithdrawnProposalOut(BaseModel):
    """A proposed judgement withdrawn by its proposer before it was made (Art. 25)."""

    proposed_by: dict[str, str] = Field(description="Who proposed it (and withdrew it).")
    proposed_at: datetime
    draft: dict[str, Any] = Field(description="The judgement as it was proposed.")
    signed_by: list[SignOffOut] = Field(description="The sign-offs it had; they lapsed with it.")
    reason: str = Field(description="Why it was withdrawn (撤回理由).")
    withdrawn_by: dict[str, str] = Field(description="Who withdrew it (its proposer).")
    withdrawn_at: datetime = Field(description="When (撤回时间).")


class ReportedInformationOut(BaseModel):
    information_id: UUID
    unit_code: str
    channel: str
    summary: str
    subject_post: str | None
    learned_at: datetime
    reported_at: datetime
    reported_by: dict[str, str] = Field(description="Who filed it (信息员, Art. 23).")
    status: InformationStatus = Field(description="awaiting_judgement 待研判 · judged 已研判.")
    verifications: list[VerificationOut]
    proposal: JudgementProgressOut | None = Field(
        description="The judgement as proposed and signed so far (Art. 25), if proposed."
    )
    withdrawn_proposals: list[WithdrawnProposalOut] = Field(
        description="Proposals withdrawn by their proposers before they were made, oldest first."
    )
    judgement: JudgementOut | None


def information_out(info: ReportedInformation) -> ReportedInformationOut:
    """The full record of one piece of information, verifications and judgement included."""
    j = info.judgement
    judgement = None
    if j is not None:
        breach = None
        if j.breach is not None:
            b = j.breach
            breach = ReportingBreachOut(
                breach_id=b.breach_id, kind=b.kind.value,
                responsible_person_id=b.responsible_person_id, reporting_unit=b.reporting_unit,
                reported_event_id=b.reported_event_id, reported_at=b.reported_at,
            )  # fmt: skip
        judgement = JudgementOut(
            judgement_id=j.judgement_id, verdict=j.verdict, recommended_level=j.recommended_level,
            reasoning=j.reasoning, risk_point_id=j.risk_point_id,
            risk_point_opened=j.risk_point_opened, factors=j.factors, reporting_breach=breach,
            judged_by=j.judged_by, judged_at=j.judged_at,
            signed_by=[_signoff(s) for s in j.signed_by],
        )  # fmt: skip
    return ReportedInformationOut(
        information_id=info.id, unit_code=info.unit_code, channel=info.channel,
        summary=info.summary, subject_post=info.subject_post, learned_at=info.learned_at,
        reported_at=info.reported_at, reported_by=info.reported_by, status=info.status,
        verifications=[
            VerificationOut(
                number=v.number, verifiers=list(v.verifiers), verified_at=v.verified_at,
                checked=list(v.checked), findings=v.findings, recorded_by=v.recorded_by,
                recorded_at=v.recorded_at,
            )
            for v in info.verifications
        ],
        proposal=_progress_of(info),
        withdrawn_proposals=[
            WithdrawnProposalOut(
                proposed_by=w.proposal.proposed_by, proposed_at=w.proposal.proposed_at,
                draft=w.proposal.draft, signed_by=[_signoff(s) for s in w.proposal.signoffs],
                reason=w.reason, withdrawn_by=w.withdrawn_by, withdrawn_at=w.withdrawn_at,
            )
            for w in info.withdrawn
        ],
        judgement=judgement,
    )  # fmt: skip


def _signoff(s: SignOff) -> SignOffOut:
    return SignOffOut(**s.member, signed_at=s.signed_at)


def _progress_of(info: ReportedInformation) -> JudgementProgressOut | None:
    p = info.proposal
    if p is None:
        return None
    return JudgementProgressOut(
        judgement_id=judgement_id_of(info.id), group_unit=p.group_unit, needed=p.needed,
        signed_by=[_signoff(s) for s in p.signoffs], made=info.judgement is not None,
    )  # fmt: skip


def _progress_out(p: JudgementProgress) -> JudgementProgressOut:
    return JudgementProgressOut(
        judgement_id=p.judgement_id, group_unit=p.group_unit, needed=p.needed,
        signed_by=[_signoff(s) for s in p.signed_by], made=p.made,
    )  # fmt: skip


router = APIRouter(prefix="/information", tags=["risk information database 廉政风险信息库"])

# The judgement group 研判小组 verifies and judges; offices and auditors read along (Art. 25).
Reader = Annotated[Principal, Depends(require_roles(Role.JUDGE, Role.OFFICE, Role.AUDITOR))]
Judge = Annotated[Principal, Depends(require_roles(Role.JUDGE))]


@router.get("", summary="Reported information of a subtree, by status (Art. 21, 25)")
@paged
def list_information(
    who: Reader,
    runtime: RuntimeDep,
    app: RegisterApp,
    status: Annotated[
        InformationStatus | None,
        Query(description="awaiting_judgement 待研判 · judged 已研判; default both."),
    ] = None,
    within: Annotated[
        Code | None, Query(description="Root unit of the subtree; default your own.")
    ] = None,
    *,
    window: PageWindow,
) -> list[InformationRowOut]:
    root = within_of(runtime, app, who, within)
    return [_row(r) for r in window.slice(app.list_information(root, status))]  # the page only


def _row(r: InformationRow) -> InformationRowOut:
    return InformationRowOut(
        information_id=r.id, unit_code=r.unit_code, channel=r.channel, summary=r.summary,
        learned_at=r.learned_at, status=r.status, verifications=r.verifications,
        verdict=r.verdict,
    )  # fmt: skip


@router.get("/{information_id}", summary="Information with its verification and judgement")
def get_information(information_id: UUID, who: Reader, app: RegisterApp) -> ReportedInformationOut:
    # Outside the caller's subtree: the 404 of an unknown id (issue #17 item 3).
    info = app.load_within(who, information_id, ReportedInformation, "reported information")
    return information_out(info)


@router.post(
    "/{information_id}/verification",
    status_code=status.HTTP_201_CREATED,
    summary="Record a verification 核实 (Art. 21, 25)",
)
def verify(information_id: UUID, body: VerificationIn, who: Judge, app: RegisterApp) -> NumberOut:
    number = handlers.verify_information(
        app,
        information_id, checked=body.checked, findings=body.findings, by=who,
        verifiers=body.verifiers, verified_at=body.verified_at,
    )  # fmt: skip
    return NumberOut(number=number)


@router.post(
    "/{information_id}/judgement",
    status_code=status.HTTP_201_CREATED,
    summary="Propose the judgement, as a member of the 研判小组 (Art. 14, 23, 25, 28)",
    description="The judgement is checked in full now and is made (JudgementMade, and the "
    "point's RiskGraded) once enough members of the group signed it (POST .../sign-off; the "
    "proposer's sign-off counts). Non-members are refused (403, Art. 25).",
)
def judge(
    information_id: UUID, body: JudgementIn, who: Judge, app: RegisterApp
) -> JudgementProgressOut:
    new = body.new_risk_point
    draft = JudgementDraft(
        verdict=body.verdict.value,
        reasoning=body.reasoning,
        recommended_level=body.recommended_level.value if body.recommended_level else None,
        risk_point_id=body.risk_point_id,
        new_risk_point=NewRiskPoint(
            new.category.value, new.description, new.post, list(new.manifestations)
        )
        if new
        else None,
        factors=body.factors.model_dump() if body.factors else None,
        responsible_leader_id=body.responsible_leader_id,
        report_finding=body.report_finding,
    )
    return _progress_out(handlers.judge_information(app, information_id, draft, who))


@router.post(
    "/{information_id}/judgement/sign-off",
    summary="Sign the proposed judgement, as a member of the 研判小组 (Art. 25)",
    description="With the last sign-off needed the judgement is made. A member signs once "
    "(409); non-members are refused (403).",
)
def sign_off(information_id: UUID, who: Judge, app: RegisterApp) -> JudgementProgressOut:
    return _progress_out(handlers.sign_off_judgement(app, information_id, who))


@router.post(
    "/{information_id}/judgement/withdrawal",
    summary="Withdraw the proposed judgement, as its proposer, before it is made (Art. 25)",
    description="Only the member who proposed it withdraws it (others: 403), with a reason "
    "(422 without); a judgement already made stands (409). Who, when and why are recorded, the "
    "sign-offs lapse, and a member may propose afresh.",
)
def withdraw(
    information_id: UUID, body: WithdrawalIn, who: Judge, app: RegisterApp
) -> ReportedInformationOut:
    return information_out(handlers.withdraw_proposal(app, information_id, body.reason, who))
