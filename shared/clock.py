"""The one source of "now": deadlines (Art. 23, 24, 28) are judged against it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Protocol

BEIJING = timezone(timedelta(hours=8), "CST")
"""Beijing time (UTC+8, no daylight saving): what people read on notices, and how years and
reporting periods fall. Stored times stay in UTC."""


class Clock(Protocol):
    """Anything that tells the current, timezone-aware time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The wall clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to: tests and demos move time forward with it."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start")
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move time forward (never back: deadlines must not un-expire)."""
        if delta < timedelta(0):
            raise ValueError("time only moves forward")
        with self._lock:
            self._now += delta
            return self._now

    def set(self, moment: datetime) -> None:
        """Jump to a later moment."""
        self.advance(moment - self.now())


class DevShiftedClock:
    """The wall clock moved forward by an offset a development or test deployment writes into a
    file (`LIANFANG_DEV_CLOCK_FILE`, seconds as a decimal number): every process of a node that
    reads the same file agrees on the time, so a test can let the publication period 公示期
    (Art. 10) or a measure's due date pass without waiting for it.

    Only in dev mode (`clock_for` and `shared/keys.py` refuse it otherwise): the regulation's
    minimum periods must not be shortenable in production. The offset only grows (deadlines must
    not un-expire): a smaller, negative or unreadable value leaves the offset as it was. The file
    is read again only when its modification time changes."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._offset = timedelta(0)
        self._seen: float | None = None
        self._lock = threading.Lock()

    def offset(self) -> timedelta:
        with self._lock:
            try:
                stamp = self._path.stat().st_mtime_ns / 1e9
            except OSError:
                return self._offset  # no file (yet): no shift beyond what was read before
            if stamp != self._seen:
                self._seen = stamp
                self._offset = max(self._offset, _seconds_in(self._path))
            return self._offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset()


def _seconds_in(path: Path) -> timedelta:
    """The offset written in `path`; zero when it is not a finite non-negative number."""
    try:
        seconds = float(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return timedelta(0)
    if not 0 <= seconds < float("inf"):
        return timedelta(0)
    return timedelta(seconds=seconds)


def shift_dev_clock(path: Path, by: timedelta) -> timedelta:
    """Move a node's development clock forward by `by` (what a test or demo calls); returns the
    new total offset. Written whole, then renamed, so no process reads half a number."""
    if by < timedelta(0):
        raise ValueError("time only moves forward")
    total = _seconds_in(path) + by
    partial = path.with_name(f"{path.name}.partial")
    partial.write_text(f"{total.total_seconds()}\n", encoding="utf-8")
    partial.replace(path)
    return total


def clock_for(dev_mode: bool, dev_clock_file: Path | None) -> Clock:
    """The clock a service process runs on: the wall clock, or in dev mode a shifted one when a
    clock file is configured. A clock file outside dev mode is refused (ValueError)."""
    if dev_clock_file is None:
        return SystemClock()
    if not dev_mode:
        raise ValueError(
            "LIANFANG_DEV_CLOCK_FILE is set outside dev mode: the regulation's periods "
            "(公示期, Art. 10; deadlines, Art. 23, 24, 28) may not be shortened in production"
        )
    return DevShiftedClock(dev_clock_file)
