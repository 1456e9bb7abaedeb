"""Collective approval 集体审定 by the unit's leadership team 领导班子: the quorum rule (Art. 14).

第十四条: grades are "经单位领导班子集体审定". The regulation does not say how many members must
agree; the default is a majority (more than half) of the team listed in the organisation tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from shared.errors import Invalid


class Tally(StrEnum):
    """Where a round of votes stands: open, approved 审定通过, or rejected 未通过."""

    OPEN = "open"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class QuorumRule:
    """How many of the team must vote in favour: more than (or at least) `share` of it (Art. 14)."""

    share: Fraction = Fraction(1, 2)
    strictly_more: bool = True

    def __post_init__(self) -> None:
        if not Fraction(0) < self.share <= Fraction(1):
            raise Invalid("quorum.share", "must be more than 0 and at most 1")
        if self.share == 1 and self.strictly_more:
            raise Invalid("quorum.strictly_more", "more than the whole team is impossible")

    def needed(self, team_size: int) -> int:
        """Votes in favour needed to approve, for a team of `team_size` (at least one)."""
        exact = self.share * team_size
        needed = math.floor(exact) + 1 if self.strictly_more else math.ceil(exact)
        return max(1, needed)

    def tally(self, in_favour: int, against: int, team_size: int) -> Tally:
        """Approved once enough are in favour; rejected once that can no longer happen."""
        needed = self.needed(team_size)
        if in_favour >= needed:
            return Tally.APPROVED
        still_to_vote = max(0, team_size - in_favour - against)
        if in_favour + still_to_vote < needed:
            return Tally.REJECTED
        return Tally.OPEN


MAJORITY = QuorumRule()
