"""Handlers of the power catalogue 职权目录 and its flowcharts: load, check, save (Art. 11)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services.register.catalogue.flowcharts import RiskMark, to_mermaid, to_svg
from services.register.catalogue.model import Flowchart, FlowStep, PowerItem, PowerKind
from shared.errors import Invalid, NotFound

if TYPE_CHECKING:
    from uuid import UUID

    from services.register.app import RegisterApplication
    from shared.auth import Principal


@dataclass(frozen=True)
class PowerDraft:
    """A statutory power as entered in a unit's catalogue (Art. 11)."""

    unit_code: str
    name: str
    kind: str
    legal_basis: str
    posts: list[str]


def catalogue_power(app: RegisterApplication, draft: PowerDraft, by: Principal) -> UUID:
    """Enter a power in its unit's catalogue 编制职权目录 (Art. 11)."""
    app.unit(draft.unit_code)
    if draft.kind not in PowerKind.__members__.values():
        kinds = ", ".join(k.value for k in PowerKind)
        raise Invalid("kind", f"职权类别须为以下之一：{kinds} (must be one of {kinds})")
    if not draft.name.strip():
        raise Invalid("name", "职权名称不能为空 (must not be empty)")
    if not draft.legal_basis.strip():
        raise Invalid("legal_basis", "请写明法定依据 (name the law or regulation (法定依据))")
    posts = [p.strip() for p in draft.posts if p.strip()]
    if not posts:
        raise Invalid(
            "posts",
            "请至少填写一个行使该职权的岗位 (name at least one post that exercises the power)",
        )
    power = PowerItem(
        unit_code=draft.unit_code,
        name=draft.name.strip(),
        kind=draft.kind,
        legal_basis=draft.legal_basis.strip(),
        posts=posts,
        catalogued_by=by.user_id,
        catalogued_at=app.clock.now(),
    )
    app.save(power)
    return power.id


def draw_flowchart(
    app: RegisterApplication, power_id: UUID, steps: list[dict[str, Any]], by: Principal
) -> int:
    """Draw a new version of a power's flowchart 权力运行流程图; return its number (Art. 11)."""
    power = app.get_power(power_id)
    version = power.draw_flowchart(
        [FlowStep.from_dict(s) for s in steps], by.user_id, app.clock.now()
    )
    app.save(power)
    return version


def _chart(
    app: RegisterApplication, power_id: UUID, version: int | None
) -> tuple[PowerItem, Flowchart]:
    power = app.get_power(power_id)
    if power.flowchart is None:
        raise NotFound(
            f"职权 {power_id} 尚未绘制权力运行流程图 (power {power_id} has no flowchart yet)"
        )
    return power, power.flowchart if version is None else power.flowchart_version(version)


def flowchart_mermaid(app: RegisterApplication, power_id: UUID, version: int | None) -> str:
    """A flowchart version (default the current one) as Mermaid text (Art. 11)."""
    return to_mermaid(*_chart(app, power_id, version))


def flowchart_svg(app: RegisterApplication, power_id: UUID, version: int | None) -> str:
    """A flowchart version as SVG, its risk points marked at their steps (Art. 11, 13)."""
    power, chart = _chart(app, power_id, version)
    marks: dict[str, list[RiskMark]] = {}
    for row in app.view.risk_points({power.unit_code}):
        if row.power_id != power_id:
            continue
        point = app.get_risk_point(row.id)
        # A step keeps its key across versions, so its risk points stay with it.
        if point.step_key is not None and chart.step(point.step_key) is not None:
            marks.setdefault(point.step_key, []).append(RiskMark(row.grade, row.description))
    return to_svg(power, chart, marks)
