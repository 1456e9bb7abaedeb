"""The assessment application (Art. 8, 30, 31): live figures from the other services' events,
inspections, social evaluation, rewards and accountability, the annual scored assessment.

The one Application of the service: its reaction to upstream events, one-line delegations to the
features' handlers (`figures/`, `inspections/`, `surveys/`, `recognition/`, `scoring/`), and the
lookups they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from eventsourcing.persistence import IntegrityError

from services.assessment.figures import handlers as figures_handlers
from services.assessment.figures.model import UnitYearFigures
from services.assessment.figures.snapshots import FIGURES_SNAPSHOT_INTERVAL, FactAsList
from services.assessment.inspections import handlers as inspections
from services.assessment.read_model import AssessmentView
from services.assessment.recognition import handlers as recognition
from services.assessment.scoring import handlers as scoring
from services.assessment.scoring.rules import ScoringScheme
from services.assessment.surveys import handlers as surveys
from shared.application import ServiceApplication
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid
from shared.jurisdiction import Scope

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import Aggregate
    from eventsourcing.persistence import JSONTranscoder

    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")


class AssessmentApplication(ServiceApplication):
    """Commands, queries and reactions of assessment; plain types in and out (Art. 8, 30, 31)."""

    name = "assessment"
    scope = Scope.ASSESSED  # the facts of units it manages and of those below them (Art. 31)
    keeps_case_index = True  # every producer's events reach it: the auditors' timelines (H3)
    # A unit's year of figures loads from its latest snapshot (figures/snapshots.py, issue #18).
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        UnitYearFigures: FIGURES_SNAPSHOT_INTERVAL
    }

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

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        """The store's types, and the facts a snapshot of a unit's figures holds."""
        super().register_transcodings(transcoder)
        transcoder.register(FactAsList())

    # -- upstream events: the live figures (figures/) --------------------------------------------

    def concerns(self, upstream: CloudEvent) -> bool:
        """Only the events that count towards a figure."""
        return figures_handlers.fact_of(upstream) is not None

    react = figures_handlers.count

    # The features' handlers are plain functions `(app, ...)`: bound here, each is a method.
    figures_of = figures_handlers.figures_of
    figures = figures_handlers.counts
    units_with_figures = figures_handlers.units_with_figures
    live_figures = figures_handlers.live_figures

    # -- inspections (Art. 30) -------------------------------------------------------------------

    open_inspection = inspections.open_inspection
    task_annual_self_inspections = inspections.task_annual_self_inspections
    get_inspection = inspections.get_inspection
    record_finding = inspections.record_finding
    close_finding = inspections.close_finding
    complete_inspection = inspections.complete_inspection
    inspections_of = inspections.inspections_of
    inspections_within = inspections.inspections_within

    # -- social evaluation (Art. 30(5)) ----------------------------------------------------------

    open_survey = surveys.open_survey
    get_survey = surveys.get_survey
    respond = surveys.respond
    issue_codes = surveys.issue_codes
    questionnaire_by_code = surveys.questionnaire_by_code
    respond_by_code = surveys.respond_by_code
    close_survey = surveys.close_survey
    surveys_of = surveys.surveys_of
    surveys_within = surveys.surveys_within

    # -- commendations and accountability (Art. 8) -----------------------------------------------

    recognise = recognition.recognise
    recognitions_of = recognition.recognitions_of
    recognitions_within = recognition.recognitions_within

    # -- the annual assessment (Art. 31) ---------------------------------------------------------

    scheme_for = scoring.scheme_for
    set_scheme = scoring.set_scheme
    ledger = scoring.ledger
    preview = scoring.preview
    score_unit = scoring.score_unit
    publish = scoring.publish
    get_assessment = scoring.get_assessment
    assessments = scoring.assessments

    # -- lookups the features share --------------------------------------------------------------

    def this_year(self) -> int:
        """The current assessment year (Beijing time)."""
        return self.clock.now().astimezone(BEIJING).year

    def get(self, record_id: UUID, kind: type[_T], what: str) -> _T:
        """A record of this service; NotFound naming `what` if there is none."""
        return self.load(record_id, kind, what)

    def save_once(self, aggregate: Aggregate) -> None:
        """Save, or 409 if another request changed the same record meanwhile (no lost update)."""
        try:
            self.save(aggregate)
        except IntegrityError:
            raise Conflict(
                "该记录已被他人修改，请刷新后重试 (the record was changed meanwhile; read it again "
                "and retry)"
            ) from None

    def ensure_above(self, principal: Principal, unit_code: str, what: str) -> None:
        """The caller's unit is strictly above `unit_code` (403 outside, 422 for the unit itself).

        Internal inspections, superior supervision, social evaluation, commendations and
        accountability come from above (Art. 8, 30): a unit cannot inspect, commend or hold
        itself to account. On a node, only a unit the node manages (403 otherwise): its records
        count where the unit is assessed (Art. 7, 31).
        """
        self.ensure_manages(principal, unit_code)  # this node's units only (Art. 7, 31 逐级)
        if principal.unit_code == unit_code:
            raise Invalid(
                "unit_code",
                f"此项工作由 {unit_code} 的上级机关开展，本单位不能自行办理 "
                f"({what} is made by a body above {unit_code}, not itself)",
            )
