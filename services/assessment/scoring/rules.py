"""The scoring scheme of the annual assessment 年度考核计分办法, configurable (Art. 31).

docs/assessment-scoring.md explains every number and why it is the default. The component
weights must sum to exactly 100 (the total is out of 100); commendations and accountability
adjust the total on top of that and are not weighted components.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.bounds import Code
from shared.errors import Invalid

COMPONENTS = (
    "identification",  # 风险识别覆盖
    "reporting",  # 信息报告合规
    "warnings",  # 预警情况
    "rectification",  # 按期整改
    "overdue",  # 逾期未整改
    "inspection",  # 检查发现与整改
    "social",  # 社会评议
)
LABELS_ZH = {
    "identification": "风险识别覆盖",
    "reporting": "信息报告合规",
    "warnings": "预警情况",
    "rectification": "按期整改",
    "overdue": "逾期未整改",
    "inspection": "检查发现与整改",
    "social": "社会评议",
    "commendation": "表彰奖励",
    "accountability": "责任追究",
}
Grade = Literal["excellent", "good", "pass", "fail"]
GRADE_ZH: dict[str, str] = {"excellent": "优秀", "good": "良好", "pass": "合格", "fail": "不合格"}
WEIGHT_TOTAL = 100.0

IDENTIFICATION_PARTS = ("powers", "graded", "approved", "published")
"""职权目录与流程图, 风险点评定, 集体审定, 公示生效 (Art. 10, 11, 14)."""

BREACH_KINDS = ("late", "missed", "concealment_candidate", "untrue", "inaccurate")
"""迟报, 漏报, 瞒报 (ReportingBreachFound; a candidate counts once ReportingBreachReviewed confirms
it) and 不实, 不准确 (JudgementMade, against the unit that made the report, Art. 23)."""

MAP_MAX = 20
"""Entries at most in each map of the scheme: it names seven components and a few kinds each; the
cap keeps a hostile PUT from growing the stored scheme (issue #17, H4)."""


class ScoringScheme(BaseModel):
    """Weights, deductions and grade thresholds of one year's assessment (Art. 31)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weights: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {
            "identification": 20.0,
            "reporting": 15.0,
            "warnings": 15.0,
            "rectification": 15.0,
            "overdue": 10.0,
            "inspection": 15.0,
            "social": 10.0,
        },
        description="Points of each component; exactly the seven components, summing to 100.",
    )
    identification_target: int = Field(
        3, ge=1, description="Distinct risk points graded in the year that earn full marks."
    )
    identification_parts: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {
            "powers": 0.25,
            "graded": 0.25,
            "approved": 0.25,
            "published": 0.25,
        },
        description="Shares of the identification points: powers catalogued and charted, risk "
        "points graded, share approved, share published or in force; they sum to 1 (Art. 10-14).",
    )
    powers_target: int = Field(
        3, ge=1, description="Powers catalogued and charted in the year that earn the powers share."
    )
    breach_deductions: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {
            "late": 1.0,
            "missed": 2.0,
            "concealment_candidate": 3.0,
            "untrue": 4.0,
            "inaccurate": 2.0,
        },
        description="Points off reporting per breach (迟报/漏报/瞒报/不实/不准确, Art. 23); "
        "concealment_candidate applies to a 瞒报 candidate the office confirmed, never to one it "
        "dismissed or has not reviewed.",
    )
    warning_deductions: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {"yellow": 2.0, "orange": 4.0, "red": 8.0},
        description="Points off per warning issued, by level (Art. 28).",
    )
    overdue_deduction: float = Field(2.5, ge=0, description="Points off per overdue action.")
    measure_overdue_deduction: float = Field(
        1.0,
        ge=0,
        description="Points off overdue per prevention measure not done by its due date "
        "(MeasureOverdue, Art. 14, 15).",
    )
    managed_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of each reporting, warning and overdue deduction of a unit that "
        "counts again on the card of the unit managing it directly (its parent in the tree: "
        "分级管理、逐级实施, Art. 31); 0 shows those facts at no cost. Not a component: the "
        "weights still sum to 100.",
    )
    finding_deductions: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {"open": 3.0, "closed_late": 2.0, "closed_on_time": 1.0},
        description="Points off inspections per finding, by its state at scoring time.",
    )
    self_inspection_factor: float = Field(
        0.5, ge=0, le=1, description="Share of a finding's deduction when the unit found it itself."
    )
    missed_self_inspection: float = Field(
        3, ge=0, description="Points off inspections per self-inspection task left uncompleted."
    )
    no_survey_ratio: float = Field(
        0.8, ge=0, le=1, description="Share of the social points when no survey round closed."
    )
    commendation_bonus: float = Field(2, ge=0, description="Points added per commendation.")
    commendation_cap: float = Field(5, ge=0, description="At most this many points added.")
    accountability_penalty: float = Field(5, ge=0, description="Points off per accountability.")
    thresholds: dict[Code, float] = Field(
        max_length=MAP_MAX,
        default_factory=lambda: {"excellent": 90.0, "good": 80.0, "pass": 60.0},
        description="Lowest total of each grade 优秀/良好/合格; below pass is 不合格.",
    )

    def checked(self) -> ScoringScheme:
        """This scheme if it is coherent; Invalid naming the field otherwise (422)."""
        _same_keys("weights", self.weights, set(COMPONENTS))
        _same_keys("breach_deductions", self.breach_deductions, set(BREACH_KINDS))
        _same_keys("warning_deductions", self.warning_deductions, {"yellow", "orange", "red"})
        _same_keys("finding_deductions", self.finding_deductions,
                   {"open", "closed_late", "closed_on_time"})  # fmt: skip
        parts = self.identification_parts
        _same_keys("identification_parts", parts, set(IDENTIFICATION_PARTS))
        if abs(sum(parts.values()) - 1) > 1e-9:
            raise Invalid(
                "identification_parts",
                f"各项之和为 {sum(parts.values()):g}，应为 1 "
                f"(sum to {sum(parts.values()):g}; must sum to 1)",
            )
        total = sum(self.weights.values())
        if abs(total - WEIGHT_TOTAL) > 1e-9:
            raise Invalid(
                "weights",
                f"各项权重之和为 {total:g}，应为 100 "
                f"(sum to {total:g}; the components must sum to 100)",
            )
        t = self.thresholds
        _same_keys("thresholds", t, {"excellent", "good", "pass"})
        if not 100 >= t["excellent"] > t["good"] > t["pass"] >= 0:
            raise Invalid(
                "thresholds",
                "等次分数线须满足 100 ≥ 优秀 > 良好 > 合格 ≥ 0 "
                "(need 100 >= excellent > good > pass >= 0)",
            )
        return self

    def grade(self, total: float) -> Grade:
        """The grade 等次 a total earns under the thresholds."""
        t = self.thresholds
        if total >= t["excellent"]:
            return "excellent"
        if total >= t["good"]:
            return "good"
        return "pass" if total >= t["pass"] else "fail"

    def digest(self) -> str:
        """A short fingerprint of the scheme, printed on every scorecard."""
        canonical = json.dumps(self.model_dump(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _same_keys(field: str, given: dict[str, float], wanted: set[str]) -> None:
    if set(given) != wanted:
        missing, extra = sorted(wanted - set(given)), sorted(set(given) - wanted)
        raise Invalid(
            field,
            f"须恰好包含 {sorted(wanted)}；缺少 {missing}，多出 {extra} "
            f"(needs exactly {sorted(wanted)}; missing {missing}, unknown {extra})",
        )
    negative = sorted(k for k, v in given.items() if v < 0)
    if negative:
        raise Invalid(field, f"不能为负数：{negative} (must not be negative: {negative})")


def competition_ranks(totals: list[float]) -> list[int]:
    """The place of each total in a ranking 排名, highest first; equal totals share a place and
    the next place skips (1, 2, 2, 4): the district's ranking of its units' years (Art. 31)."""
    order = sorted(totals, reverse=True)
    return [order.index(t) + 1 for t in totals]
