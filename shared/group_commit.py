"""Group commit: the writes of concurrent callers joined in one transaction and one fsync.

Issue #18. A filing's transaction ends with SQLite's fsync of the write-ahead log; with many
requests at once each waited for the write lock (SQLite's busy handler sleeps between tries)
and then for its own fsync. Here the first caller to find no commit under way leads: it takes
every write queued so far, runs them in one transaction, commits once, and hands each caller
its own outcome. Callers that arrive meanwhile queue for the next group. Durability is
unchanged: a caller returns only after the transaction holding its write has committed, and a
write that fails alone (a conflict: IntegrityError) fails only its own caller, the others
commit (the recorder isolates each write in a savepoint).

One caller alone is a group of one: the same transaction as before, no waiting added.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class QueuedWrite:
    """One caller's write, and once its group has committed, its outcome."""

    stored_events: Sequence[Any]
    kwargs: dict[str, Any]
    done: bool = False
    result: Sequence[int] | None = None
    error: BaseException | None = field(default=None, repr=False)

    def outcome(self) -> Sequence[int] | None:
        if self.error is not None:
            raise self.error
        return self.result


class GroupCommit:
    """Joins concurrent writes; `commit_group` writes a group in one transaction.

    `commit_group` sets each write's `result` or `error` (its own failure); if it raises, the
    transaction failed as a whole and every write of the group gets that error.
    """

    def __init__(self, commit_group: Callable[[list[QueuedWrite]], None]) -> None:
        self._commit_group = commit_group
        self._changed = threading.Condition()
        self._queue: list[QueuedWrite] = []
        self._committing = False
        self.groups = 0
        self.writes = 0

    def write(self, stored_events: Sequence[Any], **kwargs: Any) -> Sequence[int] | None:
        """Write with whoever else is writing now; return once the write is committed."""
        mine = QueuedWrite(stored_events, kwargs)
        with self._changed:
            self._queue.append(mine)
            while self._committing and not mine.done:
                self._changed.wait()
            if mine.done:  # a leader committed it while this caller waited
                return mine.outcome()
            group, self._queue = self._queue, []
            self._committing = True
        try:
            self._commit_group(group)
        except BaseException as exc:
            for write in group:
                if write.error is None:
                    write.error = exc
        finally:
            with self._changed:
                for write in group:
                    write.done = True
                self.groups += 1
                self.writes += len(group)
                self._committing = False
                self._changed.notify_all()
        return mine.outcome()
