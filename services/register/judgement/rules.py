"""How many of the 研判小组 must sign a judgement before it is the group's (Art. 25).

第二十五条: "各级廉政风险防控机构和各部门(单位)要成立廉政风险研判小组，及时核查、分析和评估廉政风险
信息". That the judgement is a group's is the text's; how many members must agree it does not
say.
`SignOffRule` is that missing rule, configurable (services/register/settings.py), with a documented
default (docs/judgement-group.md): a majority of the group (more than half), and at least three.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from shared.errors import Invalid


@dataclass(frozen=True)
class SignOffRule:
    """Sign-offs a judgement needs: more than (or at least) `share` of the group, and at least
    `at_least` (Art. 25)."""

    share: Fraction = Fraction(1, 2)
    strictly_more: bool = True
    at_least: int = 3

    def __post_init__(self) -> None:
        if not Fraction(0) < self.share <= Fraction(1):
            raise Invalid("judgement_signoff.share", "must be more than 0 and at most 1")
        if self.share == 1 and self.strictly_more:
            raise Invalid(
                "judgement_signoff.strictly_more", "more than the whole group is impossible"
            )
        if isinstance(self.at_least, bool) or not 2 <= self.at_least <= 15:
            raise Invalid("judgement_signoff.at_least", "must be 2..15: a group is more than one")

    def needed(self, group_size: int) -> int:
        """Members' sign-offs needed for a group of `group_size` (the proposer's counts)."""
        exact = self.share * group_size
        share = math.floor(exact) + 1 if self.strictly_more else math.ceil(exact)
        return max(self.at_least, share)

    def describe(self) -> dict[str, object]:
        """The rule in plain values, for the API and refusals."""
        return {
            "share": str(self.share),
            "strictly_more": self.strictly_more,
            "at_least": self.at_least,
        }
