"""What a judgement of reported information keeps: verifications, verdict (Art. 21, 23, 25)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.vocabulary import Verdict, WarningLevel

JUDGEMENT_NAMESPACE: Final = uuid5(NAMESPACE_URL, "urn:lianfang:register:judgement")


def judgement_id_of(information_id: UUID) -> UUID:
    """The one judgement of a piece of information, by a stable id (Art. 25)."""
    return uuid5(JUDGEMENT_NAMESPACE, f"judgement:{information_id}")


def breach_id_of(judgement_id: UUID, kind: str) -> UUID:
    """The reporting breach a judgement found, by a stable id (Art. 23)."""
    return uuid5(JUDGEMENT_NAMESPACE, f"breach:{judgement_id}:{kind}")


class InformationStatus(StrEnum):
    """Where reported information stands: 待研判 awaiting judgement, 已研判 judged (Art. 21, 25)."""

    AWAITING_JUDGEMENT = "awaiting_judgement"
    JUDGED = "judged"


class ReportFinding(StrEnum):
    """What the judges found wrong with the report itself 报告失实 (Art. 23)."""

    UNTRUE = "untrue"  # 不真实
    INACCURATE = "inaccurate"  # 核心内容不准确

    @property
    def label_zh(self) -> str:
        return {"untrue": "不真实", "inaccurate": "核心内容不准确"}[self.value]


@dataclass(frozen=True)
class Verification:
    """One verification 核实 by the judgement group: who, when, what was checked (Art. 21, 25)."""

    number: int
    verifiers: tuple[str, ...]
    verified_at: datetime
    checked: tuple[str, ...]
    findings: str
    recorded_by: dict[str, str]
    recorded_at: datetime


@dataclass(frozen=True)
class ReportingBreachFinding:
    """A report found untrue or inaccurate in its core content; the reporter answers (Art. 23)."""

    breach_id: UUID
    kind: ReportFinding
    responsible_person_id: str
    reported_event_id: str
    reported_at: datetime


@dataclass(frozen=True)
class Judgement:
    """The judgement group's assessment 研判结论 of one piece of information (Art. 25, 28)."""

    judgement_id: UUID
    verdict: Verdict
    recommended_level: WarningLevel | None
    reasoning: str
    risk_point_id: UUID | None
    risk_point_opened: bool
    factors: dict[str, int] | None
    breach: ReportingBreachFinding | None
    judged_by: dict[str, str]
    judged_at: datetime
