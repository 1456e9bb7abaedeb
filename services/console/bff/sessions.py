"""Server-side sessions of the web console (backend-for-frontend): the browser holds an opaque id.

A session lives in the memory of the console process: a restart signs everybody out (they sign in
again; nothing else is lost). It holds the short-lived token the console mints for the person and
passes on to the node's services, so no token ever reaches the browser. The browser's cookie
`lianfang_session` carries a random id; the store keeps only its SHA-256, so a memory dump does
not hand out usable cookies. A session idle longer than the idle timeout ends (GB/T 22239-2019
8.1.4.1 b, 连接超时自动退出).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime, timedelta

    from shared.clock import Clock

SESSION_COOKIE = "lianfang_session"
CSRF_COOKIE = "lianfang_csrf"
CSRF_HEADER = "X-Lianfang-CSRF"
BACKGROUND_HEADER = "X-Lianfang-Background"
"""Set (to 1) on calls the console makes by itself (polling the to-dos): they are not activity,
so they do not keep an idle session alive."""


@dataclass
class Session:
    """One signed-in person at one browser: who, their token, and when they last did anything."""

    user_id: str
    csrf: str
    token: str
    token_expires_at: datetime
    second_factor: bool
    me: dict[str, Any]
    started_at: datetime
    last_seen_at: datetime
    amr: tuple[str, ...] = ()
    """How the person signed in (RFC 8176), what each token of the session says."""
    pending_totp_secret: str | None = field(default=None, repr=False)
    """A TOTP secret offered for enrolment, awaiting its confirming code (never stored)."""


def _key(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


class SessionStore:
    """The console's sessions, in memory, ended after `idle_timeout` without a request."""

    def __init__(self, clock: Clock, idle_timeout: timedelta, max_sessions: int = 10_000) -> None:
        self._clock = clock
        self._idle_timeout = idle_timeout
        self._max_sessions = max_sessions
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    @property
    def idle_timeout(self) -> timedelta:
        return self._idle_timeout

    def open(
        self,
        user_id: str,
        token: str,
        token_expires_at: datetime,
        *,
        second_factor: bool,
        me: dict[str, Any],
        amr: tuple[str, ...] = (),
    ) -> tuple[str, Session]:
        """A new session: its id (for the cookie only) and the session."""
        now = self._clock.now()
        session_id = secrets.token_urlsafe(32)
        session = Session(
            user_id=user_id,
            csrf=secrets.token_urlsafe(32),
            token=token,
            token_expires_at=token_expires_at,
            second_factor=second_factor,
            me=me,
            amr=amr,
            started_at=now,
            last_seen_at=now,
        )
        with self._lock:
            if len(self._sessions) >= self._max_sessions:
                self._drop_idle(now)
            if len(self._sessions) >= self._max_sessions:
                # Bounded memory: the longest-idle session makes room (its owner signs in again).
                oldest = min(self._sessions, key=lambda k: self._sessions[k].last_seen_at)
                del self._sessions[oldest]
            self._sessions[_key(session_id)] = session
        return session_id, session

    def get(self, session_id: str | None, *, touch: bool = True) -> Session | None:
        """The live session of that id, touched now unless `touch` is false (a background call);
        None (and ended) when idle too long."""
        if not session_id:
            return None
        now = self._clock.now()
        key = _key(session_id)
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                return None
            if now - session.last_seen_at >= self._idle_timeout:
                del self._sessions[key]
                return None
            if touch:
                session.last_seen_at = now
            return session

    def end(self, session_id: str | None) -> None:
        """Sign out: the session is gone."""
        if session_id:
            with self._lock:
                self._sessions.pop(_key(session_id), None)

    def end_all_of(self, user_id: str, keep: str | None = None) -> int:
        """End every session of a person (suspended, password changed) but the one to `keep`;
        how many ended."""
        kept = _key(keep) if keep else None
        with self._lock:
            keys = [k for k, s in self._sessions.items() if s.user_id == user_id and k != kept]
            for k in keys:
                del self._sessions[k]
            return len(keys)

    def __len__(self) -> int:
        return len(self._sessions)

    def _drop_idle(self, now: datetime) -> None:
        idle = [k for k, s in self._sessions.items() if now - s.last_seen_at >= self._idle_timeout]
        for k in idle:
            del self._sessions[k]
