"""The register's configurable rules: grading, collective approval, publication (Art. 10, 14).

第十四条: "根据权力的重要程度、自由裁量权的大小、腐败现象发生的概率及危害程度等因素，按'高'、'中'、
'低'三个等级进行评定". The regulation names the factors but not how to weigh them; `GradingRule`
is that missing rule, configurable, with a documented default (see docs/register-grading.md).
Grades are "经单位领导班子集体审定": the regulation does not say how many members must agree;
`QuorumRule` defaults to a majority (more than half) of the team listed in the organisation tree.
第十四条 also asks "对不同等级的廉政风险实行分级管理…级别越高的风险，采取的管理措施应更加严格有力";
`MeasuresRule` says how much stricter: the number of risk categories (Art. 16–20) the chosen
prevention measures must cover before a point of each grade goes into force (default 高 3, 中 2,
低 1; docs/register-measures.md). That a higher grade needs more is the text's and not configurable.
`SignOffRule` (services/register/judgement/rules.py) says how many of the 研判小组 sign a judgement
(Art. 25; default a majority, at least three; docs/judgement-group.md). `RegisterRules` holds
them, built from `RegisterSettings` (services/register/settings.py).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Final

from services.register.judgement.rules import SignOffRule
from shared.errors import Invalid
from shared.vocabulary import Grade

FACTOR_NAMES: Final = ("importance", "discretion", "probability", "harm")

FOUR_FACTORS_NEEDED: Final = (
    "须给出全部四项评定因素（权力的重要程度、自由裁量权的大小、腐败现象发生的概率、危害程度）："
    f"{', '.join(FACTOR_NAMES)} (give exactly the four factors {', '.join(FACTOR_NAMES)})"
)
"""The refusal of a grading without exactly the four factors of Art. 14."""

FACTOR_MEANINGS: Final[dict[str, dict[int, str]]] = {
    "importance": {
        1: "事务性工作，不涉及人财物 routine work, no people, money or assets",
        2: "一般性管理事项 ordinary administration",
        3: "涉及行政许可、审批、收费或一般资金 permits, approvals, fees or ordinary funds",
        4: "涉及执纪执法、人事任免或较大额资金 enforcement, appointments or large sums",
        5: "重大事项决策、重要人事任免、重大项目、大额资金 major decisions, key appointments, "
        "major projects, large funds (Art. 13(一))",
    },
    "discretion": {
        1: "无裁量，按既定标准办理 none: fixed criteria",
        2: "裁量很小，有明确基准 small, bounded by a published benchmark",
        3: "有一定裁量，基准不够细 some, the benchmark is coarse",
        4: "裁量较大，缺少基准 wide, no benchmark",
        5: "裁量幅度过大，一人决定 very wide, decided by one person (Art. 13(一)(三))",
    },
    "probability": {
        1: "极少可能 rare: strong checks, no history",
        2: "不太可能 unlikely",
        3: "可能 possible: some checks missing",
        4: "较可能 likely: past violations or many complaints (Art. 12)",
        5: "很可能 very likely: ongoing signs (苗头性、倾向性问题, Art. 25)",
    },
    "harm": {
        1: "轻微 slight: quickly put right, no loss",
        2: "较小 minor: small loss, local effect",
        3: "一般 moderate: noticeable loss or damage to trust",
        4: "较重 serious: large loss, 失职渎职 dereliction",
        5: "严重 severe: 以权谋私、权钱交易, major loss or public harm (Art. 13(一)(四))",
    },
}
"""What each level 1..5 of each factor means, for graders and for the API documentation."""


@dataclass(frozen=True)
class Factors:
    """The four grading factors, each 1 (least) .. 5 (most) (Art. 14)."""

    importance: int
    discretion: int
    probability: int
    harm: int

    def __post_init__(self) -> None:
        for name in FACTOR_NAMES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise Invalid(
                    f"factors.{name}",
                    f"须为 1 至 5 的整数，不能是 {value!r} "
                    f"(must be a whole number 1..5, not {value!r})",
                )

    def as_dict(self) -> dict[str, int]:
        """The factors as stored in events and sent in RiskGraded."""
        return asdict(self)


@dataclass(frozen=True)
class FactorWeights:
    """How much each factor counts in the weighted score (positive whole numbers) (Art. 14)."""

    importance: int = 2
    discretion: int = 2
    probability: int = 3
    harm: int = 3

    def __post_init__(self) -> None:
        for name in FACTOR_NAMES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
                raise Invalid(f"weights.{name}", f"must be a whole number 1..100, not {value!r}")

    @property
    def total(self) -> int:
        return self.importance + self.discretion + self.probability + self.harm


@dataclass(frozen=True)
class GradingRule:
    """Weights and thresholds that map the four factors to 高/中/低 (Art. 14).

    Default, and why. The score is the weighted mean of the factors (1.0 .. 5.0). Probability and
    harm weigh 3 each, importance and discretion 2 each: the first two say how likely and how bad
    the risk is; the last two are the conditions that make it possible (Art. 13(一): 权力过于集中、
    自由裁量幅度过大). High 高 from a score of 3.6, medium 中 from 2.6, low 低 below: all-3s (an
    ordinary point) is medium, all-4s is high, all-2s is low. A likely and serious risk
    (probability × harm ≥ 16, i.e. both ≥ 4) is high whatever the rest: Art. 14 asks for stricter
    measures the higher the risk, and a mean must not dilute that case. Over all 625 combinations
    this grades 27% high, 45% medium, 28% low (docs/register-grading.md).
    """

    weights: FactorWeights = field(default_factory=FactorWeights)
    high_from: Fraction = Fraction(36, 10)
    medium_from: Fraction = Fraction(26, 10)
    high_when_probability_times_harm_from: int | None = 16

    def __post_init__(self) -> None:
        if not Fraction(1) < self.medium_from < self.high_from <= Fraction(5):
            raise Invalid(
                "thresholds", "need 1 < medium_from < high_from <= 5 (on the 1..5 score scale)"
            )
        escalation = self.high_when_probability_times_harm_from
        if escalation is not None and not 1 <= escalation <= 25:
            raise Invalid("high_when_probability_times_harm_from", "must be 1..25 or None")

    def score(self, factors: Factors) -> Fraction:
        """The weighted mean of the factors, exactly (1 .. 5)."""
        w = self.weights
        weighted = (
            w.importance * factors.importance
            + w.discretion * factors.discretion
            + w.probability * factors.probability
            + w.harm * factors.harm
        )
        return Fraction(weighted, w.total)

    def grade(self, factors: Factors) -> Grade:
        """Grade a risk point from its four factors (Art. 14)."""
        escalation = self.high_when_probability_times_harm_from
        if escalation is not None and factors.probability * factors.harm >= escalation:
            return Grade.HIGH
        score = self.score(factors)
        if score >= self.high_from:
            return Grade.HIGH
        if score >= self.medium_from:
            return Grade.MEDIUM
        return Grade.LOW

    def describe(self) -> dict[str, object]:
        """The rule in plain values, for the API and the record of a grading."""
        return {
            "weights": asdict(self.weights),
            "high_from": f"{float(self.high_from):g}",
            "medium_from": f"{float(self.medium_from):g}",
            "high_when_probability_times_harm_from": self.high_when_probability_times_harm_from,
        }


class Tally(StrEnum):
    """Where a round of votes stands: open, approved 审定通过, or rejected 未通过 (Art. 14)."""

    OPEN = "open"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class QuorumRule:
    """How many of the team must vote in favour: more than (or at least) `share` of it (Art. 14)."""

    share: Fraction = Fraction(1, 2)
    strictly_more: bool = True

    def __post_init__(self) -> None:
        if not Fraction(0) < self.share <= Fraction(1):
            raise Invalid("quorum.share", "must be more than 0 and at most 1")
        if self.share == 1 and self.strictly_more:
            raise Invalid("quorum.strictly_more", "more than the whole team is impossible")

    def needed(self, team_size: int) -> int:
        """Votes in favour needed to approve, for a team of `team_size` (at least one)."""
        exact = self.share * team_size
        needed = math.floor(exact) + 1 if self.strictly_more else math.ceil(exact)
        return max(1, needed)

    def tally(self, in_favour: int, against: int, team_size: int) -> Tally:
        """Approved once enough are in favour; rejected once that can no longer happen."""
        needed = self.needed(team_size)
        if in_favour >= needed:
            return Tally.APPROVED
        still_to_vote = max(0, team_size - in_favour - against)
        if in_favour + still_to_vote < needed:
            return Tally.REJECTED
        return Tally.OPEN


@dataclass(frozen=True)
class MeasuresRule:
    """How many risk categories a point's measures must cover, by grade (分级管理, Art. 14, 15).

    Each chosen measure (not withdrawn) has an owner 责任人 and a due date 完成时限; what grows with
    the grade is the number of categories (岗位职责, 制度机制, 业务流程, 思想道德, 外部环境) the
    measures come from. Default: 高 three, 中 two, 低 one. The text fixes the order: every grade
    needs some measure ("采取有针对性的管理措施") and a higher grade strictly more ("级别越高…更加
    严格有力"), so 1 <= low < medium < high <= 5 is checked, not configured.
    """

    high: int = 3
    medium: int = 2
    low: int = 1
    remind_days_before: int = 7

    def __post_init__(self) -> None:
        for name in ("high", "medium", "low"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise Invalid(f"measures.{name}", f"must be a whole number, not {value!r}")
        if not 1 <= self.low < self.medium < self.high <= 5:
            raise Invalid(
                "measures",
                "Art. 14: a higher grade needs strictly more (1 <= low < medium < high <= 5 "
                "categories of the five, Art. 13)",
            )
        if not 0 <= self.remind_days_before <= 60:
            raise Invalid("measures.remind_days_before", "must be 0..60 days")

    def categories_needed(self, grade: Grade) -> int:
        """Distinct categories of measures a point of `grade` needs before force (Art. 14)."""
        return {Grade.HIGH: self.high, Grade.MEDIUM: self.medium, Grade.LOW: self.low}[grade]

    def describe(self) -> dict[str, int]:
        """The rule in plain values, for the API and refusals."""
        return {"high": self.high, "medium": self.medium, "low": self.low}


@dataclass(frozen=True)
class RegisterRules:
    """How grades are computed, how many leaders must approve, how long publication lasts, and
    which measures each grade needs before force.

    The publication period 公示期 is counted in calendar days (default 5): the regulation asks for
    publication without a length, and working days would need a holiday calendar we do not have.
    """

    grading: GradingRule = field(default_factory=GradingRule)
    quorum: QuorumRule = field(default_factory=QuorumRule)
    publication_days: int = 5
    measures: MeasuresRule = field(default_factory=MeasuresRule)
    signoff: SignOffRule = field(default_factory=SignOffRule)  # the 研判小组's (Art. 25)

    def __post_init__(self) -> None:
        if not 1 <= self.publication_days <= 60:
            raise Invalid("publication_days", "must be 1..60")
