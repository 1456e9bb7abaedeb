"""Identification coverage 风险识别覆盖: how far a unit's year of identification work got
(Art. 10, 11, 14); docs/assessment-scoring.md gives the formula and why.

Four parts, each a share of the component's weight (default a quarter each):

* powers: powers catalogued 职权目录 and charted 权力运行流程图 (Art. 11), half a power for each,
  up to `powers_target` powers;
* graded: distinct risk points graded (Art. 14), up to `identification_target`;
* approved: the share of the year's risk points whose grade now stands approved by the
  leadership team 集体审定 (Art. 14);
* published: the share in force 生效 after publication 公示 (Art. 10); a point being published,
  not yet in force, counts half.

A point's stage follows its facts in order (they share a Kafka key, so they arrive in order): a
re-grading to a different grade sends it back to "graded", as the register does, since the new
grade needs approving and publishing again. A re-grading whose earlier grade the year's facts do
not show is taken as a new grade: we cannot tell it kept the approved one. A reopening for
revision (RiskPointReopened, Art. 30) sends it back to "graded" too: its grade stays on record,
but what was approved, published and in force no longer stands until the team approves the
revised point again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.figures.model import FactKind

if TYPE_CHECKING:
    from services.assessment.figures.model import Fact
    from services.assessment.scoring.rules import ScoringScheme

Evidence = tuple[str, str, float]  # (event id, what, effect on the points)

_STAGE = {
    FactKind.RISK_GRADED: 1,
    FactKind.RISK_APPROVED: 2,
    FactKind.RISK_PUBLISHED: 3,
    FactKind.RISK_IN_FORCE: 4,
}


def stages(facts: list[Fact]) -> dict[str, dict[int, str]]:
    """Each risk point's stages reached (1 graded .. 4 in force), each with the event that
    reached it; the furthest is the point's stage at the end of the facts."""
    reached: dict[str, dict[int, str]] = {}
    grade: dict[str, str] = {}
    for f in facts:
        if f.kind == FactKind.RISK_REOPENED:
            reached[f.key] = {1: f.event_id}  # back to the unit: approve and publish it again
            continue
        if f.kind not in _STAGE:
            continue
        if f.kind == FactKind.RISK_GRADED:
            if f.key not in reached or grade.get(f.key) != f.detail:
                reached[f.key] = {1: f.event_id}  # a new grade: approve and publish it again
        else:
            reached.setdefault(f.key, {})[_STAGE[f.kind]] = f.event_id
        if f.kind in (FactKind.RISK_GRADED, FactKind.RISK_APPROVED):
            grade[f.key] = f.detail
    return reached


def _capped(credits: list[tuple[str, str, float]], target: int, scale: float) -> list[Evidence]:
    """Each credit's effect, `scale / target` per unit of credit, until the target is reached."""
    out, running = [], 0.0
    for ref, what, credit in credits:
        counted = max(0.0, min(credit, target - running))
        running += credit
        out.append((ref, what, scale * counted / target))
    return out


def coverage(facts: list[Fact], s: ScoringScheme) -> tuple[float, str, list[Evidence]]:
    """(points, formula, evidence) of the identification component."""
    w, parts = s.weights["identification"], s.identification_parts
    seen: set[tuple[str, str]] = set()
    power_credits, graded_credits = [], []
    for f in facts:
        if f.kind not in (FactKind.POWER_CATALOGUED, FactKind.POWER_CHARTED, FactKind.RISK_GRADED):
            continue
        if (f.kind, f.key) in seen:
            continue  # each power catalogued and charted, each point graded, counts once
        seen.add((f.kind, f.key))
        if f.kind == FactKind.RISK_GRADED:
            graded_credits.append((f.event_id, "RiskGraded", 1.0))
        else:
            what = "PowerCatalogued" if f.kind == FactKind.POWER_CATALOGUED else "PowerCharted"
            power_credits.append((f.event_id, f"{what} (half a power)", 0.5))
    powers = sum(c for *_, c in power_credits)
    graded = len(graded_credits)
    evidence = _capped(power_credits, s.powers_target, w * parts["powers"])
    evidence += _capped(graded_credits, s.identification_target, w * parts["graded"])

    at = {key: (max(ids), ids) for key, ids in stages(facts).items()}
    n = len(at)
    approved = sum(1 for st, _ in at.values() if st >= 2)
    published = sum(1.0 if st == 4 else 0.5 if st == 3 else 0.0 for st, _ in at.values())
    for st, ids in at.values():
        if st >= 2:  # approved in an earlier year: the furthest event of this one shows it
            ref, what = (ids[2], "RiskPointApproved") if 2 in ids else (ids[st], "approved earlier")
            evidence.append((ref, what, w * parts["approved"] / n))
        if st == 4:
            evidence.append((ids[4], "RiskPointInForce", w * parts["published"] / n))
        elif st == 3:
            what = "RiskPointPublished, not yet in force (half)"
            evidence.append((ids[3], what, w * parts["published"] * 0.5 / n))

    ratios = {
        "powers": min(powers, s.powers_target) / s.powers_target,
        "graded": min(graded, s.identification_target) / s.identification_target,
        "approved": approved / n if n else 0.0,
        "published": published / n if n else 0.0,
    }
    points = w * sum(parts[k] * ratios[k] for k in ratios)
    formula = (
        f"{w:g} * ({parts['powers']:g} * min({powers:g}, {s.powers_target}) / {s.powers_target}"
        f" + {parts['graded']:g} * min({graded}, {s.identification_target})"
        f" / {s.identification_target}"
        f" + {parts['approved']:g} * {approved}/{n or 1}"
        f" + {parts['published']:g} * {published:g}/{n or 1}) = {points:.4g}"
    )
    return points, formula, evidence
