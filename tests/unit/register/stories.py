"""What every register story needs: the application on the story's store, a manual clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.app import RegisterApplication
from services.register.catalogue.handlers import PowerDraft
from services.register.risk_points.handlers import RiskPointDraft
from shared.auth import Principal, Role
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import Story

if TYPE_CHECKING:
    from typing import Any
    from uuid import UUID

    from shared.clock import ManualClock

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
SECRETARY = Principal("u-taihe-secretary", frozenset({Role.LEADER}), "QX-TH")
MAYOR = Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
DISCIPLINE = Principal("u-taihe-discipline", frozenset({Role.LEADER}), "QX-TH")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}


def charted_power(app: RegisterApplication, steps: list[dict[str, Any]]) -> UUID:
    """太和镇's 农村村民住宅建设审批, catalogued and charted with `steps` (Art. 11, 13)."""
    draft = PowerDraft(
        "QX-TH", "农村村民住宅建设审批", "licensing", "《中华人民共和国土地管理法》第六十二条",
        ["规划建设办审核岗", "窗口受理岗"],
    )  # fmt: skip
    power_id = app.catalogue_power(draft, OFFICE)
    app.draw_flowchart(power_id, steps, OFFICE)
    return power_id


class RegisterStoryBase(Story[RegisterApplication]):
    """A register story, re-told per store by subclasses that provide `env` (tests/support)."""

    def make_app(self, env: dict[str, str], clock: ManualClock) -> RegisterApplication:
        return RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))


def approved_point(
    app: RegisterApplication, steps: list[dict[str, Any]], factors: dict[str, int], reason: str
) -> UUID:
    """太和镇's 踏勘 point on that power, graded from `factors` and approved by the leadership
    team (Art. 13, 14)."""
    power_id = charted_power(app, steps)
    point_id = app.identify_risk_point(
        RiskPointDraft(
            "QX-TH", "规划建设办审核岗", "business_process", "现场踏勘由一人完成",
            ["出具虚假踏勘意见"], power_id=power_id, step_key="survey",
        ),
        OFFICE,
    )  # fmt: skip
    app.grade_risk_point(
        point_id, factors, reason=reason, responsible_leader_id="u-taihe-mayor", by=OFFICE
    )
    app.vote(point_id, True, "同意", SECRETARY)
    app.vote(point_id, True, "同意", MAYOR)
    return point_id
