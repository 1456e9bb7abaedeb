"""Fixtures of the intake unit tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.unit.intake.http_support import serve_in_process

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.unit.intake.http_support import Api


@pytest.fixture
def api() -> Iterator[Api]:
    yield from serve_in_process()
