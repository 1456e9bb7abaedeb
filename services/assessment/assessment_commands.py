"""The annual assessment: the year's scheme, scoring, publishing, scorecards (Art. 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.assessment.annual import AnnualAssessment, YearScheme
from services.assessment.inspection import InspectionKind, SelfTrigger
from services.assessment.inspection_commands import InspectionCommands
from services.assessment.recognition import RecognitionKind
from services.assessment.recognition_commands import RecognitionCommands
from services.assessment.scheme import ScoringScheme
from services.assessment.scoring import FindingFact, Ledger, score
from services.assessment.survey_commands import SurveyCommands
from shared.application import actor_of
from shared.errors import Conflict, Forbidden, NotFound

if TYPE_CHECKING:
    from shared.auth import Principal


class AssessmentCommands(InspectionCommands, SurveyCommands, RecognitionCommands):
    """Score a unit's year from its ledger, publish it, list and explain scorecards (Art. 31)."""

    # -- the scheme of a year -------------------------------------------------------------------

    def scheme_for(self, year: int) -> ScoringScheme:
        """The scheme set for `year`, else the configured default."""
        found = self.find(YearScheme.create_id(year), YearScheme)
        if found is None or not found.scheme:
            return self.default_scheme
        return ScoringScheme.model_validate(found.scheme)

    def set_scheme(self, year: int, scheme: ScoringScheme, by: Principal) -> ScoringScheme:
        """Set the year's scheme; only the node's top office may, before any result is out."""
        root = self.node_root or list(self.org.ancestors(self.unit(by.unit_code).code))[-1].code
        if by.unit_code != root:
            raise Forbidden(f"the scheme is set by the office of {root}, the top of the node")
        scheme.checked()
        published = [
            a for a in self.assessments(year, root) if a.is_published and a.unit_code != root
        ]
        if published:
            raise Conflict(f"{len(published)} assessments of {year} are already published")
        record = self.find(YearScheme.create_id(year), YearScheme) or YearScheme(year=year)
        record.set(scheme=scheme.model_dump(), by=actor_of(by), at=self.clock.now())
        self.save_once(record)
        return scheme

    # -- the ledger and the score ---------------------------------------------------------------

    def ledger(self, unit_code: str, year: int) -> Ledger:
        """Everything of the unit's year that counts: upstream facts and this service's records."""
        figures = self.figures_of(unit_code, year)
        findings: list[FindingFact] = []
        missed: list[str] = []
        for inspection in self.inspections_of(unit_code, year):
            for f in inspection.findings.values():
                state = (
                    "open"
                    if f.is_open
                    else ("closed_on_time" if f.closed_on_time else "closed_late")
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
            for s in self.surveys_of(unit_code, year)
            if not s.is_open
            for r in s.responses.values()  # in the order they came
        ]
        recognitions = self.recognitions_of(unit_code, year)
        return Ledger(
            unit_code=unit_code,
            year=year,
            facts=list(figures.facts) if figures else [],
            findings=findings,
            missed_self_inspections=missed,
            responses=responses,
            commendations=[
                str(r.id) for r in recognitions if r.kind is RecognitionKind.COMMENDATION
            ],
            accountabilities=[
                str(r.id) for r in recognitions if r.kind is RecognitionKind.ACCOUNTABILITY
            ],
        )

    def preview(self, unit_code: str, year: int) -> dict[str, Any]:
        """The score as it stands now, not recorded (for dashboards)."""
        self.unit(unit_code)
        return score(self.ledger(unit_code, year), self.scheme_for(year))

    def score_unit(self, unit_code: str, year: int, by: Principal) -> AnnualAssessment:
        """Score a unit's year as its assessor (level by level) and record the card (Art. 31)."""
        assessor = self.ensure_assessor(by, unit_code)
        scheme = self.scheme_for(year)
        card = score(self.ledger(unit_code, year), scheme)
        aid = AnnualAssessment.create_id(unit_code, year)
        assessment = self.find(aid, AnnualAssessment) or AnnualAssessment(
            unit_code=unit_code, year=year, assessor_unit=assessor
        )
        assessment.rescore(
            card=card, scheme=scheme.model_dump(), by=actor_of(by), at=self.clock.now()
        )
        self.save_once(assessment)
        return assessment

    def publish(self, unit_code: str, year: int, by: Principal) -> AnnualAssessment:
        """Publish the result 公布考核结果; AssessmentPublished goes out (Art. 31)."""
        self.ensure_assessor(by, unit_code)
        assessment = self.get_assessment(unit_code, year)
        assessment.publish(by=actor_of(by), at=self.clock.now())
        self.save_once(assessment)
        return assessment

    def get_assessment(self, unit_code: str, year: int) -> AnnualAssessment:
        """A unit's assessment of a year; NotFound before it is first scored."""
        found = self.find(AnnualAssessment.create_id(unit_code, year), AnnualAssessment)
        if found is None:
            raise NotFound(f"no {year} assessment of {unit_code} yet")
        return found

    def assessments(self, year: int, within: str) -> list[AnnualAssessment]:
        """The year's assessments of the units in the subtree of `within`, by unit code."""
        units = {u.code for u in self.org.subtree(self.unit(within, "within").code)}
        return [
            self.get_assessment(code, year)
            for code in self.view.units_with("assessment", year)
            if code in units
        ]
