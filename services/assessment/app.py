"""The assessment application (Art. 8, 30, 31): live figures from the other services' events,
inspections, social evaluation, rewards and accountability, the annual scored assessment.

The one Application of the service: its reaction to upstream events, one-line delegations to the
features' handlers (`figures/`, `inspections/`, `surveys/`, `recognition/`, `scoring/`), and the
lookups they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from eventsourcing.persistence import IntegrityError

from services.assessment.figures import handlers as figures
from services.assessment.inspections import handlers as inspections
from services.assessment.read_model import AssessmentView
from services.assessment.recognition import handlers as recognition
from services.assessment.scoring import handlers as scoring
from services.assessment.scoring.rules import ScoringScheme
from services.assessment.surveys import handlers as surveys
from shared.application import ServiceApplication
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid, NotFound

if TYPE_CHECKING:
    from datetime import date
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent
    from eventsourcing.domain import Aggregate

    from services.assessment.figures.model import UnitYearFigures
    from services.assessment.inspections.handlers import NewFinding, NewInspection
    from services.assessment.inspections.model import Inspection
    from services.assessment.recognition.model import Recognition, RecognitionKind
    from services.assessment.scoring.model import AnnualAssessment, Ledger, Scorecard
    from services.assessment.surveys.model import SurveyRound
    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")


class AssessmentApplication(ServiceApplication):
    """Commands, queries and reactions of assessment; plain types in and out (Art. 8, 30, 31)."""

    name = "assessment"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        scheme: ScoringScheme | None = None,
        node_root: str | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.default_scheme = (scheme or ScoringScheme()).checked()
        self.node_root = node_root
        self.view = AssessmentView(self)

    # -- upstream events: the live figures (figures/) --------------------------------------------

    def concerns(self, upstream: CloudEvent) -> bool:
        """Only the events that count towards a figure."""
        return figures.fact_of(upstream) is not None

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Count the upstream fact into its unit's year (Art. 31)."""
        figures.count(self, upstream, processing_event)

    def figures_of(self, unit_code: str, year: int) -> UnitYearFigures | None:
        """The upstream facts of a unit's year, or None before the first one (Art. 31)."""
        return figures.figures_of(self, unit_code, year)

    def figures(self, unit_code: str, year: int) -> dict[str, int]:
        """The counts of one unit and year, by kind (Art. 31)."""
        return figures.counts(self, unit_code, year)

    def units_with_figures(self, within: str, year: int) -> list[str]:
        """Units below `within` with facts in `year` (Art. 31)."""
        return figures.units_with_figures(self, within, year)

    def live_figures(self, unit_code: str, year: int) -> dict[str, Any]:
        """A unit's dashboard figures 实时指标 (Art. 28, 31)."""
        return figures.live_figures(self, unit_code, year)

    # -- inspections (Art. 30) -------------------------------------------------------------------

    def open_inspection(self, new: NewInspection, by: Principal) -> Inspection:
        """Task a self-inspection or open an inspection or supervision (Art. 30)."""
        return inspections.open_inspection(self, new, by)

    def task_annual_self_inspections(
        self, within: str, year: int, due_on: date | None, by: Principal
    ) -> list[Inspection]:
        """Task the annual self-inspection 年度自查 of every unit below one (Art. 30)."""
        return inspections.task_annual_self_inspections(self, within, year, due_on, by)

    def get_inspection(self, inspection_id: UUID) -> Inspection:
        """An inspection; NotFound if there is none (Art. 30)."""
        return inspections.get_inspection(self, inspection_id)

    def record_finding(self, inspection_id: UUID, new: NewFinding, by: Principal) -> UUID:
        """Record a finding 检查发现; one about a risk point asks for revision (Art. 30)."""
        return inspections.record_finding(self, inspection_id, new, by)

    def close_finding(
        self, inspection_id: UUID, finding_id: UUID, rectification: str, by: Principal
    ) -> None:
        """Close a finding as rectified 整改到位 (Art. 30)."""
        inspections.close_finding(self, inspection_id, finding_id, rectification, by)

    def complete_inspection(self, inspection_id: UUID, summary: str, by: Principal) -> None:
        """Complete an inspection 检查完成 (Art. 30)."""
        inspections.complete_inspection(self, inspection_id, summary, by)

    def inspections_of(self, unit_code: str, year: int) -> list[Inspection]:
        """A unit's inspections of a year, oldest first (Art. 30)."""
        return inspections.inspections_of(self, unit_code, year)

    # -- social evaluation (Art. 30(5)) ----------------------------------------------------------

    def open_survey(
        self,
        unit_code: str,
        title: str,
        questions: list[tuple[str, str]],
        by: Principal,
        year: int | None = None,
    ) -> SurveyRound:
        """Open a social evaluation round 社会评议 about a unit (Art. 30(5))."""
        return surveys.open_survey(self, unit_code, title, questions, by, year)

    def get_survey(self, round_id: UUID) -> SurveyRound:
        """A survey round; NotFound if there is none (Art. 30(5))."""
        return surveys.get_survey(self, round_id)

    def respond(self, round_id: UUID, token: str, answers: dict[str, int], by: Principal) -> UUID:
        """Take one anonymous response to a round (Art. 30(5))."""
        return surveys.respond(self, round_id, token, answers, by)

    def close_survey(self, round_id: UUID, by: Principal) -> SurveyRound:
        """Close a round 评议结束; its responses now count (Art. 30(5))."""
        return surveys.close_survey(self, round_id, by)

    def surveys_of(self, unit_code: str, year: int) -> list[SurveyRound]:
        """A unit's survey rounds of a year, oldest first (Art. 30(5))."""
        return surveys.surveys_of(self, unit_code, year)

    # -- commendations and accountability (Art. 8) -----------------------------------------------

    def recognise(
        self,
        kind: RecognitionKind,
        unit_code: str,
        reason: str,
        reference: str,
        by: Principal,
        year: int | None = None,
    ) -> Recognition:
        """Record a commendation 表彰 or accountability 责任追究 (Art. 8)."""
        return recognition.recognise(self, kind, unit_code, reason, reference, by, year)

    def recognitions_of(self, unit_code: str, year: int) -> list[Recognition]:
        """A unit's commendations and accountability of a year (Art. 8)."""
        return recognition.recognitions_of(self, unit_code, year)

    # -- the annual assessment (Art. 31) ---------------------------------------------------------

    def scheme_for(self, year: int) -> ScoringScheme:
        """The scoring scheme 计分办法 in force for a year (Art. 31)."""
        return scoring.scheme_for(self, year)

    def set_scheme(self, year: int, scheme: ScoringScheme, by: Principal) -> ScoringScheme:
        """Set a year's scoring scheme, before any result is out (Art. 31)."""
        return scoring.set_scheme(self, year, scheme, by)

    def ledger(self, unit_code: str, year: int) -> Ledger:
        """Everything of a unit's year that counts in its score (Art. 31)."""
        return scoring.ledger(self, unit_code, year)

    def preview(self, unit_code: str, year: int) -> Scorecard:
        """The score as it stands now, not recorded (Art. 31)."""
        return scoring.preview(self, unit_code, year)

    def score_unit(self, unit_code: str, year: int, by: Principal) -> AnnualAssessment:
        """Score a unit's year as its assessor and record the card (分级考核, Art. 31)."""
        return scoring.score_unit(self, unit_code, year, by)

    def publish(self, unit_code: str, year: int, by: Principal) -> AnnualAssessment:
        """Publish the result 公布考核结果; AssessmentPublished goes out (Art. 31)."""
        return scoring.publish(self, unit_code, year, by)

    def get_assessment(self, unit_code: str, year: int) -> AnnualAssessment:
        """A unit's assessment of a year; NotFound before it is scored (Art. 31)."""
        return scoring.get_assessment(self, unit_code, year)

    def assessments(self, year: int, within: str) -> list[AnnualAssessment]:
        """The year's assessments of the units below `within` (Art. 31)."""
        return scoring.assessments(self, year, within)

    # -- lookups the features share --------------------------------------------------------------

    def this_year(self) -> int:
        """The current assessment year (Beijing time)."""
        return self.clock.now().astimezone(BEIJING).year

    def get(self, record_id: UUID, kind: type[_T], what: str) -> _T:
        """A record of this service; NotFound naming `what` if there is none."""
        found = self.find(record_id, kind)
        if found is None:
            raise NotFound(f"no {what} {record_id}")
        return found

    def save_once(self, aggregate: Aggregate) -> None:
        """Save, or 409 if another request changed the same record meanwhile (no lost update)."""
        try:
            self.save(aggregate)
        except IntegrityError:
            raise Conflict("the record was changed meanwhile; read it again and retry") from None

    def ensure_above(self, principal: Principal, unit_code: str, what: str) -> None:
        """The caller's unit is strictly above `unit_code` (403 outside, 422 for the unit itself).

        Internal inspections, superior supervision, social evaluation, commendations and
        accountability come from above (Art. 8, 30): a unit cannot inspect, commend or hold
        itself to account.
        """
        self.ensure_within(principal, unit_code)
        if principal.unit_code == unit_code:
            raise Invalid("unit_code", f"{what} is made by a body above {unit_code}, not itself")
