"""Handlers of the judgement group 研判小组: take in reports, verify, judge (Art. 21–25).

Plain functions `(app, ...)`: reported information enters the database from intake's RiskReported
(Art. 21); the group verifies it 核实 and judges it once 研判, opening or re-grading the risk point
it concerns (Art. 14, 25) and finding a report untrue when it is (Art. 23).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from services.register.groups.handlers import judging_group
from services.register.judgement.model import ReportedInformation, ReportFinding, judgement_id_of
from services.register.risk_points.handlers import RiskPointDraft, identified, regraded
from services.register.risk_points.model import Focus
from services.register.risk_points.rules import FACTOR_NAMES, FOUR_FACTORS_NEEDED, Factors
from shared.application import Rejected, actor_of
from shared.auth import Principal, Role
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.grants import not_held
from shared.orgtree import UnknownUnit
from shared.vocabulary import GradeSource, RiskCategory, Verdict, WarningLevel, warning_level_for

if TYPE_CHECKING:
    from datetime import datetime

    from eventsourcing.application import ProcessingEvent

    from services.register.app import RegisterApplication
    from services.register.groups.model import JudgementGroup
    from services.register.judgement.model import SignOff
    from services.register.risk_points.model import RiskPoint
    from shared.events import RiskReported


@dataclass(frozen=True)
class NewRiskPoint:
    """A risk point opened from the information 由信息发现的新风险点 (Art. 10, 13, 25)."""

    category: str
    description: str
    post: str | None = None  # defaults to the post the information is about
    manifestations: list[str] = field(default_factory=list)  # defaults to the summary


@dataclass(frozen=True)
class JudgementDraft:
    """What the judgement group decided about one piece of information (Art. 23, 25, 28)."""

    verdict: str
    reasoning: str
    recommended_level: str | None = None
    risk_point_id: UUID | None = None
    new_risk_point: NewRiskPoint | None = None
    factors: dict[str, int] | None = None
    responsible_leader_id: str | None = None
    report_finding: str | None = None


def take_report(
    app: RegisterApplication, reported: RiskReported, processing_event: ProcessingEvent[UUID]
) -> None:
    """Enter reported information into the database for judgement (Art. 21)."""
    data = reported.data
    try:
        app.org.get(data.unit_code)
    except UnknownUnit as exc:
        raise Rejected(str(exc)) from exc
    if data.information_id in app.repository:
        return  # the same case reported again under another event id
    processing_event.collect_events(
        ReportedInformation(
            information_id=data.information_id,
            unit_code=data.unit_code,
            channel=str(data.channel),
            summary=data.summary,
            learned_at=data.learned_at,
            reported_at=data.occurred_at,
            reported_by=data.reported_by.model_dump(),
            upstream_event_id=reported.id,
            subject_post=data.subject_post,
        )
    )


def _judgeable(
    app: RegisterApplication, information_id: UUID, by: Principal
) -> ReportedInformation:
    if Role.JUDGE not in by.roles:
        raise Forbidden(
            "只有研判小组成员才能核实、研判信息 "
            "(only the judgement group (judge, 研判小组) verifies and judges)"
        )
    info = app.load_within(by, information_id, ReportedInformation, "reported information")
    app.ensure_manages(by, info.unit_code)  # this node's cases only (Art. 7, 27)
    return info


def verify_information(
    app: RegisterApplication,
    information_id: UUID,
    *,
    checked: list[str],
    findings: str,
    by: Principal,
    verifiers: list[str] | None = None,
    verified_at: datetime | None = None,
) -> int:
    """Record a verification 核实: who checked what, when, and what they found (Art. 21)."""
    info = _judgeable(app, information_id, by)
    now = app.clock.now()
    when = verified_at or now
    if when > now:
        raise Invalid("verified_at", "核实时间不能晚于当前时间 (lies in the future)")
    if when < info.learned_at:
        raise Invalid(
            "verified_at",
            "核实时间不能早于获知该信息的时间 (lies before the information was learned of)",
        )
    items = [c.strip() for c in checked if c.strip()]
    if not items:
        raise Invalid(
            "checked", "请至少列出一项核实内容 (list at least one thing checked (核实内容))"
        )
    if not findings.strip():
        raise Invalid("findings", "请写明核实情况 (say what the verification found (核实情况))")
    people = [v.strip() for v in (verifiers or [by.user_id]) if v.strip()]
    if not people:
        raise Invalid("verifiers", "请写明核实人 (name who verified (核实人))")
    number = info.verify(
        verifiers=people, verified_at=when, checked=items, findings=findings.strip(),
        by=actor_of(by, "judge"), at=now,
    )  # fmt: skip
    app.save(info)
    return number


@dataclass(frozen=True)
class JudgementProgress:
    """Where a proposed judgement stands: who signed, how many are needed, made or not (Art. 25)."""

    judgement_id: UUID
    group_unit: str
    needed: int
    signed_by: tuple[SignOff, ...]
    made: bool


def judge_information(
    app: RegisterApplication, information_id: UUID, draft: JudgementDraft, by: Principal
) -> JudgementProgress:
    """A member of the group proposes the judgement; it is checked now as if it were made, and is
    made once enough members signed it (Art. 14, 23, 25, 28).

    The level recommended for an incipient tendency is the one its new grade calls for (Art. 28:
    低 yellow, 中 orange, 高 red); a recommendation that disagrees with the grade is refused.
    """
    info = _judgeable(app, information_id, by)
    group = _members_group(app, info, by)
    needed = app.rules.signoff.needed(len(group.members))
    if needed > len(group.members):
        raise Conflict(
            f"Art. 25: {group.unit_code} 的研判小组现有 {len(group.members)} 名成员，研判意见须经 "
            f"{needed} 名成员会签（{_rule_text_zh(app)}），请增补成员 "
            f"(the 研判小组 of {group.unit_code} has {len(group.members)} members; a "
            f"judgement needs {needed} members' sign-offs ({_rule_text(app)}): appoint more)"
        )
    _, _, finding = _checked_outcome(draft)
    info.ensure_judgeable(finding)
    _outcome(app, info, draft, by, trial=True)  # checked in full; nothing is kept
    info.propose(
        draft=_stored_draft(draft), group_unit=group.unit_code, needed=needed, finding=finding,
        by=actor_of(by, "judge"), at=app.clock.now(),
    )  # fmt: skip
    app.save(info)
    return _progress(info)


def sign_off_judgement(
    app: RegisterApplication, information_id: UUID, by: Principal
) -> JudgementProgress:
    """A member signs the proposed judgement; with the last sign-off needed it is made, and
    JudgementMade (and the point's RiskGraded) follow (Art. 25)."""
    info = _judgeable(app, information_id, by)
    _members_group(app, info, by)
    signed = info.sign_off(by=actor_of(by, "judge"), at=app.clock.now())
    proposal = info.proposal
    assert proposal is not None
    if signed < proposal.needed:
        app.save(info)
        return _progress(info)
    draft = _draft_of(proposal.draft)
    proposer = Principal(
        proposal.proposed_by["user_id"], frozenset({Role.JUDGE}),
        proposal.proposed_by["unit_code"],
    )  # fmt: skip
    verdict, level, finding, point, opened, leader = _outcome(app, info, draft, proposer)
    signed_by = [{**s.member, "signed_at": s.signed_at.isoformat()} for s in proposal.signoffs]
    judgement_id = info.judge(
        verdict=verdict, recommended_level=level, reasoning=draft.reasoning.strip(),
        risk_point_id=point.id if point else None, risk_point_opened=opened,
        factors=draft.factors, finding=finding, by=proposal.proposed_by, at=app.clock.now(),
        signed_by=signed_by,
    )  # fmt: skip
    if leader is not None and point is not None and draft.factors and level is not None:
        regraded(
            app, point, draft.factors, reason=draft.reasoning.strip(),
            responsible_leader_id=leader, by=proposer, source=GradeSource.JUDGEMENT,
            judgement=(info.id, judgement_id, level.value),
        )  # fmt: skip
    app.save(info, *([point] if point else []))
    return _progress(info)


def withdraw_proposal(
    app: RegisterApplication, information_id: UUID, reason: str, by: Principal
) -> ReportedInformation:
    """The proposer withdraws the proposed judgement before the group has made it, with the
    reason; who and when are recorded and the sign-offs lapse (Art. 25)."""
    info = _judgeable(app, information_id, by)
    info.withdraw_proposal(reason=reason, by=actor_of(by, "judge"), at=app.clock.now())
    app.save(info)
    return info


def _outcome(
    app: RegisterApplication,
    info: ReportedInformation,
    draft: JudgementDraft,
    by: Principal,
    *,
    trial: bool = False,
) -> tuple[Verdict, WarningLevel | None, ReportFinding | None, RiskPoint | None, bool, str | None]:
    """The judgement's verdict, level, finding, risk point (unsaved) and leader, all checked; on
    `trial` the re-grading is tried too, on the unsaved point, so that its refusals come when the
    judgement is proposed (Art. 14, 25, 28)."""
    verdict, level, finding = _checked_outcome(draft)
    if verdict is Verdict.INCIPIENT_TENDENCY:
        level = _level_of_grade(app, draft, level)
    point, opened = _risk_point_for(app, info, draft, verdict, by)
    leader = None
    if verdict is Verdict.INCIPIENT_TENDENCY:
        assert point is not None
        leader = draft.responsible_leader_id or (
            point.grading.responsible_leader_id if point.grading else None
        )
        if leader is None:
            raise Invalid(
                "responsible_leader_id",
                "请指定负责的管理领导 (name the leader responsible (管理领导))",
            )
        if trial and draft.factors:  # `point` is a fresh copy or a new point: never saved here
            regraded(
                app, point, draft.factors, reason=draft.reasoning.strip(),
                responsible_leader_id=leader, by=by, source=GradeSource.JUDGEMENT,
                judgement=(info.id, judgement_id_of(info.id), level.value if level else None),
            )  # fmt: skip
    return verdict, level, finding, point, opened, leader


def _members_group(
    app: RegisterApplication, info: ReportedInformation, by: Principal
) -> JudgementGroup:
    """The group that judges the information, if `by` is a member of it (Art. 25)."""
    group = judging_group(app, info.unit_code)
    if group is None:
        raise Conflict(
            f"Art. 25: {info.unit_code} 及其上级单位均未任命研判小组成员，请预防腐败室先任命"
            "（POST /units/{code}/judgement-group/members） "
            f"(no 研判小组 with members is recorded for {info.unit_code} or a unit above "
            "it; an office appoints the group's members first (POST /units/{code}/judgement-group"
            "/members))"
        )
    if by.user_id not in group.members:
        raise Forbidden(
            f"Art. 25: {by.user_id} 不是 {group.unit_code} 研判小组的成员，有关 {info.unit_code} "
            f"的信息由该小组研判 ({by.user_id} is not a member of the 研判小组 of "
            f"{group.unit_code}, which judges information about {info.unit_code})"
        )
    # Appointed once is not enough: the directory's judge grant for the group's unit, now.
    if not app.directory.holds(by.user_id, Role.JUDGE, group.unit_code, app.clock.now()):
        raise Forbidden("Art. 25: " + not_held(by.user_id, Role.JUDGE, group.unit_code))
    return group


def _rule_text_zh(app: RegisterApplication) -> str:
    rule = app.rules.signoff
    share = "超过" if rule.strictly_more else "不少于"
    return f"{share}小组成员的 {rule.share}，且不少于 {rule.at_least} 人"


def _rule_text(app: RegisterApplication) -> str:
    rule = app.rules.signoff
    share = "more than" if rule.strictly_more else "at least"
    return f"{share} {rule.share} of the group, and at least {rule.at_least}"


def _progress(info: ReportedInformation) -> JudgementProgress:
    p = info.proposal
    assert p is not None
    return JudgementProgress(
        judgement_id=judgement_id_of(info.id), group_unit=p.group_unit, needed=p.needed,
        signed_by=p.signoffs, made=info.judgement is not None,
    )  # fmt: skip


def _stored_draft(draft: JudgementDraft) -> dict[str, Any]:
    """The draft in plain values, as the proposal stores it."""
    new = draft.new_risk_point
    return {
        "verdict": draft.verdict,
        "reasoning": draft.reasoning,
        "recommended_level": draft.recommended_level,
        "risk_point_id": str(draft.risk_point_id) if draft.risk_point_id else None,
        "new_risk_point": (
            {"category": new.category, "description": new.description, "post": new.post,
             "manifestations": list(new.manifestations)} if new else None
        ),
        "factors": dict(draft.factors) if draft.factors else None,
        "responsible_leader_id": draft.responsible_leader_id,
        "report_finding": draft.report_finding,
    }  # fmt: skip


def _draft_of(stored: dict[str, Any]) -> JudgementDraft:
    """The draft a proposal stored."""
    new = stored.get("new_risk_point")
    point = stored.get("risk_point_id")
    return JudgementDraft(
        verdict=stored["verdict"], reasoning=stored["reasoning"],
        recommended_level=stored.get("recommended_level"),
        risk_point_id=UUID(point) if point else None,
        new_risk_point=NewRiskPoint(**new) if new else None,
        factors=stored.get("factors"), responsible_leader_id=stored.get("responsible_leader_id"),
        report_finding=stored.get("report_finding"),
    )  # fmt: skip


def _risk_point_for(
    app: RegisterApplication,
    info: ReportedInformation,
    draft: JudgementDraft,
    verdict: Verdict,
    by: Principal,
) -> tuple[RiskPoint | None, bool]:
    """The linked risk point, or one opened from the information; not yet saved (Art. 25)."""
    if draft.risk_point_id is not None and draft.new_risk_point is not None:
        raise Invalid(
            "new_risk_point",
            "关联已有风险点或新建风险点，只能二选一 "
            "(link a risk point or open a new one, not both)",
        )
    if draft.risk_point_id is not None:
        try:
            point = app.get_risk_point(draft.risk_point_id)
        except NotFound:
            raise Invalid(
                "risk_point_id",
                f"风险点 {draft.risk_point_id} 不存在 (no risk point {draft.risk_point_id})",
            ) from None
        if point.unit_code != info.unit_code:
            raise Invalid(
                "risk_point_id",
                f"该风险点属于单位 {point.unit_code}，不是本信息涉及的单位 "
                f"(the risk point belongs to unit {point.unit_code})",
            )
        return point, False
    new = draft.new_risk_point
    if new is None:
        if verdict is not Verdict.UNFOUNDED:
            raise Invalid(
                "risk_point_id",
                "请关联已有风险点或新建风险点 (link a risk point or open one (new_risk_point))",
            )
        return None, False
    post = (new.post or info.subject_post or "").strip()
    if not post:
        raise Invalid(
            "new_risk_point.post",
            "该信息未写明岗位，请填写岗位 (name the post 岗位; the information names none)",
        )
    if new.category not in RiskCategory.__members__.values():
        categories = ", ".join(c.value for c in RiskCategory)
        raise Invalid(
            "new_risk_point.category",
            f"风险类别须为以下之一：{categories} (must be one of {categories})",
        )
    point_draft = RiskPointDraft(
        unit_code=info.unit_code,
        post=post,
        category=new.category,
        description=new.description,
        manifestations=new.manifestations or [info.summary],
        focus=Focus(past_violation=verdict is Verdict.VIOLATION),
    )
    try:
        return identified(app, point_draft, by, "judge"), True
    except Invalid as exc:
        raise Invalid(f"new_risk_point.{exc.field}", exc.reason) from None


def _level_of_grade(
    app: RegisterApplication, draft: JudgementDraft, recommended: WarningLevel | None
) -> WarningLevel:
    """The level the factors' grade calls for; Conflict if the judges recommended another."""
    assert draft.factors is not None  # _checked_outcome requires them for an incipient tendency
    if set(draft.factors) != set(FACTOR_NAMES):
        raise Invalid("factors", FOUR_FACTORS_NEEDED)
    grade = app.rules.grading.grade(Factors(**draft.factors))
    level = warning_level_for(grade)
    if recommended is not None and recommended is not level:
        raise Conflict(
            f"Art. 28: 按所填因素，该风险点评定为“{grade.label_zh}”等级，应实行"
            f"{level.label_zh}；建议{recommended.label_zh}的，须评定为相应等级（第十四条） "
            f"(these factors grade the point {grade.label_zh}, which is warned "
            f"{level.value}; a {recommended.value} warning needs another grade (Art. 14))"
        )
    return level


def _checked_outcome(
    draft: JudgementDraft,
) -> tuple[Verdict, WarningLevel | None, ReportFinding | None]:
    """The verdict, level and report finding, if they go together (Art. 23, 25, 28)."""
    if draft.verdict not in Verdict.__members__.values():
        verdicts = ", ".join(v.value for v in Verdict)
        raise Invalid("verdict", f"研判结论须为以下之一：{verdicts} (must be one of {verdicts})")
    verdict = Verdict(draft.verdict)
    if not draft.reasoning.strip():
        raise Invalid(
            "reasoning", "请填写研判小组的研判意见 (give the group's reasoning (研判意见))"
        )
    level = None
    if draft.recommended_level is not None:
        if draft.recommended_level not in WarningLevel.__members__.values():
            levels = ", ".join(v.value for v in WarningLevel)
            raise Invalid(
                "recommended_level", f"预警等级须为以下之一：{levels} (must be one of {levels})"
            )
        level = WarningLevel(draft.recommended_level)
    incipient = verdict is Verdict.INCIPIENT_TENDENCY
    if not incipient and level is not None:
        raise Invalid(
            "recommended_level",
            f"研判结论为“{verdict.label_zh}”的，不提出预警等级建议 "
            f"(a {verdict.value} verdict recommends no warning level)",
        )
    if incipient and draft.factors is None:
        raise Invalid(
            "factors",
            "苗头性、倾向性问题须对所涉风险点重新评定等级，请填写评定因素 "
            "(an incipient tendency re-grades its risk point: give the factors)",
        )
    if not incipient and draft.factors is not None:
        raise Invalid(
            "factors",
            f"研判结论为“{verdict.label_zh}”的，不评定风险等级 "
            f"(a {verdict.value} verdict grades nothing)",
        )
    finding = None
    if draft.report_finding is not None:
        if draft.report_finding not in ReportFinding.__members__.values():
            kinds = ", ".join(k.value for k in ReportFinding)
            raise Invalid(
                "report_finding", f"报告失实情形须为以下之一：{kinds} (must be one of {kinds})"
            )
        finding = ReportFinding(draft.report_finding)
        if finding is ReportFinding.UNTRUE and verdict is not Verdict.UNFOUNDED:
            raise Invalid(
                "report_finding",
                "认定报告不真实的，研判结论应为“不属实” "
                "(an untrue report (不真实) means an unfounded verdict)",
            )
    return verdict, level, finding
