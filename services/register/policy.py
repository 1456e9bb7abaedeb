"""The register's configurable rules in one place: grading, quorum, publication (Art. 10, 14)."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.register.approval import QuorumRule
from services.register.grading import GradingRule
from shared.errors import Invalid


@dataclass(frozen=True)
class RegisterRules:
    """How grades are computed, how many leaders must approve, how long publication lasts.

    The publication period 公示期 is counted in calendar days (default 5): the regulation asks for
    publication without a length, and working days would need a holiday calendar we do not have.
    """

    grading: GradingRule = field(default_factory=GradingRule)
    quorum: QuorumRule = field(default_factory=QuorumRule)
    publication_days: int = 5

    def __post_init__(self) -> None:
        if not 1 <= self.publication_days <= 60:
            raise Invalid("publication_days", "must be 1..60")
