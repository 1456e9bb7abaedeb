"""A service's real HTTP API in tests: its client, and tokens for whoever a test acts as."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from shared.auth import Role
    from shared.runtime import Runtime


class ApiClient:
    """The test client of one runtime; services' test APIs add their people and steps."""

    def __init__(self, runtime: Runtime, client: TestClient) -> None:
        self.runtime, self.client = runtime, client

    def as_(self, user: str, role: Role, unit: str = "QX-TH") -> dict[str, str]:
        """Headers carrying a token of `user` in `role` at `unit`."""
        return {"Authorization": f"Bearer {self.runtime.tokens.mint(user, [role], unit)}"}

    def post(self, path: str, body: Any, who: dict[str, str], **kw: Any) -> Any:
        return self.client.post(path, json=body, headers=who | kw.pop("headers", {}), **kw)

    def get(self, path: str, who: dict[str, str]) -> Any:
        return self.client.get(path, headers=who)
