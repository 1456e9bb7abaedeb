"""A service's real HTTP API in tests: its client, and tokens for whoever a test acts as."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Self

from fastapi.testclient import TestClient

from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.directory import grant_test_posts
from tests.support.tokens import token_for

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from shared.auth import Role
    from shared.runtime import ServiceSpec
    from shared.settings import ServiceSettings


@contextmanager
def served(
    spec: ServiceSpec,
    settings: type[ServiceSettings],
    clock: ManualClock | None = None,
    common: CommonSettings | None = None,
) -> Iterator[tuple[Runtime, TestClient]]:
    """A service on the in-memory store (or `common`'s) and its HTTP API, without the lifespan:
    the worker (Kafka) never starts. The runtime is closed afterwards."""
    common = common or CommonSettings(store="memory")
    runtime = Runtime(spec, settings(common=common), clock or ManualClock())
    grant_test_posts(runtime.app)  # the demo district's posts, as the console published them
    with TestClient(create_api(runtime)) as client:
        yield runtime, client
    runtime.close()


class ApiClient:
    """The test client of one runtime; services' test APIs add their people and steps."""

    def __init__(self, runtime: Runtime, client: TestClient) -> None:
        self.runtime, self.client = runtime, client

    @classmethod
    def serve(
        cls,
        spec: ServiceSpec,
        settings: type[ServiceSettings],
        clock: ManualClock | None = None,
        common: CommonSettings | None = None,
    ) -> Iterator[Self]:
        """A fixture's body: this client on the service `served` in memory, for one test."""
        with served(spec, settings, clock, common) as (runtime, client):
            yield cls(runtime, client)

    def as_(
        self, user: str, role: Role, unit: str = "QX-TH", amr: Iterable[str] = ()
    ) -> dict[str, str]:
        """Headers carrying a token of `user` in `role` at `unit` (`amr`: how they signed in)."""
        token = token_for(self.runtime, user, [role], unit, amr=amr)
        return {"Authorization": f"Bearer {token}"}

    def post(self, path: str, body: Any, who: dict[str, str], **kw: Any) -> Any:
        return self.client.post(path, json=body, headers=who | kw.pop("headers", {}), **kw)

    def get(self, path: str, who: dict[str, str]) -> Any:
        return self.client.get(path, headers=who)
