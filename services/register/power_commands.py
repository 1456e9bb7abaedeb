"""Commands and queries of the power catalogue 职权目录 and its flowcharts (Art. 11)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services.register.app_base import RegisterBase
from services.register.flowchart_mermaid import to_mermaid
from services.register.flowchart_svg import RiskMark, to_svg
from services.register.powers import Flowchart, FlowStep, PowerItem, PowerKind
from shared.errors import Invalid, NotFound

if TYPE_CHECKING:
    from uuid import UUID

    from services.register.read_model import PowerRow
    from shared.auth import Principal


@dataclass(frozen=True)
class PowerDraft:
    """A statutory power as entered in a unit's catalogue (Art. 11)."""

    unit_code: str
    name: str
    kind: str
    legal_basis: str
    posts: list[str]


class PowerCommands(RegisterBase):
    """Catalogue powers, draw their flowcharts, read them back (Art. 11)."""

    def catalogue_power(self, draft: PowerDraft, by: Principal) -> UUID:
        """Enter a power in its unit's catalogue 编制职权目录 (Art. 11)."""
        self.unit(draft.unit_code)
        if draft.kind not in PowerKind.__members__.values():
            raise Invalid("kind", f"must be one of {', '.join(k.value for k in PowerKind)}")
        if not draft.name.strip():
            raise Invalid("name", "must not be empty")
        if not draft.legal_basis.strip():
            raise Invalid("legal_basis", "name the law or regulation (法定依据)")
        posts = [p.strip() for p in draft.posts if p.strip()]
        if not posts:
            raise Invalid("posts", "name at least one post that exercises the power")
        power = PowerItem(
            unit_code=draft.unit_code,
            name=draft.name.strip(),
            kind=draft.kind,
            legal_basis=draft.legal_basis.strip(),
            posts=posts,
            catalogued_by=by.user_id,
            catalogued_at=self.clock.now(),
        )
        self.save(power)
        return power.id

    def draw_flowchart(self, power_id: UUID, steps: list[dict[str, Any]], by: Principal) -> int:
        """Draw a new version of a power's flowchart 权力运行流程图; return its number (Art. 11)."""
        power = self.get_power(power_id)
        version = power.draw_flowchart(
            [FlowStep.from_dict(s) for s in steps], by.user_id, self.clock.now()
        )
        self.save(power)
        return version

    def _chart(self, power_id: UUID, version: int | None) -> tuple[PowerItem, Flowchart]:
        power = self.get_power(power_id)
        if power.flowchart is None:
            raise NotFound(f"power {power_id} has no flowchart yet")
        return power, power.flowchart if version is None else power.flowchart_version(version)

    def flowchart_mermaid(self, power_id: UUID, version: int | None = None) -> str:
        """A flowchart version (default the current one) as Mermaid text (Art. 11)."""
        return to_mermaid(*self._chart(power_id, version))

    def flowchart_svg(self, power_id: UUID, version: int | None = None) -> str:
        """A flowchart version as SVG, its risk points marked at their steps (Art. 11, 13)."""
        power, chart = self._chart(power_id, version)
        marks: dict[str, list[RiskMark]] = {}
        for row in self.view.risk_points({power.unit_code}):
            if row.power_id != power_id:
                continue
            point = self.get_risk_point(row.id)
            # A step keeps its key across versions, so its risk points stay with it.
            if point.step_key is not None and chart.step(point.step_key) is not None:
                marks.setdefault(point.step_key, []).append(RiskMark(row.grade, row.description))
        return to_svg(power, chart, marks)

    def list_powers(self, within: str) -> list[PowerRow]:
        """The power catalogue of every unit in the subtree of `within` (Art. 11)."""
        units = {u.code for u in self.org.subtree(self.unit(within, "within").code)}
        return self.view.powers(units)
