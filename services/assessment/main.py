"""The assessment service: inspections, live figures, the annual assessment (Art. 8, 30, 31)."""

from __future__ import annotations

from services.assessment import api
from services.assessment.app import AssessmentApplication
from services.assessment.settings import AssessmentSettings
from shared.runtime import ServiceSpec

SPEC = ServiceSpec(
    name="assessment",
    title="Assessment 考核评估",
    application=lambda env, clock, org, _settings: AssessmentApplication(env, clock=clock, org=org),
    translate=lambda _event, _origin: None,  # AssessmentPublished comes with issue #6
    routers=lambda: [api.router],
    consumes=("intake", "register", "warning"),
)

Settings = AssessmentSettings
