"""What every register story needs: the application on the story's store, a manual clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.app import RegisterApplication
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import Story

if TYPE_CHECKING:
    from shared.clock import ManualClock


class RegisterStoryBase(Story[RegisterApplication]):
    """A register story, re-told per store by subclasses that provide `env` (tests/support)."""

    def make_app(self, env: dict[str, str], clock: ManualClock) -> RegisterApplication:
        return RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
