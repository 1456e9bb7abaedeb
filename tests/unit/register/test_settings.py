"""The register's rules come from its settings, as the other services' do (Art. 10, 14).

The regulation leaves the grading rule, the quorum of the leadership team and the length of the
publication to the district; a deployment sets them through `LIANFANG_REGISTER_*`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import pytest

from services.register.app import RegisterApplication
from services.register.judgement.rules import SignOffRule
from services.register.main import SPEC
from services.register.risk_points.handlers import RiskPointDraft
from services.register.risk_points.rules import (
    FactorWeights,
    GradingRule,
    MeasuresRule,
    RegisterRules,
)
from services.register.settings import RegisterSettings
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Invalid
from shared.runtime import Runtime
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.support.directory import grant_test_posts

if TYPE_CHECKING:
    from collections.abc import Iterator

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}


def built(settings: RegisterSettings) -> Iterator[RegisterApplication]:
    runtime = Runtime(SPEC, settings, clock=ManualClock())
    assert isinstance(runtime.app, RegisterApplication)
    grant_test_posts(runtime.app)  # the leaders hold the leader grant (Art. 14)
    yield runtime.app
    runtime.app.close()


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> Iterator[RegisterApplication]:
    """A district grading 高 from a score of 3, with a two-thirds quorum and 10 days of 公示."""
    monkeypatch.setenv("LIANFANG_REGISTER_GRADING_HIGH_FROM", "3.0")
    monkeypatch.setenv("LIANFANG_REGISTER_GRADING_MEDIUM_FROM", "2.0")
    monkeypatch.setenv("LIANFANG_REGISTER_QUORUM_SHARE", "2/3")
    monkeypatch.setenv("LIANFANG_REGISTER_QUORUM_STRICTLY_MORE", "false")
    monkeypatch.setenv("LIANFANG_REGISTER_PUBLICATION_DAYS", "10")
    yield from built(RegisterSettings(common=CommonSettings(store="memory")))


def test_default_settings_give_the_documented_rules() -> None:
    assert RegisterSettings(common=CommonSettings(store="memory")).rules() == RegisterRules()


def test_the_settings_change_the_rules_of_the_built_application(
    strict: RegisterApplication,
) -> None:
    rules = strict.rules
    assert (rules.grading.high_from, rules.grading.medium_from) == (Fraction(3), Fraction(2))
    assert (rules.quorum.share, rules.quorum.strictly_more) == (Fraction(2, 3), False)
    assert rules.quorum.needed(3) == 2
    assert rules.publication_days == 10
    # An ordinary point (all 3s) is 中 by default; this district grades it 高.
    point_id = strict.identify_risk_point(
        RiskPointDraft("QX-TH", "审核岗", "business_process", "一人踏勘", ["虚假意见"]), OFFICE
    )
    grade = strict.grade_risk_point(
        point_id, ORDINARY, reason="初次评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
    )
    assert grade is Grade.HIGH
    assert strict.get_risk_point(point_id).gradings[-1].rule["high_from"] == "3"


def test_weights_from_json_settings() -> None:
    weights = {"importance": 1, "discretion": 1, "probability": 5, "harm": 5}
    settings = RegisterSettings(common=CommonSettings(store="memory"), grading_weights=weights)
    assert settings.rules().grading == GradingRule(weights=FactorWeights(**weights))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"grading_weights": {"importance": 2}}, "grading_weights"),
        ({"grading_high_from": "2.0"}, "thresholds"),
        ({"quorum_share": "half"}, "quorum_share"),
        ({"quorum_share": "3/2"}, "quorum.share"),
        ({"publication_days": 0}, "publication_days"),
        ({"measures_categories": {"high": 3, "medium": 2}}, "measures_categories"),
        ({"measures_categories": {"high": 2, "medium": 2, "low": 1}}, "measures"),
        ({"measures_remind_days_before": 61}, "measures.remind_days_before"),
        ({"judgement_signoff_share": "most"}, "judgement_signoff_share"),
        ({"judgement_signoff_share": "0"}, "judgement_signoff.share"),
        ({"judgement_signoff_at_least": 1}, "judgement_signoff.at_least"),
        (
            {"grading_high_when_probability_times_harm_from": 26},
            "high_when_probability_times_harm_from",
        ),
    ],
)
def test_a_bad_rule_in_the_settings_is_refused(change: dict[str, object], field: str) -> None:
    settings = RegisterSettings.model_validate({"common": CommonSettings(store="memory"), **change})
    with pytest.raises(Invalid) as refused:
        settings.rules()
    assert refused.value.field == field


def test_zero_turns_the_escalation_off() -> None:
    settings = RegisterSettings(
        common=CommonSettings(store="memory"), grading_high_when_probability_times_harm_from=0
    )
    assert settings.rules().grading.high_when_probability_times_harm_from is None


def test_the_measures_rule_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """分级管理 (Art. 14): the district sets how many categories each grade needs."""
    monkeypatch.setenv(
        "LIANFANG_REGISTER_MEASURES_CATEGORIES", '{"high": 4, "medium": 3, "low": 1}'
    )
    monkeypatch.setenv("LIANFANG_REGISTER_MEASURES_REMIND_DAYS_BEFORE", "14")
    rules = RegisterSettings(common=CommonSettings(store="memory")).rules()
    assert rules.measures == MeasuresRule(high=4, medium=3, low=1, remind_days_before=14)
    assert rules.measures.categories_needed(Grade.MEDIUM) == 3


def test_the_judgement_sign_off_rule_comes_from_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """第二十五条 makes the judgement the 研判小组's; the district sets how many must sign it:
    by default a majority of the group, and at least three."""
    default = RegisterSettings(common=CommonSettings(store="memory")).rules().signoff
    assert default == SignOffRule(Fraction(1, 2), strictly_more=True, at_least=3)
    assert [default.needed(n) for n in (3, 4, 5, 6, 7, 9)] == [3, 3, 3, 4, 4, 5]
    monkeypatch.setenv("LIANFANG_REGISTER_JUDGEMENT_SIGNOFF_SHARE", "2/3")
    monkeypatch.setenv("LIANFANG_REGISTER_JUDGEMENT_SIGNOFF_STRICTLY_MORE", "false")
    monkeypatch.setenv("LIANFANG_REGISTER_JUDGEMENT_SIGNOFF_AT_LEAST", "2")
    rule = RegisterSettings(common=CommonSettings(store="memory")).rules().signoff
    assert rule == SignOffRule(Fraction(2, 3), strictly_more=False, at_least=2)
    assert [rule.needed(n) for n in (2, 3, 6, 9)] == [2, 2, 4, 6]
