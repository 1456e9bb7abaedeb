"""The assessment service: inspections, live figures, the annual assessment (Art. 8, 30, 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment import contract
from services.assessment.app import AssessmentApplication
from services.assessment.dashboard import api as dashboard_api
from services.assessment.figures import api as figures_api
from services.assessment.inspections import api as inspections_api
from services.assessment.recognition import api as recognition_api
from services.assessment.scoring import api as scoring_api
from services.assessment.settings import AssessmentSettings
from services.assessment.surveys import api as surveys_api
from shared.audit import api as audit_api
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> AssessmentApplication:
    """The assessment application with its configured scheme, for this node's subtree (Art. 31)."""
    # The runtime hands each service the settings of its own `Settings` class (services/registry).
    assert isinstance(settings, AssessmentSettings)
    return AssessmentApplication(
        env, clock=clock, org=org, scheme=settings.scheme, node_root=settings.common.node_root_unit
    )


SPEC = ServiceSpec(
    name="assessment",
    title="Assessment 考核评估",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        figures_api.router,
        inspections_api.router,
        recognition_api.router,
        surveys_api.router,
        surveys_api.public_router,
        scoring_api.router,
        scoring_api.exports,
        audit_api.timelines,  # from the index its worker keeps (shared/audit/case_index.py)
        dashboard_api.router,
    ],
    # And the console's suspended accounts and revoked keys (shared/revocation.py); and its own
    # topic, for the case-timeline index (its own results, and other nodes').
    consumes=("intake", "register", "warning", "console", "assessment"),
)

Settings = AssessmentSettings
