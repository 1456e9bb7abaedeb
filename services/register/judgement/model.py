"""Reported information 廉政风险信息, its verification 核实 and judgement 研判 (Art. 21, 23, 25).

Information about a unit's integrity risks enters the database 廉政风险信息库 (Art. 21); the
judgement group 研判小组 verifies it, then gives its verdict once (Art. 25). A report found untrue
or inaccurate in its core content binds its reporter (Art. 23).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.register.wording import beijing_minute
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActorRecord, Channel, Verdict, WarningLevel

JUDGEMENT_NAMESPACE: Final = uuid5(NAMESPACE_URL, "urn:lianfang:register:judgement")


def judgement_id_of(information_id: UUID) -> UUID:
    """The one judgement of a piece of information, by a stable id (Art. 25)."""
    return uuid5(JUDGEMENT_NAMESPACE, f"judgement:{information_id}")


def breach_id_of(judgement_id: UUID, kind: str) -> UUID:
    """The reporting breach a judgement found, by a stable id (Art. 23)."""
    return uuid5(JUDGEMENT_NAMESPACE, f"breach:{judgement_id}:{kind}")


class InformationStatus(StrEnum):
    """Where reported information stands: 待研判 awaiting judgement, 已研判 judged (Art. 21, 25)."""

    AWAITING_JUDGEMENT = "awaiting_judgement"
    JUDGED = "judged"


class ReportFinding(StrEnum):
    """What the judges found wrong with the report itself 报告失实 (Art. 23)."""

    UNTRUE = "untrue"  # 不真实
    INACCURATE = "inaccurate"  # 核心内容不准确

    @property
    def label_zh(self) -> str:
        return {"untrue": "不真实", "inaccurate": "核心内容不准确"}[self.value]


@dataclass(frozen=True)
class Verification:
    """One verification 核实 by the judgement group: who, when, what was checked (Art. 21, 25)."""

    number: int
    verifiers: tuple[str, ...]
    verified_at: datetime
    checked: tuple[str, ...]
    findings: str
    recorded_by: dict[str, str]
    recorded_at: datetime


@dataclass(frozen=True)
class ReportMaker:
    """The person and unit that made a report 报送人, 报送单位, answerable under Art. 23."""

    person_id: str
    role: str
    unit_code: str


def report_maker(channel: str, reported_by: dict[str, str]) -> ReportMaker | None:
    """Who made the report, if a unit made it (信息报送, Art. 23); None if no unit did.

    An officer's report (channel officer_report) is made by the officer 信息员, or the unit's
    office, who filed it, for their own unit. On every other channel — a petition from the public
    信访举报, media 网络媒体, an inspection 监督检查, shared data 资源共享 — the filer only typed in
    what came from outside: no unit reported it, and the clerk is not its reporter.
    """
    if channel != Channel.OFFICER_REPORT.value:
        return None
    return ReportMaker(reported_by["user_id"], reported_by["role"], reported_by["unit_code"])


@dataclass(frozen=True)
class ReportingBreachFinding:
    """A report found untrue or inaccurate in its core content; its maker answers (Art. 23).

    `reporting_unit` and `reporter_role` are None only in findings recorded before they were
    kept (the reporting unit was not known then).
    """

    breach_id: UUID
    kind: ReportFinding
    responsible_person_id: str
    reported_event_id: str
    reported_at: datetime
    reporting_unit: str | None = None
    reporter_role: str | None = None


@dataclass(frozen=True)
class Judgement:
    """The judgement group's assessment 研判结论 of one piece of information (Art. 25, 28)."""

    judgement_id: UUID
    verdict: Verdict
    recommended_level: WarningLevel | None
    reasoning: str
    risk_point_id: UUID | None
    risk_point_opened: bool
    factors: dict[str, int] | None
    breach: ReportingBreachFinding | None
    judged_by: dict[str, str]
    judged_at: datetime
    signed_by: tuple[SignOff, ...] = ()  # empty for judgements made before the group signed


@dataclass(frozen=True)
class SignOff:
    """One member's sign-off 签署 of a proposed judgement: who and when (Art. 25)."""

    member: dict[str, str]
    signed_at: datetime


@dataclass(frozen=True)
class Proposal:
    """A judgement proposed by a member of the group, awaiting its sign-offs (Art. 25).

    `draft` is the judgement as proposed, in plain values; `group_unit` the unit whose 研判小组
    judges; `needed` the sign-offs the rule asked for when it was proposed (the proposer's counts).
    """

    draft: dict[str, Any]
    group_unit: str
    needed: int
    proposed_by: dict[str, str]
    proposed_at: datetime
    signoffs: tuple[SignOff, ...]


@dataclass(frozen=True)
class WithdrawnProposal:
    """A proposed judgement its proposer withdrew before it was made: who, when, why (Art. 25).

    The proposal and the sign-offs it had are kept; they no longer count towards any judgement.
    """

    proposal: Proposal
    reason: str
    withdrawn_by: dict[str, str]
    withdrawn_at: datetime


class ReportedInformation(Aggregate):
    """Risk information in the 廉政风险信息库, awaiting the judgement group 研判小组 (Art. 21, 25).

    It shares its id with intake's case, so every service speaks of the same case by one id.
    """

    @staticmethod
    def create_id(information_id: UUID, **_: Any) -> UUID:
        return information_id

    class Judged(Aggregate.Event):
        """The judgement group gave its verdict 研判结论 once enough members signed it (Art. 25);
        an Art. 23 breach if found."""

        judgement_id: UUID
        unit_code: str
        verdict: str
        recommended_level: str | None
        reasoning: str
        risk_point_id: UUID | None
        risk_point_opened: bool
        factors: dict[str, int] | None
        breach: dict[str, str] | None
        judged_by: ActorRecord  # who proposed it
        judged_at: datetime  # when the last sign-off needed made it
        signed_by: list[dict[str, str]]  # each: user_id, role, unit_code, signed_at (ISO 8601)

    @event("Received")
    def __init__(
        self,
        *,
        information_id: UUID,
        unit_code: str,
        channel: str,
        summary: str,
        learned_at: datetime,
        reported_at: datetime,
        reported_by: dict[str, str],
        upstream_event_id: str,
        subject_post: str | None = None,
    ) -> None:
        self.unit_code = unit_code
        self.channel = channel
        self.summary = summary
        self.learned_at = learned_at
        self.reported_at = reported_at
        self.reported_by = dict(reported_by)
        self.upstream_event_id = upstream_event_id
        self.subject_post = subject_post
        self.status = InformationStatus.AWAITING_JUDGEMENT
        self.verifications: list[Verification] = []
        self.judgement: Judgement | None = None
        self.proposal: Proposal | None = None
        self.withdrawn: list[WithdrawnProposal] = []  # proposals withdrawn, oldest first

    # -- verification 核实 (Art. 21, 25) -------------------------------------------------------

    def verify(
        self,
        *,
        verifiers: list[str],
        verified_at: datetime,
        checked: list[str],
        findings: str,
        by: ActorRecord,
        at: datetime,
    ) -> int:
        """Record what the judges checked, who checked it and when 核实; return its number."""
        self._ensure_open()
        number = len(self.verifications) + 1
        self._verified(
            number=number, verifiers=verifiers, verified_at=verified_at, checked=checked,
            findings=findings, recorded_by=by, recorded_at=at,
        )  # fmt: skip
        return number

    @event("Verified")
    def _verified(
        self,
        *,
        number: int,
        verifiers: list[str],
        verified_at: datetime,
        checked: list[str],
        findings: str,
        recorded_by: ActorRecord,
        recorded_at: datetime,
    ) -> None:
        self.verifications.append(
            Verification(
                number, tuple(verifiers), verified_at, tuple(checked), findings,
                dict(recorded_by), recorded_at,
            )
        )  # fmt: skip

    # -- the group's proposal and sign-offs 研判小组签署 (Art. 25) ---------------------------------

    def propose(
        self,
        *,
        draft: dict[str, Any],
        group_unit: str,
        needed: int,
        finding: ReportFinding | None,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """A member proposes the judgement; the proposer's sign-off is the first (Art. 25)."""
        self.ensure_judgeable(finding)
        if self.proposal is not None:
            p = self.proposal
            raise Conflict(
                f"Art. 25: 信息 {self.id} 的研判意见已由 {p.proposed_by['user_id']} 于 "
                f"{beijing_minute(p.proposed_at)}提出，请研判小组成员会签"
                "（POST .../judgement/sign-off） "
                f"(a judgement of information {self.id} was proposed by "
                f"{p.proposed_by['user_id']} at {p.proposed_at.isoformat()}; the group signs it "
                "off (POST .../judgement/sign-off))"
            )
        self._proposed(
            draft=draft, group_unit=group_unit, needed=needed, proposed_by=by, proposed_at=at
        )

    @event("JudgementProposed")
    def _proposed(
        self,
        *,
        draft: dict[str, Any],
        group_unit: str,
        needed: int,
        proposed_by: ActorRecord,
        proposed_at: datetime,
    ) -> None:
        first = SignOff(dict(proposed_by), proposed_at)
        self.proposal = Proposal(
            dict(draft), group_unit, needed, dict(proposed_by), proposed_at, (first,)
        )

    def sign_off(self, *, by: ActorRecord, at: datetime) -> int:
        """A member signs the proposed judgement; how many have signed (Art. 25). A second
        sign-off by the same member is refused and changes nothing."""
        self._ensure_open()
        p = self.proposal
        if p is None:
            raise Conflict(
                f"Art. 25: 信息 {self.id} 尚未提出研判意见 "
                f"(no judgement of information {self.id} is proposed yet)"
            )
        for s in p.signoffs:
            if s.member["user_id"] == by["user_id"]:
                raise Conflict(
                    f"Art. 25: {by['user_id']} 已于 {beijing_minute(s.signed_at)}会签该研判意见，"
                    f"每名成员只会签一次 ({by['user_id']} signed this judgement already "
                    f"({s.signed_at.isoformat()}); a member signs once)"
                )
        self._signed_off(member=by, signed_at=at)
        return len(p.signoffs) + 1

    @event("JudgementSignedOff")
    def _signed_off(self, *, member: ActorRecord, signed_at: datetime) -> None:
        assert self.proposal is not None
        signoffs = (*self.proposal.signoffs, SignOff(dict(member), signed_at))
        self.proposal = Proposal(
            self.proposal.draft, self.proposal.group_unit, self.proposal.needed,
            self.proposal.proposed_by, self.proposal.proposed_at, signoffs,
        )  # fmt: skip

    def withdraw_proposal(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        """The proposer withdraws the proposed judgement before it is made (Art. 25): the
        sign-offs given to it lapse with it, and a member may propose afresh. Only the proposer
        withdraws (the others simply do not sign); a made judgement stands (Conflict)."""
        self._ensure_open()
        p = self.proposal
        if p is None:
            raise Conflict(
                f"Art. 25: 信息 {self.id} 尚未提出研判意见，无可撤回 "
                f"(no judgement of information {self.id} is proposed; nothing to withdraw)"
            )
        if by["user_id"] != p.proposed_by["user_id"]:
            raise Forbidden(
                f"Art. 25: 该研判意见由 {p.proposed_by['user_id']} 提出，只能由提出人撤回，"
                f"{by['user_id']} 不能撤回（不同意的成员不予会签即可） "
                f"(the judgement was proposed by {p.proposed_by['user_id']}; only its "
                f"proposer withdraws it, not {by['user_id']} (a member who disagrees does not "
                "sign it))"
            )
        if not reason.strip():
            raise Invalid("reason", "请写明撤回理由 (say why the proposal is withdrawn (撤回理由))")
        self._proposal_withdrawn(
            reason=reason.strip(),
            withdrawn_by=by,
            withdrawn_at=at,
            signed_by=[s.member["user_id"] for s in p.signoffs],
        )

    @event("JudgementProposalWithdrawn")
    def _proposal_withdrawn(
        self,
        *,
        reason: str,
        withdrawn_by: ActorRecord,
        withdrawn_at: datetime,
        signed_by: list[str],
    ) -> None:
        assert self.proposal is not None
        self.withdrawn.append(
            WithdrawnProposal(self.proposal, reason, dict(withdrawn_by), withdrawn_at)
        )
        self.proposal = None

    # -- judgement 研判 (Art. 23, 25, 28) ------------------------------------------------------

    def judge(
        self,
        *,
        verdict: Verdict,
        recommended_level: WarningLevel | None,
        reasoning: str,
        risk_point_id: UUID | None,
        risk_point_opened: bool,
        factors: dict[str, int] | None,
        finding: ReportFinding | None,
        by: ActorRecord,
        at: datetime,
        signed_by: list[dict[str, str]],
    ) -> UUID:
        """Give the verdict once, with the sign-offs of the group's members; a report found untrue
        binds the unit and person that made it, and information no unit reported cannot be found
        so (Art. 23, 25)."""
        self.ensure_judgeable(finding)
        judgement_id = judgement_id_of(self.id)
        breach = None
        if finding is not None:
            maker = self.maker
            assert maker is not None  # ensure_judgeable
            breach = {
                "breach_id": str(breach_id_of(judgement_id, finding.value)),
                "kind": finding.value,
                "responsible_person_id": maker.person_id,
                "reporter_role": maker.role,
                "reporting_unit": maker.unit_code,
                "reported_event_id": self.upstream_event_id,
                "reported_at": self.reported_at.isoformat(),
            }
        self._judged(
            judgement_id=judgement_id, unit_code=self.unit_code, verdict=verdict.value,
            recommended_level=recommended_level.value if recommended_level else None,
            reasoning=reasoning, risk_point_id=risk_point_id,
            risk_point_opened=risk_point_opened, factors=factors, breach=breach,
            judged_by=by, judged_at=at, signed_by=signed_by,
        )  # fmt: skip
        return judgement_id

    def ensure_judgeable(self, finding: ReportFinding | None) -> None:
        """Conflict unless the information can be judged now, with that report finding."""
        self._ensure_open()
        if not self.verifications:
            raise Conflict(
                "请先核实该信息（第二十一条），尚无核实记录 "
                "(verify the information first (核实, Art. 21): no verification recorded)"
            )
        if finding is not None and self.maker is None:
            channel = Channel(self.channel)
            raise Conflict(
                f"Art. 23: 经{channel.label_zh}（{channel.value}）渠道收到的信息不是单位的"
                "信息报送，经核实不实的研判为“不属实”，不作报告失实认定：录入人不是报告人 "
                f"(information received by {channel.label_zh} ({channel.value}) is "
                "not a unit's report (信息报送); judge an untrue one unfounded, with no "
                "report finding: whoever typed it in did not make it)"
            )

    @event(Judged)
    def _judged(
        self,
        *,
        judgement_id: UUID,
        unit_code: str,
        verdict: str,
        recommended_level: str | None,
        reasoning: str,
        risk_point_id: UUID | None,
        risk_point_opened: bool,
        factors: dict[str, int] | None,
        breach: dict[str, str] | None,
        judged_by: ActorRecord,
        judged_at: datetime,
        signed_by: list[dict[str, str]],
    ) -> None:
        signoffs = tuple(
            SignOff(
                {k: v for k, v in s.items() if k != "signed_at"},
                datetime.fromisoformat(s["signed_at"]),
            )
            for s in signed_by
        )
        self._record(
            judgement_id=judgement_id, verdict=verdict, recommended_level=recommended_level,
            reasoning=reasoning, risk_point_id=risk_point_id, risk_point_opened=risk_point_opened,
            factors=factors, breach=breach, judged_by=judged_by, judged_at=judged_at,
            signed_by=signoffs,
        )  # fmt: skip

    def _record(
        self,
        *,
        judgement_id: UUID,
        verdict: str,
        recommended_level: str | None,
        reasoning: str,
        risk_point_id: UUID | None,
        risk_point_opened: bool,
        factors: dict[str, int] | None,
        breach: dict[str, str] | None,
        judged_by: ActorRecord,
        judged_at: datetime,
        signed_by: tuple[SignOff, ...],
    ) -> None:
        self.status = InformationStatus.JUDGED
        self.judgement = Judgement(
            judgement_id=judgement_id,
            verdict=Verdict(verdict),
            recommended_level=WarningLevel(recommended_level) if recommended_level else None,
            reasoning=reasoning,
            risk_point_id=risk_point_id,
            risk_point_opened=risk_point_opened,
            factors=dict(factors) if factors else None,
            breach=breach_of(breach) if breach else None,
            judged_by=dict(judged_by),
            judged_at=judged_at,
            signed_by=signed_by,
        )

    @property
    def maker(self) -> ReportMaker | None:
        """The unit and person that made this report; None if no unit did (Art. 23)."""
        return report_maker(self.channel, self.reported_by)

    def _ensure_open(self) -> None:
        if self.judgement is not None:
            verdict, judged_at = self.judgement.verdict, self.judgement.judged_at
            raise Conflict(
                f"信息 {self.id} 已于 {beijing_minute(judged_at)}研判为“{verdict.label_zh}” "
                f"(information {self.id} was already judged "
                f"({verdict.value}, {judged_at.isoformat()}))"
            )


def breach_of(stored: dict[str, str]) -> ReportingBreachFinding:
    """The finding a stored judgement recorded (Art. 23)."""
    return ReportingBreachFinding(
        breach_id=UUID(stored["breach_id"]),
        kind=ReportFinding(stored["kind"]),
        responsible_person_id=stored["responsible_person_id"],
        reported_event_id=stored["reported_event_id"],
        reported_at=datetime.fromisoformat(stored["reported_at"]),
        reporting_unit=stored.get("reporting_unit"),
        reporter_role=stored.get("reporter_role"),
    )
