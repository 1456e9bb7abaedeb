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
from shared.vocabulary import Grade, GradeSource, RiskCategory, Verdict, WarningLevel

AT = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
JUDGE = Actor(user_id="u-judge", role="judge", unit_code="QX-TH")
_offsets = count(1)


def judgement(
    unit: str = "QX-TH-CZS",
    verdict: Verdict = Verdict.INCIPIENT_TENDENCY,
    level: WarningLevel | None = WarningLevel.YELLOW,
    judgement_id: UUID | None = None,
) -> JudgementMade:
    data = JudgementMadeData(
        schema_version=1, unit_code=unit, node_id="district", actor=JUDGE, authority="Art. 25",
        occurred_at=AT, judgement_id=judgement_id or uuid4(), information_id=uuid4(),
        risk_point_id=uuid4(), verdict=verdict, recommended_level=level,
        reasoning="报销审核与支付由同一人完成，属苗头性问题",
    )  # fmt: skip
    return JudgementMade.create(
        data=data, subject=str(data.information_id), source="/lianfang/district/register",
        clock_now=AT,
    )  # fmt: skip


def graded_by_judgement(judgement_id: UUID, unit: str = "QX-TH-CZS") -> RiskGraded:
    data = RiskGradedData(
        schema_version=1, unit_code=unit, node_id="district", actor=JUDGE, authority="Art. 25",
        occurred_at=AT, risk_point_id=uuid4(), category=RiskCategory.BUSINESS_PROCESS,
        factors=GradingFactors(importance=2, discretion=2, probability=2, harm=2),
        grade=Grade.LOW, previous_grade=None, source=GradeSource.JUDGEMENT, reason="研判后评定",
        information_id=None, judgement_id=judgement_id, recommended_level=WarningLevel.YELLOW,
    )  # fmt: skip
    return RiskGraded.create(
        data=data, subject=str(data.risk_point_id), source="/lianfang/district/register",
        clock_now=AT,
    )  # fmt: skip


def feed(app: ServiceApplication, event: CloudEvent) -> None:
    """Hand an upstream event to the application as the inbox would, at a fresh position."""
    app.process_event(event, Tracking("lianfang.register.events-0", next(_offsets)))  # type: ignore[arg-type]
