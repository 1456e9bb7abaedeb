"""How often the public pages may be called: per client address and overall (Art. 22, 30(5)).

A sliding window of recent calls per bucket. The client's address is held only as a keyed hash
under a key that lives and dies with the process, and only for the window: it is never logged,
stored or passed on (docs/public-pages.md, no tracking).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.clock import Clock


@dataclass(frozen=True)
class Limit:
    """At most `calls` within `window_seconds`."""

    calls: int
    window_seconds: float


class RateLimited(Exception):
    """Over a limit; `retry_after` whole seconds until a call would be taken again."""

    def __init__(self, retry_after: int, scope: str) -> None:
        super().__init__(f"too many requests ({scope}); retry after {retry_after} s")
        self.retry_after = retry_after
        self.scope = scope


class RateLimiter:
    """Sliding-window limits for one kind of public call: per client and for everybody."""

    def __init__(self, clock: Clock, *, per_client: Limit, overall: Limit) -> None:
        self.clock = clock
        self.per_client = per_client
        self.overall = overall
        self._key = secrets.token_bytes(32)
        self._clients: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _client_key(self, address: str) -> str:
        return hmac.new(self._key, address.encode("utf-8"), hashlib.sha256).hexdigest()

    def take(self, address: str) -> None:
        """Count one call from `address`, or raise RateLimited (nothing counted then)."""
        now = self.clock.now().timestamp()
        key = self._client_key(address)
        with self._lock:
            mine = self._clients.setdefault(key, deque())
            _forget_before(mine, now - self.per_client.window_seconds)
            _forget_before(self._all, now - self.overall.window_seconds)
            if len(mine) >= self.per_client.calls:
                raise RateLimited(_wait(mine, self.per_client, now), "this address")
            if len(self._all) >= self.overall.calls:
                raise RateLimited(_wait(self._all, self.overall, now), "all addresses")
            mine.append(now)
            self._all.append(now)
            if len(self._clients) > 2 * self.overall.calls:  # bounded: drop idle clients
                cutoff = now - self.per_client.window_seconds
                for client, calls in list(self._clients.items()):
                    _forget_before(calls, cutoff)
                    if not calls:
                        del self._clients[client]


def _forget_before(calls: deque[float], cutoff: float) -> None:
    while calls and calls[0] <= cutoff:
        calls.popleft()


def _wait(calls: deque[float], limit: Limit, now: float) -> int:
    return max(1, math.ceil(calls[0] + limit.window_seconds - now))
