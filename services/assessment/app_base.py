"""What assessment's command groups share: settings, lookups, who assesses whom (Art. 30, 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from eventsourcing.persistence import IntegrityError

from services.assessment.domain import UnitYearFigures
from services.assessment.read_model import AssessmentView
from services.assessment.scheme import ScoringScheme
from shared.application import ServiceApplication
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid, NotFound

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import Aggregate

    from shared.auth import Principal
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")


class AssessmentBase(ServiceApplication):
    """The assessment application's state and lookups, shared by its command groups."""

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
        self.view.catch_up()

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

    def figures_of(self, unit_code: str, year: int) -> UnitYearFigures | None:
        """The upstream facts of a unit's year, or None before the first one."""
        return self.find(UnitYearFigures.create_id(unit_code, year), UnitYearFigures)

    # -- who is above whom (Art. 30, 31) --------------------------------------------------------

    def ensure_above(self, principal: Principal, unit_code: str, what: str) -> None:
        """The caller's unit is strictly above `unit_code` (403 outside, 422 for the unit itself).

        Internal inspections, superior supervision, commendations and accountability come from
        above: the unit cannot inspect, commend or hold itself to account.
        """
        self.ensure_within(principal, unit_code)
        if principal.unit_code == unit_code:
            raise Invalid("unit_code", f"{what} is made by a body above {unit_code}, not itself")

    def assessor_of(self, unit_code: str) -> str:
        """Who assesses a unit 分级考核 (Art. 31): the level above it in the tree.

        The district assesses towns and district departments; a town assesses its units and
        village committees. The district itself is assessed above this system.
        """
        unit = self.unit(unit_code)
        if unit.parent_code is None:
            raise Invalid("unit_code", f"{unit_code} is the top of the tree; it is assessed above")
        root = self.node_root
        if root is not None and not self.org.is_within(unit.parent_code, root):
            # e.g. a town on its own node: its assessor, the district, works on the district node
            raise Invalid(
                "unit_code", f"{unit_code} is assessed by {unit.parent_code}, outside this node"
            )
        return unit.parent_code

    def ensure_assessor(self, principal: Principal, unit_code: str) -> str:
        """The caller's unit assesses `unit_code` (level by level); returns the assessor unit."""
        self.ensure_within(principal, unit_code)
        assessor = self.assessor_of(unit_code)
        if principal.unit_code != assessor:
            raise Invalid(
                "unit_code",
                f"{unit_code} is assessed by {assessor} (level by level, Art. 31), "
                f"not by {principal.unit_code}",
            )
        return assessor
