"""Settings of the register service (`LIANFANG_REGISTER_*`, on top of the shared `LIANFANG_*`)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.register.judgement.rules import SignOffRule
from services.register.risk_points.rules import (
    FACTOR_NAMES,
    FactorWeights,
    GradingRule,
    MeasuresRule,
    QuorumRule,
    RegisterRules,
)
from shared.errors import Invalid
from shared.settings import ServiceSettings


class RegisterSettings(ServiceSettings):
    """Where the register service listens, and the configurable parts of its rules (Art. 10–15,
    25)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_REGISTER_", extra="ignore")

    port: int = 8102
    grading_weights: dict[str, int] = Field(
        default_factory=lambda: {"importance": 2, "discretion": 2, "probability": 3, "harm": 3},
        description="Weight of each grading factor 评定因素权重, 1..100 (Art. 14), as JSON.",
    )
    grading_high_from: Decimal = Field(
        Decimal("3.6"), description="Weighted score from which a point is graded 高 (Art. 14)."
    )
    grading_medium_from: Decimal = Field(
        Decimal("2.6"), description="Weighted score from which a point is graded 中 (Art. 14)."
    )
    grading_high_when_probability_times_harm_from: int = Field(
        16, description="Probability × harm from which a point is 高 whatever the rest (0: off)."
    )
    quorum_share: str = Field(
        "1/2", description="Share of the leadership team that must approve 集体审定 (Art. 14)."
    )
    quorum_strictly_more: bool = Field(
        True, description="True: more than the share (a majority by default); false: at least it."
    )
    publication_days: int = Field(5, description="Publication period 公示期 in calendar days.")
    measures_categories: dict[str, int] = Field(
        default_factory=lambda: {"high": 3, "medium": 2, "low": 1},
        description="Risk categories a point's measures must cover before force, by grade "
        "(分级管理, Art. 14, 15), as JSON; 1 <= low < medium < high <= 5.",
    )
    measures_remind_days_before: int = Field(
        7, description="Days before a measure's due date 完成时限 its owner is reminded (0: never)."
    )

    judgement_signoff_share: str = Field(
        "1/2", description="Share of the 研判小组 that must sign a judgement (Art. 25)."
    )
    judgement_signoff_strictly_more: bool = Field(
        True, description="True: more than the share (a majority by default); false: at least it."
    )
    judgement_signoff_at_least: int = Field(
        3, description="Sign-offs a judgement needs whatever the group's size, 2..15 (Art. 25)."
    )

    def rules(self) -> RegisterRules:
        """The rules these settings configure; defaults as in docs/register-grading.md."""
        if set(self.grading_weights) != set(FACTOR_NAMES):
            raise Invalid("grading_weights", f"give exactly the factors {', '.join(FACTOR_NAMES)}")
        try:
            share = Fraction(self.quorum_share)
        except ValueError:
            raise Invalid("quorum_share", "a fraction such as 1/2 or 2/3") from None
        escalation = self.grading_high_when_probability_times_harm_from
        grading = GradingRule(
            weights=FactorWeights(**self.grading_weights),
            high_from=Fraction(self.grading_high_from),
            medium_from=Fraction(self.grading_medium_from),
            high_when_probability_times_harm_from=escalation or None,
        )
        return RegisterRules(
            grading=grading,
            quorum=QuorumRule(share, self.quorum_strictly_more),
            publication_days=self.publication_days,
            measures=self._measures(),
            signoff=self._signoff(),
        )

    def _signoff(self) -> SignOffRule:
        try:
            share = Fraction(self.judgement_signoff_share)
        except ValueError:
            raise Invalid("judgement_signoff_share", "a fraction such as 1/2 or 2/3") from None
        return SignOffRule(
            share, self.judgement_signoff_strictly_more, self.judgement_signoff_at_least
        )

    def _measures(self) -> MeasuresRule:
        if set(self.measures_categories) != {"high", "medium", "low"}:
            raise Invalid("measures_categories", "give exactly high, medium and low")
        return MeasuresRule(
            **self.measures_categories, remind_days_before=self.measures_remind_days_before
        )
