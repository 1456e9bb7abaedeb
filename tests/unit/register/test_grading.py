"""The grading rule of Art. 14, the quorum rule, and the measure catalogue of Art. 16–20."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import pytest

from services.register.risk_points.measures import CATALOGUE, measure, measures_for
from services.register.risk_points.rules import (
    FACTOR_MEANINGS,
    Factors,
    FactorWeights,
    GradingRule,
    QuorumRule,
    Tally,
)
from shared.errors import Invalid
from shared.vocabulary import Grade, RiskCategory

RULE = GradingRule()


@pytest.mark.parametrize(
    ("factors", "grade"),
    [
        ((3, 3, 3, 3), Grade.MEDIUM),  # an ordinary point
        ((4, 4, 4, 4), Grade.HIGH),
        ((2, 2, 2, 2), Grade.LOW),
        ((3, 3, 4, 4), Grade.HIGH),  # score 3.6 exactly: the high threshold is inclusive
        ((4, 4, 3, 3), Grade.MEDIUM),  # 3.4: importance and discretion weigh less
        ((2, 2, 3, 3), Grade.MEDIUM),  # 2.6 exactly: medium threshold inclusive
        ((3, 3, 2, 2), Grade.LOW),  # 2.4
        ((1, 1, 4, 4), Grade.HIGH),  # likely and serious: escalated despite a 3.4 mean
        ((5, 5, 1, 3), Grade.MEDIUM),  # 3.2, probability × harm = 3
    ],
)
def test_the_default_rule_grades_the_four_factors(
    factors: tuple[int, int, int, int], grade: Grade
) -> None:
    assert RULE.grade(Factors(*factors)) is grade


def test_escalation_can_be_switched_off_and_weights_changed() -> None:
    plain = GradingRule(high_when_probability_times_harm_from=None)
    assert plain.grade(Factors(1, 1, 4, 4)) is Grade.MEDIUM
    equal = GradingRule(
        weights=FactorWeights(1, 1, 1, 1), high_when_probability_times_harm_from=None
    )
    assert equal.score(Factors(4, 4, 3, 3)) == Fraction(7, 2)
    assert equal.grade(Factors(5, 5, 1, 1)) is Grade.MEDIUM


def test_higher_factors_never_lower_the_grade() -> None:
    # Art. 14: the higher the risk, the stricter the measures; the rule must be monotone.
    order = {Grade.LOW: 0, Grade.MEDIUM: 1, Grade.HIGH: 2}
    for f in product(range(1, 6), repeat=4):
        for i in range(4):
            if f[i] < 5:
                raised = list(f)
                raised[i] += 1
                assert order[RULE.grade(Factors(*raised))] >= order[RULE.grade(Factors(*f))]


def test_bad_factors_and_rules_name_the_field() -> None:
    with pytest.raises(Invalid) as caught:
        Factors(importance=3, discretion=6, probability=3, harm=3)
    assert caught.value.field == "factors.discretion"
    with pytest.raises(Invalid):
        Factors(True, 3, 3, 3)  # type: ignore[arg-type]  # a bool is not a factor level
    with pytest.raises(Invalid) as caught:
        GradingRule(high_from=Fraction(2), medium_from=Fraction(3))
    assert caught.value.field == "thresholds"
    with pytest.raises(Invalid) as caught:
        FactorWeights(importance=0)
    assert caught.value.field == "weights.importance"


def test_every_level_of_every_factor_has_a_meaning() -> None:
    assert set(FACTOR_MEANINGS) == {"importance", "discretion", "probability", "harm"}
    assert all(set(levels) == {1, 2, 3, 4, 5} for levels in FACTOR_MEANINGS.values())


@pytest.mark.parametrize(("team", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (7, 4)])
def test_majority_means_more_than_half_of_the_team(team: int, needed: int) -> None:
    assert QuorumRule().needed(team) == needed


def test_a_round_is_rejected_once_approval_cannot_be_reached() -> None:
    rule = QuorumRule()
    assert rule.tally(1, 0, 3) is Tally.OPEN
    assert rule.tally(2, 1, 3) is Tally.APPROVED
    assert rule.tally(1, 1, 3) is Tally.OPEN
    assert rule.tally(0, 2, 3) is Tally.REJECTED
    two_thirds = QuorumRule(share=Fraction(2, 3), strictly_more=False)
    assert two_thirds.needed(3) == 2
    assert two_thirds.needed(4) == 3
    with pytest.raises(Invalid):
        QuorumRule(share=Fraction(1))


def test_the_catalogue_has_three_measures_per_category_from_art_16_to_20() -> None:
    assert len(CATALOGUE) == 15
    articles = {
        RiskCategory.POST_DUTY: 16,
        RiskCategory.SYSTEM_MECHANISM: 17,
        RiskCategory.BUSINESS_PROCESS: 18,
        RiskCategory.IDEOLOGY_MORALITY: 19,
        RiskCategory.EXTERNAL_ENVIRONMENT: 20,
    }
    for category, article in articles.items():
        found = measures_for(category)
        assert [m.item for m in found] == [1, 2, 3]
        assert {m.article for m in found} == {article}
    assert measure("external_environment.2").title_zh == "贯彻落实回避制度"
    assert measure("post_duty.2").title_zh == "规范行政自由裁量权"
    with pytest.raises(Invalid) as caught:
        measure("post_duty.4")
    assert caught.value.field == "measure_code"
