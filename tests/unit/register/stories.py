"""What every register story needs: the application on the story's store, a manual clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.register.app import RegisterApplication
from shared.clock import ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED

if TYPE_CHECKING:
    from collections.abc import Iterator


class RegisterStoryBase:
    """A register story, re-told per store by subclasses that provide `env` (tests/support)."""

    @pytest.fixture
    def env(self) -> dict[str, str]:
        raise NotImplementedError

    @pytest.fixture
    def clock(self) -> ManualClock:
        return ManualClock()

    @pytest.fixture
    def app(self, env: dict[str, str], clock: ManualClock) -> Iterator[RegisterApplication]:
        app = RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
        yield app
        app.close()
