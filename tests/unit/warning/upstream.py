"""Upstream events from the register, as the warning service receives them (Art. 25)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count
from uuid import UUID, uuid4

from eventsourcing.persistence import Tracking

from shared.application import ServiceApplication
from shared.events import (
    Actor,
    CloudEvent,
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    RiskGraded,
    RiskGradedData,
)
from shared.events.publish import Origin
from shared.vocabulary import Grade, GradeSource, RiskCategory, Verdict, WarningLevel

AT = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
REGISTER = Origin("/lianfang/district/register", "district")
JUDGE = Actor(user_id="u-judge", role="judge", unit_code="QX-TH")
_offsets = count(1)


def judgement(
    unit: str = "QX-TH-CZS",
    verdict: Verdict = Verdict.INCIPIENT_TENDENCY,
    level: WarningLevel | None = WarningLevel.YELLOW,
    judgement_id: UUID | None = None,
    risk_point_id: UUID | None = None,
) -> JudgementMade:
    """A judgement; its recommended `level` is advice only: the level follows the grade."""
    data = JudgementMadeData(
        **REGISTER.stamp(unit, JUDGE, "Art. 25", AT),
        judgement_id=judgement_id or uuid4(), information_id=uuid4(),
        risk_point_id=risk_point_id or uuid4(), verdict=verdict, recommended_level=level,
        reasoning="报销审核与支付由同一人完成，属苗头性问题",
    )  # fmt: skip
    return JudgementMade.create(
        data=data, subject=str(data.information_id), source=REGISTER.source, clock_now=AT
    )


def graded(
    risk_point_id: UUID,
    grade: Grade = Grade.LOW,
    *,
    unit: str = "QX-TH-CZS",
    source: GradeSource = GradeSource.IDENTIFICATION,
    judgement_id: UUID | None = None,
    at: datetime = AT,
) -> RiskGraded:
    """The register's grading of a risk point (Art. 14), as the warning service receives it."""
    data = RiskGradedData(
        **REGISTER.stamp(unit, JUDGE, "Art. 14", at),
        risk_point_id=risk_point_id, category=RiskCategory.BUSINESS_PROCESS,
        factors=GradingFactors(importance=2, discretion=2, probability=2, harm=2),
        grade=grade, previous_grade=None, source=source, reason="评定",
        information_id=None, judgement_id=judgement_id, recommended_level=None,
    )  # fmt: skip
    return RiskGraded.create(
        data=data, subject=str(data.risk_point_id), source=REGISTER.source, clock_now=at
    )


def graded_by_judgement(
    judgement_id: UUID,
    unit: str = "QX-TH-CZS",
    grade: Grade = Grade.LOW,
    risk_point_id: UUID | None = None,
) -> RiskGraded:
    """The grading a judgement of incipient tendency makes of its risk point (Art. 25)."""
    return graded(
        risk_point_id or uuid4(), grade, unit=unit, source=GradeSource.JUDGEMENT,
        judgement_id=judgement_id,
    )  # fmt: skip


def feed(app: ServiceApplication, event: CloudEvent) -> None:
    """Hand an upstream event to the application as the inbox would, at a fresh position."""
    app.process_event(event, Tracking("lianfang.register.events-0", next(_offsets)))  # type: ignore[arg-type]
