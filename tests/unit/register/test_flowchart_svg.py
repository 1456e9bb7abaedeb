"""A power's flowchart as SVG: well-formed, every step, check and risk point on it (Art. 11, 13)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.register.app import RegisterApplication
from services.register.catalogue.flowcharts import FONT_FAMILY, SVG_NS
from services.register.catalogue.handlers import PowerDraft
from services.register.main import SPEC
from services.register.risk_points.handlers import RiskPointDraft
from services.register.settings import RegisterSettings
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.directory import grant_test_posts
from tests.support.tokens import token_for
from tests.unit.register.test_register_story import STEPS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
HOSTILE = '审批 <script>alert("x")</script> & 签字'


@pytest.fixture
def runtime() -> Iterator[Runtime]:
    settings = RegisterSettings(common=CommonSettings(store="memory"))
    runtime = Runtime(SPEC, settings, clock=ManualClock())
    grant_test_posts(runtime.app)  # the leaders hold the leader grant (Art. 14)
    yield runtime
    runtime.close()


def _app(runtime: Runtime) -> RegisterApplication:
    assert isinstance(runtime.app, RegisterApplication)
    return runtime.app


def _power_with_risk(app: RegisterApplication) -> UUID:
    draft = PowerDraft("QX-TH", "农村村民住宅建设审批", "licensing", "《土地管理法》第六十二条",
                       ["规划建设办审核岗", "窗口受理岗", "分管领导"])  # fmt: skip
    power_id = app.catalogue_power(draft, OFFICE)
    steps = [*STEPS[:2], STEPS[2] | {"name": HOSTILE}]
    app.draw_flowchart(power_id, steps, OFFICE)
    point = RiskPointDraft("QX-TH", "规划建设办审核岗", "business_process", "踏勘一人完成无人复核",
                           ["虚假踏勘意见"], power_id=power_id, step_key="survey")  # fmt: skip
    point_id = app.identify_risk_point(point, OFFICE)
    app.grade_risk_point(
        point_id, {"importance": 4, "discretion": 4, "probability": 4, "harm": 4},
        reason="评定", responsible_leader_id="u-taihe-mayor", by=OFFICE,
    )  # fmt: skip
    return power_id


def _texts(svg: str) -> list[str]:
    # Our own output, parsed to prove it well-formed: raises on anything that is not.
    root = ET.fromstring(svg.encode())  # noqa: S314
    assert root.tag == f"{{{SVG_NS}}}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text")]


def test_the_svg_is_well_formed_and_shows_every_step_check_and_risk(runtime: Runtime) -> None:
    app = _app(runtime)
    power_id = _power_with_risk(app)
    svg = app.flowchart_svg(power_id)
    texts = _texts(svg)
    joined = "\n".join(texts)
    for number, step in enumerate(STEPS, start=1):
        assert any(t.startswith(f"{number}. ") for t in texts)
        assert f"岗位：{step['post']}" in joined
        assert f"时限：{step['time_limit_days']}日" in joined
    assert HOSTILE in joined  # escaped, not markup: it came back as text
    assert "<script>" not in svg
    for check in ("材料清单公开", "两人以上踏勘", "分管领导复核"):
        assert check in joined
    assert texts.count("自由裁量") == 2  # survey and approve exercise discretion
    assert "风险点 1（最高：高）" in texts
    assert "· 踏勘一人完成无人复核" in texts
    assert "Microsoft YaHei" in FONT_FAMILY
    assert "Noto Sans CJK SC" in FONT_FAMILY
    assert FONT_FAMILY in svg

    # Version 1 without the hostile name is still there; a redrawn chart keeps the step's risks.
    app.draw_flowchart(power_id, STEPS[1:], OFFICE)
    redrawn = _texts(app.flowchart_svg(power_id))
    assert "1. 现场踏勘" in redrawn
    assert "风险点 1（最高：高）" in redrawn
    assert not any(t.startswith("3. ") for t in redrawn)  # two steps now
    assert "1. 受理" in _texts(app.flowchart_svg(power_id, version=1))


def test_the_svg_is_served_to_readers_within_jurisdiction(runtime: Runtime) -> None:
    power_id = _power_with_risk(_app(runtime))

    def headers(user: str, unit: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token_for(runtime, user, [Role.OFFICE], unit)}"}

    with TestClient(create_api(runtime)) as client:
        path = f"/powers/{power_id}/flowchart.svg"
        got = client.get(path, headers=headers("u-th-office", "QX-TH"))
        assert got.status_code == 200
        assert got.headers["content-type"].startswith("image/svg+xml")
        assert "现场踏勘" in "\n".join(_texts(got.text))
        assert client.get(path, headers=headers("u-tp-office", "QX-TP")).status_code == 403
        th = headers("u-th-office", "QX-TH")
        wrong = client.get(path, params={"version": 9}, headers=th)
        assert wrong.status_code == 422
        assert wrong.json()["detail"][0]["loc"][-1] == "version"
