"""The annual score of one unit, computed from what happened and traced to it (Art. 31).

A pure function of a `Ledger` (the unit's facts for the year) and a `ScoringScheme`: the same
ledger and scheme always give the same card. Every item lists the evidence behind it, each piece
with its effect on the points, so a reader can re-do the arithmetic (docs/assessment-scoring.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from services.assessment.identification import coverage
from services.assessment.scheme import COMPONENTS, LABELS_ZH, ScoringScheme

if TYPE_CHECKING:
    from services.assessment.domain import Fact


@dataclass(frozen=True)
class FindingFact:
    """An inspection finding as it counts: its id, the inspection kind, open/closed state."""

    ref: str
    inspection_kind: str
    state: str  # open | closed_late | closed_on_time


@dataclass(frozen=True)
class Ledger:
    """Everything of one unit's year that counts in its score."""

    unit_code: str
    year: int
    facts: list[Fact] = field(default_factory=list)
    findings: list[FindingFact] = field(default_factory=list)
    missed_self_inspections: list[str] = field(default_factory=list)
    responses: list[tuple[str, float]] = field(default_factory=list)  # (response id, 0..1)
    commendations: list[str] = field(default_factory=list)
    accountabilities: list[str] = field(default_factory=list)

    def facts_of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]


def _item(
    component: str, max_points: float, points: float, formula: str, evidence: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "component": component,
        "label_zh": LABELS_ZH[component],
        "max_points": max_points,
        "points": round(points, 2),
        "formula": formula,
        "evidence": evidence,
    }


def _ev(ref: str, what: str, effect: float) -> dict[str, Any]:
    return {"ref": ref, "what": what, "effect": round(effect, 4)}


def _deducted(component: str, weight: float, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """Full marks less each piece of evidence's deduction, never below 0."""
    off = -sum(e["effect"] for e in evidence)
    points = max(weight - off, 0.0)
    return _item(component, weight, points, f"max(0, {weight:g} - {off:g}) = {points:g}", evidence)


def identification(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Powers catalogued and charted, risk points graded, approved, published (风险识别覆盖,
    Art. 10-14); the sub-formula is in `identification.py`."""
    points, formula, evidence = coverage(ledger.facts, s)
    ev = [_ev(ref, what, effect) for ref, what, effect in evidence]
    return _item("identification", s.weights["identification"], points, formula, ev)


def reporting(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Reporting breaches by kind: late, missed, concealment, untrue, inaccurate (Art. 23)."""
    ev = [
        _ev(f.event_id, f"reporting breach: {f.detail}", -s.breach_deductions[f.detail])
        for f in ledger.facts_of("reporting_breach")
        if f.detail in s.breach_deductions
    ]
    return _deducted("reporting", s.weights["reporting"], ev)


def warnings(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Warnings issued to the unit, by level (Art. 28)."""
    ev = [
        _ev(f.event_id, f"WarningIssued {f.detail}", -s.warning_deductions[f.detail])
        for f in ledger.facts_of("warning_issued")
        if f.detail in s.warning_deductions
    ]
    return _deducted("warnings", s.weights["warnings"], ev)


def rectification(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Share of the year's warnings with no overdue action (按期整改, Art. 28)."""
    w = s.weights["rectification"]
    issued = ledger.facts_of("warning_issued")
    if not issued:
        return _item("rectification", w, w, f"no warnings: {w:g}", [])
    late = {f.key for f in ledger.facts_of("rectification_overdue")}
    each = w / len(issued)
    ev = [
        _ev(
            f.event_id,
            "WarningIssued, late" if f.key in late else "WarningIssued, on time",
            0.0 if f.key in late else each,
        )
        for f in issued
    ]
    on_time = sum(1 for f in issued if f.key not in late)
    points = w * on_time / len(issued)
    return _item("rectification", w, points, f"{w:g} * {on_time} / {len(issued)} = {points:g}", ev)


def overdue(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Actions found overdue 逾期未整改 (Art. 28)."""
    ev = [
        _ev(f.event_id, f"RectificationOverdue {f.detail}", -s.overdue_deduction)
        for f in ledger.facts_of("rectification_overdue")
    ]
    return _deducted("overdue", s.weights["overdue"], ev)


def inspection(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Inspection findings by state, and uncompleted self-inspections (Art. 30, 31)."""
    ev = []
    for f in ledger.findings:
        factor = s.self_inspection_factor if f.inspection_kind == "self_inspection" else 1.0
        off = s.finding_deductions[f.state] * factor
        ev.append(_ev(f.ref, f"finding ({f.inspection_kind}), {f.state}", -off))
    ev += [
        _ev(ref, "self-inspection not completed", -s.missed_self_inspection)
        for ref in ledger.missed_self_inspections
    ]
    return _deducted("inspection", s.weights["inspection"], ev)


def social(ledger: Ledger, s: ScoringScheme) -> dict[str, Any]:
    """Mean satisfaction of the closed survey rounds' responses (社会评议, Art. 30(5))."""
    w = s.weights["social"]
    n = len(ledger.responses)
    if not n:
        points = w * s.no_survey_ratio
        return _item(
            "social", w, points, f"no survey: {w:g} * {s.no_survey_ratio:g} = {points:g}", []
        )
    ev = [
        _ev(ref, f"survey response, satisfaction {ratio:.4g}", w * ratio / n)
        for ref, ratio in ledger.responses
    ]
    mean = sum(r for _, r in ledger.responses) / n
    points = w * mean
    return _item("social", w, points, f"{w:g} * mean({n} responses) {mean:.4g} = {points:.4g}", ev)


def adjustments(ledger: Ledger, s: ScoringScheme) -> list[dict[str, Any]]:
    """Commendations (capped) and accountability findings, on top of the 100 (Art. 8)."""
    bonus = min(len(ledger.commendations) * s.commendation_bonus, s.commendation_cap)
    plus = [_ev(ref, "commendation", s.commendation_bonus) for ref in ledger.commendations]
    minus = [
        _ev(ref, "accountability", -s.accountability_penalty) for ref in ledger.accountabilities
    ]
    penalty = len(minus) * s.accountability_penalty
    return [
        _item(
            "commendation",
            s.commendation_cap,
            bonus,
            f"min({len(plus)} * {s.commendation_bonus:g}, {s.commendation_cap:g}) = {bonus:g}",
            plus,
        ),
        _item(
            "accountability",
            0,
            -penalty,
            f"-{len(minus)} * {s.accountability_penalty:g} = {-penalty:g}",
            minus,
        ),
    ]


_RULES = {
    "identification": identification,
    "reporting": reporting,
    "warnings": warnings,
    "rectification": rectification,
    "overdue": overdue,
    "inspection": inspection,
    "social": social,
}


def score(ledger: Ledger, scheme: ScoringScheme) -> dict[str, Any]:
    """The scorecard 考核评分表: items, total (0..100, 2 decimals), grade (Art. 31)."""
    items = [_RULES[c](ledger, scheme) for c in COMPONENTS] + adjustments(ledger, scheme)
    total = round(min(max(sum(i["points"] for i in items), 0.0), 100.0), 2)
    grade = scheme.grade(total)
    return {
        "unit_code": ledger.unit_code,
        "year": ledger.year,
        "items": items,
        "total": total,
        "grade": grade,
        "scheme_digest": scheme.digest(),
    }
