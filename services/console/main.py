"""The console service: accounts and grants, sign-in, tokens, the web console."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console import contract
from services.console.accounts import api as accounts_api
from services.console.app import ConsoleApplication
from services.console.bff import api as bff_api
from services.console.inbox import api as inbox_api
from services.console.oidc import api as oidc_api
from services.console.people import api as people_api
from services.console.public import api as public_api
from services.console.settings import ConsoleSettings
from services.console.signin import api as signin_api
from services.console.todos import api as todos_api
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> ConsoleApplication:
    """The console application."""
    assert isinstance(settings, ConsoleSettings)
    kit = settings.signin.kit(settings.common)
    return ConsoleApplication(env, clock=clock, org=org, signin=kit)


SPEC = ServiceSpec(
    name="console",
    title="Console 控制台",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        accounts_api.router,
        signin_api.session_routes,
        signin_api.admin_routes,
        oidc_api.router,
        todos_api.router,
        inbox_api.router,
        people_api.router,
        public_api.router,
        bff_api.router,
    ],
    # The registers' units: an admin's subtree includes units registered since the start.
    consumes=("register",),
    extend_api=bff_api.extend,
    # People sign in here without a token yet, and the browser's calls carry a session cookie:
    # the console bounds and checks those itself (services/console/bff/).
    bearer_before_body=False,
)

Settings = ConsoleSettings
