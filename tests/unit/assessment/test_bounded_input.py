"""Bounded, clean input to the assessment service (issue #17 items 4–5, Art. 30–31): a
recognition or a survey with an over-long field or a control character is refused with a 422
naming the field, and nothing is stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from services.assessment.main import SPEC
from services.assessment.settings import AssessmentSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.settings import CommonSettings
from tests.support.bounds import refused, stored
from tests.support.http_api import served
from tests.unit.assessment.test_assessment_api import UNIT, Api

if TYPE_CHECKING:
    from collections.abc import Iterator

RECOGNITION = {"kind": "commendation", "unit_code": UNIT, "reason": "廉政风险防控工作突出",
               "reference": "太和纪发〔2026〕5号"}  # fmt: skip


@pytest.fixture
def api() -> Iterator[Api]:
    """太和镇's node, which manages UNIT (Art. 7, 31)."""
    clock = ManualClock(datetime(2026, 6, 1, 2, 0, tzinfo=UTC))
    common = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    with served(SPEC, AssessmentSettings, clock, common) as (runtime, client):
        yield Api(runtime, client)


def test_an_overlong_field_or_a_control_character_records_nothing(api: Api) -> None:
    office = api.as_(Role.OFFICE, "QX-TH")
    long_reason = RECOGNITION | {"reason": "事" * 4001}
    refused(api.post("/recognitions", long_reason, office), "reason", "at most 4000 characters")
    # A decision number is one line: a line separator would break the exported scorecards.
    split = RECOGNITION | {"reference": "太和纪发\u2028〔2026〕5号"}
    refused(api.post("/recognitions", split, office), "reference", "control character U+2028")
    unit = RECOGNITION | {"unit_code": "QX-TH-CZS\x00"}
    refused(api.post("/recognitions", unit, office), "unit_code", "control character U+0000")
    survey = {"unit_code": UNIT, "title": "满意度测评\x07",
              "questions": [{"id": "q1", "text": "廉洁自律情况"}]}  # fmt: skip
    refused(api.post("/surveys", survey, office), "title", "control character U+0007")
    figures = api.get("/figures", office, year=2026, within="QX\x7f")
    refused(figures, "within", "control character U+007F")
    listed = api.get("/recognitions", office, year=2026, unit_code="Q" * 65)
    refused(listed, "unit_code", "at most 64 characters")
    assert stored(api.runtime) == 0
    made = api.post("/recognitions", RECOGNITION | {"reason": "第一段。\n第二段。"}, office)
    assert made.status_code == 201, made.text
