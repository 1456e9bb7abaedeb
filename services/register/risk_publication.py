"""Publication 公示 of an approved risk point, objections 异议, and force 生效 (Art. 10).

第十条: the register, once approved by the leadership team, is made public for a period so that
people may object; objections are recorded and answered; then the risk point is in force.

The `RiskPoint` aggregate inherits these events (see `risk_point.py`). They were first defined on
`RiskPoint` itself; the old topics are registered as aliases so stored events still resolve.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from eventsourcing.domain import Aggregate, event
from eventsourcing.utils import register_topic

from services.register.risk_records import Objection, Publication, RiskStatus
from shared.errors import Conflict, Invalid


class PublishableRiskPoint(Aggregate):
    """The publication part of a risk point's life (Art. 10); see `RiskPoint` for the rest."""

    # State the rest of the risk point keeps, declared here for the publication events.
    unit_code: str
    status: RiskStatus
    publication: Publication | None
    in_force_since: datetime | None

    def publish(self, days: int, *, by: str, at: datetime) -> datetime:
        """Publish an approved risk point for `days` days 公示; return when the period ends."""
        if self.status is not RiskStatus.APPROVED:
            raise Conflict(f"only an approved risk point can be published; it is {self.status}")
        if not 1 <= days <= 60:
            raise Invalid("days", "a publication period is 1..60 days")
        self._published(
            starts_at=at,
            ends_at=at + timedelta(days=days),
            published_by=by,
            unit_code=self.unit_code,
        )
        assert self.publication is not None
        return self.publication.ends_at

    @event("Published")
    def _published(
        self,
        *,
        starts_at: datetime,
        ends_at: datetime,
        published_by: str,
        unit_code: str | None = None,  # absent from events stored before it was published
    ) -> None:
        self.status = RiskStatus.PUBLISHED
        self.publication = Publication(starts_at, ends_at, published_by)

    def record_objection(self, raised_by: str, text: str, *, by: str, at: datetime) -> int:
        """Record an objection 异议 raised during publication; return its number (Art. 10)."""
        publication = self._open_publication()
        if at > publication.ends_at:
            raise Conflict("the publication period (公示期) is over")
        if not text.strip():
            raise Invalid("text", "say what the objection is")
        number = len(publication.objections) + 1
        self._objected(number=number, raised_by=raised_by, text=text, recorded_by=by, at=at)
        return number

    @event("ObjectionRecorded")
    def _objected(
        self, *, number: int, raised_by: str, text: str, recorded_by: str, at: datetime
    ) -> None:
        assert self.publication is not None
        self.publication.objections.append(Objection(number, raised_by, text, recorded_by, at))

    def answer_objection(self, number: int, answer: str, *, by: str, at: datetime) -> None:
        """Answer an objection before the risk point goes into force (Art. 10)."""
        publication = self._open_publication()
        if not 1 <= number <= len(publication.objections):
            raise Invalid("number", f"no objection {number}")
        if publication.objections[number - 1].answer is not None:
            raise Conflict(f"objection {number} was already answered")
        if not answer.strip():
            raise Invalid("answer", "must not be empty")
        self._answered(number=number, answer=answer, answered_by=by, at=at)

    @event("ObjectionAnswered")
    def _answered(self, *, number: int, answer: str, answered_by: str, at: datetime) -> None:
        assert self.publication is not None
        objections = self.publication.objections
        objections[number - 1] = replace(
            objections[number - 1], answer=answer, answered_by=answered_by
        )

    def bring_into_force(self, *, by: str, at: datetime) -> None:
        """After publication with every objection answered, the risk point is in force 生效."""
        publication = self._open_publication()
        if at < publication.ends_at:
            raise Conflict(f"the publication period runs until {publication.ends_at.isoformat()}")
        if publication.open_objections:
            raise Conflict(f"{len(publication.open_objections)} objection(s) still unanswered")
        self._in_force(
            by=by, at=at, unit_code=self.unit_code, objections=len(publication.objections)
        )

    @event("BroughtIntoForce")
    def _in_force(
        self,
        *,
        by: str,
        at: datetime,
        unit_code: str | None = None,  # absent from events stored before they were published
        objections: int | None = None,
    ) -> None:
        self.status = RiskStatus.IN_FORCE
        self.in_force_since = at

    def _open_publication(self) -> Publication:
        if self.status is not RiskStatus.PUBLISHED or self.publication is None:
            raise Conflict(f"the risk point is not being published; it is {self.status.value}")
        return self.publication


# Stored events written before the split carry `RiskPoint.<Event>` topics.
for _name in ("Published", "ObjectionRecorded", "ObjectionAnswered", "BroughtIntoForce"):
    register_topic(
        f"services.register.risk_point:RiskPoint.{_name}", getattr(PublishableRiskPoint, _name)
    )
