"""The assessment demo runs against the real API, and a re-run adds nothing (Art. 8, 30, 31)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from lianfang.demo_assessment import WRONG_GRADE_POINT, load_assessment_demo
from services.assessment.contract import translate
from services.assessment.main import SPEC
from services.assessment.settings import AssessmentSettings
from shared.clock import ManualClock
from shared.events import AssessmentPublished, RevisionRequested
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.tokens import minter_for


def test_the_demo_scores_three_units_and_publishes_one() -> None:
    settings = AssessmentSettings(common=CommonSettings(store="memory"))
    runtime = Runtime(SPEC, settings, clock=ManualClock(datetime.now(UTC)))
    with TestClient(create_api(runtime)) as client:
        totals = load_assessment_demo("http://testserver", minter_for(runtime), client)
        # No upstream facts here: identification 0, reporting/warnings/rectification/overdue full.
        # 教育局: self-inspection done, social 10 * mean(0.9167, 0.75, 0.6667) = 7.78, +2.
        # 0 + 15 + 15 + 15 + 10 + 15 + 7.78 + 2 = 79.78
        # 卫健局: inspection 15 - 1 (closed in time) - 3 (open) - 3 (self not done) = 8; social 8;
        # accountability -5: 0 + 15 + 15 + 15 + 10 + 8 + 8 - 5 = 66
        # 财政局: inspection 15 - 3 (open) - 3 (self not done) = 9: 0 + 55 + 9 + 8 = 72
        assert totals == {"QX-JY": 79.78, "QX-WJ": 66, "QX-CZ": 72}
        again = load_assessment_demo("http://testserver", minter_for(runtime), client)
        assert again == {"QX-WJ": 66, "QX-CZ": 72}  # 教育局's result is published and final
    app = runtime.app
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    out = [translate(app.mapper.to_domain_event(n), runtime.origin) for n in notes]
    revisions = [e for e in out if isinstance(e, RevisionRequested)]
    assert [r.data.risk_point_id for r in revisions] == [WRONG_GRADE_POINT]
    assert [e.data.unit_code for e in out if isinstance(e, AssessmentPublished)] == ["QX-JY"]
    runtime.close()
