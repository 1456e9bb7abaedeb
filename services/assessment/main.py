"""The assessment service: inspections, live figures, the annual assessment (Art. 8, 30, 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment import (
    api,
    api_assessments,
    api_exports,
    api_inspections,
    api_recognitions,
    api_surveys,
    contract,
)
from services.assessment.app import AssessmentApplication
from services.assessment.settings import AssessmentSettings
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> AssessmentApplication:
    """The assessment application with its configured scheme, for this node's subtree."""
    scheme = settings.scheme if isinstance(settings, AssessmentSettings) else None
    return AssessmentApplication(
        env, clock=clock, org=org, scheme=scheme, node_root=settings.common.node_root_unit
    )


SPEC = ServiceSpec(
    name="assessment",
    title="Assessment 考核评估",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        api.router,
        api_inspections.router,
        api_recognitions.router,
        api_surveys.router,
        api_assessments.router,
        api_exports.router,
    ],
    consumes=("intake", "register", "warning"),
)

Settings = AssessmentSettings
