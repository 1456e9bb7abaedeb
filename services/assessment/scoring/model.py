"""The annual assessment 年度考核 of a unit and how it is scored (Art. 31).

The aggregates: a unit's `AnnualAssessment`, which keeps each scorecard it was given while a
draft (publishing fixes the last one, and that is what AssessmentPublished announces), and the
`YearScheme` in force for a year, so a changed scheme is a recorded fact with who and when.

The score is a pure function of a `Ledger` (the unit's facts for the year) and a `ScoringScheme`:
the same ledger and scheme always give the same card. Every item lists the evidence behind it,
each piece with its effect on the points, so a reader can re-do the arithmetic
(docs/assessment-scoring.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypedDict
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.assessment.figures.model import FactKind
from services.assessment.inspections.model import InspectionKind, SelfTrigger
from services.assessment.recognition.model import RecognitionKind
from services.assessment.scoring.identification import coverage
from services.assessment.scoring.rules import COMPONENTS, LABELS_ZH
from shared.errors import Conflict
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from collections.abc import Callable

    from services.assessment.figures.model import Fact, UnitYearFigures
    from services.assessment.inspections.model import Inspection
    from services.assessment.recognition.model import Recognition
    from services.assessment.scoring.rules import Grade, ScoringScheme
    from services.assessment.surveys.model import SurveyRound

ASSESSMENT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:annual")
SCHEME_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:scheme")


class EvidenceItem(TypedDict):
    """One piece of evidence behind an item: the event or record, what it is, its effect."""

    ref: str  # ce_id of an upstream event, or the id of this service's record
    what: str
    effect: float  # points it adds (+) or takes off (-)


class ScoreItem(TypedDict):
    """One line of a scorecard: a component or an adjustment, its arithmetic and evidence."""

    component: str
    label_zh: str
    max_points: float
    points: float
    formula: str
    evidence: list[EvidenceItem]


class Scorecard(TypedDict):
    """A scorecard 考核评分表: the items, the total out of 100, the grade (Art. 31)."""

    unit_code: str
    year: int
    items: list[ScoreItem]
    total: float
    grade: Grade
    scheme_digest: str


class AnnualAssessment(Aggregate):
    """The annual assessment of one unit by the level above it (分级考核, Art. 31)."""

    @staticmethod
    def create_id(unit_code: str, year: int, **_: Any) -> UUID:
        """One assessment per unit and year (Art. 31)."""
        return uuid5(ASSESSMENT_NAMESPACE, f"{unit_code}:{year}")

    @event("Opened")
    def __init__(self, *, unit_code: str, year: int, assessor_unit: str) -> None:
        self.unit_code = unit_code
        self.year = year
        self.assessor_unit = assessor_unit
        self.card: Scorecard | None = None  # every save scores it: see `rescore`
        self.scheme: dict[str, Any] = {}
        self.scored_by: ActorRecord | None = None
        self.scored_at: datetime | None = None
        self.published_at: datetime | None = None
        self.published_by: ActorRecord | None = None

    def _already_published(self) -> str:
        return (
            f"{self.unit_code} 的 {self.year} 年度考核结果已公布 "
            f"(the {self.year} assessment of {self.unit_code} is already published)"
        )

    @property
    def is_published(self) -> bool:
        """Whether the result is published 公布 and so final (Art. 31)."""
        return self.published_at is not None

    @property
    def scorecard(self) -> Scorecard:
        """The latest scorecard; an assessment is scored as it is opened (`score_unit`)."""
        if self.card is None:
            raise Conflict(
                f"{self.unit_code} 的 {self.year} 年度考核尚未评分 "
                f"(the {self.year} assessment of {self.unit_code} is not scored yet)"
            )
        return self.card

    def rescore(
        self, *, card: Scorecard, scheme: dict[str, Any], by: ActorRecord, at: datetime
    ) -> None:
        """Record a (new) scorecard of the draft; a published assessment is final (409)."""
        if self.is_published:
            raise Conflict(self._already_published())
        self._scored(card=card, scheme=scheme, by=by, at=at)

    @event("Scored")
    def _scored(
        self, *, card: Scorecard, scheme: dict[str, Any], by: ActorRecord, at: datetime
    ) -> None:
        self.card, self.scheme, self.scored_by, self.scored_at = card, scheme, by, at

    def publish(self, *, by: ActorRecord, at: datetime) -> None:
        """Publish the result 公布考核结果 (Art. 31)."""
        if self.is_published:
            raise Conflict(self._already_published())
        if self.card is None:
            raise Conflict("考核须先评分，方可公布 (score the assessment before publishing it)")
        self._published(
            by=by, at=at, unit_code=self.unit_code, year=self.year,
            assessor_unit=self.assessor_unit, card=self.card,
        )  # fmt: skip

    class Published(Aggregate.Event):
        """The result was published 公布考核结果; it carries the card (Art. 31).

        The public AssessmentPublished is made from this event alone.
        """

        by: ActorRecord
        at: datetime
        unit_code: str
        year: int
        assessor_unit: str
        card: Scorecard

    @event(Published)
    def _published(
        self,
        *,
        by: ActorRecord,
        at: datetime,
        unit_code: str,
        year: int,
        assessor_unit: str,
        card: Scorecard,
    ) -> None:
        self.published_at, self.published_by = at, by


class YearScheme(Aggregate):
    """The scoring scheme in force for one year's assessments of one node (Art. 31)."""

    @staticmethod
    def create_id(year: int, **_: Any) -> UUID:
        """One scheme record per year (Art. 31)."""
        return uuid5(SCHEME_NAMESPACE, str(year))

    @event("Opened")
    def __init__(self, *, year: int) -> None:
        self.year = year
        self.scheme: dict[str, Any] = {}
        self.set_by: ActorRecord | None = None
        self.set_at: datetime | None = None

    @event("Set")
    def set(self, *, scheme: dict[str, Any], by: ActorRecord, at: datetime) -> None:
        """Put a (checked) scheme in force for the year (Art. 31)."""
        self.scheme, self.set_by, self.set_at = scheme, by, at


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
    # The year of each unit this one manages directly (its children in the tree), by code:
    # their facts count on this unit's card at the scheme's `managed_share` (逐级, Art. 31).
    managed: list[Ledger] = field(default_factory=list)

    def facts_of(self, kind: FactKind) -> list[Fact]:
        """The upstream facts of one kind, in the order they came."""
        return [f for f in self.facts if f.kind == kind]


def ledger_of(
    unit_code: str,
    year: int,
    figures: UnitYearFigures | None,
    inspections: list[Inspection],
    surveys: list[SurveyRound],
    recognitions: list[Recognition],
    managed: list[Ledger] | None = None,
) -> Ledger:
    """Everything of the unit's year that counts: upstream facts and this service's records,
    and the ledgers of the units it manages directly (Art. 31)."""
    findings: list[FindingFact] = []
    missed: list[str] = []
    for inspection in inspections:
        for f in inspection.findings.values():
            state = (
                "open" if f.is_open else ("closed_on_time" if f.closed_on_time else "closed_late")
            )
            findings.append(FindingFact(str(f.finding_id), inspection.kind.value, state))
        if (
            inspection.kind is InspectionKind.SELF
            and inspection.trigger is SelfTrigger.ANNUAL
            and inspection.is_open
        ):
            missed.append(str(inspection.id))
    responses = [
        (str(r.response_id), r.ratio)
        for s in surveys
        if not s.is_open
        for r in s.responses.values()  # in the order they came
    ]
    return Ledger(
        unit_code=unit_code,
        year=year,
        facts=list(figures.facts) if figures else [],
        findings=findings,
        missed_self_inspections=missed,
        responses=responses,
        commendations=[str(r.id) for r in recognitions if r.kind is RecognitionKind.COMMENDATION],
        accountabilities=[
            str(r.id) for r in recognitions if r.kind is RecognitionKind.ACCOUNTABILITY
        ],
        managed=list(managed or []),
    )


def _item(
    component: str, max_points: float, points: float, formula: str, evidence: list[EvidenceItem]
) -> ScoreItem:
    return {
        "component": component,
        "label_zh": LABELS_ZH[component],
        "max_points": max_points,
        "points": round(points, 2),
        "formula": formula,
        "evidence": evidence,
    }


def _ev(ref: str, what: str, effect: float) -> EvidenceItem:
    return {"ref": ref, "what": what, "effect": round(effect, 4)}


def _deducted(component: str, weight: float, evidence: list[EvidenceItem]) -> ScoreItem:
    """Full marks less each piece of evidence's deduction, never below 0."""
    off = -sum(e["effect"] for e in evidence)
    points = max(weight - off, 0.0)
    return _item(component, weight, points, f"max(0, {weight:g} - {off:g}) = {points:g}", evidence)


def identification(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
    """Powers catalogued and charted, risk points graded, approved, published (风险识别覆盖,
    Art. 10-14); the sub-formula is in `scoring/identification.py`."""
    points, formula, evidence = coverage(ledger.facts, s)
    ev = [_ev(ref, what, effect) for ref, what, effect in evidence]
    return _item("identification", s.weights["identification"], points, formula, ev)


def _per_fact(
    ledger: Ledger, kind: FactKind, what: str, off: dict[str, float]
) -> list[EvidenceItem]:
    """`-off[detail]` for each fact of `kind` (`what` names it with its detail)."""
    return [
        _ev(f.event_id, f"{what}{f.detail}", -off[f.detail])
        for f in ledger.facts_of(kind)
        if f.detail in off
    ]


def _with_managed(
    component: str,
    ledger: Ledger,
    s: ScoringScheme,
    own: Callable[[Ledger, ScoringScheme], list[EvidenceItem]],
) -> ScoreItem:
    """Full marks less the unit's own deductions and `managed_share` of each deduction of the
    units it manages directly (分级管理、逐级实施, Art. 31), each named by its event."""
    return _deducted(component, s.weights[component], own(ledger, s) + _managed(ledger, s, own))


def _managed(
    ledger: Ledger, s: ScoringScheme, own: Callable[[Ledger, ScoringScheme], list[EvidenceItem]]
) -> list[EvidenceItem]:
    """Each managed unit's evidence under the same rule, its effect times `managed_share`."""
    share = s.managed_share
    return [
        _ev(e["ref"], f"managed unit {sub.unit_code}: "
            f"{e['what'].replace('this unit', sub.unit_code)} (x {share:g})", e["effect"] * share)
        for sub in ledger.managed
        for e in own(sub, s)
    ]  # fmt: skip


def reporting(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
    """Reporting breaches by kind (Art. 23): late, missed, untrue and inaccurate reports the unit
    made, and 瞒报 once the office confirmed it; a candidate dismissed or not yet reviewed costs
    nothing, and the explanation shows the candidate beside its review. The managed units'
    breaches count at `managed_share` (Art. 31)."""
    return _with_managed("reporting", ledger, s, _breaches)


def _breaches(ledger: Ledger, s: ScoringScheme) -> list[EvidenceItem]:
    """The unit's own reporting breaches, each with its effect (Art. 23)."""
    off = s.breach_deductions
    reviews = {f.key: f for f in ledger.facts_of(FactKind.BREACH_REVIEWED)}
    ev: list[EvidenceItem] = []
    for f in ledger.facts_of(FactKind.REPORTING_BREACH):
        if f.detail not in off:
            continue
        if f.detail != "concealment_candidate":
            made = " (a report this unit made)" if f.detail in _MADE else ""
            ev.append(_ev(f.event_id, f"reporting breach: {f.detail}{made}", -off[f.detail]))
            continue
        review = reviews.get(f.key)
        if review is None:
            what = "reporting breach: concealment candidate, awaiting review (counts if confirmed)"
            ev.append(_ev(f.event_id, what, 0.0))
            continue
        confirmed = review.detail == "confirmed"
        what = f"reporting breach: concealment candidate, {review.detail} by {review.event_id}"
        ev.append(_ev(f.event_id, what, -off[f.detail] if confirmed else 0.0))
        what = f"ReportingBreachReviewed: candidate {f.event_id} {review.detail}"
        ev.append(_ev(review.event_id, what, 0.0))
    return ev


_MADE = ("untrue", "inaccurate")  # found against the unit that made the report


def warnings(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
    """Warnings issued to the unit, by level (Art. 28), and to the units it manages directly at
    `managed_share` (Art. 31)."""
    return _with_managed("warnings", ledger, s, _warnings)


def _warnings(ledger: Ledger, s: ScoringScheme) -> list[EvidenceItem]:
    """The warnings issued to the unit itself, by level (Art. 28)."""
    return _per_fact(ledger, FactKind.WARNING_ISSUED, "WarningIssued ", s.warning_deductions)


def rectification(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
    """Share of the year's warnings with no overdue action (按期整改, Art. 28)."""
    w = s.weights["rectification"]
    issued = ledger.facts_of(FactKind.WARNING_ISSUED)
    if not issued:
        return _item("rectification", w, w, f"no warnings: {w:g}", [])
    late = {f.key for f in ledger.facts_of(FactKind.RECTIFICATION_OVERDUE)}
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


def overdue(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
    """Lapses charged to this unit 逾期未落实 (Art. 14, 15, 28): each to whoever held it.

    As a warned unit, its own actions (RectificationOverdue); as a disposing body, the talks,
    letters and criticisms it owed (DisposalOverdue) and the rework of a disposal the level above
    returned (DisposalReworkOverdue, Art. 29). A disposing body's lapse never costs the
    unit it warned anything: that fact is counted on the body's own figures. The prevention
    measures of the unit's own risk points not done by their due dates (MeasureOverdue) count
    here too, and the measures verified done are named (MeasureVerified). The lapses of the
    units it manages directly count at `managed_share` (Art. 31).
    """
    return _with_managed("overdue", ledger, s, _lapses)


def _lapses(ledger: Ledger, s: ScoringScheme) -> list[EvidenceItem]:
    """The lapses charged to the unit itself, with the role it held (Art. 14, 15, 28)."""
    return [
        _ev(f.event_id, f"RectificationOverdue {f.detail}: held by this unit as the warned unit",
            -s.overdue_deduction)
        for f in ledger.facts_of(FactKind.RECTIFICATION_OVERDUE)
    ] + [
        _ev(f.event_id, f"DisposalOverdue {f.detail}: held by this unit as the disposing body",
            -s.overdue_deduction)
        for f in ledger.facts_of(FactKind.DISPOSAL_OVERDUE)
    ] + [
        _ev(f.event_id, f"DisposalReworkOverdue {f.detail}: the rework this unit owed as the "
            "disposing body after the level above returned its disposal (Art. 29)",
            -s.overdue_deduction)
        for f in ledger.facts_of(FactKind.REWORK_OVERDUE)
    ] + _measures(ledger, s)  # fmt: skip


def _measures(ledger: Ledger, s: ScoringScheme) -> list[EvidenceItem]:
    """The unit's prevention measures (Art. 14, 15): each not done by its due date costs
    `measure_overdue_deduction`; each verified done is named, at no cost (a late one was
    charged when it lapsed)."""
    late = [
        _ev(f.event_id, f"MeasureOverdue {f.detail}: a prevention measure of this unit",
            -s.measure_overdue_deduction)
        for f in ledger.facts_of(FactKind.MEASURE_OVERDUE)
    ]  # fmt: skip
    done = [
        _ev(f.event_id, f"MeasureVerified {f.detail}", 0.0)
        for f in ledger.facts_of(FactKind.MEASURE_VERIFIED)
    ]
    return late + done


def inspection(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
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


def social(ledger: Ledger, s: ScoringScheme) -> ScoreItem:
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


def adjustments(ledger: Ledger, s: ScoringScheme) -> list[ScoreItem]:
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


_RULES: dict[str, Callable[[Ledger, ScoringScheme], ScoreItem]] = {
    "identification": identification,
    "reporting": reporting,
    "warnings": warnings,
    "rectification": rectification,
    "overdue": overdue,
    "inspection": inspection,
    "social": social,
}


def score(ledger: Ledger, scheme: ScoringScheme) -> Scorecard:
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
