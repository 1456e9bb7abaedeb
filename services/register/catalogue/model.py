"""The power catalogue 职权目录 and each power's flowchart 权力运行流程图 (Art. 11).

第十一条: "对依法确定的职权进行分项梳理，摸清职权底数，编制'职权目录'，针对每一项职权，
优化运行流程，绘制'权力运行流程图'". A power belongs to one unit; its flowchart is
versioned: redrawing adds a version and keeps the old ones, so a risk point can say which version
it was identified on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from eventsourcing.domain import Aggregate, event

from shared.errors import Invalid

_STEP_KEY = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class PowerKind(StrEnum):
    """Kind of statutory power 职权类别 (Art. 11), after the usual administrative classes."""

    LICENSING = "licensing"
    PENALTY = "penalty"
    COERCION = "coercion"
    LEVY = "levy"
    BENEFIT = "benefit"
    INSPECTION = "inspection"
    CONFIRMATION = "confirmation"
    REWARD = "reward"
    ADJUDICATION = "adjudication"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        return POWER_KIND_ZH[self.value]


POWER_KIND_ZH = {
    "licensing": "行政许可",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "levy": "行政征收",
    "benefit": "行政给付",
    "inspection": "行政检查",
    "confirmation": "行政确认",
    "reward": "行政奖励",
    "adjudication": "行政裁决",
    "other": "其他职权",
}


@dataclass(frozen=True)
class FlowStep:
    """One step of a flowchart: who acts, in how many days, with or without discretion (Art. 11).

    `checks` are the controls between this step and the next (e.g. 复核, 集体研究, 公示).
    """

    key: str
    name: str
    post: str
    time_limit_days: int
    discretion: bool
    checks: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> FlowStep:
        return cls(
            key=raw["key"],
            name=raw["name"],
            post=raw["post"],
            time_limit_days=raw["time_limit_days"],
            discretion=raw["discretion"],
            checks=tuple(raw.get("checks", ())),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "post": self.post,
            "time_limit_days": self.time_limit_days,
            "discretion": self.discretion,
            "checks": list(self.checks),
        }


@dataclass(frozen=True)
class Flowchart:
    """One version of a power's flowchart: its ordered steps (Art. 11)."""

    version: int
    steps: tuple[FlowStep, ...]
    drawn_by: str
    drawn_at: datetime

    def step(self, key: str) -> FlowStep | None:
        return next((s for s in self.steps if s.key == key), None)


def check_steps(steps: list[FlowStep]) -> None:
    """A flowchart has at least one step, unique keys, named posts and sane time limits."""
    if not steps:
        raise Invalid("steps", "流程图至少要有一个环节 (a flowchart needs at least one step)")
    seen: set[str] = set()
    for i, step in enumerate(steps):
        if not _STEP_KEY.match(step.key):
            raise Invalid(
                f"steps.{i}.key",
                "环节代码须为 1 至 32 个字母、数字、“-”或“_” "
                "(use 1-32 letters, digits, '-' or '_')",
            )
        if step.key in seen:
            raise Invalid(
                f"steps.{i}.key",
                f"环节代码 {step.key!r} 重复 (step key {step.key!r} is used twice)",
            )
        seen.add(step.key)
        if not step.name.strip():
            raise Invalid(f"steps.{i}.name", "环节名称不能为空 (must not be empty)")
        if not step.post.strip():
            raise Invalid(f"steps.{i}.post", "请写明承办岗位 (must name the acting post)")
        if not 0 <= step.time_limit_days <= 365:
            raise Invalid(
                f"steps.{i}.time_limit_days", "办理时限须为 0 至 365 天 (must be 0..365 days)"
            )


class PowerItem(Aggregate):
    """One statutory power 职权 of a unit, with its legal basis, posts and flowcharts (Art. 11)."""

    class Catalogued(Aggregate.Created):
        """A power entered the unit's catalogue 职权目录."""

        unit_code: str
        name: str
        kind: str
        legal_basis: str
        posts: list[str]
        catalogued_by: str
        catalogued_at: datetime

    class FlowchartDrawn(Aggregate.Event):
        """A new version of the power's flowchart 权力运行流程图 was drawn (Art. 11)."""

        version: int
        steps: list[dict[str, Any]]
        drawn_by: str
        drawn_at: datetime
        unit_code: str

    @event(Catalogued)
    def __init__(
        self,
        *,
        unit_code: str,
        name: str,
        kind: str,
        legal_basis: str,
        posts: list[str],
        catalogued_by: str,
        catalogued_at: datetime,
    ) -> None:
        self.unit_code = unit_code
        self.name = name
        self.kind = PowerKind(kind)
        self.legal_basis = legal_basis
        self.posts = tuple(posts)
        self.catalogued_by = catalogued_by
        self.catalogued_at = catalogued_at
        self.flowcharts: list[Flowchart] = []

    @property
    def flowchart(self) -> Flowchart | None:
        """The current (latest) version of the flowchart, if one was drawn."""
        return self.flowcharts[-1] if self.flowcharts else None

    def flowchart_version(self, version: int) -> Flowchart:
        if not 1 <= version <= len(self.flowcharts):
            versions = len(self.flowcharts)
            raise Invalid(
                "version",
                f"该职权的流程图版本为 1 至 {versions} "
                f"(power has flowchart versions 1..{versions})",
            )
        return self.flowcharts[version - 1]

    def acting_posts(self) -> set[str]:
        """Posts that exercise the power, listed or acting in the current flowchart."""
        current = self.flowchart
        return set(self.posts) | ({s.post for s in current.steps} if current else set())

    def draw_flowchart(self, steps: list[FlowStep], drawn_by: str, drawn_at: datetime) -> int:
        """Draw a new version of the flowchart 绘制权力运行流程图 (Art. 11); return its number."""
        check_steps(steps)
        self._drawn(
            version=len(self.flowcharts) + 1,
            steps=[s.as_dict() for s in steps],
            drawn_by=drawn_by,
            drawn_at=drawn_at,
            unit_code=self.unit_code,
        )
        return len(self.flowcharts)

    @event(FlowchartDrawn)
    def _drawn(
        self,
        *,
        version: int,
        steps: list[dict[str, Any]],
        drawn_by: str,
        drawn_at: datetime,
        unit_code: str,
    ) -> None:
        chart = Flowchart(version, tuple(FlowStep.from_dict(s) for s in steps), drawn_by, drawn_at)
        self.flowcharts.append(chart)
