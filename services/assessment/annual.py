"""A unit's annual assessment 年度考核 and the scoring scheme of a year (Art. 31).

The assessment keeps each scorecard it was given while a draft; publishing fixes the last one,
and that is what the AssessmentPublished event announces. The scheme in force for a year is its
own aggregate, so a changed scheme is a recorded fact with who and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict
from shared.vocabulary import ActorRecord

ASSESSMENT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:annual")
SCHEME_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:scheme")


class AnnualAssessment(Aggregate):
    """The annual assessment of one unit by the level above it (分级考核, Art. 31)."""

    @staticmethod
    def create_id(unit_code: str, year: int, **_: Any) -> UUID:
        return uuid5(ASSESSMENT_NAMESPACE, f"{unit_code}:{year}")

    @event("Opened")
    def __init__(self, *, unit_code: str, year: int, assessor_unit: str) -> None:
        self.unit_code = unit_code
        self.year = year
        self.assessor_unit = assessor_unit
        self.card: dict[str, Any] = {}
        self.scheme: dict[str, Any] = {}
        self.scored_by: ActorRecord | None = None
        self.scored_at: datetime | None = None
        self.published_at: datetime | None = None
        self.published_by: ActorRecord | None = None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def rescore(
        self, *, card: dict[str, Any], scheme: dict[str, Any], by: ActorRecord, at: datetime
    ) -> None:
        """Record a (new) scorecard of the draft; a published assessment is final (409)."""
        if self.is_published:
            raise Conflict(f"the {self.year} assessment of {self.unit_code} is already published")
        self._scored(card=card, scheme=scheme, by=by, at=at)

    @event("Scored")
    def _scored(
        self, *, card: dict[str, Any], scheme: dict[str, Any], by: ActorRecord, at: datetime
    ) -> None:
        self.card, self.scheme, self.scored_by, self.scored_at = card, scheme, by, at

    def publish(self, *, by: ActorRecord, at: datetime) -> None:
        """Publish the result 公布考核结果 (Art. 31)."""
        if self.is_published:
            raise Conflict(f"the {self.year} assessment of {self.unit_code} is already published")
        if not self.card:
            raise Conflict("score the assessment before publishing it")
        # The public AssessmentPublished is made from this event alone: it carries the result.
        self._published(
            by=by, at=at, unit_code=self.unit_code, year=self.year,
            assessor_unit=self.assessor_unit, card=self.card,
        )  # fmt: skip

    @event("Published")
    def _published(
        self,
        *,
        by: ActorRecord,
        at: datetime,
        unit_code: str,
        year: int,
        assessor_unit: str,
        card: dict[str, Any],
    ) -> None:
        self.published_at, self.published_by = at, by


class YearScheme(Aggregate):
    """The scoring scheme in force for one year's assessments of one node (Art. 31)."""

    @staticmethod
    def create_id(year: int, **_: Any) -> UUID:
        return uuid5(SCHEME_NAMESPACE, str(year))

    @event("Opened")
    def __init__(self, *, year: int) -> None:
        self.year = year
        self.scheme: dict[str, Any] = {}
        self.set_by: ActorRecord | None = None

    @event("Set")
    def set(self, *, scheme: dict[str, Any], by: ActorRecord, at: datetime) -> None:
        """Put a (checked) scheme in force for the year."""
        self.scheme, self.set_by, self.set_at = scheme, by, at
